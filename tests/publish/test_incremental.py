"""Incremental site builds (dossier/publish/incremental.py): after one
article changed, `dossier build` renders only the pages that changed, and its
site is byte for byte the site a full build makes."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from dossier.errors import BuildError
from dossier.progress import Reporter, reporting
from dossier.publish.incremental import MANIFEST_DIR, IncrementalSite, Manifest, manifest_path, save_manifest
from dossier.publish.site import build_site
from tests.changes.articles import HELD, PLANNED
from tests.conftest import SEEDS, mkdocs_yml, write_project

EDIT = '\n\n"We will meet again before the summer," said Ines Marlow, a spokeswoman for the talks.\n'


def _project(root: Path, *, pdf: bool = False, custom_dir: str = "") -> Path:
    config = mkdocs_yml(pdf="true" if pdf else "false")
    if custom_dir:
        config = config.replace("  name: material\n", f"  name: material\n  custom_dir: {custom_dir}\n")
        (root / custom_dir).mkdir(parents=True)
    project = write_project(root, {"planned.md": PLANNED, "held.md": HELD}, config=config)
    for article in SEEDS.iterdir():
        shutil.copy(article, project / "articles" / article.name)
    return project


def _build(project: Path, *, strict: bool = True, workers: int = 1) -> int:
    """`dossier build`; returns how many pages it did not render."""
    reporter = Reporter()
    with reporting(reporter):
        build_site(project / "mkdocs.yml", strict=strict, workers=workers)
    site = next(s for s in reporter.stages if s.name == "site")
    return int(site.note.split()[0]) if site.note.endswith("unchanged") else 0


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _full_build(project: Path, elsewhere: Path) -> dict[str, bytes]:
    """The site a full build of `project` makes (in a copy, without the manifest)."""
    copy = shutil.copytree(project, elsewhere, ignore=shutil.ignore_patterns("site", MANIFEST_DIR))
    assert _build(copy) == 0
    return _tree(copy / "site")


def _manifest(project: Path) -> Path:
    return manifest_path(project / ".dossier-cache", project / "site")


def _edit(project: Path) -> None:
    held = project / "articles" / "held.md"
    held.write_text(held.read_text(encoding="utf-8") + EDIT, encoding="utf-8")


def test_incremental_build_is_byte_identical_to_a_full_build(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", pdf=True)
    assert _build(project) == 0  # no manifest yet
    assert _manifest(project).is_file()
    pages = len(list((project / "site").rglob("*.html")))
    assert _build(project, workers=2) > pages // 2, "nothing changed, yet most pages were rendered again"
    _edit(project)
    skipped = _build(project)
    assert 0 < skipped < pages
    incremental = _tree(project / "site")
    assert "people/ines-marlow/index.html" in incremental  # the edit's new person
    full = _full_build(project, tmp_path / "full")
    assert incremental.keys() == full.keys()
    assert [p for p in full if incremental[p] != full[p]] == []
    assert any(p.endswith(".pdf") for p in full) and "search/search_index.json" in full and "sitemap.xml" in full


def test_failed_incremental_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    _edit(project)  # held.md has a paragraph 4, which a hand-written page links to
    (project / "docs" / "links.md").write_text("# Links\n\n[The spokeswoman](sources/held.md#p4)\n", encoding="utf-8")
    _build(project)
    before = _tree(project / "site")
    manifest = _manifest(project).read_bytes()
    (project / "articles" / "held.md").write_text(HELD, encoding="utf-8")  # paragraph 4 goes
    reporter = Reporter()
    with reporting(reporter), pytest.raises(BuildError, match="previous site is left as it was"):
        build_site(project / "mkdocs.yml", strict=True, workers=1)  # the link's warning fails the build
    site = next(s for s in reporter.stages if s.name == "site")
    assert site.note.endswith("unchanged"), "the build failed before it copied the unchanged pages"
    assert _tree(project / "site") == before
    assert _manifest(project).read_bytes() == manifest
    assert not list(project.glob(".site.building-*"))
    (project / "docs" / "links.md").unlink()
    _build(project)
    assert _tree(project / "site") == _full_build(project, tmp_path / "full")


@pytest.mark.parametrize("change", ["mkdocs.yml", "theme override", "hand-written page"])
def test_a_change_every_page_depends_on_makes_a_full_build(tmp_path: Path, change: str) -> None:
    project = _project(tmp_path / "project", custom_dir="overrides")
    _build(project)
    if change == "mkdocs.yml":
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("site_name: Test dossier",
                                                                     "site_name: Another name"), encoding="utf-8")
    elif change == "theme override":
        (project / "overrides" / "main.html").write_text(
            '{% extends "base.html" %}\n{% block content %}<p class="marker">Draft</p>{{ super() }}{% endblock %}\n',
            encoding="utf-8",
        )
    else:  # its title is in the nav of every page
        (project / "docs" / "about.md").write_text("# About this dossier\n\nA test dossier.\n", encoding="utf-8")
    assert _build(project) == 0
    assert _tree(project / "site") == _full_build(project, tmp_path / "full")


def test_damaged_manifest_makes_a_full_build(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    _build(project)
    manifest = _manifest(project)
    manifest.write_bytes(manifest.read_bytes().replace(b'"html":"', b'"html":"0', 1))
    assert _build(project) == 0
    assert _build(project) > 0  # the full build wrote a good manifest


def test_a_changed_page_is_copied_only_if_its_html_is_the_one_recorded(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    _build(project)
    people = sorted((project / "site" / "people").glob("*.html"))
    people[0].write_text("tampered", encoding="utf-8")
    skipped = _build(project)
    assert skipped > 0
    assert "tampered" not in people[0].read_text(encoding="utf-8")


def test_anchor_warnings_are_the_same_as_in_a_full_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = _project(tmp_path / "project")
    (project / "docs" / "links.md").write_text(
        "# Links\n\n[a paragraph](sources/held.md#p2), [no such paragraph](sources/held.md#p99)\n", encoding="utf-8"
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        _build(project, strict=False)
        full = sorted(r.getMessage() for r in caplog.records if "anchor" in r.getMessage())
        caplog.clear()
        assert _build(project, strict=False) > 0
        again = sorted(r.getMessage() for r in caplog.records if "anchor" in r.getMessage())
    assert len(full) == 1 and "#p99" in full[0]
    assert again == full


def test_serve_dirty_rebuild_renders_only_changed_pages_and_matches_a_clean_serve(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` rebuilds in its folder: after an edit it renders
    only the pages that changed, removes the pages that are gone, and the
    folder is what `mkdocs serve` makes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = _project(tmp_path / "project")

    def serve(site: Path, *, dirty: bool, first: bool = False) -> IncrementalSite | None:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)  # serve reloads it
        if first:
            config.plugins.on_startup(command="serve", dirty=dirty)
        try:
            build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)  # strict: no "dirty build" warning
        except BaseException:
            config.plugins.on_shutdown()
            raise
        return config.plugins["dossier"].incremental  # type: ignore[attr-defined, no-any-return]

    def stop() -> None:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)  # MkDocs keeps these plugin instances
        config.plugins.on_shutdown()
        search = config.plugins["material/search"]
        search.search_index_prev = None  # type: ignore[attr-defined]  # its index of dirty reloads

    try:
        first = serve(tmp_path / "served", dirty=True, first=True)
        assert first is not None and not first.skipped
        _edit(project)
        rebuild = serve(tmp_path / "served", dirty=True)
        assert rebuild is not None and rebuild.skipped
        assert "sources/held.md" not in rebuild.skipped and "people/index.md" not in rebuild.skipped
        (project / "articles" / "planned.md").unlink()  # its source page goes
        assert (tmp_path / "served" / "sources" / "planned" / "index.html").is_file()
        assert serve(tmp_path / "served", dirty=True) is not None
        assert not (tmp_path / "served" / "sources" / "planned").exists()
    finally:
        stop()
    try:
        assert serve(tmp_path / "clean", dirty=False, first=True) is None
    finally:
        stop()
    assert _tree(tmp_path / "served") == _tree(tmp_path / "clean")


def test_a_page_whose_link_would_resolve_differently_is_rendered_again(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    _build(project)
    all_skipped = _build(project)
    manifest = Manifest.loads(_manifest(project).read_text(encoding="utf-8"))
    assert manifest is not None
    page, record = next((p, r) for p, r in sorted(manifest.pages.items()) if r.lookups)
    target = next(iter(record.lookups))
    record.lookups[target] = None  # as if the target had not existed when the page was rendered
    save_manifest(manifest, _manifest(project))
    assert _build(project) == all_skipped - 1
    again = Manifest.loads(_manifest(project).read_text(encoding="utf-8"))
    assert again is not None and again.pages[page].lookups[target] is not None

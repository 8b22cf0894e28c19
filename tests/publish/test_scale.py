"""Builds on both cores: byte-identical to a one-process build; warm
builds reuse the cache; stale folders of interrupted builds are removed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier import pipeline
from dossier.progress import Reporter, reporting
from dossier.publish.site import BUILDING_MARKER, build_site, mark_building, remove_stale_builds, replace_dir
from tests.conftest import mkdocs_yml, write_project

ARTICLES = {
    f"{i:02d}-talks.txt": (
        f"Talks number {i}\n\nTalks number {i}\n\nOSLO, 3 March 2021. Foreign Minister Anna Lind said she would "
        f"meet Prime Minister John Smith{i} in Oslo next week.\n\n\"We need an agreement,\" Lind told reporters.\n"
    )
    for i in range(4)
}


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(root: Path, workers: int) -> tuple[dict[str, bytes], Reporter]:
    pipeline.clear_memory_cache()
    reporter = Reporter()
    with reporting(reporter):
        site = build_site(root / "mkdocs.yml", workers=workers)
    return _files(site), reporter


@pytest.mark.slow
def test_scale_parallel_build_is_byte_identical_to_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN", 1)  # worker processes even for four articles
    config = mkdocs_yml(as_of='"2021-03-01"', pdf_sources="separate")
    serial = write_project(tmp_path / "serial", ARTICLES, config=config)
    parallel = write_project(tmp_path / "parallel", ARTICLES, config=config)
    one, _ = _build(serial, 1)
    two, reporter = _build(parallel, 2)
    assert "pdf/dossier.pdf" in one and "pdf/sources.pdf" in one
    assert any(name.startswith("pdf/brief-") for name in one)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert all(len(content) > 1000 for name, content in two.items() if name.endswith(".pdf"))
    # A second build re-extracts nothing and lays out no PDF again.
    again, reporter = _build(parallel, 2)
    stages = {s.name: s for s in reporter.stages}
    assert stages["extract"].count == 0 and stages["PDFs"].note.startswith(f"{stages['PDFs'].count} unchanged")
    assert again == two


@pytest.mark.slow
def test_scale_past_briefs_only_on_request(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", ARTICLES, config=mkdocs_yml(as_of='"2022-01-01"'))
    files, _ = _build(root, 1)
    assert not [n for n in files if n.startswith("pdf/brief-")]
    assert not any(b"pdf/brief-" in c for n, c in files.items() if n.endswith(".html"))
    root = write_project(tmp_path / "q", ARTICLES, config=mkdocs_yml(as_of='"2022-01-01"', past_briefs="true"))
    files, _ = _build(root, 1)
    briefs = [n for n in files if n.startswith("pdf/brief-")]
    assert briefs
    linked = [n for n, c in files.items() if n.endswith(".html") and briefs[0].encode() in c]
    assert linked, "no page links the brief"


def test_scale_stale_build_folders_removed_others_kept(tmp_path: Path) -> None:
    site = tmp_path / "site"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    stale = tmp_path / ".site.building-stale"
    stale.mkdir()
    (stale / "index.html").write_text("half a site")
    (stale / BUILDING_MARKER).write_text(f"{int(dead.stdout)} -\n")
    live = tmp_path / ".site.building-live"
    live.mkdir()
    mark_building(live)  # this process is building there
    unmarked = tmp_path / ".site.building-mine"
    unmarked.mkdir()  # not made by dossier (no marker): never touched
    other = tmp_path / ".other.building-x"
    other.mkdir()
    (other / BUILDING_MARKER).write_text(f"{int(dead.stdout)} -\n")
    deleting = tmp_path / ".site.old-abc"  # a replaced site whose deletion was stopped
    deleting.mkdir()
    (deleting / "index.html").write_text("the site before")
    (deleting / BUILDING_MARKER).write_text(f"{int(dead.stdout)} -\n")
    assert remove_stale_builds(site) == [stale, deleting]
    assert not stale.exists() and not deleting.exists()
    assert live.exists() and unmarked.exists() and other.exists()


def test_scale_replaced_site_deleted_in_the_background(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "people").mkdir(parents=True)
    (site / "people" / "index.html").write_text("old")
    new = tmp_path / ".site.building-x"
    new.mkdir()
    (new / "index.html").write_text("new")
    replace_dir(new, site, delete_later=True)
    assert (site / "index.html").read_text() == "new" and not (site / "people").exists()
    deadline = time.monotonic() + 30
    while list(tmp_path.glob(".site.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(tmp_path.glob(".site.*")), "the replaced site was not deleted"


@pytest.mark.slow
def test_scale_build_removes_a_stale_folder_and_leaves_no_marker(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", dict(list(ARTICLES.items())[:1]), config=mkdocs_yml(pdf="false"))
    stale = root / ".site.building-old"
    stale.mkdir()
    (stale / BUILDING_MARKER).write_text("999999999 -\n")
    files, _ = _build(root, 1)
    assert not stale.exists()
    assert BUILDING_MARKER not in files and "index.html" in files
    assert not list(root.glob(".site.*"))

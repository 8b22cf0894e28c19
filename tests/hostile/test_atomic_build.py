"""`build_site` replaces the old site only when the new one is complete: a
failure anywhere leaves the last good site and every user file as they
were, and leaves no staging folder behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.errors import BuildError
from dossier.publish.site import build_epoch, build_site, replace_dir
from tests.conftest import mkdocs_yml
from tests.hostile.corpus import tree_digest

pytestmark = pytest.mark.slow

ARTICLE = "Putin meets Abe\n\nVladimir Putin met Shinzo Abe in Vladivostok on September 2, 2016, officials said.\n"


def small_project(root: Path, *, site_dir: str = "site", **options: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "articles").mkdir()
    (root / "articles" / "putin-abe.txt").write_text(ARTICLE, encoding="utf-8")
    yml = mkdocs_yml(
        site_name="Small dossier", site_url="https://dossier.example/", site_dir=site_dir, validation=False,
        pdf="false", **options,
    )
    (root / "mkdocs.yml").write_text(yml, encoding="utf-8")
    return root


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A project with a good site: (project, digest of the site, digest of
    everything else)."""
    project = small_project(tmp_path / "project")
    build_site(project / "mkdocs.yml")
    return project, tree_digest(project / "site"), tree_digest(project, skip=("site",))


def assert_untouched(project: Path, site: dict[str, str], user: dict[str, str]) -> None:
    assert tree_digest(project / "site") == site, "the last good site changed"
    assert tree_digest(project, skip=("site",)) == user, "user files changed"
    assert leftovers(project) == [], "a staging folder was left behind"


def test_atomic_build_template_error_keeps_old_site(built: tuple[Path, dict, dict]) -> None:
    project, site, _ = built
    (project / "templates" / "pages").mkdir()
    (project / "templates" / "pages" / "person.md.j2").write_text("# {{ no_such_variable }}\n", encoding="utf-8")
    user = tree_digest(project, skip=("site",))
    with pytest.raises(BuildError, match="previous site is left as it was"):
        build_site(project / "mkdocs.yml")
    assert_untouched(project, site, user)


def test_atomic_build_failure_midway_keeps_old_site(
    built: tuple[Path, dict, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, site, user = built
    from mkdocs.commands import build as mkdocs_build

    real_build = mkdocs_build.build

    def half_build(config, **kwargs):  # type: ignore[no-untyped-def]
        real_build(config, **kwargs)
        Path(config.site_dir, "index.html").write_text("half written", encoding="utf-8")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mkdocs_build, "build", half_build)
    with pytest.raises(BuildError, match="No space left on device"):
        build_site(project / "mkdocs.yml")
    assert_untouched(project, site, user)


def test_atomic_build_interrupt_keeps_old_site(built: tuple[Path, dict, dict], monkeypatch: pytest.MonkeyPatch) -> None:
    project, site, user = built
    from mkdocs.commands import build as mkdocs_build

    def interrupted(config, **kwargs):  # type: ignore[no-untyped-def]
        Path(config.site_dir, "partial.html").write_text("partial", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(mkdocs_build, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_site(project / "mkdocs.yml")
    assert_untouched(project, site, user)


def test_atomic_build_strict_bad_article_keeps_old_site(built: tuple[Path, dict, dict]) -> None:
    project, site, _ = built
    (project / "articles" / "empty.txt").write_bytes(b"")
    user = tree_digest(project, skip=("site",))
    with pytest.raises(BuildError, match=r"empty\.txt: the file is empty"):
        build_site(project / "mkdocs.yml", strict=True)
    assert_untouched(project, site, user)
    build_site(project / "mkdocs.yml")
    assert "empty.txt" in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_atomic_build_replace_dir_restores_old_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    new = tmp_path / ".site.building-x"
    new.mkdir()
    real_rename = Path.rename

    def failing_rename(self: Path, dest: Path) -> Path:
        if self == new:
            raise OSError(18, "Invalid cross-device link")
        return real_rename(self, dest)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(OSError):
        replace_dir(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("site_dir", [".", "articles", "docs/..", "templates", "articles/site", ".."])
def test_atomic_build_refuses_site_dir_over_user_files(tmp_path: Path, site_dir: str) -> None:
    project = small_project(tmp_path / "project", site_dir=site_dir)
    user = tree_digest(tmp_path)
    with pytest.raises(BuildError, match=r"nothing was changed|invalid configuration"):
        build_site(project / "mkdocs.yml")
    assert tree_digest(tmp_path) == user


def test_atomic_build_refuses_folder_that_is_not_a_site(tmp_path: Path) -> None:
    project = small_project(tmp_path / "project", site_dir="notes")
    (project / "notes").mkdir()
    (project / "notes" / "todo.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(BuildError, match="does not hold an earlier build"):
        build_site(project / "mkdocs.yml")
    assert (project / "notes" / "todo.txt").read_text(encoding="utf-8") == "my notes"


def test_atomic_build_epoch_is_the_as_of_date() -> None:
    assert build_epoch("2016-09-05") == 1473033600
    assert build_epoch(None) == 0
    assert build_epoch("not a date") == 0


def test_atomic_build_sitemap_dates_are_the_as_of_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = small_project(tmp_path / "project", as_of='"2016-09-05"')
    build_site(project / "mkdocs.yml")
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2016-09-05</lastmod>" in sitemap
    assert "SOURCE_DATE_EPOCH" not in os.environ, "the build left SOURCE_DATE_EPOCH set"

"""Shared fixtures: the seed's briefing, and real MkDocs builds of small
projects in temporary folders (no mocks of MkDocs)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.model import Briefing

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite the golden files under tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_briefing() -> Briefing:
    from dossier.pipeline import build_briefing

    return build_briefing([SEEDS])


DEFAULT_EXTENSIONS = """\
  - tables
  - attr_list
  - toc:
      permalink: true
"""
STRICT_VALIDATION = """\
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
  not_found: warn
"""


def mkdocs_yml(
    *, site_name: str = "Test dossier", site_dir: str = "site", site_url: str | None = None,
    extensions: str = DEFAULT_EXTENSIONS, validation: bool = True, **options: str,
) -> str:
    """A test project's mkdocs.yml; `options` are the dossier plugin's, each
    value written as YAML text (`pdf="false"`, `as_of='"2016-09-03"'`)."""
    lines = [f"site_name: {site_name}"]
    if site_url:
        lines.append(f"site_url: {site_url}")
    lines += [
        "docs_dir: docs", f"site_dir: {site_dir}", "theme:", "  name: material", "  font: false",
        "plugins:", "  - search", "  - dossier:", "      articles: [articles]",
        *(f"      {key}: {value}" for key, value in options.items()),
        "markdown_extensions:",
    ]
    return "\n".join(lines) + "\n" + extensions + (STRICT_VALIDATION if validation else "")


MKDOCS_YML = mkdocs_yml()


def write_project(root: Path, articles: dict[str, str | bytes], *, config: str = MKDOCS_YML) -> Path:
    """A dossier project: mkdocs.yml, docs/about.md and articles/."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "about.md").write_text("# About\n\nA test dossier.\n", encoding="utf-8")
    (root / "articles").mkdir(exist_ok=True)
    for name, content in articles.items():
        path = root / "articles" / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def mkdocs_build(project: Path, *, strict: bool = True) -> Path:
    """A real `mkdocs build` of `project`; returns the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), strict=strict)
    build(config)
    return Path(config.site_dir)


@pytest.fixture()
def make_project(tmp_path: Path) -> Callable[..., Path]:
    def make(articles: dict[str, str | bytes], **kwargs: str) -> Path:
        return write_project(tmp_path / "project", articles, **kwargs)

    return make

"""The project's own mkdocs.yml builds the seed dossier strictly, and the
site works opened from the file system: every link leads to a file."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("project-site")
    config = load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site))
    build(config)
    return site


@pytest.mark.slow
def test_project_site_links_resolve_to_files(project_site: Path) -> None:
    broken: list[str] = []
    for page in project_site.rglob("*.html"):
        if page.name == "404.html":  # served by a web server for any missing path: its links are absolute
            continue
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'(?:href|src)="([^"]+)"', html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(project_site)} -> {href}")
    assert not broken, "links that do not open from the file system:\n" + "\n".join(broken[:20])


@pytest.mark.slow
def test_project_site_has_the_seed_people_and_pdfs(project_site: Path) -> None:
    for slug in ("vladimir-putin", "shinzo-abe", "alexander-panov", "valentina-matviyenko"):
        assert (project_site / "people" / f"{slug}.html").is_file()
    assert (project_site / "pdf" / "dossier.pdf").is_file()
    assert (project_site / "about.html").is_file()

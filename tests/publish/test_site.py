"""Real MkDocs builds of small projects: the plugin's pages, search, links."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEEDS, mkdocs_build

SEED_PEOPLE = ["Vladimir Putin", "Shinzo Abe", "Alexander Panov", "Valentina Matviyenko"]


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import write_project

    project = write_project(tmp_path_factory.mktemp("seed") / "project", {})
    for article in SEEDS.iterdir():
        shutil.copy(article, project / "articles" / article.name)
    return mkdocs_build(project, strict=True)


def test_site_search_index_holds_seed_people(seed_site: Path) -> None:
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    for name in SEED_PEOPLE:
        assert name in titles, f"{name} not findable in search"


def test_site_person_pages_link_back_to_paragraphs(seed_site: Path) -> None:
    for name in SEED_PEOPLE:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower())
        page = (seed_site / "people" / slug / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'href="\.\./\.\./sources/([^/"]+)/#p(\d+)"', page)
        assert links, f"{name}'s page cites no paragraph"
        for article, number in links:
            source = (seed_site / "sources" / article / "index.html").read_text(encoding="utf-8")
            assert f'id="p{number}"' in source


def test_site_makes_no_external_requests(seed_site: Path) -> None:
    for page in seed_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            assert not re.search(r"(?:src|href)=\"(?:https?:)?//", tag), f"{page}: external asset {tag}"


def test_site_keeps_entity_pages_out_of_the_sidebar(seed_site: Path) -> None:
    home = (seed_site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"]*)"[^>]*class="md-nav__link', home)
    assert "people/" in nav and "sources/" in nav
    assert not [link for link in nav if link.startswith("people/") and link != "people/"]


def test_site_hand_written_pages_sit_beside_generated(make_project: Callable[..., Path]) -> None:
    project = make_project({"a.txt": "Title\n\nTitle\n\nJohn Smith met Jane Doe in Paris on Monday.\n"})
    site = mkdocs_build(project)
    assert (site / "about" / "index.html").exists()
    assert (site / "people" / "index.html").exists()
    assert not (project / "docs" / "people").exists(), "the plugin must not write into docs/"


HOSTILE = """\
Hostile <script>alert('title')</script> {{ 7*7 }}

Hostile <script>alert('title')</script> {{ 7*7 }}

John Smith said <script>alert(1)</script> and [x](javascript:alert(2)) and {{ 7*7 }} and {% if x %}.

<img src=x onerror="alert(3)"> !!! warning "boom"

--8<-- "/etc/passwd"
"""


def test_site_hostile_article_renders_as_text(make_project: Callable[..., Path]) -> None:
    project = make_project({"hostile.txt": HOSTILE})
    site = mkdocs_build(project)
    html = (site / "sources" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "--8&lt;--" in html
    assert "root:" not in html

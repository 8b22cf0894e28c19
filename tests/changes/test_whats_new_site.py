"""Two real builds of a project: "What's new" lists what the added article
changed, keeps listing it on a rebuild, and lists nothing for a first build;
the site carries its model (briefing.json) and, with site_url, an Atom feed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dossier.publish.site import build_site
from tests.changes.articles import HELD, PLANNED
from tests.conftest import mkdocs_yml, write_project

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"


def _page(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Build with the first article, build again (nothing changed), add the
    second, build, rebuild: the pages and files after each build."""
    root = tmp_path_factory.mktemp("whatsnew") / "project"
    project = write_project(root, {"01-planned.md": PLANNED},
                            config=mkdocs_yml(site_url="https://dossier.example.org/briefing/", pdf="false"))
    out: dict[str, object] = {"project": project}
    site = build_site(project / "mkdocs.yml")
    out["first"] = _page(site, "whats-new/index.html")
    site = build_site(project / "mkdocs.yml")
    out["first_again"] = _page(site, "whats-new/index.html")
    out["first_index"] = _page(site, "index.html")
    (project / "articles" / "02-held.md").write_text(HELD, encoding="utf-8")
    site = build_site(project / "mkdocs.yml")
    out["second"] = _page(site, "whats-new/index.html")
    out["second_index"] = _page(site, "index.html")
    out["person"] = _page(site, "people/clara-voss/index.html")
    out["feed"] = _page(site, "feed.xml")
    out["briefing"] = json.loads(_page(site, "briefing.json"))
    site = build_site(project / "mkdocs.yml")
    out["second_again"] = _page(site, "whats-new/index.html")
    return out


def test_whats_new_first_build_and_unchanged_rebuild_list_nothing(two_builds: dict[str, object]) -> None:
    assert two_builds["first"] == two_builds["first_again"], "a rebuild gives the same page"
    for key in ("first", "first_again"):
        page = str(two_builds[key])
        assert "no earlier build" in page and "<h2" not in page.split("md-content")[1].split("</article>")[0]
    assert "nothing to compare with yet" in str(two_builds["first_index"])


def test_whats_new_lists_added_article_status_change_and_role(two_builds: dict[str, object]) -> None:
    page = str(two_builds["second"])
    assert "New sources" in page and "Norway and Chile ministers meet in Geneva" in page
    assert "scheduled → <strong>held</strong>" in page
    assert "New roles of known people" in page and "Prime Minister" in page
    assert 'href="../people/clara-voss/"' in page, "a change links to its page"
    assert 'href="../sources/02-held/#p1"' in page, "a change links to the paragraph that carries it"
    assert "New quotes" in page and "real progress on the river" in page
    assert "Ministers to hold water talks" not in page, "the first article is not new"


def test_whats_new_survives_a_rebuild_and_is_linked_first(two_builds: dict[str, object]) -> None:
    assert two_builds["second_again"] == two_builds["second"], "a rebuild without changes keeps the page"
    index = str(two_builds["second_index"])
    article = index.split('class="md-content"')[1]
    links = [part.split('"')[0] for part in article.split('href="')[1:]]
    first_link = next(link for link in links if not link.startswith("#"))  # heading permalinks aside
    assert first_link.startswith("whats-new/"), f"the overview's first link is {first_link}"
    assert "since the previous build" in index
    person = str(two_builds["person"])
    assert "<strong>Changed</strong> since the previous build" in person and "new role" in person
    role = next(line for line in person.splitlines() if "Prime Minister" in line and "<li>" in line)
    assert "<strong>new</strong>" in role, "the new role is marked on the person's page"


def test_whats_new_site_carries_its_model_and_keeps_the_previous(two_builds: dict[str, object]) -> None:
    briefing = two_builds["briefing"]
    assert isinstance(briefing, dict)
    assert [a["id"] for a in briefing["articles"]] == ["01-planned", "02-held"]
    cache = Path(str(two_builds["project"])) / ".dossier-cache"
    published = json.loads((cache / "published-briefing.json").read_text(encoding="utf-8"))
    previous = json.loads((cache / "previous-briefing.json").read_text(encoding="utf-8"))
    assert published == briefing
    assert [a["id"] for a in previous["articles"]] == ["01-planned"]
    assert (cache / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_whats_new_atom_feed(two_builds: dict[str, object]) -> None:
    feed = ET.fromstring(str(two_builds["feed"]))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") or "" for e in entries]
    assert any("scheduled → held" in t for t in titles), titles
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert all(link.startswith("https://dossier.example.org/briefing/") for link in links)
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries), "entry ids are unique"
    assert all(e.findtext(f"{ATOM}updated") == "2019-03-04T00:00:00Z" for e in entries)


def test_whats_new_since_option_and_no_feed_without_site_url(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {"01-planned.md": PLANNED, "02-held.md": HELD},
                            config=mkdocs_yml(pdf="false", since='"2019-03-01"'))
    site = build_site(project / "mkdocs.yml")
    page = _page(site, "whats-new/index.html")
    assert "since 1 March 2019" in page and "scheduled → <strong>held</strong>" in page and "Prime Minister" in page
    assert "Ministers to hold water talks" not in page
    assert not (site / "feed.xml").exists() and "No Atom feed" in page and "site_url" in page

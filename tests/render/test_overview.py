"""The overview lists every source while there are few, else the newest."""

from __future__ import annotations

from dossier.model import Article, Briefing, Paragraph
from dossier.render import make_environment, render_pages
from dossier.render.pages import OVERVIEW_SOURCES
from dossier.settings import Settings


def _overview(count: int) -> str:
    articles = [Article(f"a{n:02d}", f"Story {n}", f"a{n:02d}.txt", [Paragraph(1, "Text.")],
                        published=f"2020-{1 + n // 28:02d}-{n % 28 + 1:02d}") for n in range(count)]
    return render_pages(Briefing(articles=articles), Settings(title="T"), make_environment(None))["index.md"]


def test_few_sources_are_all_listed_in_label_order() -> None:
    page = _overview(OVERVIEW_SOURCES)
    assert page.count("(sources/a") == OVERVIEW_SOURCES and "newest of" not in page
    assert page.index("[S1]") < page.index("[S2]")


def test_many_sources_list_the_newest_and_point_at_the_sources_page() -> None:
    page = _overview(OVERVIEW_SOURCES + 10)
    sources = page[page.index("## Sources"):]
    assert f"The {OVERVIEW_SOURCES} newest of {OVERVIEW_SOURCES + 10} sources; [every source](sources/index.md)" in page
    listed = [line for line in sources.splitlines() if line.startswith("- [S")]
    assert len(listed) == OVERVIEW_SOURCES
    assert [line.split(": ")[1].split(" (")[0] for line in (listed[0], listed[-1])] == ["Story 29", "Story 10"]
    assert "Story 9 " not in sources

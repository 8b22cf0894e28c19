"""The quotes pages (an index of speakers, a page per speaker) and the
quotes section of a person page."""

from __future__ import annotations

import pytest

from dossier.model import Article, Briefing, Organization, Paragraph, Person, Provenance, Quote
from dossier.render import make_environment, render_pages
from dossier.render.quotes import group_by_speaker, latest_first
from dossier.settings import Settings


def _quote(n: int, article: str, date: str | None, speaker: str | None = None, org: str | None = None,
           direct: bool = True, text: str = "words") -> Quote:
    return Quote(id=f"q{n}", text=text, where=Provenance(article, 1, 0, 5), speaker=speaker,
                 speaker_organization=org, direct=direct, cue="said", date=date)


@pytest.fixture()
def briefing() -> Briefing:
    articles = [
        Article(id="old", title="Old", path="old.txt", published="2016-05-07", paragraphs=[Paragraph(1, "words")]),
        Article(id="new", title="New", path="new.txt", published="2019-01-22", paragraphs=[Paragraph(1, "words")]),
    ]
    return Briefing(
        articles=articles,
        people=[Person(id="ann-lee", name="Ann Lee"), Person(id="bo-kim", name="Bo Kim")],
        organizations=[Organization(id="ministry", name="Foreign Ministry")],
        quotes=[
            _quote(1, "old", "2016-05-07", speaker="ann-lee", text="We *agreed*, in principle,"),
            _quote(2, "new", "2019-01-22", speaker="ann-lee", direct=False, text="the talks would go on"),
            _quote(3, "new", "2019-01-22", speaker="bo-kim", text="Never."),
            _quote(4, "new", "2019-01-22", speaker="bo-kim", text="Not now."),
            _quote(5, "new", "2019-01-22", org="ministry", text="The embassy is closed."),
            _quote(6, "old", None, text="Nobody knows."),
        ],
    )


def _pages(briefing: Briefing) -> dict[str, str]:
    return render_pages(briefing, Settings(title="T"), make_environment(None))


def test_quotes_page_groups_people_then_organizations_then_unnamed(briefing: Briefing) -> None:
    groups = group_by_speaker(briefing)
    assert [g.name for g in groups] == ["Bo Kim", "Ann Lee", "Foreign Ministry", "Unnamed sources"]


def test_quotes_page_latest_first_with_undated_last(briefing: Briefing) -> None:
    ordered = latest_first(briefing.quotes)
    assert [q.id for q in ordered] == ["q2", "q3", "q4", "q5", "q1", "q6"]


def test_quotes_page_cites_paragraph_and_marks_direct_or_reported(briefing: Briefing) -> None:
    pages = _pages(briefing)
    page = pages["quotes/people/ann-lee.md"]
    assert "1 direct quote and 1 reported statement of [Ann Lee](../../people/ann-lee.md), newest first." in page
    assert "“We \\*agreed\\*, in principle” [S1&nbsp;¶1](../../sources/old.md#p1)" in page
    assert "## Reported statements\n\n- **22 January 2019** · said: *the talks would go on* " \
           "[S2&nbsp;¶1](../../sources/new.md#p1)" in page
    assert "2 direct quotes of [Bo Kim](../../people/bo-kim.md)" in pages["quotes/people/bo-kim.md"]
    assert "[Foreign Ministry](../../organizations/ministry.md)" in pages["quotes/organizations/ministry.md"]
    assert "whose speaker the sources do not name" in pages["quotes/unnamed.md"]


def test_quotes_index_lists_speakers_and_the_newest_quotes(briefing: Briefing) -> None:
    page = _pages(briefing)["quotes/index.md"]
    assert "5 direct quotes and 1 reported statement from 4 speakers." in page
    rows = [line for line in page.splitlines() if line.startswith("| [")]
    assert rows == [
        "| [Bo Kim](people/bo-kim.md) | 2 | 0 | 22 January 2019 |",
        "| [Ann Lee](people/ann-lee.md) | 1 | 1 | 22 January 2019 |",
        "| [Foreign Ministry](organizations/ministry.md) | 1 | 0 | 22 January 2019 |",
        "| [Unnamed sources](unnamed.md) | 1 | 0 | date unknown |",
    ]
    latest = page.split("## Latest quotes", 1)[1]
    assert latest.index("Never.") < latest.index("the talks would go on") < latest.index("agreed")
    assert "Nobody knows" not in latest  # undated: only on its speaker's page
    assert "[Ann Lee](people/ann-lee.md), reported: *the talks would go on* [S2&nbsp;¶1](../sources/new.md#p1)" \
        in latest


def test_quotes_index_shows_at_most_the_latest_limit(briefing: Briefing) -> None:
    from dossier.render.pages import LATEST_QUOTES

    many = [_quote(100 + n, "new", f"2019-02-{n + 1:02d}", speaker="bo-kim", text=f"Line {n}.")
            for n in range(LATEST_QUOTES + 3)]
    briefing.quotes.extend(many)
    latest = _pages(briefing)["quotes/index.md"].split("## Latest quotes", 1)[1]
    assert latest.count("\n- ") == LATEST_QUOTES
    assert f"Line {LATEST_QUOTES + 2}." in latest and "Line 2." not in latest


def test_quotes_page_person_section_latest_first(briefing: Briefing) -> None:
    page = _pages(briefing)["people/ann-lee.md"]
    section = page.split("## Quotes", 1)[1]
    assert section.index("the talks would go on") < section.index("agreed")
    assert "22 January 2019, reported: *the talks would go on*" in section


def test_quotes_page_without_quotes_says_so() -> None:
    pages = _pages(Briefing())
    assert [p for p in pages if p.startswith("quotes/")] == ["quotes/index.md"]
    page = pages["quotes/index.md"]
    assert "No quotation or reported statement was found in the sources." in page

"""Meeting briefs: which meetings are upcoming, what a brief holds, and the
PDF within its 2-6 page budget."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from pypdf import PdfReader

from dossier.errors import ConfigError
from dossier.model import Briefing, Quote
from dossier.pdf import BRIEF_PAGES, meeting_pdf
from dossier.pdf.brief import (
    Limits,
    as_of_bounds,
    as_of_date,
    as_of_label,
    date_bounds,
    latest_quotes,
    latest_role,
    meeting_brief,
    reported_sentences,
    upcoming_events,
)
from dossier.settings import Settings
from tests.pdf.pdfcheck import destination_pages, link_targets, outline, page_texts, reader
from tests.pdf.sample import JAPANESE_NAME, MARKING, sample_briefing


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-05-06", (date(2016, 5, 6), date(2016, 5, 6))),
    ("2016-02", (date(2016, 2, 1), date(2016, 2, 29))),
    ("2016", (date(2016, 1, 1), date(2016, 12, 31))),
    ("2016-21", (date(2016, 3, 1), date(2016, 5, 31))),
    ("2016-09-02/2016-09-03", (date(2016, 9, 2), date(2016, 9, 3))),
    ("2019-01~", (date(2019, 1, 1), date(2019, 1, 31))),
    ("2016-02-30", None),
    (None, None),
    ("soon", None),
])
def test_brief_date_bounds(value: str | None, expected: tuple[date, date] | None) -> None:
    assert date_bounds(value) == expected


def test_brief_as_of_defaults_to_newest_article(briefing: Briefing, settings: Settings) -> None:
    assert as_of_date(briefing, dataclasses.replace(settings, as_of=None)) == date(2016, 8, 20)
    assert as_of_date(briefing, dataclasses.replace(settings, as_of="2016-06-01")) == date(2016, 6, 1)


def test_brief_as_of_rejects_a_non_date(briefing: Briefing, settings: Settings) -> None:
    with pytest.raises(ConfigError, match="as_of"):
        as_of_date(briefing, dataclasses.replace(settings, as_of="next week"))


def test_brief_upcoming_events_are_after_the_as_of_date(briefing: Briefing) -> None:
    assert [e.id for e in upcoming_events(briefing, date(2016, 8, 20))] == ["vladivostok-eef", "lavrov-kishida-tokyo"]
    assert [e.id for e in upcoming_events(briefing, date(2016, 11, 30))] == ["lavrov-kishida-tokyo"]
    # A month-precise meeting counts while any of its days is still ahead.
    assert [e.id for e in upcoming_events(briefing, date(2016, 12, 30))] == ["lavrov-kishida-tokyo"]
    assert upcoming_events(briefing, date(2017, 1, 1)) == []


def test_brief_upcoming_leaves_out_cancelled_meetings() -> None:
    b = sample_briefing()
    b.events[1].status = "cancelled"
    assert [e.id for e in upcoming_events(b, date(2016, 8, 20))] == ["lavrov-kishida-tokyo"]


def test_brief_latest_role_prefers_the_newest_article() -> None:
    b = sample_briefing()
    abe = b.people[0]
    newer = dataclasses.replace(abe.roles[0], title="Leader of the LDP", where=b.people[2].roles[0].where)
    abe.roles = [newer, abe.roles[0]]  # listed first, but stated in the newer article
    assert latest_role(abe, b) is newer


def test_brief_latest_quotes_newest_first() -> None:
    b = sample_briefing()
    panov_where = b.quotes[2].where
    b.quotes.append(Quote("q9", "Older words", b.quotes[0].where, speaker="alexander-panov"))
    assert [q.text for q in latest_quotes(b.people[2], b, 2)] == [b.quotes[2].text, "Older words"]
    assert latest_quotes(b.people[2], b, 1)[0].where == panov_where


def test_brief_holds_attendees_context_and_documents(briefing: Briefing) -> None:
    brief = meeting_brief(briefing, "vladivostok-eef")
    assert [a.person.id for a in brief.attendees] == ["shinzo-abe", "vladimir-putin"]
    assert brief.attendees[0].role is not None and brief.attendees[0].role.title == "Prime Minister of Japan"
    assert [q.id for q in brief.attendees[0].quotes] == ["q1"]
    titles = [e.title for e in brief.timeline]
    assert titles == ["Abe–Putin talks in Sochi", "Abe–Putin meeting at the Eastern Economic Forum"]
    assert [e.current for e in brief.timeline] == [False, True]
    assert "Lavrov–Kishida talks in Tokyo" not in titles  # no shared people or place
    assert {d.id for d in brief.documents} == {"eight-point-plan", "joint-declaration-1956"}


def test_brief_says_a_syndicated_sentence_once_citing_every_source() -> None:
    briefing = sample_briefing()  # changed below: not the shared one
    event = next(e for e in briefing.events if e.id == "vladivostok-eef")
    first = event.reports[0]
    copy = dataclasses.replace(first, where=dataclasses.replace(first.where, article="copy", paragraph=9),
                               sentence=first.sentence.replace(" ", "  ", 1) + " ")
    other_day = dataclasses.replace(first, where=copy.where, date="1999-01-01")
    said = reported_sentences([first, copy, *event.reports[1:], other_day])
    assert said[0].report is first and said[0].wheres == [first.where, copy.where]
    assert [s.wheres for s in said[1:]] == [[r.where] for r in [*event.reports[1:], other_day]]
    event.reports = [first, copy, *event.reports[1:]]
    brief = meeting_brief(briefing, "vladivostok-eef")
    assert len(brief.reports) == len(event.reports) - 1


def test_brief_context_respects_the_limit() -> None:
    b = sample_briefing(extra_events=30)
    brief = meeting_brief(b, "vladivostok-eef", Limits(timeline=6))
    assert len(brief.timeline) == 6
    assert sum(e.current for e in brief.timeline) == 1
    dates = [date_bounds(e.date) for e in brief.timeline]
    assert dates == sorted(dates)  # type: ignore[type-var]


def test_brief_unknown_event_names_the_id(briefing: Briefing) -> None:
    with pytest.raises(ConfigError, match=r"'no-such-meeting'.*vladivostok-eef"):
        meeting_brief(briefing, "no-such-meeting")


def test_brief_pdf_within_page_budget(brief_reader: PdfReader) -> None:
    assert BRIEF_PAGES[0] <= len(brief_reader.pages) <= BRIEF_PAGES[1]


def test_brief_pdf_text_has_meeting_people_and_marking(brief_reader: PdfReader) -> None:
    texts = page_texts(brief_reader)
    first = texts[0]
    for expected in ["Abe–Putin meeting at the Eastern Economic Forum", "2–3 September 2016", "Vladivostok",
                     "scheduled", "Who attends", "Shinzo Abe", "Prime Minister of Japan", "We will take a new approach",
                     MARKING, "Page 1 of"]:
        assert expected in first, expected
    assert all(MARKING in text for text in texts)
    assert JAPANESE_NAME in "".join(texts)


def test_brief_pdf_outline_and_links_resolve(brief_reader: PdfReader) -> None:
    titles = [e.title for e in outline(brief_reader)]
    assert titles[:1] == ["Abe–Putin meeting at the Eastern Economic Forum"]
    assert "Sources cited" in titles
    links = link_targets(brief_reader)
    destinations = destination_pages(brief_reader)
    assert links
    assert all(target in destinations for _, target in links)
    sources_page = next(e.page for e in outline(brief_reader) if e.title == "Sources cited")
    assert all(destinations[t] >= sources_page for _, t in links)


def test_brief_pdf_prints_only_cited_paragraphs(brief_reader: PdfReader) -> None:
    text = "".join(page_texts(brief_reader))
    assert "Eastern Economic Forum." in text  # S2 ¶1, cited by the report
    assert "Sergey Lavrov, the Russian foreign minister" not in text  # S2 ¶4, not cited


def test_brief_pdf_long_brief_is_shortened_to_the_budget(settings: Settings) -> None:
    b = sample_briefing(extra_events=40)
    # Forty more attendees, each quoted twice: far more than six pages at full detail.
    for n in range(40):
        person = dataclasses.replace(b.people[2], id=f"aide-{n}", name=f"Aide Number {n}")
        b.people.append(person)
        b.events[1].participants.append(person.id)
        for k in range(2):
            b.quotes.append(Quote(f"qa{n}-{k}", "A long statement " * 30, b.quotes[2].where, speaker=person.id))
    pages = len(reader(meeting_pdf(b, settings, "vladivostok-eef")).pages)
    assert BRIEF_PAGES[0] <= pages <= BRIEF_PAGES[1]


def test_brief_as_of_from_a_year_only_article(settings: Settings) -> None:
    b = sample_briefing()
    for article in b.articles:
        article.published = "2016"
    unset = dataclasses.replace(settings, as_of=None)
    assert as_of_label(b, unset) == "2016"
    bounds = as_of_bounds(b, unset)
    # Within the as-of year, only meetings not reported as held can still be ahead.
    assert [e.id for e in upcoming_events(b, bounds)] == ["vladivostok-eef", "lavrov-kishida-tokyo"]

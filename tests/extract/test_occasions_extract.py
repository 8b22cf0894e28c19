"""Occasions of the news day: a news conference, a statement, a telephone
protest or remarks to reporters told after a dated lead, with no date of
their own, are that day's events; what is not (a headline, another time, an
undated article, the meeting's outcome told again) makes none."""

from __future__ import annotations

from temporal_helpers import parsed, people_in

from dossier.extract.temporal.assemble import extract_temporal
from dossier.model import Event

PEOPLE = {"ortiz": ["Elena Ortiz", "Ortiz"], "berg": ["Lars Berg", "Berg"], "haddad": ["Omar Haddad", "Haddad"],
          "kovac": ["Ivan Kovac", "Kovac"]}
LEAD = "The prime minister of the republic visited the disputed border region on Monday, prompting a protest."


def events_of(*paragraphs: str, published: str | None = "2021-07-26") -> list[Event]:
    adoc = parsed(*paragraphs, published=published)
    events, _ = extract_temporal(adoc, people_in(adoc, PEOPLE), [], [])
    return events


def on_the_day(events: list[Event]) -> list[Event]:
    return [e for e in events if e.date == "2021-07-26" and e.reports[0].date_text is None]


def test_occasions_extract_news_conference_takes_the_lead_day() -> None:
    events = events_of(LEAD, "Government spokeswoman Elena Ortiz told a regular news conference that the trip was "
                             "deeply regrettable.")
    (event,) = on_the_day(events)
    assert event.participants == ["ortiz"]
    assert event.status == "held"
    assert "news conference" in event.title


def test_occasions_extract_telephone_protest_has_both_sides() -> None:
    events = events_of(LEAD, "Deputy Foreign Minister Lars Berg lodged a protest by telephone with Ambassador "
                             "Omar Haddad, the ministry said.")
    (event,) = on_the_day(events)
    assert set(event.participants) == {"berg", "haddad"}


def test_occasions_extract_statement_of_an_office() -> None:
    events = events_of(LEAD, "The Presidential Office said in a statement that the visit was a provocation.")
    (event,) = on_the_day(events)
    assert event.participants == []
    assert event.title.endswith("statement")


def test_occasions_extract_none_in_an_undated_article() -> None:
    assert not on_the_day(events_of(LEAD, "Elena Ortiz told a regular news conference that it was regrettable.",
                                    published=None))


def test_occasions_extract_none_in_a_paragraph_about_another_time() -> None:
    events = events_of(LEAD, "In 2019, when the dispute flared, Elena Ortiz told a news conference that talks "
                             "would go on.")
    assert not on_the_day(events)


def test_occasions_extract_none_from_a_headline_line() -> None:
    events = events_of(LEAD, "Berg Lodges Protest Over Border Visit")
    assert not on_the_day(events)


def test_occasions_extract_none_for_earlier_or_future_words() -> None:
    events = events_of(LEAD, "Ortiz had told a news conference that the region was closed.",
                       "Berg will give a news conference in the capital.")
    assert not on_the_day(events)


def test_occasions_extract_meeting_outcome_told_to_reporters_is_no_occasion() -> None:
    events = events_of("Elena Ortiz and Lars Berg held talks in the capital on Monday.",
                       "Ivan Kovac told reporters that the two sides had agreed to restore military contacts.")
    assert not [e for e in events if "kovac" in e.participants]


def test_occasions_extract_remarks_to_reporters_by_someone_else() -> None:
    events = events_of(LEAD, "Ivan Kovac, the president's spokesman, told reporters that the prime minister "
                             "travels wherever he sees fit.")
    (event,) = on_the_day(events)
    assert event.participants == ["kovac"]


def test_occasions_extract_words_at_the_meeting_belong_to_it() -> None:
    events = events_of("Elena Ortiz and Lars Berg held talks in the capital on Monday.",
                       "At a joint news conference after the talks, Ortiz said both sides wanted calm.")
    assert len([e for e in events if e.date == "2021-07-26"]) == 1

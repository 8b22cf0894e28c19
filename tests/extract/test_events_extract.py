"""Event extraction on hand-written news sentences: dates, status,
participants, places, documents, and what is left out."""

from __future__ import annotations

from temporal_helpers import parsed, people_in, places_in

from dossier.extract.temporal.assemble import extract_temporal
from dossier.model import Event

PEOPLE = {"putin": ["Vladimir Putin", "Putin"], "abe": ["Shinzo Abe", "Abe"], "lee": ["Anna Lee", "Lee"]}
PLACES = {"vladivostok": ["Vladivostok"], "japan": ["Japan"], "moscow": ["Moscow"], "sochi": ["Sochi"]}


def events_of(*paragraphs: str, published: str | None = "2016-08-30") -> list[Event]:
    adoc = parsed(*paragraphs, published=published)
    events, _ = extract_temporal(adoc, people_in(adoc, PEOPLE), places_in(adoc, PLACES), [])
    return events


def only(events: list[Event], date: str) -> Event:
    found = [e for e in events if e.date == date]
    assert len(found) == 1, [(e.date, e.title) for e in events]
    return found[0]


def test_events_extract_upcoming_meeting_with_interval() -> None:
    events = events_of("The Kremlin has confirmed the upcoming meeting of the two leaders, Vladimir Putin and "
                       "Shinzo Abe, at a forum in Vladivostok on September 2nd and 3rd.")
    event = only(events, "2016-09-02/2016-09-03")
    assert set(event.participants) == {"putin", "abe"}
    assert event.place == "vladivostok"
    assert event.status == "scheduled"
    assert "Putin" in event.title and "Abe" in event.title


def test_events_extract_past_talks_are_held() -> None:
    event = only(events_of("Abe met Putin in Sochi on May 6th."), "2016-05-06")
    assert event.status == "held"
    assert set(event.participants) == {"putin", "abe"}
    assert event.place == "sochi"
    assert event.reports[0].date_text == "May 6th"
    assert event.reports[0].where.paragraph == 1


def test_events_extract_expected_visit() -> None:
    event = only(events_of("Putin is expected to visit Japan this year."), "2016")
    assert event.status == "expected"
    assert event.participants == ["putin"]


def test_events_extract_undated_happenings_left_out() -> None:
    assert events_of("Abe met Putin in Sochi and the two men discussed the islands.") == []


def test_events_extract_dates_inside_quotes_left_out() -> None:
    assert events_of("“Today we agreed to start the talks again,” Putin said.") == []


def test_events_extract_relative_date_without_anchor_left_out() -> None:
    assert events_of("Abe met Putin in Sochi on Friday.", published=None) == []


def test_events_extract_statement_on_weekday() -> None:
    event = only(events_of("Anna Lee told reporters on Monday that the talks would continue."), "2016-08-29")
    assert event.participants == ["lee"]
    assert event.kind == "statement"


def test_events_extract_dated_document_gets_signing_event() -> None:
    events = events_of("Moscow points to the 1956 Joint Declaration, under which the Soviet Union agreed to "
                       "hand over two islands after a peace treaty was signed.")
    event = only(events, "1956")
    assert event.kind == "signing"
    assert event.title == "Signing of the 1956 Joint Declaration"
    assert event.documents


def test_events_extract_since_is_not_an_event() -> None:
    assert events_of("The two countries have had no treaty since 1945.") == []


def test_events_extract_unnamed_signed_document_and_its_signers() -> None:
    adoc = parsed(
        "The foreign ministers signed an agreement on Sunday on the shore of Lake Prespa.",
        "Anna Lee and Shinzo Abe signed the document in the lakeside village.",
        published="2018-06-17",
    )
    events, documents = extract_temporal(adoc, people_in(adoc, PEOPLE), places_in(adoc, {"prespa": ["Lake Prespa"]}),
                                         [])
    (document,) = documents
    assert document.name == "Agreement signed at Lake Prespa"
    assert document.notes  # says the name is descriptive
    event = only(events, "2018-06-17")
    assert event.kind == "signing"
    assert set(event.participants) == {"lee", "abe"}
    assert len(event.reports) == 2


def test_events_extract_period_of_years_is_no_event() -> None:
    events = events_of("Ministers agreed on Tuesday on the fishing quotas for 2031 to 2037, Putin said.")
    assert not [e for e in events if e.date and e.date.startswith(("2031", "2037"))]


def test_events_extract_infinitive_after_an_application_is_past() -> None:
    event = only(events_of("Japan applied to join the union on May 18, Abe said."), "2016-05-18")
    assert event.status == "held"


def test_events_extract_participants_from_the_sentence_when_the_clause_names_none() -> None:
    events = events_of("The accord was announced in Moscow on Monday, hours after Putin left the talks.")
    assert "putin" in only(events, "2016-08-29").participants


def test_events_extract_participants_from_the_lead_for_the_day_of_the_news() -> None:
    events = events_of("MOSCOW — Vladimir Putin and Shinzo Abe ended two days of talks in the capital without "
                       "a deal.", "A joint statement was issued on Tuesday.")
    assert set(only(events, "2016-08-30").participants) == {"putin", "abe"}

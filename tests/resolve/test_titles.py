"""Event titles a reader would write, built from what the event is."""

from __future__ import annotations

import pytest

from dossier.model import EventReport, Provenance
from dossier.resolve.titles import TitleParts, event_title


def reports(*roles: tuple[str | None, str | None, str | None]) -> list[EventReport]:
    return [EventReport(Provenance(f"a{i}", 1), "s", "held", "1945", action=action, actor=actor, target=target)
            for i, (action, actor, target) in enumerate(roles)]


def parts(kind: str, participants: tuple[str, ...] = (), place: str | None = None, documents: tuple[str, ...] = (),
          roles: tuple[tuple[str | None, str | None, str | None], ...] = (), clauses: tuple[str, ...] = ("x",),
          ) -> TitleParts:
    return TitleParts(kind, list(participants), place, list(documents), reports(*roles), list(clauses))


@pytest.mark.parametrize(("title_parts", "title"), [
    (parts("talks", ("Vladimir Putin", "Shinzo Abe"), "Nagato"), "Abe–Putin talks in Nagato"),
    (parts("summit", ("Shinzo Abe", "Vladimir Putin")), "Abe–Putin summit"),
    (parts("signing", documents=("Japan-Soviet Joint Declaration of 1956",)),
     "Signing of the Japan-Soviet Joint Declaration"),
    (parts("visit", ("Valentina Matviyenko",), "Japan"), "Matviyenko’s visit to Japan"),
    (parts("military act", roles=(("seize", "Soviet troops", "the four islands"), ("seize", "Soviet forces", "them"),
                                  ("occupy", "Soviet troops", "the islands"),
                                  ("seize", "Soviet troops", "the four islands"))),
     "Soviet seizure of the four islands"),
    (parts("military act", roles=(("annex", "Russia", "Crimea"),)), "Russia’s annexation of Crimea"),
    (parts("statement", ("Barack Obama", "Raul Castro"), roles=(("say", "President Barack Obama", None),)),
     "Castro–Obama statement"),
    (parts("event", clauses=("Seko joined the cabinet after serving as deputy chief cabinet secretary for years",)),
     "Seko joined the cabinet"),
])
def test_titles_headline_from_what_the_event_is(title_parts: TitleParts, title: str) -> None:
    assert event_title(title_parts) == title


def test_titles_never_cut_at_a_character_limit() -> None:
    long = "The ministers of both countries agreed on Sunday to open the border crossing near the lake to trucks"
    title = event_title(parts("event", clauses=(long + " …",)))
    assert not title.endswith("…") and long.startswith(title) and len(title.split()) <= 10
    assert title.split()[-1].lower() not in {"on", "to", "the", "and"}


@pytest.mark.parametrize(("clause", "title"), [
    ("After Moscow abandoned the neutrality treaty with Tokyo", "Moscow abandoned the neutrality treaty with Tokyo"),
    ("* the two governments exchanged notes", "The two governments exchanged notes"),
    ("Armenia returns the district to Azerbaijan", "Armenia returns the district to Azerbaijan"),
    ("The council agreed to meet again", "The council agreed to meet again"),
])
def test_titles_keep_a_clause_that_reads_as_a_headline(clause: str, title: str) -> None:
    assert event_title(parts("event", clauses=(clause,))) == title


@pytest.mark.parametrize("clause", [
    "It did", "They picked five pilot projects", "So it can not be prolonged again", "Before he first defeated X",
    "From until then each had been represented", "To be sworn in for his second term", "Sweden to join",
    "The member governments to complete ratification", "Putin the judo for a draw", "In Indonesia chose its president",
])
def test_titles_never_a_fragment_or_a_pronoun_subject(clause: str) -> None:
    title = event_title(TitleParts("event", [], None, [], [], [clause], "1956-12"))
    assert title == "Event, December 1956"


def test_titles_plain_from_kind_people_and_place_when_no_clause_will_do() -> None:
    assert event_title(TitleParts("event", ["Shinzo Abe", "Vladimir Putin"], None, [], [], ["They met"], "2017-09")
                       ) == "Event involving Abe and Putin"
    assert event_title(TitleParts("statement", ["Michel Barnier"], None, [], [], ["He said so"], None)
                       ) == "Statement by Barnier"
    assert event_title(TitleParts("event", ["Laurent Fabius"], "Paris", [], [], ["It rained"], None)
                       ) == "Event involving Fabius in Paris"
    assert event_title(TitleParts("forum", [], None, [], [], ["conference"], "2014-11")) == "Conference, November 2014"


@pytest.mark.parametrize(("title_parts", "title"), [
    (parts("statement", ("Michel Barnier",), roles=(("tell", "Barnier", "reporters"),)),
     "Barnier’s statement to reporters"),
    (parts("statement", ("Elizabeth II",), roles=(("say", "Queen Elizabeth II", None),)), "Elizabeth II’s statement"),
    (parts("statement", roles=(("release", "March", "prisoners"),)), "Release of prisoners"),
    (parts("military act", roles=(("win", "Eritrea", "independence"),)), "Eritrea’s victory"),
    (parts("event", ("George Mitchell",), roles=(("open", "Mitchell", None),)), "Event involving Mitchell"),
    (parts("event", roles=(("agree", "China", "January 2023"),)), "China’s agreement"),
])
def test_titles_deeds_read_as_a_reader_would_write_them(title_parts: TitleParts, title: str) -> None:
    title_parts.clause_titles = ["It was"]
    title_parts.date = "1945"
    assert event_title(title_parts) == title

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

"""Titles a reader would write for a resolved event: a short headline built
from what the event is (its kind, who took part or acted, what it was done
to, where), agreed by its reports, never a clause cut at a length.

    Abe–Putin summit in Nagato
    Signing of the Soviet–Japanese Joint Declaration
    Soviet seizure of the four islands
    Matviyenko's visit to Japan
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.model import Event, EventReport

MEETINGS = {"talks": "talks", "summit": "summit", "forum": "forum", "meeting": "meeting", "conference": "conference"}
# Verbs of what one side did to something, and the noun a headline uses.
NOUNS = {"seize": "seizure", "occupy": "occupation", "annex": "annexation", "invade": "invasion",
         "attack": "attack", "bomb": "bombing", "capture": "capture", "blockade": "blockade",
         "liberate": "liberation", "withdraw": "withdrawal", "deploy": "deployment", "recognize": "recognition",
         "recognise": "recognition", "ratify": "ratification", "adopt": "adoption", "approve": "approval",
         "reject": "rejection", "suspend": "suspension", "revoke": "revocation", "impose": "imposition",
         "lift": "lifting", "expel": "expulsion", "arrest": "arrest", "release": "release", "free": "release",
         "elect": "election", "appoint": "appointment", "resign": "resignation", "dissolve": "dissolution",
         "launch": "launch", "test": "test", "sign": "signing", "declare": "declaration", "announce": "announcement",
         "open": "opening", "close": "closure", "restore": "restoration", "sever": "severing", "break": "breaking",
         "create": "creation", "establish": "establishment", "found": "founding", "protest": "protest",
         "occupation": "occupation", "invasion": "invasion", "annexation": "annexation", "seizure": "seizure",
         "say": "statement", "tell": "statement", "warn": "warning", "urge": "appeal", "confirm": "confirmation",
         "decline": "refusal", "refuse": "refusal", "deny": "denial", "interview": "interview", "speech": "speech",
         "visit": "visit", "propose": "proposal", "accuse": "accusation", "criticize": "criticism",
         "criticise": "criticism", "demand": "demand", "threaten": "threat", "vote": "vote", "win": "victory",
         "lose": "defeat", "kill": "killing", "die": "death", "resignation": "resignation", "election": "election",
         "referendum": "referendum", "crash": "crash", "collapse": "collapse", "explode": "explosion",
         "agree": "agreement"}
# What several people do together: their names join ("Churchill–Roosevelt–Stalin agreement").
JOINT = {"agreement", "statement", "announcement", "declaration", "signing"}
# Nouns that name who acted only by their office or arms: "Soviet troops" acted as "Soviet".
GENERIC_ACTORS = {"troops", "forces", "army", "soldiers", "military", "government", "authorities", "officials",
                  "navy", "police", "units", "leadership", "regime", "administration", "state"}
PRONOUNS = {"it", "them", "they", "this", "that", "these", "those", "he", "she", "him", "her", "which", "who",
            "what", "one", "us", "we", "you", "i"}
# Words where a long clause can end without losing its sense.
BREAKS = {"after", "before", "while", "when", "because", "as", "which", "who", "telling", "saying", "and", "but",
          "over", "under", "in", "on", "at", "for", "with", "to", "by", "from", "that", "said", "says", "if",
          "whether", "than", "of", "near", "during", "since", "until"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(slots=True)
class TitleParts:
    """What the headline is made of, as the cluster's reports agree."""

    kind: str
    participants: list[str]  # display names, most cited first
    place: str | None
    documents: list[str]  # display names
    reports: Sequence[EventReport]
    clause_titles: Sequence[str]  # each article's own title for it


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def _possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


def _clean_phrase(text: str) -> str:
    """The phrase as written, its first word lower-cased when it is a
    determiner ("The deal" -> "the deal")."""
    words = text.split()
    if words and words[0].lower() in DETERMINERS:
        words[0] = words[0].lower()
    return " ".join(words)


def _actor(text: str | None, people: Sequence[str] = ()) -> str | None:
    """'Soviet troops' -> 'Soviet'; 'Russia' -> 'Russia’s'; 'Kremlin
    spokesman Dmitry Peskov' (a participant) -> 'Peskov’s'; pronouns and
    phrases without a proper word -> None."""
    if not text:
        return None
    named = sorted({_surname(p) for p in people if _surname(p) in text.replace(",", " ").split()})
    if len(named) >= 2:
        return "–".join(named[:3])  # "Churchill–Roosevelt–Stalin agreement"
    if named:
        return _possessive(named[0])
    words = [w for w in text.split() if w.lower() not in DETERMINERS]
    if not words or any(w.lower() in PRONOUNS for w in words):
        return None
    if not any(w[:1].isupper() for w in words):
        return None
    if len(words) >= 2 and words[-1].lower() in GENERIC_ACTORS:
        return " ".join(words[:-1])
    if len(words) <= 3 and (all(w[:1].isupper() for w in words) or words[0][:1].isupper()):
        return _possessive(" ".join(words))  # "Russia’s", "Russian experts’"
    return None


def _target(text: str | None) -> str | None:
    if not text:
        return None
    words = text.split()
    if not words or all(w.lower() in PRONOUNS | DETERMINERS for w in words) or words[-1].lower() in PRONOUNS:
        return None
    return _clean_phrase(text)


def _most_common(values: list[str]) -> str | None:
    """The value most reports give; a tie goes to the fuller one, then the
    first in alphabetical order (never to the order of the files)."""
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _deed(parts: TitleParts) -> str | None:
    """'Soviet seizure of the four islands': action, actor and target as
    most reports give them."""
    nouns = [NOUNS[r.action] for r in parts.reports if r.action in NOUNS]
    noun = _most_common(nouns)
    if noun is None:
        return None
    agreeing = [r for r in parts.reports if r.action in NOUNS and NOUNS[r.action] == noun]
    actor = _most_common([a for r in agreeing if (a := _actor(r.actor, parts.participants))])
    one_of_them = {_possessive(_surname(p)) for p in parts.participants}
    if noun in JOINT and len(parts.participants) >= 2 and actor in one_of_them:
        actor = "–".join(sorted(_surname(p) for p in parts.participants[:3]))  # "Castro–Obama statement"
    if actor is None and parts.participants:
        actor = _possessive(_surname(parts.participants[0]))  # "Abe is scheduled to visit ...": Abe's visit
    target = _most_common([t for r in agreeing if (t := _target(r.target))])
    if target is None and actor is None:
        return None
    head = f"{actor} {noun}" if actor else noun[:1].upper() + noun[1:]
    title = f"{head} {'to' if noun == 'visit' else 'of'} {target}" if target else head
    return title[:1].upper() + title[1:]


def _clause(parts: TitleParts) -> str:
    """The reports' own title when no headline can be built: the most common
    one that is a whole clause, cut at a phrase boundary if it is long."""
    whole = [t for t in parts.clause_titles if not t.endswith("…")]
    title = _most_common(whole) or _most_common([t.rstrip(" …") for t in parts.clause_titles]) or parts.kind
    words = title.split()
    if len(words) > 10:
        cut = next((i for i in range(4, len(words)) if words[i].lower() in BREAKS or words[i - 1].endswith(",")), 10)
        words = words[: min(cut, 10)]
        while words and words[-1].lower() in BREAKS | DETERMINERS:
            words.pop()
        title = " ".join(words).rstrip(",;:")
    return title[:1].upper() + title[1:]


def _document_name(name: str) -> str:
    """'Japan-Soviet Joint Declaration of 1956' -> 'Japan-Soviet Joint
    Declaration': the date is the event's own; 'Agreement signed at X' ->
    'Agreement at X'."""
    name = re.sub(r"\s+of\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                  r"December)\s+)?\d{4}$", "", name)
    name = re.sub(r"^\d{4}\s+", "", name)
    return re.sub(r"\s+signed\b", "", name)


def event_title(parts: TitleParts) -> str:
    """A headline for the event; see the module's description."""
    where = f" in {parts.place}" if parts.place else ""
    if parts.kind == "signing" and parts.documents:
        return f"Signing of the {_document_name(parts.documents[0])}"
    if parts.kind in MEETINGS and len(parts.participants) >= 2:
        # Alphabetical, so that a later article naming them in another order does not rename the page.
        who = "–".join(sorted(_surname(p) for p in parts.participants[:3]))
        return f"{who} {MEETINGS[parts.kind]}{where}"
    if parts.kind == "visit" and parts.participants and parts.place:
        return f"{_possessive(_surname(parts.participants[0]))} visit to {parts.place}"
    deed = _deed(parts)
    if deed is not None:
        return deed
    if parts.kind in MEETINGS and parts.place:
        return f"{parts.kind[:1].upper()}{parts.kind[1:]}{where}"
    return _clause(parts)


def title_parts(event: Event, clause_titles: Sequence[str], names: dict[str, str]) -> TitleParts:
    return TitleParts(
        kind=event.kind, participants=[names.get(p, p) for p in event.participants],
        place=names.get(event.place) if event.place else None,
        documents=[names[d] for d in event.documents if d in names], reports=event.reports,
        clause_titles=clause_titles,
    )

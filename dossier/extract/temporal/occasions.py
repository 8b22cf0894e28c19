"""Occasions of the news day: a news conference, a statement, a telephone
call, an interview or a protest that the story reports without repeating
its date ("Suga told a regular news conference that ...", "the ministry
said in a statement").  News copy dates the day's happening once, in the
lead; the occasions told after it, in the past tense and with no other date
nearby, are that day's.

The vocabulary is data: each kind lists the nouns (with the words that must
modify them, if any) and the verbs that name such an occasion."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.extract.temporal.clauses import subject_tokens
from dossier.extract.temporal.dates import Anchor, DateMention, edtf_bounds
from dossier.extract.tokens import sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class OccasionWord:
    """A word naming an occasion: its lemma, the part of speech it must
    have, and (for a noun such as "conference") the modifiers one of which
    it needs ("news", "press"); `objects` for a verb that needs one of them as
    its object ("told reporters")."""

    lemma: str
    pos: str
    modifiers: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()


def _nouns(*lemmas: str, modifiers: tuple[str, ...] = ()) -> list[OccasionWord]:
    return [OccasionWord(lemma, "NOUN", frozenset(modifiers)) for lemma in lemmas]


def _verbs(*lemmas: str, objects: tuple[str, ...] = ()) -> list[OccasionWord]:
    return [OccasionWord(lemma, "VERB", objects=frozenset(objects)) for lemma in lemmas]


AUDIENCE = ("reporter", "journalist", "press", "newspaper", "broadcaster", "lawmaker", "parliament", "audience")
OCCASIONS: dict[str, list[OccasionWord]] = {
    "news conference": [
        *_nouns("conference", modifiers=("news", "press")),
        *_nouns("briefing", "presser"),
    ],
    "remarks to reporters": [*_verbs("tell", "brief", "address", objects=AUDIENCE)],
    "statement": [*_nouns("statement", "communique", "communiqué")],
    "interview": [*_nouns("interview")],
    "speech": [*_nouns("speech", "address")],
    "phone call": [
        *_nouns("call", modifiers=("phone", "telephone")),
        *_nouns("telephone", "phone"),
        *_verbs("telephone", "phone"),
    ],
    "post": [*_verbs("tweet", "post"), *_nouns("tweet")],
    "protest": [*_nouns("protest"), *_verbs("protest", "summon")],
}
WORDS: dict[str, list[tuple[str, OccasionWord]]] = {}
for _kind, _words in OCCASIONS.items():
    for _word in _words:
        WORDS.setdefault(_word.lemma, []).append((_kind, _word))

PAST_TAGS = {"VBD", "VBN"}
NEWS_DAY_REACH = 2  # days: a lead dated this close before the article's date tells the news day


@dataclass(slots=True)
class Occasion:
    kind: str
    verb: Token
    sentence: Span


def news_day(lead_dates: list[str], anchor: Anchor) -> str | None:
    """The day the story is about: the first day the lead names, when it is
    the article's date or a day or two before it."""
    if anchor.day is None:
        return None
    for value in lead_dates:
        bounds = edtf_bounds(value)
        if bounds is None or bounds[0] != bounds[1]:
            continue
        if anchor.day - dt.timedelta(days=NEWS_DAY_REACH) <= bounds[0] <= anchor.day:
            return value
        return None
    return None


def _kind_of(token: Token) -> str | None:
    for kind, word in WORDS.get(token.lemma_.lower(), []):
        if word.pos == "NOUN" and token.pos_ not in ("NOUN", "PROPN"):
            continue
        if word.pos == "VERB" and token.pos_ != "VERB":
            continue
        if word.modifiers and not any(c.lemma_.lower() in word.modifiers for c in token.children
                                      if c.dep_ in ("compound", "amod", "nmod")):
            continue
        if word.objects and not any(o.lemma_.lower() in word.objects for o in _objects(token)):
            continue
        return kind
    return None


def _objects(verb: Token) -> list[Token]:
    """A verb's objects, also behind "to" ("spoke to reporters")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    out += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    return out


def _verb_of(token: Token) -> Token | None:
    """The verb a noun's occasion hangs from ("told a news conference",
    "said in a statement", "gave an interview")."""
    head = token
    for _ in range(5):
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("aux", "auxpass", "acl", "relcl"):
            return head
        if head.head is head:
            return None
        head = head.head
    return None


def _told_as_past(verb: Token) -> bool:
    """Simple past, not "had said" (an earlier time) nor "will"/"would"."""
    if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and any(c.lower_ in ("was", "were") for c in verb.children)):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d", "will", "would", "might", "could",
                                                                   "may", "to")
                   for c in verb.children) and not any(c.dep_ == "neg" for c in verb.children)


PARTIES = re.compile(r"^(?:the two|both) (?:sides|leaders|countries|governments|delegations|men|ministers)\b|^they$",
                     re.I)


def _tells_of_the_meeting(verb: Token) -> bool:
    """What was told is what the meeting's parties did ("that the two sides
    had agreed ..."): a report of the meeting, not an occasion of its own."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            words = " ".join(t.text for t in subject.subtree)
            if PARTIES.search(words):
                return True
    return False


def find_occasions(doc: Doc, dates: list[tuple[DateMention, str]], skip: list[tuple[int, int]],
                   quotes: list[tuple[int, int]], paragraph_of: Callable[[int], int], day: str) -> list[Occasion]:
    """The occasions of the news day `day`: sentences naming one outside
    quotation marks, told in the simple past, with no date of their own and
    no other day named before them in their paragraph."""
    out: list[Occasion] = []
    seen: set[int] = set()
    for sent in sentences(doc):
        if any(sent.start_char <= m.start < sent.end_char for m, _v in dates):
            continue  # a dated sentence: its date makes its events
        if any(a <= sent.start_char < b for a, b in skip):
            continue
        if not sent.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'")):
            continue  # a headline or a caption line, not the story's sentence
        paragraph = paragraph_of(sent.start_char)
        earlier = [v for m, v in dates if m.start < sent.start_char and paragraph_of(m.start) == paragraph]
        if earlier and earlier[-1] != day:
            continue  # the paragraph is about another time
        for token in sent:
            kind = _kind_of(token)
            if kind is None or any(a <= token.idx < b for a, b in quotes):
                continue
            verb = token if token.pos_ == "VERB" else _verb_of(token)
            if verb is None or verb.i in seen or not _told_as_past(verb):
                continue
            if not subject_tokens(verb):
                continue
            seen.add(verb.i)
            if kind == "remarks to reporters" and _tells_of_the_meeting(verb):
                continue  # "X told reporters that the two sides had agreed ...": the meeting, told again
            out.append(Occasion(kind, verb, sent))
    return out

"""The clause a date belongs to, read from spaCy's dependency parse: the verb
that governs it, the tokens of that clause, its tense and what it says about
the status of what happened (held, scheduled, expected, proposed,
cancelled)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FUTURE_MODIFIERS = {"upcoming", "forthcoming", "planned", "proposed", "possible", "expected", "next", "future",
                    "coming", "scheduled", "likely", "potential"}
SCHEDULED = {"schedule", "due", "set", "plan", "upcoming", "forthcoming", "scheduled", "planned", "agree", "confirm",
             "announce", "arrange"}
EXPECTED = {"expect", "expected", "likely", "hope", "possible", "may", "might", "could", "potential", "probably"}
PROPOSED = {"propose", "proposed", "suggest", "invite", "offer", "call"}
CANCELLED = {"cancel", "postpone", "scrap", "call", "suspend", "delay", "cancelled", "postponed"}
CLAUSE_BREAKS = {"conj", "parataxis"}
# Verbs whose infinitive is done (or tried) when they are: "voted to leave on June 23", "applied to join on
# May 18" are past, where "agreed to meet in June" is to come.
ATTEMPTS = {"apply", "vote", "move", "rush", "try", "attempt", "begin", "start", "fail", "refuse", "decline",
            "bid", "seek", "manage", "hurry"}
EVENT_VERBS = {"meet", "visit", "attend", "sign", "travel", "arrive", "talk", "negotiate", "fly"}
ANNOUNCING = {"confirm", "announce", "schedule", "plan", "arrange", "postpone", "cancel", "propose", "discuss",
              "welcome", "prepare"}
EVENT_NOUNS = {"meeting", "talk", "talks", "summit", "visit", "trip", "forum", "conference", "session", "ceremony",
               "interview", "speech", "election", "referendum", "invasion", "occupation", "negotiation", "dinner",
               "tour", "signing", "vote", "protest", "rally", "announcement", "address"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


@dataclass(slots=True)
class Clause:
    verb: Token | None
    tokens: list[Token]
    future: bool | None
    status: str
    head: Token | None = None  # the event noun, when the date qualifies one

    @property
    def main(self) -> Token | None:
        """The word that names what happened: the event noun or the verb."""
        return self.head if self.head is not None else self.verb

    @property
    def start_char(self) -> int:
        return min(t.idx for t in self.tokens) if self.tokens else 0

    @property
    def end_char(self) -> int:
        return max(t.idx + len(t) for t in self.tokens) if self.tokens else 0


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(token: Token) -> tuple[Token | None, list[Token]]:
    """The verb a date hangs from, and the nouns passed on the way up."""
    nouns: list[Token] = []
    seen = 0
    while seen < 12:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token, nouns
        if token.pos_ in ("NOUN", "PROPN"):
            nouns.append(token)
        if token.head is token:
            return None, nouns
        token = token.head
        seen += 1
    return None, nouns


def clause_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without the verbs coordinated with it (their own
    clauses)."""
    cut: set[int] = set()
    for child in verb.children:
        if child.dep_ in CLAUSE_BREAKS and child.pos_ in ("VERB", "AUX"):
            cut.update(t.i for t in child.subtree)
    return [t for t in verb.subtree if t.i not in cut]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _tense_and_status(verb: Token | None, nouns: list[Token]) -> tuple[bool | None, str]:
    words: set[str] = set()
    future: bool | None = None
    noun_future = False
    for noun in nouns:
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in FUTURE_MODIFIERS:
                noun_future = True
                words.add(child.lower_)
    chain: list[Token] = []
    token = verb
    while token is not None and len(chain) < 4:
        chain.append(token)
        if token.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl", "conj") and token.head is not token:
            token = token.head
        else:
            break
    if verb is not None:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words.update(c.lower_ for c in verb.children if c.dep_ in ("advmod", "acomp"))
        aux_words = {c.lower_ for c in auxes}
        words.update(_lemma(c) for c in auxes)
        words.add(_lemma(verb))
        if aux_words & {"will", "shall", "'ll", "wo", "would"}:
            future = True
        elif verb.tag_ == "VB" and "to" in aux_words and not (
                verb.dep_ == "xcomp" and verb.head.tag_ == "VBD" and _lemma(verb.head) in ATTEMPTS):
            future = True
        elif verb.tag_ == "VB" and "to" in aux_words:
            future = False  # "applied to join on May 18": the application is what the date dates
        elif future is None and verb.tag_ in ("VBD", "VBN"):
            future = False
        elif future is None and verb.tag_ in ("VBZ", "VBP") and _lemma(verb) not in ("say", "be", "have"):
            future = True
        elif future is None and verb.tag_ == "VBG" and aux_words & {"is", "are", "am"}:
            future = True
        for up in chain[1:]:
            words.add(_lemma(up))
            for child in up.children:
                if child.dep_ in ("aux", "auxpass"):
                    words.add(_lemma(child))
            if _lemma(up) in EXPECTED | SCHEDULED and verb.tag_ == "VB":
                future = True
    if noun_future:
        future = True
    if future is None and words & {"expected", "scheduled", "due"}:
        future = True
    if words & CANCELLED and words & {"cancel", "postpone", "scrap", "cancelled", "postponed", "suspend"}:
        return future, "cancelled"
    if not future:
        return future, "held"
    if words & PROPOSED:
        return future, "proposed"
    if words & EXPECTED:
        return future, "expected"
    return future, "scheduled"


def _when_clause(span: Span) -> Token | None:
    """The verb of ", when ..." right after a date ("in November 2010, when
    Medvedev visited Kunashir"): that clause is what the date dates."""
    doc = span.doc
    i = span.end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "when":
        head = doc[i + 1].head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def clause_of(doc: Doc, start: int, end: int) -> Clause:
    """The clause around the characters [start, end) of `doc`: the clause
    of the verb the date hangs from or, when the date qualifies a noun that
    names an event ("the upcoming meeting ... on September 2nd"), that
    noun phrase."""
    span = span_of(doc, start, end)
    if span is None or not len(span):
        return Clause(None, [], None, "held")
    verb, nouns = governing_verb(span.root)
    if verb is None:
        return Clause(None, list(span.sent), None, "held")
    when = _when_clause(span)
    if when is not None:
        future, status = _tense_and_status(when, [])
        return Clause(when, clause_tokens(when), future, status)
    event_noun = next((n for n in nouns if n.lemma_.lower() in EVENT_NOUNS and n not in span), None)
    if event_noun is not None and verb.lemma_.lower() in EVENT_VERBS:
        event_noun = None  # "to meet on the sidelines of the summit in November": the meeting is the event
    extra: list[Token] = []
    if verb.lemma_.lower() in ANNOUNCING:
        # "confirmed the upcoming meeting ... at a forum on ...": the date is the meeting's.
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS]
        if objects and event_noun is not None and event_noun is not objects[0]:
            extra = list(event_noun.subtree)
            event_noun = None
    if event_noun is None and verb.lemma_.lower() in ANNOUNCING:
        # "confirmed the upcoming meeting ... on September 2nd": the date is the meeting's.
        event_noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS), None)
        if event_noun is not None:
            nouns = [event_noun, *nouns]
            verb = None
    if event_noun is None and verb is not None and verb.dep_ == "acl":
        # "an interview with Japanese media released on Tuesday": the interview's date.
        up = verb.head
        for _ in range(3):
            if up.lemma_.lower() in EVENT_NOUNS:
                event_noun = up
                break
            up = up.head
    future, status = _tense_and_status(verb, nouns)
    if event_noun is not None:
        tokens = sorted({*event_noun.subtree, *span, *extra}, key=lambda t: t.i)
        return Clause(verb or event_noun.head, tokens, future, status, head=event_noun)
    return Clause(verb, clause_tokens(verb), future, status)


def subject_tokens(verb: Token | None) -> list[Token]:
    """The tokens naming the clause's subject, following coordination and
    relative clauses up to the noun they describe."""
    token = verb
    for _ in range(6):
        if token is None:
            return []
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
        if subjects:
            return [t for s in subjects for t in s.subtree]
        if token.dep_ in ("relcl", "acl"):
            # The noun the clause describes, with its own modifiers only ("the four islands").
            head = token.head
            core = [c for c in head.lefts if c.dep_ in ("det", "compound", "amod", "nummod", "poss")]
            return sorted({t for c in core for t in c.subtree} | {head}, key=lambda t: t.i)
        if token.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and token.head is not token:
            token = token.head
            continue
        return []
    return []


CORE_DEPS = {"det", "compound", "amod", "nummod", "poss"}


def _phrase(token: Token) -> str:
    """A noun with the words in front of it that belong to it ("the four
    islands", "Soviet troops"), without relative clauses or prepositions."""
    core = {t for c in token.lefts if c.dep_ in CORE_DEPS for t in c.subtree} | {token}
    return " ".join(t.text for t in sorted(core, key=lambda t: t.i) if t.dep_ != "punct")


def clause_roles(clause: Clause) -> tuple[str | None, str | None, str | None]:
    """What the clause says happened, as (action lemma, actor, target):
    "Soviet troops seized the islands" and "the islands were seized by
    Soviet troops" both give ("seize", "Soviet troops", "the islands")."""
    main = clause.main
    if main is None:
        return None, None, None
    action = main.lemma_.lower()
    if clause.head is not None:
        of = next((c for c in main.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((_phrase(c) for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        owner = next((_phrase(c) for c in main.children if c.dep_ == "poss"), None)
        return action, owner, target
    verb = main
    actor = target = None
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in RELATIVE_PRONOUNS:
            actor = _phrase(child)
        elif child.dep_ in ("dobj", "nsubjpass") and child.lower_ not in RELATIVE_PRONOUNS:
            target = _phrase(child)
        elif child.dep_ == "agent":
            actor = next((_phrase(c) for c in child.children if c.dep_ == "pobj"), actor)
    if target is None and verb.dep_ in ("relcl", "acl") and verb.head is not verb:
        target = _phrase(verb.head)  # "the islands, which Soviet troops seized"
    if actor is None and verb.dep_ == "xcomp" and verb.head is not verb:
        # "Russian experts are scheduled to visit Japan": the doer is the subject of the verb above.
        actor = next((_phrase(c) for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")
                      and c.lower_ not in RELATIVE_PRONOUNS), None)
    return action, actor, target

"""Quotations and reported speech, attributed to people or organizations.

A direct quote is a span inside quotation marks that news copy attributes
with a reporting verb: after it ("...," Putin said), before it (Lavrov said:
"..."), around it ("...," he said. "..."), inside the sentence (Putin "would
be willing to visit", said Panov) or by "according to".  A quote that runs
over paragraphs (wire style: the paragraph does not close it, the next one
opens again) is one quote.  Quoted words with no attribution (titles, scare
quotes, names) are not quotes.  Indirect speech ("Panov said that ...") is
kept as a statement with ``direct=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import IDX, LOWER

from dossier.extract.document import ArticleDoc
from dossier.extract.quotes.marks import Quoted, find_quoted, word_count
from dossier.extract.quotes.speakers import Speaker, SpeakerIndex, token_indices
from dossier.extract.quotes.speech_verbs import (
    ACCORDING,
    DESCRIBING_VERBS,
    INDIRECT_VERBS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
)
from dossier.model import Organization, Paragraph, Person, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen col lt sgt rep sen gov prof no vs jan feb mar apr aug sep sept oct nov dec "
    "inc co corp ltd u.s u.k u.n e.u".split()
)
_SENTENCE_END = re.compile(r"[.!?](?=[\"\u201d\u2019)]*\s+[\"\u201c\u2018(]?[A-Z0-9])")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'\u2019-]+\s[\u2014\u2013-]+\s+")  # "LONDON — "
_LEADING_FILLERS = frozenset({"that", "only", "just", "merely", "simply", "also"})  # "saying only that ..."
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_TRAILING_ATTRIBUTION = ",\u2014\u2013-\u2026?!:;"  # a quote ending so expects "..., X said"
_MIN_PARTIAL_WORDS = 3  # a shorter partial quote is a scare quote or a name
# Words that put a name or a label, not speech, in quotation marks.
_NAMING_WORDS = frozenset({
    "so-called", "dubbed", "called", "named", "titled", "entitled", "nicknamed", "labelled", "labeled", "termed",
    "branded", "known as", "billed as", "referred to as",
})
# Parts of speech that make a short quote a term or a name ('the "reset"'),
# rather than the speaker's own wording ('would "absolutely not" agree').
_NAMING_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# Relations that leave a phrase for another clause: a partial quote reached
# through one of them is not the object or complement of the verb above it.
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "ccomp", "advcl", "relcl", "acl", "parataxis", "conj"})


@dataclass(slots=True)
class _Found:
    """A direct quote while it is being attributed."""

    paragraph: int
    quoted: Quoted
    parts: list[str]
    speaker: Speaker = field(default_factory=Speaker)
    verb: Token | None = None
    attributed: bool = False
    # the quote is the object or complement of a verb with a speaker ('called
    # it "unacceptable"', 'thanked him for "..."'): a quotation however short
    governed: bool = False


def extract_quotes(adoc: ArticleDoc, people: list[Person], organizations: list[Organization]) -> list[Quote]:
    """Direct and indirect quotes of one article; speakers are ids of
    `people` (or `organizations`)."""
    quoted = {p.number: find_quoted(p.text) for p in adoc.article.paragraphs if p.kind != "heading"}
    ranges = [(adoc.starts[n - 1] + q.open_mark, adoc.starts[n - 1] + q.after) for n, qs in quoted.items() for q in qs]
    index = SpeakerIndex(adoc, people, organizations, quoted=ranges)
    finder = _QuoteFinder(adoc, index, quoted)
    direct = finder.direct_quotes()
    indirect = finder.indirect_statements()
    out: list[Quote] = []
    for n, (found, is_direct) in enumerate(
        sorted([(f, True) for f in direct] + [(f, False) for f in indirect],
               key=lambda pair: (pair[0].paragraph, pair[0].quoted.start)), 1
    ):
        base = adoc.starts[found.paragraph - 1]
        out.append(Quote(
            id=f"{adoc.article.id}-q{n}",
            text=" ".join(found.parts),
            where=adoc.where(base + found.quoted.start, base + found.quoted.end),
            speaker=found.speaker.person,
            speaker_organization=found.speaker.organization,
            direct=is_direct,
            cue=_cue(found.verb) if found.verb is not None else None,
            date=adoc.article.published,
        ))
    return out


def _cue(verb: Token) -> str:
    """The reporting words: 'said', 'told reporters', 'said in a statement',
    'according to the ministry'."""
    doc = verb.doc
    words = [verb.text]
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "dobj" and verb.lower_.startswith(("tell", "told")):
            words.append(doc[child.left_edge.i:child.i + 1].text)
        elif child.dep_ == "prep" and child.lower_ in ("in", "to"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if verb.lower_ == ACCORDING:
                    words.append(doc[child.i:obj.right_edge.i + 1].text)
                elif obj.lower_ in STATEMENT_NOUNS:
                    words.append(doc[child.i:obj.i + 1].text)
    return " ".join(words)


def _is_sentence_end(text: str, i: int) -> bool:
    if text[i] != ".":
        return True
    word = text[:i].rsplit(None, 1)[-1].lstrip("(\"\u201c").casefold() if text[:i].strip() else ""
    return not (len(word) == 1 or word in _ABBREVIATIONS)


def _first_sentence_end(text: str, start: int, stop: int) -> int:
    for m in _SENTENCE_END.finditer(text, start, stop):
        if _is_sentence_end(text, m.start()):
            return m.start() + 1
    return stop


def _last_sentence_start(text: str, start: int, stop: int) -> int:
    out = start
    for m in _SENTENCE_END.finditer(text, start, stop):
        if _is_sentence_end(text, m.start()):
            out = m.start() + 1
    return out


def _speaks_for_itself(verb: Token) -> bool:
    """A verb whose subject is the one speaking: it has a subject of its own
    ('he called it ...', 'what she called ...') or is a participle of the
    speaker's clause ('..., describing it as ...'), not a name given to
    something ('a campaign called ...', 'was dubbed ...')."""
    if any(c.dep_ == "nsubj" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        return _speaks_for_itself(verb.head)  # "Baker said ... and accused them of ..."
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp")


def _reported_clause(verb: Token) -> tuple[Token, Token] | None:
    """First and last token of what a reporting verb reports: its clausal
    complement ("said [that] X"), or for "according to", the clause it
    qualifies minus the "according to ..." phrase at its start or end."""
    if verb.lower_ == ACCORDING:
        if not any(c.dep_ == "prep" for c in verb.children) or verb.head is verb:
            return None
        clause = verb.head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
            clause = clause.head
        left, right = clause.left_edge, clause.right_edge
        if verb.left_edge.i == left.i:
            return verb.doc[verb.right_edge.i + 1], right
        if verb.right_edge.i >= right.i - 1:
            return left, verb.doc[verb.left_edge.i - 1]
        return None
    if any(a.lower_ in INDIRECT_VERBS and a.pos_ == "VERB" for a in verb.ancestors):
        return None  # inside another report: that one is the statement
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return (clause.left_edge, clause.right_edge) if clause is not None else None


def _trimmed(doc: Doc, left: Token, right: Token, lo: int, hi: int) -> Span | None:
    """The span between two tokens, kept inside the paragraph's chars
    [lo, hi), without a leading 'that', edge punctuation or a dateline."""
    while left.i < right.i and (left.idx < lo or left.lower_ in _LEADING_FILLERS or left.is_punct):
        left = doc[left.i + 1]
    while right.i > left.i and (right.idx >= hi or right.is_punct):
        right = doc[right.i - 1]
    if right.i <= left.i:
        return None
    span = doc[left.i:right.i + 1]
    dateline = _DATELINE.match(span.text)
    if dateline:
        span = span.char_span(dateline.end(), len(span.text), alignment_mode="expand") or span
    return span


class _QuoteFinder:
    def __init__(self, adoc: ArticleDoc, index: SpeakerIndex, quoted: dict[int, list[Quoted]]) -> None:
        self.adoc = adoc
        self.index = index
        self.doc = adoc.doc
        self.token_starts = self.doc.to_array(IDX).reshape(-1)
        self.quoted = quoted  # paragraph number -> its quoted spans
        self.used_verbs: set[int] = set()

    # ------------------------------------------------------------ helpers
    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting in doc chars [start, end)."""
        a, b = self.token_starts.searchsorted([start, end])
        return [self.doc[i] for i in range(int(a), int(b))]

    @staticmethod
    def is_reporting(token: Token) -> bool:
        low = token.lower_
        if low == ACCORDING:
            return any(c.lower_ == "to" for c in token.children) or (
                token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to")
        return low in SPEECH_VERBS and token.pos_ in ("VERB", "AUX")

    def attribute(self, verb: Token | None, found: _Found) -> bool:
        if verb is None:
            return False
        found.verb = verb
        found.attributed = True
        found.speaker = self.index.speaker_of_verb(verb, discover=True)
        self.used_verbs.add(verb.i)
        if found.speaker.person:
            self.index.note_speaker(verb.i, found.speaker.person)
        return True

    # ------------------------------------------------------------ direct
    def direct_quotes(self) -> list[_Found]:
        out: list[_Found] = []
        chain: _Found | None = None  # a quote left open at the end of a paragraph
        last_in_previous: _Found | None = None
        previous: Paragraph | None = None  # the paragraph before, when it is text
        for paragraph in self.adoc.article.paragraphs:
            if paragraph.kind == "heading":
                chain, last_in_previous, previous = None, None, None
                continue
            text = paragraph.text
            spans = self.quoted[paragraph.number]
            here: list[_Found] = []
            for k, q in enumerate(spans):
                if chain is not None and k == 0 and q.open_mark == 0:
                    chain.parts.append(text[q.start:q.end])
                    if not chain.attributed:
                        self._attribute_in_paragraph(chain, paragraph.number, text, spans, k, q)
                    if q.closed:
                        chain = None
                    continue
                if chain is not None:
                    chain = None
                found = _Found(paragraph.number, q, [text[q.start:q.end]])
                self._attribute_in_paragraph(found, paragraph.number, text, spans, k, q)
                if not found.attributed and k == 0 and q.open_mark == 0 and previous is not None:
                    self._attribute_from_introduction(found, previous)
                if not found.attributed:
                    prev = here[-1] if here else (last_in_previous if q.open_mark == 0 else None)
                    if prev is not None and prev.attributed and self._full_sentence(text, spans, k):
                        found.speaker, found.verb, found.attributed = prev.speaker, prev.verb, True
                here.append(found)
                if not q.closed:
                    chain = found
            if chain is not None and (not spans or spans[-1].closed):
                chain = None
            out.extend(here)
            last_in_previous = here[-1] if here and here[-1].attributed else None
            previous = paragraph if paragraph.kind == "text" else None
        article = self.adoc.article
        return [f for f in out if f.attributed and self._is_speech(f, article.paragraph(f.paragraph).text)]

    def _full_sentence(self, text: str, spans: list[Quoted], k: int) -> bool:
        """A quote that starts a sentence of its own (not a partial quote)."""
        q = spans[k]
        before = text[spans[k - 1].after if k else 0:q.open_mark].strip()
        first = text[q.start:q.start + 1]
        return (not before or before[-1] in ".!?:") and first.isupper()

    def _is_speech(self, found: _Found, text: str) -> bool:
        """Drop scare quotes and titles: short partial quotes, Title Case names."""
        words = found.parts[0].split()
        if not words:
            return False
        q = found.quoted
        before = text[:q.open_mark].rstrip()
        words_before = before.casefold().split()
        if words_before[-1:] == ["so-called"]:
            return False
        named = any(" ".join(words_before[-n:]) in _NAMING_WORDS for n in (1, 2, 3) if len(words_before) >= n)
        if named and not found.governed:
            return False
        introduced = not before or before[-1] in ":,.!?\u2014"
        short = len(words) < _MIN_PARTIAL_WORDS and found.parts[0].rstrip()[-1:] not in ".!?"
        if not introduced and not found.governed and short:
            return False
        capitalised = [w for w in words if w[:1].isalpha()]
        if not introduced and len(words) <= 6 and capitalised and all(w[0].isupper() for w in capitalised):
            return False
        return word_count(" ".join(found.parts)) > 0

    def _attribute_in_paragraph(
        self, found: _Found, number: int, text: str, spans: list[Quoted], k: int, q: Quoted
    ) -> None:
        base = self.adoc.starts[number - 1]
        inner = text[q.start:q.end].rstrip()
        after_stop = spans[k + 1].open_mark if k + 1 < len(spans) else len(text)
        before_start = spans[k - 1].after if k else 0
        before = text[before_start:q.open_mark]
        embedded = bool(before.strip()) and before.rstrip()[-1] not in ":,.!?\u2014"
        if embedded:
            verb, complement = self._governing_verb(base + q.start, base + q.end)
            if self.attribute(verb, found):
                words = [t for t in self.tokens(base + q.start, base + q.end) if not t.is_punct]
                found.governed = bool(found.speaker) and (
                    (complement and _speaks_for_itself(verb))
                    # '... said his country would "absolutely not" agree': words about how, not a name
                    or (verb.lower_ in SPEECH_VERBS and bool(words) and not any(t.pos_ in _NAMING_POS for t in words))
                )
                return
        if q.closed:
            after_text = text[q.after:after_stop]
            lead = after_text.lstrip(" ,")
            if inner[-1:] in _TRAILING_ATTRIBUTION or inner[-1:] not in ".!?" or lead[:1].islower():
                stop = _first_sentence_end(text, q.after, after_stop)
                if self.attribute(self._first_reporting(base + q.after, base + stop), found):
                    return
        start = _last_sentence_start(text, before_start, q.open_mark)
        if self.attribute(self._last_reporting(base + start, base + q.open_mark), found):
            return
        if embedded and q.closed:
            stop = _first_sentence_end(text, q.after, after_stop)
            self.attribute(self._first_reporting(base + q.after, base + stop), found)

    def _attribute_from_introduction(self, found: _Found, previous: Paragraph) -> None:
        """A quote that opens its paragraph after one ending 'he said:' (or
        'said in a statement:') is what that verb introduces."""
        text = previous.text.rstrip()
        if not text.endswith(":") or any(not q.closed for q in self.quoted[previous.number]):
            return
        base = self.adoc.starts[previous.number - 1]
        start = _last_sentence_start(text, 0, len(text))
        self.attribute(self._last_reporting(base + start, base + len(text)), found)

    def _first_reporting(self, start: int, end: int) -> Token | None:
        return next((t for t in self.tokens(start, end) if self.is_reporting(t)), None)

    def _last_reporting(self, start: int, end: int) -> Token | None:
        return next((t for t in reversed(self.tokens(start, end)) if self.is_reporting(t)), None)

    def _governing_verb(self, start: int, end: int) -> tuple[Token | None, bool]:
        """A reporting (or describing) verb that the partial quote's words
        hang from, and whether the quote is that verb's own object or
        complement rather than part of a clause it reports."""
        inside = self.tokens(start, end)
        if not inside:
            return None, False
        token = inside[0]
        complement = True
        for _ in range(8):
            if token.head is token or token.dep_ in ("relcl", "acl"):
                return None, False  # a relative clause has its own speaker ("which Jones called ...")
            if not start <= token.head.idx < end and token.dep_ in _CLAUSE_DEPS:
                complement = False
            token = token.head
            if start <= token.idx < end:
                continue
            if self.is_reporting(token) or (token.lower_ in DESCRIBING_VERBS and token.pos_ == "VERB"):
                return token, complement
        return None, False

    # ------------------------------------------------------------ indirect
    def indirect_statements(self) -> list[_Found]:
        """'Panov said that ...', 'the ministry said the talks ...', 'according
        to Panov, ...': the reported clause, attributed, with ``direct=False``."""
        out: list[_Found] = []
        paragraphs = {p.number: p for p in self.adoc.article.paragraphs}
        for i in token_indices(self.doc, LOWER, INDIRECT_VERBS | {ACCORDING}):
            verb = self.doc[i]
            low = verb.lower_
            if verb.i in self.used_verbs or not (low == ACCORDING or (low in INDIRECT_VERBS and verb.pos_ == "VERB")):
                continue
            number = self.adoc.paragraph_of(verb.idx)
            if paragraphs[number].kind != "text" or self._inside_quote(number, verb.idx):
                continue
            edges = _reported_clause(verb)
            if edges is None or edges[0].i <= verb.i <= edges[1].i:
                continue  # "..., which Abe said would help": the report wraps its own verb
            lo = self.adoc.starts[number - 1]
            span = _trimmed(self.doc, *edges, lo, lo + len(paragraphs[number].text))
            if span is None or len(span) < 4 or any(c in span.text for c in _QUOTE_CHARS):
                continue
            speaker = self.index.speaker_of_verb(verb)
            if not speaker:
                continue
            local = Quoted(span.start_char - lo, span.end_char - lo, span.start_char - lo, None)
            out.append(_Found(number, local, [span.text], speaker=speaker, verb=verb, attributed=True))
        return out

    def _inside_quote(self, number: int, char: int) -> bool:
        local = char - self.adoc.starts[number - 1]
        return any(q.open_mark <= local < q.after for q in self.quoted.get(number, []))

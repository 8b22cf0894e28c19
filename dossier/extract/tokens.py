"""Token attributes read once per parsed doc.

Every `Token` spaCy hands out is a new Python object; rules that scan the
whole doc for a word ("as", "prefecture", a surname) read these plain
lists instead and build `Token`s only where they hit."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Kept beside the doc, not in `doc.user_data`, so a doc serialised with its
# user data never carries it; it goes when the doc goes.
_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()
_SENTENCES: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


@dataclass(slots=True, frozen=True)
class TokenTable:
    lower: list[str]
    text: list[str]
    title: list[bool]  # capitalised word ("Abe", "Prime")
    ent_type: list[str]
    pos: list[str]

    def find(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indices of the tokens whose lower-case form is in `words`."""
        return [i for i, w in enumerate(self.lower) if w in words]


def token_table(doc: Doc) -> TokenTable:
    table = _TABLES.get(doc)
    if table is None:
        lower, text, title, ent_type, pos = [], [], [], [], []
        for t in doc:
            lower.append(t.lower_)
            text.append(t.text)
            title.append(t.is_title)
            ent_type.append(t.ent_type_)
            pos.append(t.pos_)
        table = TokenTable(lower, text, title, ent_type, pos)
        _TABLES[doc] = table
    return table


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once (`Doc.text` joins every token again on
    each access)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = doc.text
        _TEXTS[doc] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record `text`, the string `doc` was parsed from, as its text: spaCy's
    tokenizer loses no character, so `doc.text` would join the same string
    back from the tokens."""
    _TEXTS[doc] = text


def span_text(span: Span) -> str:
    """`span.text`, cut from the doc's text instead of joined from its
    tokens (the same string: a span's text runs from its first token to the
    end of its last, without the trailing space)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's start, read once per doc (each
    `Token.sent` walks the whole doc again)."""
    starts = _SENTENCES.get(doc)
    if starts is None:
        starts = [s.start for s in doc.sents]
        _SENTENCES[doc] = starts
    return starts


def sentences(doc: Doc) -> list[Span]:
    """`doc.sents` as a list, from the sentence starts read once per doc
    (each `doc.sents` reads every token again)."""
    starts = sentence_starts(doc)
    ends = [*starts[1:], len(doc)]
    return [doc[a:b] for a, b in zip(starts, ends, strict=True)]

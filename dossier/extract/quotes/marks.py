"""Finding quoted spans in one paragraph's text: straight and curly double
quotes, and curly single quotes in paragraphs that use them as the primary
marks (British style).  Pure string work, no parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
STRAIGHT_SINGLE = "'"
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’ (also the apostrophe)
_BEFORE_OPENER = " \t([{\u2014\u2013-/"  # what may stand right before an opening mark


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted span of a paragraph: ``start``/``end`` enclose the words
    inside the marks, ``open_mark``/``close_mark`` are the marks' offsets
    (``close_mark`` is None when the paragraph ends with the quote still open,
    as wire copy does when a quote runs on into the next paragraph)."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def after(self) -> int:
        """First offset after the quote (after its closing mark)."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _straight_role(text: str, i: int) -> str:
    """'open', 'close' or '?' for a straight double quote at `i`."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = prev in _BEFORE_OPENER and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def _double_marks(text: str) -> list[tuple[int, str]]:
    marks: list[tuple[int, str]] = []
    for i, c in enumerate(text):
        if c in DOUBLE_OPEN:
            marks.append((i, "open"))
        elif c in DOUBLE_CLOSE:
            marks.append((i, "close"))
        elif c == STRAIGHT:
            marks.append((i, _straight_role(text, i)))
    return marks


def _single_marks(text: str, opener: str = SINGLE_OPEN, closer: str = SINGLE_CLOSE) -> list[tuple[int, str]]:
    """Single quotes as primary marks: an opener at a word start, a closer
    that is not an apostrophe inside a word (``don’t``)."""
    marks: list[tuple[int, str]] = []
    for i, c in enumerate(text):
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if c == opener and prev in _BEFORE_OPENER and not nxt.isspace():
            marks.append((i, "open"))
        elif c == closer and not prev.isspace() and not nxt.isalpha():
            marks.append((i, "close"))
    # of several closers before the next opener, the first one after
    # punctuation ends the quote ("moved,’ said the members’ leader"), else
    # the last: a plural possessive ("the islands’ future") ends nothing
    out: list[tuple[int, str]] = []
    run: list[int] = []
    for i, role in [*marks, (len(text), "open")]:
        if role == "close":
            run.append(i)
            continue
        if run:
            out.append((next((c for c in run if text[c - 1] in ",.!?;:\u2026"), run[-1]), "close"))
            run = []
        if i < len(text):
            out.append((i, role))
    return out


def _pair(text: str, marks: list[tuple[int, str]]) -> list[Quoted]:
    spans: list[Quoted] = []
    opened: int | None = None
    for i, role in marks:
        if opened is None:
            if role in ("open", "?"):
                opened = i
            # a stray closer with nothing open is dropped
        elif role in ("close", "?"):
            if i > opened + 1:
                spans.append(Quoted(opened + 1, i, opened, i))
            opened = None
        else:  # an opener while a quote is open: the first one never closed
            opened = i
    if opened is not None and opened + 1 < len(text):
        spans.append(Quoted(opened + 1, len(text.rstrip()), opened, None))
    return spans


def find_quoted(text: str) -> list[Quoted]:
    """The quoted spans of a paragraph, in order."""
    marks = _double_marks(text)
    if not marks and SINGLE_OPEN in text:
        marks = _single_marks(text)
    elif not marks and STRAIGHT_SINGLE in text:
        # typewriter single quotes (British copy typed plainly): only closed
        # spans, since the same mark is an apostrophe ("'90s", "the members'")
        return [q for q in _pair(text, _single_marks(text, STRAIGHT_SINGLE, STRAIGHT_SINGLE)) if q.closed]
    return _pair(text, marks)


_WORD = re.compile(r"\S+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))

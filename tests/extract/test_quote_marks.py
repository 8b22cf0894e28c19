"""Quoted spans in a paragraph, from the marks alone."""

from __future__ import annotations

import pytest

from dossier.extract.quotes.marks import find_quoted


def inner(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"One," he said. "Two."', ["One,", "Two."]),
        ("\u201cOne,\u201d he said. \u201cTwo.\u201d", ["One,", "Two."]),
        ("\u201eEins,\u201d he said.", ["Eins,"]),
        ("It was \u201cdone,\u201d he said, \u201cand over.\u201d", ["done,", "and over."]),
        ('He said "no."', ["no."]),
        ("\u2018We won\u2019t,\u2019 she said.", ["We won\u2019t,"]),
        ("\u2018The islands\u2019 future is ours,\u2019 she said.", ["The islands\u2019 future is ours,"]),
        ("No quotes here, only an apostrophe\u2019s.", []),
        ('A 5" screen, he said, is "too small."', ["too small."]),
        ("\u201cMixed marks,\" she said.", ["Mixed marks,"]),
    ],
)
def test_quote_marks_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_quote_marks_unclosed_quote_runs_to_paragraph_end() -> None:
    [q] = find_quoted('"The first phase is finished. The second starts in May.')
    assert not q.closed
    assert q.end == len('"The first phase is finished. The second starts in May.')


def test_quote_marks_typewriter_single_quotes_in_british_copy() -> None:
    text = "'We won't be moved,' said the members' leader. 'Not now.'"
    spans = find_quoted(text)
    assert [text[q.start:q.end] for q in spans] == ["We won't be moved,", "Not now."]


def test_quote_marks_typewriter_apostrophes_alone_are_no_quotes() -> None:
    assert find_quoted("The workers' union, founded in the '90s, won't strike.") == []


def test_quote_marks_closer_after_punctuation_beats_a_later_plural_possessive() -> None:
    text = "\u2018We will not be moved,\u2019 said the members\u2019 leader."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["We will not be moved,"]

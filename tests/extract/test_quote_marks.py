"""Quoted spans in a paragraph, from the marks alone."""

from __future__ import annotations

import pytest

from dossier.extract.quote_marks import find_quoted


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

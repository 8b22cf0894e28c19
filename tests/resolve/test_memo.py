"""Resolve's memos (`dossier.resolve.memo`) and copies
(`dossier.resolve.copies`): a result kept by its inputs is rebuilt from the
objects of the call that asks for it, never from an earlier call's."""

from __future__ import annotations

import pytest

from dossier.model import Briefing, Mention, Person, Provenance, Provision
from dossier.resolve.copies import own
from dossier.resolve.memo import Memo, clear_memos
from dossier.resolve.provisions import consolidate


def test_own_copies_the_lists_and_shares_their_items() -> None:
    mention = Mention("Ines Marlow", Provenance("a", 1))
    person = Person("ines-marlow", "Ines Marlow", aliases=["Marlow"], mentions=[mention])
    copy = own(person)
    assert copy == person and copy is not person
    assert copy.aliases is not person.aliases and copy.mentions is not person.mentions
    assert copy.mentions[0] is mention
    copy.aliases.append("I. Marlow")
    copy.name = "Ines J. Marlow"
    assert person.aliases == ["Marlow"] and person.name == "Ines Marlow"
    with pytest.raises(TypeError, match="Briefing"):
        own(Briefing())  # a field its constructor does not set


def test_memo_makes_a_result_once_and_is_bounded() -> None:
    memo: Memo[list[int]] = Memo(limit=2)
    made: list[str] = []

    def make(key: str) -> list[int]:
        made.append(key)
        return [len(made)]

    assert memo.get("a", lambda: make("a")) == [1]
    assert memo.get("a", lambda: make("a")) == [1]
    memo.get("b", lambda: make("b"))
    memo.get("c", lambda: make("c"))  # the third key empties it first
    assert len(memo) == 1
    assert memo.get("a", lambda: make("a")) == [4]
    assert made == ["a", "b", "c", "a"]
    clear_memos()
    assert len(memo) == 0


def _provisions() -> list[Provision]:
    return [
        Provision("the islands are returned to Japan", Provenance("b", 2), "calls for"),
        Provision("the two islands are returned to Japan", Provenance("a", 3)),
        Provision("a peace treaty is signed", Provenance("a", 4)),
    ]


def test_consolidate_again_cites_the_provisions_it_is_given() -> None:
    first, second = _provisions(), _provisions()
    before = consolidate(first)
    after = consolidate(second)  # the same words: the grouping is kept, the objects are these
    assert after == before
    assert [p.text for p in after] == ["the two islands are returned to Japan", "a peace treaty is signed"]
    assert after[0].cue == "calls for" and after[0].variants[0] is second[0]
    assert all(v is not p for p in first for v in after[0].variants)

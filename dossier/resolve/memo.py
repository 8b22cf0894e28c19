"""Results of resolve's pure, expensive steps, kept by their inputs.

Under `mkdocs serve` every rebuild resolves the whole dossier again, and
after an edit of one article most steps get the same inputs as the last
time: the same provisions of a document to group, the same names of
organizations to cluster, the same event reports.  A `Memo` keeps a step's
result by everything the step reads (a key the caller builds from values,
never from object identities), so a repeated step costs the making of its
key.  Each memo is bounded: at `limit` entries it is emptied whole.  A
`dossier build` resolves once; its memos are filled and never asked again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")

_MEMOS: list[Memo[object]] = []


class Memo(Generic[V]):
    """Results by key, at most `limit` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._results: dict[Hashable, V] = {}
        _MEMOS.append(self)  # type: ignore[arg-type]

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The result kept for `key`, else `make()`, kept."""
        result = self.find(key)
        if result is None:
            result = make()
            self.keep(key, result)
        return result

    def find(self, key: Hashable) -> V | None:
        return self._results.get(key)

    def keep(self, key: Hashable, result: V) -> None:
        if len(self._results) >= self.limit:
            self._results.clear()
        self._results[key] = result

    def clear(self) -> None:
        self._results.clear()

    def __len__(self) -> int:
        return len(self._results)


def clear_memos() -> None:
    """Forget every kept result (the next resolve computes all again)."""
    for memo in _MEMOS:
        memo.clear()

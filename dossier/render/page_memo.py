"""Pages of the previous render, reused when nothing they read changed.

Under `mkdocs serve` every rebuild renders every page again, though an edit
to one article changes a few dozen of 1,760 pages at 1,000 articles.  A page's
Markdown is a function of its template, its own variables (`Page.context`)
and what its template reads from the variables every page shares
(`briefing`, `entities`, `changes`, ...; `shared_context`).  So each page is
rendered with the shared variables wrapped in `Tracked`, which records every
read (an attribute, an item, a method call with its arguments, a membership
test, or the whole value when it is iterated, measured or printed).  At the
next render a page is reused when:

- the Jinja environment is the same object (the plugin makes a new one when
  any template file changed), and so is its template's name;
- its own variables are equal to the previous ones (the model is plain
  dataclasses: equality is equality of every field, however deep);
- every read, made again on the new shared variables, gives a result equal
  to what it gave on the previous ones (an error counts as a result).

Nothing is trusted that was not compared, so a reused page is the page a
fresh render makes; `tests/render/test_page_memo.py` checks exactly that after
edits of every kind.  What is kept is the last render's pages, variables
and reads, holding the previous model in memory until the next render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import jinja2

Read = tuple[Any, ...]  # (root name, kind, *details)


class Reads:
    """The reads of one page, each once: hashable ones in a set, the others
    (a method called with a model object, say) in a list."""

    __slots__ = ("keys", "others")

    def __init__(self) -> None:
        self.keys: set[Read] = set()
        self.others: list[Read] = []

    def __iter__(self) -> Iterator[Read]:
        yield from self.keys
        yield from self.others


class Tracked:
    """A shared template variable that records what is read from it into
    `reads`.  What it returns is the value itself, not wrapped: a model
    object read from it is compared whole at the next render."""

    __slots__ = ("_add", "_name", "_reads", "_value")

    def __init__(self, name: str, value: Any, reads: Reads) -> None:
        self._name = name
        self._value = value
        self._reads = reads
        self._add = reads.keys.add  # a citation reads twice: one call fewer per read

    def _read(self, read: Read) -> None:
        try:
            self._add(read)
        except TypeError:
            self._reads.others.append(read)

    def __getattr__(self, attr: str) -> Any:
        value = self._value
        try:
            found = getattr(value, attr)
        except AttributeError:
            self._read((self._name, "attr", attr))
            raise
        if callable(found) and not isinstance(found, type):
            name, record = self._name, self._read

            def call(*args: Any, **kwargs: Any) -> Any:
                record((name, "call", attr, args, tuple(sorted(kwargs.items())) if kwargs else ()))
                return found(*args, **kwargs)

            return call
        self._read((self._name, "attr", attr))
        return found

    def __getitem__(self, key: Any) -> Any:
        try:
            self._add((self._name, "item", key))
        except TypeError:
            self._reads.others.append((self._name, "item", key))
        return self._value[key]

    def __contains__(self, key: Any) -> bool:
        self._read((self._name, "in", key))
        return key in self._value

    def _whole(self) -> Any:
        self._read((self._name, "whole"))
        return self._value

    def __iter__(self) -> Iterator[Any]:
        return iter(self._whole())

    def __len__(self) -> int:
        return len(self._whole())

    def __bool__(self) -> bool:
        return bool(self._whole())

    def __str__(self) -> str:
        return str(self._whole())

    def __eq__(self, other: object) -> bool:
        return bool(self._whole() == other)

    __hash__ = None  # type: ignore[assignment]


def tracked(shared: dict[str, Any], reads: Reads) -> dict[str, Any]:
    return {name: Tracked(name, value, reads) for name, value in shared.items()}


def _outcome(shared: dict[str, Any], read: Read) -> tuple[bool, Any]:
    """What `read` gives on `shared`: (True, value) or (False, the error's type)."""
    try:
        root = shared[read[0]]
        kind = read[1]
        if kind == "attr":
            return True, getattr(root, read[2])
        if kind == "item":
            return True, root[read[2]]
        if kind == "call":
            return True, getattr(root, read[2])(*read[3], **dict(read[4]))
        if kind == "in":
            return True, read[2] in root
        return True, root
    except Exception as exc:
        return False, type(exc)


@dataclass(slots=True)
class Rendered:
    """A page as the last render made it, with what it was made from."""

    template: str
    context: dict[str, Any]
    reads: Reads
    text: str


@dataclass(slots=True)
class _Comparison:
    """One render's comparisons of the previous shared variables with the
    new ones; each distinct read and pair of objects is compared once."""

    old: dict[str, Any]
    new: dict[str, Any]
    reads: dict[Read, bool] = field(default_factory=dict)
    pairs: dict[tuple[int, int], bool] = field(default_factory=dict)
    alive: list[Any] = field(default_factory=list)  # what reads returned: no id in `pairs` is reused meanwhile

    def same(self, a: Any, b: Any) -> bool:
        if a is b:
            return True
        key = (id(a), id(b))  # both live while this comparison does: in the pages' variables or in `alive`
        known = self.pairs.get(key)
        if known is None:
            try:
                known = type(a) is type(b) and bool(a == b)
                if known and isinstance(a, dict):  # equal dicts may iterate in another order
                    known = list(a) == list(b)
            except Exception:
                known = False
            self.pairs[key] = known
        return known

    def read_unchanged(self, read: Read) -> bool:
        try:
            known = self.reads.get(read)
        except TypeError:  # unhashable: compared every time
            known = None
            hashable = False
        else:
            hashable = True
        if known is None:
            (ok_a, a), (ok_b, b) = _outcome(self.old, read), _outcome(self.new, read)
            self.alive.append((a, b))
            known = ok_a == ok_b and (a is b if not ok_a else self.same(a, b))
            if hashable:
                self.reads[read] = known
        return known

    def reusable(self, before: Rendered, template: str, context: dict[str, Any]) -> bool:
        if before.template != template or before.context.keys() != context.keys():
            return False
        if not all(self.same(before.context[k], v) for k, v in context.items()):
            return False
        return all(self.read_unchanged(read) for read in before.reads)


class PageMemo:
    """The pages of the last render, for the next one (see the module's doc)."""

    def __init__(self) -> None:
        self._env: jinja2.Environment | None = None
        self._shared: dict[str, Any] = {}
        self._pages: dict[str, Rendered] = {}
        self.reused = 0  # pages of the last render taken from the one before

    def kept(
        self, env: jinja2.Environment, shared: dict[str, Any], pages: list[tuple[str, str, dict[str, Any]]],
    ) -> dict[int, str]:
        """{index in `pages`: Markdown} of the (path, template, context)
        pages whose previous Markdown is still what they render to."""
        if env is not self._env or not self._pages:
            return {}
        comparison = _Comparison(self._shared, shared)
        out: dict[int, str] = {}
        for n, (path, template, context) in enumerate(pages):
            before = self._pages.get(path)
            if before is not None and comparison.reusable(before, template, context):
                out[n] = before.text
        return out

    def remember(
        self, env: jinja2.Environment, shared: dict[str, Any],
        pages: list[tuple[str, str, dict[str, Any]]], made: Callable[[int], tuple[str, Reads]],
        reused: dict[int, str],
    ) -> None:
        """Keep this render: `made(n)` is the Markdown and reads of page `n`
        rendered now; `reused` are those taken from the last render."""
        kept: dict[str, Rendered] = {}
        for n, (path, template, context) in enumerate(pages):
            if n in reused:
                before = self._pages[path]
                kept[path] = Rendered(template, context, before.reads, before.text)
            else:
                text, reads = made(n)
                kept[path] = Rendered(template, context, reads, text)
        self._env, self._shared, self._pages = env, shared, kept
        self.reused = len(reused)

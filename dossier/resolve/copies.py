"""Resolve never changes the one-article briefings it merges.

`mkdocs serve` keeps each article's extraction, as objects, from one
rebuild to the next (`dossier.pipeline.extract_cached`), so resolving must
leave them as they were.  What resolve changes is a copy made here: an
entity when it becomes the one that absorbs the others (its names, mentions,
roles and id change), every quote (its speaker is rewritten to a dossier
id) and every event (its people, place and documents are).  The objects
they hold and resolve only reads (mentions, roles, reports, provisions,
articles) are shared, and so are lists the copy does not own: a copy gets
its own list for each list field."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")

# By class: the values of its fields in order, and the fields that hold lists.
_SHAPES: dict[type, tuple[Callable[[Any], tuple[Any, ...]], tuple[str, ...]]] = {}


def own(item: T) -> T:
    """A copy of a model object (a dataclass whose fields are all set by
    its constructor, with no `__post_init__`) with lists of its own, their
    items shared."""
    cls = type(item)
    shape = _SHAPES.get(cls)
    if shape is None:
        found = fields(cls)  # type: ignore[arg-type]
        if not all(f.init for f in found) or hasattr(cls, "__post_init__"):
            raise TypeError(f"cannot copy {cls.__name__} by its constructor")
        shape = _SHAPES[cls] = (operator.attrgetter(*(f.name for f in found)),
                                tuple(f.name for f in found if f.default_factory is list))
    values, lists = shape
    copy: Any = cls(*values(item))
    for name in lists:
        setattr(copy, name, getattr(copy, name).copy())
    return copy

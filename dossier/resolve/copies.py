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

from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")

_FIELDS: dict[type, tuple[str, ...]] = {}


def own(item: T) -> T:
    """A copy of a model object with lists of its own (their items shared)."""
    cls = type(item)
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    copy: Any = object.__new__(cls)
    for name in names:
        value = getattr(item, name)
        setattr(copy, name, value.copy() if type(value) is list else value)
    return copy

"""Merging the same event reported in several articles."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Briefing, Event
from dossier.resolve.entities import IdMap
from dossier.slug import unique_slug


def merge_events(parts: Sequence[Briefing], id_map: IdMap, taken: set[str]) -> list[Event]:
    out: list[Event] = []
    for part in parts:
        article_id = part.articles[0].id
        for event in part.events:
            event.place = id_map.get((article_id, event.place), event.place) if event.place else None
            event.participants = [id_map.get((article_id, p), p) for p in event.participants]
            event.id = unique_slug(event.title, taken)
            out.append(event)
    return out

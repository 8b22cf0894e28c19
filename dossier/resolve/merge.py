"""Merge one-article briefings into one dossier-wide briefing: entities
first (people, organizations, places), then the facts that refer to them
(quotes, events, documents), with every local id rewritten."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Briefing
from dossier.resolve.copies import own
from dossier.resolve.documents import merge_documents
from dossier.resolve.entities import IdMap, merge_entities
from dossier.resolve.events import link_events_to_documents, merge_events
from dossier.resolve.names import fold
from dossier.resolve.order import where_order


def merge_briefings(parts: Sequence[Briefing]) -> Briefing:
    """One dossier from one-article briefings.  The parts are taken in the
    order of their article ids, so the order of the files never changes the
    result.  The parts are left as they were (`dossier.resolve.copies`)."""
    parts = sorted(parts, key=lambda part: part.articles[0].id if part.articles else "")
    id_map: IdMap = {}
    taken: set[str] = set()
    out = Briefing()
    for part in parts:
        out.articles.extend(part.articles)
        out.problems.extend(part.problems)
    out.people, out.organizations, out.places = merge_entities(parts, id_map, taken)
    for part in parts:
        article_id = part.articles[0].id
        for quote in map(own, part.quotes):
            quote.speaker = id_map.get((article_id, quote.speaker), quote.speaker) if quote.speaker else None
            if quote.speaker_organization:
                quote.speaker_organization = id_map.get(
                    (article_id, quote.speaker_organization), quote.speaker_organization
                )
            out.quotes.append(quote)
    out.documents = merge_documents(parts, id_map, taken)
    names = {x.id: x.name for group in (out.people, out.places, out.organizations, out.documents) for x in group}
    out.events = merge_events(parts, id_map, taken, out.places, names, out.event_candidates)
    link_events_to_documents(out.events, out.documents)
    sort_briefing(out)
    return out


def sort_briefing(briefing: Briefing) -> None:
    """Stable order for reproducible output."""
    for group in (briefing.people, briefing.organizations, briefing.places):
        group.sort(key=lambda item: (fold(item.name), item.id))
        for item in group:
            item.mentions.sort(key=where_order)
    briefing.quotes.sort(key=where_order)
    briefing.articles.sort(key=lambda a: a.id)
    briefing.events.sort(key=lambda e: (e.date or "9999", e.id))
    briefing.documents.sort(key=lambda d: (fold(d.name), d.id))

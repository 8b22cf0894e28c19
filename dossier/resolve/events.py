"""Merging the same event reported in several articles.

Two reports are one event when their dates overlap, they are the same kind
of happening, and they share a participant, the place or a document.  Each
report is kept with its own date and status, so that an event expected in
one article and held in a later one shows both, with their sources; the
event's date is the most precise one given for it, its status the one of
the latest report."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.extract.temporal.dates import edtf_bounds
from dossier.model import Briefing, Document, Event
from dossier.resolve.entities import IdMap
from dossier.slug import unique_slug

FAMILIES = {"talks": "gathering", "summit": "gathering", "forum": "gathering", "visit": "gathering"}


def _family(event: Event) -> str:
    return FAMILIES.get(event.kind, event.kind)


def _span_days(value: str | None) -> int:
    bounds = edtf_bounds(value)
    return (bounds[1] - bounds[0]).days if bounds else 1_000_000


def _dates_agree(a: str | None, b: str | None) -> bool:
    """Overlapping dates, and two precise days only when they are the same
    day (a week-long interval may hold a day)."""
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    if not ba or not bb or ba[1] < bb[0] or bb[1] < ba[0]:
        return False
    return not (_span_days(a) == 0 and _span_days(b) == 0 and a != b)


def same_event(a: Event, b: Event) -> bool:
    if _family(a) != _family(b) or not _dates_agree(a.date, b.date):
        return False
    if set(a.documents) & set(b.documents) and _family(a) == "signing":
        return True
    shared_people = set(a.participants) & set(b.participants)
    if a.place and b.place and a.place != b.place and not shared_people:
        return False
    if shared_people:
        return True
    if a.participants and b.participants:
        return False
    if a.place and a.place == b.place:
        return True
    return not a.participants and not b.participants and a.date == b.date and _similar_titles(a.title, b.title)


def _words(title: str) -> set[str]:
    return {w.lower().rstrip("s")[:5] for w in title.split() if len(w) > 3}


def _similar_titles(a: str, b: str) -> bool:
    """Titles sharing two telling words ("Soviet troops seized the islands",
    "islands seized by Soviet troops")."""
    return len(_words(a) & _words(b)) >= 2


def _best_report_date(event: Event) -> str | None:
    dated = [r.date for r in event.reports if r.date]
    held = [r.date for r in event.reports if r.date and r.status == "held"]
    pool = held or dated
    return min(pool, key=_span_days) if pool else event.date


def absorb(target: Event, other: Event, published: dict[str, str]) -> None:
    if other.participants and not target.participants:
        target.title = other.title  # a title that says who
    target.reports.extend(other.reports)
    target.participants.extend(p for p in other.participants if p not in target.participants)
    target.documents.extend(d for d in other.documents if d not in target.documents)
    target.place = target.place or other.place
    target.notes.extend(n for n in other.notes if n not in target.notes)
    if _span_days(other.date) < _span_days(target.date) or ("–" in other.title and "–" not in target.title):
        target.title = other.title
    target.date = _best_report_date(target)
    latest = max(target.reports, key=lambda r: (published.get(r.where.article, ""), r.where))
    target.status = latest.status
    dates = sorted({r.date for r in target.reports if r.date})
    statuses = sorted({r.status for r in target.reports})
    target.notes = [n for n in target.notes if not n.startswith("Reports differ")]
    if any(_conflict(a, b) for a in dates for b in dates):
        target.notes.append("Reports differ on the date: " + ", ".join(dates) + ".")
    if len(statuses) > 1:
        target.notes.append("Reports differ on the status: " + ", ".join(statuses) + ".")


def _conflict(a: str, b: str) -> bool:
    """Two dates that say different things (neither holds the other); a
    month and a day in it only differ in precision."""
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    if not ba or not bb:
        return False
    nested = (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])
    return not nested


def merge_events(parts: Sequence[Briefing], id_map: IdMap, taken: set[str]) -> list[Event]:
    published = {p.articles[0].id: p.articles[0].published or "" for p in parts}
    merged: list[Event] = []
    owner: dict[tuple[str, str], Event] = {}
    for part in parts:
        article_id = part.articles[0].id
        for event in part.events:
            local = event.id
            event.place = id_map.get((article_id, event.place), event.place) if event.place else None
            event.participants = list(dict.fromkeys(id_map.get((article_id, p), p) for p in event.participants))
            event.documents = [id_map.get((article_id, d), d) for d in event.documents]
            candidates = [m for m in merged if same_event(m, event)]
            if len(candidates) > 1 and _span_days(event.date) > 1:
                candidates = []  # a year or a month that fits several events: keep it apart
            if candidates:
                absorb(candidates[0], event, published)
                owner[(article_id, local)] = candidates[0]
            else:
                merged.append(event)
                owner[(article_id, local)] = event
    for event in merged:
        event.id = unique_slug(f"{(event.date or 'undated')[:4]} {event.title}", taken)
    for key, event in owner.items():
        id_map[key] = event.id
    return merged


def link_events_to_documents(events: list[Event], documents: list[Document]) -> None:
    """Each document's related events: those whose reports refer to it."""
    by_id = {d.id: d for d in documents}
    for document in documents:
        document.events = []
    for event in events:
        for doc_id in event.documents:
            document = by_id.get(doc_id)
            if document is not None and event.id not in document.events:
                document.events.append(event.id)

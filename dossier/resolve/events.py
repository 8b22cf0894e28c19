"""Resolving events across articles: every article's events are reports,
clustered over the whole corpus (`dossier.resolve.cluster`) into one event
per real-world happening.  Each report is kept with its own date and status,
so that an event expected in one article and held in a later one shows both,
with their sources.  The event's facts are the consensus of its reports:
the most precise date they agree on, the participants and place most of them
name, the status of the latest report, and a headline built from what it is
(`dossier.resolve.titles`)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from dossier.extract.temporal.dates import edtf_bounds
from dossier.model import Briefing, Document, Event, EventCandidate, Place
from dossier.resolve.cluster import Clustering, Report, cluster_reports, stem
from dossier.resolve.copies import own
from dossier.resolve.entities import IdMap
from dossier.resolve.geography import place_relation
from dossier.resolve.memo import Memo
from dossier.resolve.order import where_order
from dossier.resolve.titles import event_title, title_parts
from dossier.slug import unique_slug

KIND_ORDER = ["signing", "summit", "talks", "forum", "visit", "military act", "statement", "anniversary"]

def _span_days(value: str | None) -> int:
    bounds = edtf_bounds(value)
    return (bounds[1] - bounds[0]).days if bounds else 1_000_000


def _conflict(a: str, b: str) -> bool:
    """Two dates that say different things (neither holds the other); a
    month and a day in it only differ in precision."""
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    if not ba or not bb:
        return False
    nested = (ba[0] <= bb[0] and bb[1] <= ba[1]) or (bb[0] <= ba[0] and ba[1] <= bb[1])
    return not nested


def as_report(event: Event, article: str) -> Report:
    text = " ".join([event.title, *(r.sentence for r in event.reports)])
    return Report(event.kind, event.date, frozenset(event.participants), event.place, frozenset(event.documents),
                  text, article, frozenset(stem(r.action) for r in event.reports if r.action),
                  frozenset(r.sentence for r in event.reports))


def _consensus_date(items: list[Event]) -> str | None:
    """The most precise date of the reports that is held by all the others
    (held reports first), the most cited on a tie."""
    dates = [e.date for e in items if e.date]
    if not dates:
        return None
    held = [e.date for e in items if e.date and e.status == "held"]
    counts = Counter(held or dates)
    return min(counts, key=lambda d: (_span_days(d), -counts[d], d))


def _consensus_people(items: list[Event]) -> list[str]:
    """People named by at least a third of the reports (all of them when
    fewer than three reports name anyone), most named first."""
    counts: Counter[str] = Counter(p for e in items for p in dict.fromkeys(e.participants))
    naming = sum(1 for e in items if e.participants)
    need = 1 if naming < 3 else math.ceil(len(items) / 3)
    first: dict[str, int] = {}
    for e in items:
        for i, p in enumerate(e.participants):
            first[p] = min(first.get(p, i), i)
    return sorted((p for p, c in counts.items() if c >= need), key=lambda p: (-counts[p], first[p], p))


def _consensus_place(items: list[Event], places: dict[str, Place]) -> str | None:
    counts = Counter(e.place for e in items if e.place)
    if not counts:
        return None
    rank = {"city": 0, "region": 1, "islands": 1, "country": 2}

    def key(p: str) -> tuple[int, int, str]:
        kind = places[p].kind if p in places else None
        return (-counts[p], rank.get(kind or "", 1), p)

    return min(counts, key=key)


def _consensus_kind(items: list[Event]) -> str:
    counts = Counter(e.kind for e in items if e.kind != "event")
    if not counts:
        return items[0].kind
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    return min(counts, key=lambda k: (-counts[k], order.get(k, len(order)), k))


def build_event(items: list[Event], published: dict[str, str], places: dict[str, Place]) -> Event:
    """One event from the per-article events of a cluster: the consensus of
    its reports, every report kept."""
    reports = sorted((r for e in items for r in e.reports),
                     key=lambda r: (published.get(r.where.article, ""), where_order(r), r.sentence))
    event = Event(id="", title="", kind=_consensus_kind(items), date=_consensus_date(items),
                  place=_consensus_place(items, places), participants=_consensus_people(items),
                  reports=reports)
    event.documents = sorted({d for e in items for d in e.documents})
    event.notes = sorted({n for e in items for n in e.notes})
    latest = max(reports, key=lambda r: (published.get(r.where.article, ""), r.where, r.status))
    event.status = latest.status
    event.curated = any(e.curated for e in items)
    dates = sorted({r.date for r in reports if r.date})
    statuses = sorted({r.status for r in reports})
    if any(_conflict(a, b) for a in dates for b in dates):
        event.notes.append("Reports differ on the date: " + ", ".join(dates) + ".")
    if len(statuses) > 1:
        event.notes.append("Reports differ on the status: " + ", ".join(statuses) + ".")
    return event


def merge_events(parts: Sequence[Briefing], id_map: IdMap, taken: set[str], places: Sequence[Place] = (),
                 names: dict[str, str] | None = None,
                 candidates: list[EventCandidate] | None = None) -> list[Event]:
    """Events of all articles resolved into one per happening; `id_map` gets
    (article id, local id) -> dossier id for each.  `names` gives display
    names of people, places and documents for titles; `candidates`, if
    given, gets the pairs of events kept apart that some evidence joins."""
    published = {p.articles[0].id: p.articles[0].published or "" for p in parts}
    items: list[tuple[str, str, Event]] = []
    for part in parts:
        article_id = part.articles[0].id
        for event in map(own, part.events):
            event.place = id_map.get((article_id, event.place), event.place) if event.place else None
            event.participants = list(dict.fromkeys(id_map.get((article_id, p), p) for p in event.participants))
            event.documents = list(dict.fromkeys(id_map.get((article_id, d), d) for d in event.documents))
            items.append((article_id, event.id, event))
    clustering = resolve_clusters(items, places)
    by_place = {p.id: p for p in places}
    merged: list[tuple[Event, list[tuple[str, str, Event]]]] = []
    for members, weakest in zip(clustering.clusters, clustering.weakest, strict=True):
        group = [items[i] for i in members]
        event = build_event([e for _, _, e in group], published, by_place)
        event.confidence = round(weakest, 3) if weakest is not None else None
        event.title = event_title(title_parts(event, [e.title for _, _, e in group], names or {}))
        merged.append((event, group))
    # Ids follow the title and the date; clusters are numbered apart by their
    # earliest report, never by the order of the files.
    merged.sort(key=lambda eg: (eg[0].date or "9999", eg[0].title, eg[0].reports[0].where))
    for event, group in merged:
        event.id = unique_slug(f"{(event.date or 'undated')[:4]} {event.title}", taken)
        for article_id, local, _ in group:
            id_map[(article_id, local)] = event.id
    if candidates is not None:
        candidates.extend(_candidates(clustering, items, id_map))
    return [event for event, _ in merged]


def _candidates(clustering: Clustering, items: Sequence[tuple[str, str, Event]],
                id_map: IdMap) -> list[EventCandidate]:
    """The best refused link between each pair of events, strongest first."""
    best: dict[tuple[str, str], EventCandidate] = {}
    for first, second, score, reason in clustering.refused:
        a = id_map[(items[first[0]][0], items[first[0]][1])]
        b = id_map[(items[second[0]][0], items[second[0]][1])]
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        if key not in best or score > best[key].score:
            best[key] = EventCandidate(key[0], key[1], round(score, 3), reason)
    return sorted(best.values(), key=lambda c: (-c.score, c.first, c.second))


# Clusterings by what `cluster_reports` reads: every report, and the names
# of the places they name (an edit that changed no event gives the same).
_CLUSTERINGS: Memo[Clustering] = Memo(limit=2)


def resolve_clusters(items: Sequence[tuple[str, str, Event]], places: Sequence[Place] = ()) -> Clustering:
    """The clustering of per-article events `items` ((article, local id,
    event)), for `merge_events` and for `dossier review`."""
    reports = [as_report(event, article) for article, _, event in items]
    names = {p.id: p.name for p in places}
    used = sorted({r.place for r in reports if r.place})
    key = (tuple((r.kind, r.date, r.participants, r.place, r.documents, r.text, r.article, r.actions, r.sentences,
                  r.key) for r in reports), tuple((p, names.get(p)) for p in used))
    clustering = _CLUSTERINGS.get(key, lambda: cluster_reports(reports, place_relation(list(places))))
    return Clustering([list(c) for c in clustering.clusters], list(clustering.weakest),
                      [(list(a), list(b), s, why) for a, b, s, why in clustering.refused])


def link_events_to_documents(events: list[Event], documents: list[Document]) -> None:
    """Each document's related events: those whose reports refer to it; a
    signing event tells where the document was signed, and its date when
    it is more precise."""
    by_id = {d.id: d for d in documents}
    for document in documents:
        document.events = []
    for event in events:
        for doc_id in event.documents:
            document = by_id.get(doc_id)
            if document is not None and event.id not in document.events:
                document.events.append(event.id)
            if document is not None and event.kind == "signing":
                document.signed_at = document.signed_at or event.place
                if event.date and (not document.date or (event.date.startswith(document.date)
                                                         and len(event.date) > len(document.date))):
                    document.date = event.date

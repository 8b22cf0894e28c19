"""What the dossier PDF prints: a book a reader takes to a meeting, bounded
however many articles there are.

Every section is cut to the `pdf_entries` option (30 by default), keeping
the entries most reported (by the number of articles), and each speaker's
quotations to `pdf_quotes_per_speaker` (15), keeping the most reported,
then the newest; the PDF says how many more are on the site, where nothing
is cut.  A small dossier (the sample's) is under every limit, so it prints
whole.  The sources list then lists only the sources the PDF cites.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dossier.model import Briefing, Document, Event, Mention, Organization, Person, Place, Quote

T = TypeVar("T")


@dataclass(slots=True)
class Cut(Generic[T]):
    """The entries of a section the PDF prints, and how many it leaves to the site."""

    shown: list[T]
    more: int = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.shown)

    def __len__(self) -> int:
        return len(self.shown)

    def __bool__(self) -> bool:
        return bool(self.shown)


def cut(items: Sequence[T], limit: int | None, rank: Callable[[T], object] | None = None,
        order: Callable[[T], object] | None = None) -> Cut[T]:
    """The first `limit` of `items` by `rank` (all when `limit` is None or
    not reached), printed in `order` (default: the order of `items`)."""
    if limit is None or len(items) <= limit:
        return Cut(list(items))
    position = {id(item): i for i, item in enumerate(items)}
    kept = sorted(items, key=rank)[:limit] if rank is not None else list(items[:limit])
    kept.sort(key=order if order is not None else lambda item: position[id(item)])
    return Cut(kept, len(items) - limit)


def reports(quote: Quote) -> int:
    """How many articles report a quotation."""
    return len({w.article for w in quote.sources})


def _newest_first(quotes: list[Quote]) -> list[Quote]:
    by_where = sorted(quotes, key=lambda q: q.where)
    dated = sorted((q for q in by_where if q.latest), key=lambda q: q.latest or "", reverse=True)
    return dated + [q for q in by_where if not q.latest]


@dataclass(slots=True)
class SpeakerQuotes:
    """A speaker's quotations the PDF prints: the most reported, then the newest."""

    name: str
    speaker: Person | Organization | None
    quotes: Cut[Quote]
    reports: int = 0


def speaker_quotes(briefing: Briefing, per_speaker: int | None, speakers: int | None) -> Cut[SpeakerQuotes]:
    """The quotations by speaker: the speakers reported most first (people
    and organizations, then the unattributed), each speaker's most reported
    quotations first, newest first among equals."""
    index = briefing.index()
    groups: dict[str, list[Quote]] = {}
    for quote in briefing.quotes:
        groups.setdefault(quote.speaker or quote.speaker_organization or "", []).append(quote)
    out = []
    for key, quotes in groups.items():
        who = index.get(key) if key else None
        if not isinstance(who, Person | Organization):
            who = None
        ranked = sorted(_newest_first(quotes), key=lambda q: -reports(q))
        out.append(SpeakerQuotes(who.name if who is not None else "Unattributed", who,
                                 cut(ranked, per_speaker), sum(reports(q) for q in quotes)))
    out.sort(key=lambda g: (g.speaker is None, -g.reports, -len(g.quotes) - g.quotes.more, g.name))
    return cut(out, speakers)


@dataclass(slots=True)
class LeanDossier:
    """The entries of each section of the dossier PDF (see the module's docstring)."""

    people: Cut[Person]
    events: Cut[Event]
    upcoming: Cut[Event]
    documents: Cut[Document]
    places: Cut[Place]
    organizations: Cut[Organization]
    quote_groups: Cut[SpeakerQuotes]
    printed: set[str] = field(default_factory=set)  # ids of the entities with a section or row in the PDF

    @property
    def entries(self) -> list[Cut]:  # type: ignore[type-arg]
        return [self.people, self.events, self.documents, self.places, self.organizations]

    @property
    def cut(self) -> bool:
        """Whether any section or speaker's quotations left entries to the site."""
        sections = [*self.entries, self.upcoming, self.quote_groups, *(g.quotes for g in self.quote_groups)]
        return any(section.more for section in sections)


def _articles(mentions: Sequence[Mention]) -> int:
    return len({m.where.article for m in mentions})


def lean_dossier(
    briefing: Briefing, people: list[Person], events: list[Event], upcoming: list[Event], documents: list[Document],
    *, entries: int | None, per_speaker: int | None,
) -> LeanDossier:
    """The sections' entries, each cut to `entries` (see the module's docstring)."""
    coming = {e.id for e in upcoming}
    lean = LeanDossier(
        people=cut(people, entries),  # ranked already: most articles first
        # Meetings to come first, then the events most articles report; printed by date.
        events=cut(events, entries, rank=lambda e: (e.id not in coming, -len({r.where.article for r in e.reports}))),
        upcoming=cut(upcoming, entries),
        documents=cut(documents, entries, rank=lambda d: -_articles(d.mentions)),
        places=cut(briefing.places, entries, rank=lambda p: -_articles(p.mentions)),
        organizations=cut(briefing.organizations, entries, rank=lambda o: -_articles(o.mentions)),
        quote_groups=speaker_quotes(briefing, per_speaker, entries),
    )
    for section in lean.entries:
        lean.printed.update(item.id for item in section)
    return lean

"""Quotes grouped by who said them, for the quotes pages and person pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.model import Briefing, Organization, Person, Quote
from dossier.render.paths import page_path


@dataclass(slots=True)
class SpeakerQuotes:
    """The quotes of one speaker: a person, an organization, or nobody
    named (``speaker`` None)."""

    speaker: Person | Organization | None
    quotes: list[Quote] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.speaker.name if self.speaker is not None else "Unnamed sources"

    @property
    def direct_count(self) -> int:
        return sum(1 for q in self.quotes if q.direct)

    @property
    def latest_date(self) -> str | None:
        """The date of the newest dated quote (`quotes` are newest first)."""
        return next((q.date for q in self.quotes if q.date), None)

    @property
    def path(self) -> str:
        """The speaker's quotes page: 'quotes/people/ann-lee.md' beside
        the entity's own page path ('people/ann-lee.md'), so that a person
        and an organization with the same id get distinct pages."""
        return f"quotes/{page_path(self.speaker)}" if self.speaker is not None else "quotes/unnamed.md"


def latest_first(quotes: list[Quote]) -> list[Quote]:
    """Newest first; quotes of unknown date last; within a date, text order."""
    dated = sorted((q for q in quotes if q.date), key=lambda q: q.where)
    dated.sort(key=lambda q: q.date or "", reverse=True)
    return dated + sorted((q for q in quotes if not q.date), key=lambda q: q.where)


def group_by_speaker(briefing: Briefing) -> list[SpeakerQuotes]:
    """People first (most direct quotes first), then organizations, then
    quotes whose speaker is not named."""
    people = {p.id: p for p in briefing.people}
    orgs = {o.id: o for o in briefing.organizations}
    groups: dict[str | None, SpeakerQuotes] = {}
    for quote in briefing.quotes:
        if quote.speaker in people:
            key: str | None = quote.speaker
            speaker: Person | Organization | None = people[quote.speaker]
        elif quote.speaker_organization in orgs:
            key, speaker = quote.speaker_organization, orgs[quote.speaker_organization]
        else:
            key, speaker = None, None
        groups.setdefault(key, SpeakerQuotes(speaker)).quotes.append(quote)
    for group in groups.values():
        group.quotes = latest_first(group.quotes)

    def rank(group: SpeakerQuotes) -> tuple[int, int, int, str]:
        kind = 0 if isinstance(group.speaker, Person) else 1 if group.speaker is not None else 2
        return kind, -group.direct_count, -len(group.quotes), group.name
    return sorted(groups.values(), key=rank)


def latest_quotes(groups: list[SpeakerQuotes], limit: int) -> list[tuple[SpeakerQuotes, Quote]]:
    """The `limit` newest quotes of all speakers, each with its speaker's
    group; undated quotes are not among them."""
    group_of = {id(quote): group for group in groups for quote in group.quotes}
    dated = latest_first([quote for group in groups for quote in group.quotes if quote.date])
    return [(group_of[id(quote)], quote) for quote in dated[:limit]]

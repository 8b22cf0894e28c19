"""What a meeting brief holds: the meeting, who attends, the context
timeline for those people and topics, and the documents that matter.

Everything here reads the model only; `dossier.pdf.html` turns a
`MeetingBrief` into print HTML.  Choices are ranked and capped by `Limits`,
so a brief fits in a few pages; the renderer tightens the limits when a brief
runs past its page budget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dossier.errors import ConfigError
from dossier.extract.temporal.dates import edtf_bounds
from dossier.model import Briefing, Document, Event, EventReport, Person, Place, Provenance, Quote, Role
from dossier.render.calendar import as_of_value, upcoming
from dossier.settings import Settings


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day an EDTF date (or interval) can mean:
    '2016-12' -> (2016-12-01, 2016-12-31); None when the value is empty or
    not understood (an impossible day such as 2016-02-30 included)."""
    try:
        return edtf_bounds(value)
    except ValueError:
        return None


def sort_key(value: str | None) -> tuple[int, date]:
    """Undated items last, the rest by their first possible day."""
    bounds = date_bounds(value)
    return (1, date.max) if bounds is None else (0, bounds[0])


def as_of_label(briefing: Briefing, settings: Settings) -> str | None:
    """The as-of date as EDTF, for display: `Settings.as_of`, else the date
    of the newest article ('2016-08-20', or '2016' when only its year is
    known).  The same as the site's calendar."""
    return as_of_value(briefing, settings)[0]


def as_of_bounds(briefing: Briefing, settings: Settings) -> tuple[date, date] | None:
    """The first and last day the as-of date can mean."""
    return date_bounds(as_of_label(briefing, settings))


def as_of_date(briefing: Briefing, settings: Settings) -> date | None:
    """The last day the as-of date can mean (None when nothing is dated)."""
    bounds = as_of_bounds(briefing, settings)
    return bounds[1] if bounds else None


def upcoming_events(briefing: Briefing, as_of: date | tuple[date, date] | None) -> list[Event]:
    """Meetings (see `is_meeting`) that the site's calendar counts as coming,
    soonest first: some of their days lie after the as-of date and the
    sources do not report them as held (or all of them lie after it);
    cancelled ones left out.  Without an as-of date every dated meeting not
    yet held counts."""
    now = (as_of, as_of) if isinstance(as_of, date) else as_of
    chosen = [e for e in briefing.events if is_meeting(e) and date_bounds(e.date) and upcoming(e, now)]
    return sorted(chosen, key=lambda e: (sort_key(e.date), e.title))


# Kinds of event where people meet: each gets a brief in the site.  Signings,
# statements, military acts and anniversaries are context, not meetings.
MEETING_KINDS = frozenset({
    "meeting", "talks", "summit", "visit", "forum", "conference", "negotiations", "consultations", "dialogue",
})


def is_meeting(event: Event) -> bool:
    return event.kind in MEETING_KINDS


def briefed_events(briefing: Briefing, settings: Settings) -> list[Event]:
    """The meetings the site offers a brief for: those from the as-of date
    on (see `upcoming_events`), or every meeting with `past_briefs`."""
    if settings.past_briefs:
        return [e for e in briefing.events if is_meeting(e)]
    return upcoming_events(briefing, as_of_bounds(briefing, settings))


def find_event(briefing: Briefing, event_id: str) -> Event:
    for event in briefing.events:
        if event.id == event_id:
            return event
    known = ", ".join(e.id for e in briefing.events[:12]) or "none: the sources name no dated event"
    raise ConfigError(f"no event with the id {event_id!r}; expected one of: {known}")


@dataclass(slots=True)
class Limits:
    """How much a brief may hold; `tighter()` halves it for a brief too long."""

    attendees_in_full: int = 10  # the rest are listed by name and role
    quotes_per_person: int = 2
    timeline: int = 14
    documents: int = 5
    provisions_per_document: int = 3
    reports: int = 4

    def tighter(self) -> Limits:
        return Limits(
            attendees_in_full=max(3, self.attendees_in_full * 2 // 3),
            quotes_per_person=max(0, self.quotes_per_person - 1),
            timeline=max(4, self.timeline * 2 // 3),
            documents=max(2, self.documents - 2),
            provisions_per_document=max(1, self.provisions_per_document - 1),
            reports=max(1, self.reports - 1),
        )


@dataclass(slots=True)
class Attendee:
    person: Person
    role: Role | None
    background: str
    background_where: Provenance | None
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEntry:
    date: str | None
    title: str
    kind: str  # "event" or "document"
    status: str | None
    where: Provenance | None
    current: bool = False  # the meeting the brief is about


@dataclass(slots=True)
class MeetingBrief:
    event: Event
    place: Place | None
    attendees: list[Attendee]  # shown in full: role, background, quotes
    others: list[Attendee]  # listed by name and role only
    timeline: list[TimelineEntry]
    documents: list[Document]
    limits: Limits
    reports: list[ReportedSentence] = field(default_factory=list)  # what the sources say, each sentence once


@dataclass(slots=True)
class ReportedSentence:
    """A sentence about the event as one or more sources word it: syndicated
    copies often repeat a sentence word for word, and a brief's few lines
    should not."""

    report: EventReport
    wheres: list[Provenance]


def reported_sentences(reports: list[EventReport]) -> list[ReportedSentence]:
    """`reports` with the same sentence (spacing aside), status and date
    folded into one, citing every source; in the order of their first report."""
    out: dict[tuple[str, str, str | None], ReportedSentence] = {}
    for report in reports:
        key = (" ".join(report.sentence.split()), report.status, report.date)
        if key in out:
            out[key].wheres.append(report.where)
        else:
            out[key] = ReportedSentence(report, [report.where])
    return list(out.values())


def _recency(value: str | None, where: Provenance, published: dict[str, date]) -> date:
    """When a fact was stated: its own date, else its article's; undated
    facts count as the oldest."""
    bounds = date_bounds(value)
    if bounds is not None:
        return bounds[0]
    return published.get(where.article, date.min)


def _published(briefing: Briefing) -> dict[str, date]:
    return {a.id: b[0] for a in briefing.articles if (b := date_bounds(a.published))}


def latest_role(person: Person, briefing: Briefing) -> Role | None:
    """The role stated most recently (by its date, else its article's date);
    among equals, the last one listed."""
    if not person.roles:
        return None
    published = _published(briefing)
    ranked = sorted(enumerate(person.roles), key=lambda ir: (_recency(ir[1].date, ir[1].where, published), ir[0]))
    return ranked[-1][1]


def latest_quotes(person: Person, briefing: Briefing, count: int) -> list[Quote]:
    """The person's `count` newest quotes, newest first."""
    published = _published(briefing)
    said = [q for q in briefing.quotes if q.speaker == person.id]
    said.sort(key=lambda q: (_recency(q.date, q.where, published), q.where), reverse=True)
    return said[:count]


def background(
    person: Person, role: Role | None, briefing: Briefing, shown: frozenset[tuple[str, int]] = frozenset()
) -> tuple[str, Provenance | None]:
    """One line about a person: the curated description, else the other
    roles the sources state, else the words around a mention in a paragraph
    the brief does not already cite (`shown`)."""
    if person.description:
        return person.description, None
    others = [r for r in person.roles if role is None or r.title != role.title]
    if others:
        seen: list[str] = []
        for r in others:
            if r.title not in seen:
                seen.append(r.title)
        return "Also described as " + "; ".join(seen[:3]) + ".", others[0].where
    fresh = [m for m in person.mentions if (m.where.article, m.where.paragraph) not in shown]
    if fresh:
        from dossier.render.filters import excerpt

        first = min(fresh, key=lambda m: m.where)
        text = briefing.article(first.where.article).paragraph(first.where.paragraph).text
        return excerpt(text, first.where.start, first.where.end, 70), first.where
    return "", None


def _event_where(event: Event) -> Provenance | None:
    return min((r.where for r in event.reports), default=None)


def _document_where(doc: Document) -> Provenance | None:
    return min((m.where for m in doc.mentions), default=None)


def context_timeline(event: Event, briefing: Briefing, limit: int) -> list[TimelineEntry]:
    """Events that share people, place or documents with the meeting, and
    the dated documents it concerns, by relevance, then shown by date."""
    people = set(event.participants)
    docs = set(event.documents)
    scored: list[tuple[int, TimelineEntry]] = []
    for other in briefing.events:
        if other.id == event.id:
            continue
        score = 2 * len(people & set(other.participants)) + 2 * len(docs & set(other.documents))
        score += 1 if event.place and other.place == event.place else 0
        if score:
            scored.append((score, TimelineEntry(other.date, other.title, "event", other.status, _event_where(other))))
    for doc in briefing.documents:
        if doc.date and (doc.id in docs or event.id in doc.events):
            scored.append((3, TimelineEntry(doc.date, doc.name, "document", None, _document_where(doc))))
    scored.sort(key=lambda st: (-st[0], sort_key(st[1].date), st[1].title))
    chosen = [entry for _, entry in scored[: max(0, limit - 1)]]
    chosen.append(TimelineEntry(event.date, event.title, "event", event.status, _event_where(event), current=True))
    return sorted(chosen, key=lambda e: (sort_key(e.date), e.title))


def relevant_documents(event: Event, briefing: Briefing, limit: int) -> list[Document]:
    """Documents tied to the meeting first, then those named in the articles
    that report it, then those of events with the same people."""
    reporting = set(event.articles)
    people = set(event.participants)
    related_events = {e.id for e in briefing.events if people & set(e.participants)}

    def score(doc: Document) -> int:
        s = 0
        if doc.id in event.documents or event.id in doc.events:
            s += 10
        s += 2 * len(reporting & set(doc.articles))
        s += len(related_events & set(doc.events))
        return s

    ranked = sorted(((score(d), d) for d in briefing.documents), key=lambda sd: (-sd[0], sd[1].name))
    return [d for s, d in ranked if s > 0][:limit]


def meeting_brief(briefing: Briefing, event_id: str, limits: Limits | None = None) -> MeetingBrief:
    limits = limits or Limits()
    event = find_event(briefing, event_id)
    index = briefing.index()
    place = index.get(event.place) if event.place else None
    attendees = []
    sentences = reported_sentences(event.reports)
    reported = {(w.article, w.paragraph) for r in sentences[: limits.reports] for w in r.wheres}
    people = [p for pid in event.participants if isinstance(p := index.get(pid), Person)]
    # The most reported people first: they are the ones the reader will meet.
    people.sort(key=lambda p: (-len(p.articles), -len(p.mentions)))
    for person in people:
        role = latest_role(person, briefing)
        quotes = latest_quotes(person, briefing, limits.quotes_per_person)
        wheres = [q.where for q in quotes] + ([role.where] if role else [])
        shown = reported | {(w.article, w.paragraph) for w in wheres}
        line, where = background(person, role, briefing, frozenset(shown))
        attendees.append(Attendee(person, role, line, where, quotes))
    return MeetingBrief(
        event=event,
        place=place if isinstance(place, Place) else None,
        attendees=attendees[: limits.attendees_in_full],
        others=attendees[limits.attendees_in_full:],
        timeline=context_timeline(event, briefing, limits.timeline),
        documents=relevant_documents(event, briefing, limits.documents),
        limits=limits,
        reports=sentences,
    )

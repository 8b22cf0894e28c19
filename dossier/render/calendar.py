"""The dossier's calendar: its as-of date, and its events split into what
is coming and what happened, grouped by year for the timeline.

The as-of date is the `as_of` setting, else the date of the newest article
(an inferred date counts; when only an interval or a year is known, the
whole of it is "now").  An event is upcoming when some of its days lie
after the as-of date and the sources do not report it as held, or when all
of it lies after the as-of date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dossier.errors import ConfigError
from dossier.extract.temporal.dates import edtf_bounds
from dossier.model import Briefing, Event
from dossier.settings import Settings

UPCOMING_LIMIT = 8
RECENT_LIMIT = 5


@dataclass(slots=True)
class Calendar:
    as_of: str | None  # EDTF
    as_of_source: str  # where the as-of date comes from, in words
    upcoming: list[Event] = field(default_factory=list)
    recent: list[Event] = field(default_factory=list)
    years: list[tuple[str, list[Event]]] = field(default_factory=list)
    undated: list[Event] = field(default_factory=list)
    ahead: set[str] = field(default_factory=set)  # ids of upcoming events

    def is_upcoming(self, event: Event) -> bool:
        return event.id in self.ahead


def as_of_value(briefing: Briefing, settings: Settings) -> tuple[str | None, str]:
    """The as-of date (EDTF) and where it comes from."""
    if settings.as_of:
        if edtf_bounds(str(settings.as_of)) is None:
            raise ConfigError(f"as_of is {settings.as_of!r}; expected a date such as 2019-01-22")
        return str(settings.as_of), "the as_of setting"
    dated = [(b[1], b[0], a) for a in briefing.articles if (b := edtf_bounds(a.published))]
    if not dated:
        return None, "no source is dated"
    newest = max(dated, key=lambda d: (d[0], d[1], d[2].id))[2]
    how = "inferred date" if newest.date_inferred else "date"
    return newest.published, f"the {how} of the newest source, {newest.title}"


def event_start(event: Event) -> dt.date:
    bounds = edtf_bounds(event.date)
    return bounds[0] if bounds else dt.date.max


def upcoming(event: Event, now: tuple[dt.date, dt.date] | None) -> bool:
    bounds = edtf_bounds(event.date)
    if bounds is None or event.status == "cancelled":
        return False
    if now is None:
        return event.status != "held"
    return bounds[1] > now[0] and (event.status != "held" or bounds[0] > now[1])


def build_calendar(briefing: Briefing, settings: Settings) -> Calendar:
    as_of, source = as_of_value(briefing, settings)
    now = edtf_bounds(as_of)
    events = sorted(briefing.events, key=lambda e: (event_start(e), e.date or "", e.title))
    cal = Calendar(as_of, source)
    for event in events:
        if edtf_bounds(event.date) is None:
            cal.undated.append(event)
            continue
        if upcoming(event, now):
            cal.ahead.add(event.id)
            cal.upcoming.append(event)
        year = (event.date or "")[:4]
        if cal.years and cal.years[-1][0] == year:
            cal.years[-1][1].append(event)
        else:
            cal.years.append((year, [event]))
    past = [e for e in events if e.id not in cal.ahead and edtf_bounds(e.date) is not None]
    cal.recent = sorted(past, key=lambda e: (edtf_bounds(e.date) or (dt.date.min, dt.date.min))[1],
                        reverse=True)[:RECENT_LIMIT]
    cal.upcoming = cal.upcoming[:UPCOMING_LIMIT]
    return cal

"""Full dates as pages print them at the top of an article or in a
dateline: "2019-01-22", "Jan. 22, 2019", "22 January 2019", with an optional
weekday before and a time after.  Ingest reads only these written-out forms;
the extractors read every other way of giving a date."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_PREFIX = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# The date alone, in one of three written forms (named groups by form).
FULL_DATE = (
    rf"(?:(?P<iy>{_YEAR})[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?![\d])"
    rf"|(?P<mm>{_MONTH})\s+(?P<md>{_DAY}),?\s+(?P<my>{_YEAR})"
    rf"|(?P<dd>{_DAY})\s+(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR}))(?!\d)"
)
# A time after the date: "10:30", "10:30 a.m. JST", "at 9 pm (GMT)".
TIME = r"(?:\s*(?:,|at|\||-)?\s*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}(?:[+-]\d{1,2})?\)?)?)?"
DATE_WITH_WEEKDAY = re.compile(rf"{WEEKDAY_PREFIX}{FULL_DATE}{TIME}", re.I)


def iso_date(match: re.Match[str]) -> str | None:
    """The ISO date a `FULL_DATE` match names, or None for a day no
    calendar has (2019-02-30)."""
    groups = match.groupdict()
    try:
        if groups.get("iy"):
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        elif groups.get("mm"):
            year, month, day = int(groups["my"]), MONTHS[groups["mm"].lower().rstrip(".")], _day(groups["md"])
        else:
            year, month, day = int(groups["dy"]), MONTHS[groups["dm"].lower().rstrip(".")], _day(groups["dd"])
        return dt.date(year, month, day).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))

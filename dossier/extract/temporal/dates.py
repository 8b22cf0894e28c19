"""Temporal expressions in English news text, normalized to EDTF.

`find_dates` finds the expressions in a text ("Oct. 19, 1956", "September
2nd and 3rd", "in late October", "last week", "on Thursday", "the autumn")
and `resolve` turns one into an EDTF string, anchored on the article's date
(`Anchor`).  Relative expressions need an anchor: without one they resolve
to None instead of a guess.

Choices, so that the output compares exactly with what a reader means:
"late/mid/early October" is the month (2016-10); "by the end of 2016" is
the year (2016); a season is its three months as an interval
(2018-09/2018-11, northern hemisphere); "last week" is the previous
Monday-Sunday; a weekday is the nearest such day before (past tense) or
after (future tense) the anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS: dict[str, int] = {}
for _n, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _n
        MONTHS[_name[:3].lower()] = _n
MONTHS["sept"] = 9
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
# Well-known periods a news text dates events by without giving the year.
HISTORICAL_ENDS = {"world war ii": 1945, "the second world war": 1945, "world war two": 1945,
                   "world war i": 1918, "the first world war": 1918, "world war one": 1918}

_MON = (r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|"
        r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[0-9]{{3}}|20[0-9]{{2}})(?![\d,.]\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_REL = r"(?P<rel>this|last|next|the past|the coming|earlier this|later this|early next|late next|early this|late this)"
_SEASON = r"(?P<season>spring|summer|autumn|winter)"
_PART = r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"
_BARE_MONTH_CUE = (r"(?:\b(?:in|on|by|since|until|till|from|to|through|during|of|before|after|between|and|or|"
                   r"that|last|next|this|early|mid|late|end of)[\s-]+)")


def _f(pattern: str, **groups: str) -> str:
    return pattern.format(**groups)


PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day_range", re.compile(
        _f(_MON, g="m") + r"\s+" + _f(_DAY, g="d") + r"\s*(?:-|–|and|to|through)\s*" + _f(_DAY, g="d2")
        + r"(?:,?\s+" + _f(_YEAR, g="y") + r")?\b")),
    ("day_range_dmy", re.compile(
        r"\b" + _f(_DAY, g="d") + r"\s*(?:-|–|and|to)\s*" + _f(_DAY, g="d2") + r"\s+" + _f(_MON, g="m")
        + r"(?:,?\s+" + _f(_YEAR, g="y") + r")?\b")),
    ("day", re.compile(_f(_MON, g="m") + r"\s+" + _f(_DAY, g="d") + r"\b(?!\s*(?:%|per|million|billion))"
                       + r"(?:,?\s+" + _f(_YEAR, g="y") + r")?")),
    ("day_of", re.compile(r"\bthe\s+" + _f(_DAY, g="d") + r"\s+of\s+" + _f(_MON, g="m") + r"(?:,?\s+"
                          + _f(_YEAR, g="y") + r")?\b")),
    ("day_dmy", re.compile(r"\b" + _f(_DAY, g="d") + r"\s+" + _f(_MON, g="m") + r"(?:,?\s+" + _f(_YEAR, g="y")
                           + r")?\b")),
    ("season_year", re.compile(r"\b(?:the\s+)?" + _PART + _SEASON + r"\s+(?:of\s+)?" + _f(_YEAR, g="y") + r"\b",
                               re.I)),
    ("month_year", re.compile(r"\b" + _PART + _f(_MON, g="m") + r",?\s+(?:of\s+)?" + _f(_YEAR, g="y") + r"\b")),
    ("month_rel", re.compile(r"\b" + _f(_MON, g="m") + r"\s+(?P<rel>this|last|next) year\b")),
    ("rel_month", re.compile(r"\b(?P<rel>last|next|this|that)\s+" + _f(_MON, g="m") + r"\b")),
    ("month", re.compile(r"(?:" + _BARE_MONTH_CUE + r")" + _PART + _f(_MON, g="m")
                         + r"(?![\w-])", re.I)),
    ("year_range", re.compile(r"\bfrom\s+" + _f(_YEAR, g="y") + r"\s+(?:to|until|through)\s+" + _f(_YEAR, g="y2")
                              + r"\b")),
    ("year_part", re.compile(r"\b(?:by\s+)?(?P<part>the end of|the beginning of|the start of|early|mid|late)"
                             r"[\s-]+" + _f(_YEAR, g="y") + r"\b")),
    ("year", re.compile(r"(?<![\d,.$£€])\b" + _f(_YEAR, g="y") + r"\b(?!\s*(?:%|per\s?cent|square|km|kilo|"
                        r"people|troops|residents|soldiers|years|tons|tonnes|million|billion|-year|s\b))")),
    ("rel_unit", re.compile(r"\b" + _REL + r"\s+(?P<unit>week|month|year|weekend)\b", re.I)),
    ("end_of_year", re.compile(r"\b(?:by\s+)?the end of (?:the|this) (?P<unit>year|month)\b", re.I)),
    ("season", re.compile(r"\b(?P<rel>the|this|last|next|later this|this coming)\s+" + _SEASON + r"\b",
                          re.I)),
    ("fall", re.compile(r"\b(?P<rel>this|last|next|in the)\s+(?P<season>fall)\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<rel>last|next|this|on|later on|earlier on|late on|early on)\s+)?" + _WD
                           + r"(?:['’]s)?\b", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("same_day", re.compile(r"\b(?P<word>that day|the same day|the next day|the following day|the day before|"
                            r"the previous day)\b", re.I)),
    ("offset", re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                          r"(?P<unit>days?|weeks?)\s+(?P<word>later|earlier)\b", re.I)),
    ("same_year", re.compile(r"\b(?P<word>that year|the same year|the following year|the next year|"
                             r"the previous year|earlier that year|later that year)\b", re.I)),
    ("war_end", re.compile(r"\b(?:the\s+)?(?:end|close|closing (?:days|weeks|months|stages)|final (?:days|weeks|"
                           r"months|stages)|last (?:days|weeks|months)|aftermath) of (?P<war>World War (?:II|I|Two|"
                           r"One)|the (?:Second|First) World War)\b", re.I)),
]
PRIORITY = {name: n for n, (name, _) in enumerate(PATTERNS)}

# The characters a match of each expression can start with (under the
# expression's own flags).  Python's regex engine otherwise tries every
# branch of an expression at every position of the text; a look-ahead for
# these characters finds the same matches in about two thirds of the time.
# Expressions that start with a month name are left as they are: the engine
# already skips to the positions where one can start.
FIRST_CHARS = {
    "day_range_dmy": r"\d", "day_of": "t", "day_dmy": r"\d", "season_year": "temlsaw", "month_year": "emltJFMASOND",
    "rel_month": "lnt", "month": "iobsutfdalnem", "year_range": "f", "year_part": "btelm", "year": "12",
    "rel_unit": "tlne", "end_of_year": "bt", "season": "tln", "fall": "tlni", "weekday": "lntoemwfs", "deictic": "yt",
    "same_day": "t", "offset": r"aotfsen\d", "same_year": "tel", "war_end": "tecfla",
}
PLAIN_PATTERNS = PATTERNS
PATTERNS = [
    (name, re.compile(f"(?=[{FIRST_CHARS[name]}])" + p.pattern, p.flags) if name in FIRST_CHARS else p)
    for name, p in PLAIN_PATTERNS
]


@dataclass(slots=True, frozen=True)
class DateMention:
    """A temporal expression found in a text: its kind (the pattern that
    found it), its span and the parts read from it."""

    kind: str
    text: str
    start: int
    end: int
    parts: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for key, value in self.parts:
            if key == name:
                return value
        return None

    @property
    def relative(self) -> bool:
        """True when the expression needs an anchor (no year written)."""
        return self.get("y") is None and self.kind not in ("war_end",)


@dataclass(slots=True, frozen=True)
class Anchor:
    """What the article's date is known to be: a day, or only a year (with,
    when the text allows, the earliest and latest days it can be)."""

    day: dt.date | None = None
    year: int | None = None
    earliest: dt.date | None = None  # the first and last day the article's date can be
    latest: dt.date | None = None
    narrowed: bool = False  # True when the text narrowed the year down to an interval

    @classmethod
    def of(cls, value: str | None) -> Anchor:
        """The anchor for an EDTF article date ('2016-12-15', '2016', ...)."""
        if not value:
            return cls()
        bounds = edtf_bounds(value)
        if bounds is None:
            return cls()
        first, last = bounds
        if first == last:
            return cls(day=first, year=first.year, earliest=first, latest=last)
        return cls(year=first.year if first.year == last.year else None, earliest=first, latest=last,
                   narrowed="/" in value)

    @property
    def known(self) -> bool:
        return self.year is not None


def find_dates(text: str) -> list[DateMention]:
    """Every temporal expression in `text`, longest first where they overlap,
    in text order."""
    return list(_find_dates(text))


# Extraction asks for the dates of the same text (the article's, a
# paragraph's) several times over; the mentions are frozen, so one scan
# serves them all.
@lru_cache(maxsize=256)
def _find_dates(text: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if not m.group(0).strip():
                continue
            parts = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            start, end = m.span()
            if name == "month":
                cue = re.match(_BARE_MONTH_CUE, m.group(0), re.I)
                start += cue.end() if cue else 0
                if m.group("m") == "May" and not m.group("part") and not re.search(
                        r"\b(?:in|since|until|by|from|of|early|late|mid|last|next|this|that)[\s-]+$",
                        text[max(0, start - 8):start], re.I):
                    continue
                if not m.group("m")[0].isupper():
                    continue
            elif name == "weekday" and not m.group("wd")[0].isupper():
                continue
            found.append(DateMention(name, text[start:end], start, end, parts))
    found.sort(key=lambda d: (d.start, -(d.end - d.start), PRIORITY[d.kind]))
    out: list[DateMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return tuple(out)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _season(year: int, name: str) -> str:
    a, b = SEASONS[name.lower()]
    if b > 12:
        return f"{_ym(year, a)}/{_ym(year + 1, b - 12)}"
    return f"{_ym(year, a)}/{_ym(year, b)}"


def _pick_year(anchor: Anchor, month: int, day: int | None, future: bool | None) -> int | None:
    """The year of a yearless month (and day): the last one before the anchor
    for past tense, the next one for future tense, the nearest otherwise."""
    if anchor.day is None:
        # Only a year is known: a yearless month is in it when the bounds say so.
        if anchor.year is None or not anchor.narrowed:
            return None
        if future is not True and anchor.latest is not None and (month, day or 1) <= (
                anchor.latest.month, anchor.latest.day) and anchor.latest.year == anchor.year:
            return anchor.year
        if future is not False and anchor.earliest is not None and (month, day or 31) >= (
                anchor.earliest.month, anchor.earliest.day) and anchor.earliest.year == anchor.year:
            return anchor.year
        # Told as past but later in the year than the article can be: the year before (and so for
        # a coming day earlier than the article can be: the year after).
        if future is False and anchor.latest is not None and anchor.latest.year == anchor.year:
            return anchor.year - 1
        if future is True and anchor.earliest is not None and anchor.earliest.year == anchor.year:
            return anchor.year + 1
        return None
    ref = anchor.day
    this = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if future is True:
        if this < now and day and (ref - dt.date(ref.year, month, min(day, 28))).days <= 90:
            # A day a few weeks back read as coming would be eleven months ahead: news gives the
            # year for that.  The tense was misread ("applied to join on May 18"): the day is past.
            return ref.year
        return ref.year if this >= now else ref.year + 1
    if future is False:
        return ref.year if this <= now else ref.year - 1
    months_ahead = (month - ref.month) % 12
    return ref.year + (1 if month < ref.month and months_ahead <= 3 else 0) - (
        1 if month > ref.month and months_ahead > 8 else 0)


def _weekday(anchor: Anchor, weekday: int, rel: str | None, future: bool | None) -> str | None:
    if anchor.day is None:
        return None
    ref = anchor.day
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    rel = (rel or "").lower()
    if rel == "last":
        return _iso(ref - dt.timedelta(days=back or 7))
    if rel == "next":
        return _iso(ref + dt.timedelta(days=ahead or 7))
    if future is True:
        return _iso(ref + dt.timedelta(days=ahead))
    return _iso(ref - dt.timedelta(days=back))


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + delta
    return total // 12, total % 12 + 1


def resolve(mention: DateMention, anchor: Anchor, future: bool | None = None,
            previous: str | None = None) -> str | None:
    """The EDTF value of `mention`, or None when it needs an anchor the
    article does not give.  `future` is the tense of the clause (None when
    unknown); `previous` is the last date resolved before it in the text, for
    "that day" and "that year"."""
    kind = mention.kind
    get = mention.get
    year = int(get("y")) if get("y") else None
    if kind in ("day", "day_dmy", "day_of", "day_range", "day_range_dmy"):
        month = _month(get("m") or "")
        d1 = int(get("d") or 0)
        d2 = int(get("d2")) if get("d2") else None
        y = year if year is not None else _pick_year(anchor, month, d1, future)
        if y is None or not 1 <= d1 <= calendar.monthrange(y, month)[1]:
            return None
        first = dt.date(y, month, d1)
        if d2 is not None:
            if not d1 < d2 <= calendar.monthrange(y, month)[1]:
                return None
            return f"{_iso(first)}/{_iso(dt.date(y, month, d2))}"
        return _iso(first)
    if kind == "month_year":
        return _ym(year or 0, _month(get("m") or ""))
    if kind == "season_year":
        return _season(year or 0, get("season") or "")
    if kind == "year_range":
        return f"{year:04d}/{int(get('y2') or 0):04d}"
    if kind in ("year", "year_part"):
        return f"{year:04d}"
    if kind == "war_end":
        return str(HISTORICAL_ENDS.get(re.sub(r"\s+", " ", (get("war") or "").lower()), "")) or None
    if kind == "month_rel":
        if anchor.year is None:
            return None
        delta = {"this": 0, "last": -1, "next": 1}[(get("rel") or "this").lower()]
        return _ym(anchor.year + delta, _month(get("m") or ""))
    if kind in ("month", "rel_month"):
        month = _month(get("m") or "")
        rel = (get("rel") or "").lower()
        if rel == "that":
            if previous is None:
                return None
            return _ym(int(previous[:4]), month)
        if anchor.year is None:
            return None
        if rel == "next" and anchor.day is not None:
            y = anchor.year if month > anchor.day.month else anchor.year + 1
        elif rel == "last" and anchor.day is not None:
            y = anchor.year if month < anchor.day.month else anchor.year - 1
        elif rel == "this":
            y = anchor.year
        else:
            y = _pick_year(anchor, month, None, future)
        return _ym(y, month) if y is not None else None
    if kind in ("rel_unit", "end_of_year"):
        return _relative_unit(mention, anchor)
    if kind in ("season", "fall"):
        if anchor.year is None:
            return None
        name = (get("season") or "").lower()
        rel = (get("rel") or "").lower()
        a, _ = SEASONS[name]
        y = anchor.year
        if rel == "last":
            y -= 1
        elif anchor.day is not None and rel not in ("this",):
            ends = _shift_month(y, a, 2)
            if future is not False and (ends[0], ends[1]) < (anchor.day.year, anchor.day.month):
                y += 1
        return _season(y, name)
    if kind == "weekday":
        return _weekday(anchor, WEEKDAYS[(get("wd") or "").lower()], get("rel"), future)
    if kind == "deictic":
        if anchor.day is None:
            return None
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[(get("word") or "").lower()]
        return _iso(anchor.day + dt.timedelta(days=shift))
    if kind == "same_day":
        if previous is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", previous):
            return None
        word = (get("word") or "").lower()
        shift = 1 if word in ("the next day", "the following day") else -1 if "before" in word or "previous" in word \
            else 0
        return _iso(dt.date.fromisoformat(previous) + dt.timedelta(days=shift))
    if kind == "offset":
        if previous is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", previous):
            return None
        n = get("n") or "1"
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower(), 1)
        days = count * (7 if (get("unit") or "").lower().startswith("week") else 1)
        sign = 1 if (get("word") or "").lower() == "later" else -1
        return _iso(dt.date.fromisoformat(previous) + dt.timedelta(days=sign * days))
    if kind == "same_year":
        if previous is None:
            return None
        word = (get("word") or "").lower()
        shift = 1 if "following" in word or "next" in word else -1 if "previous" in word else 0
        return f"{int(previous[:4]) + shift:04d}"
    return None


def _relative_unit(mention: DateMention, anchor: Anchor) -> str | None:
    unit = (mention.get("unit") or "").lower()
    rel = (mention.get("rel") or "this").lower()
    delta = -1 if rel in ("last", "the past") else 1 if rel in ("next", "the coming", "early next", "late next") else 0
    if unit == "year":
        return f"{anchor.year + delta:04d}" if anchor.year is not None else None
    if anchor.day is None:
        return None
    ref = anchor.day
    if unit == "month":
        y, m = _shift_month(ref.year, ref.month, delta)
        return _ym(y, m)
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=delta)
    if unit == "weekend":
        return f"{_iso(monday + dt.timedelta(days=5))}/{_iso(monday + dt.timedelta(days=6))}"
    return f"{_iso(monday)}/{_iso(monday + dt.timedelta(days=6))}"


def normalize(phrase: str, anchor: Anchor | str | None = None, future: bool | None = None) -> str | None:
    """The EDTF value of the first temporal expression in `phrase`
    ("Oct. 19, 1956" -> "1956-10-19"); None when there is none or it needs
    an anchor that is not given."""
    if not isinstance(anchor, Anchor):
        anchor = Anchor.of(anchor)
    mentions = find_dates(phrase)
    return resolve(mentions[0], anchor, future) if mentions else None


def edtf_bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day an EDTF value (day, month, season, year or an
    interval of those) covers; None when it can not be read."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        ba, bb = edtf_bounds(a), edtf_bounds(b)
        return (ba[0], bb[1]) if ba and bb else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?[~?%]*", value.strip())
    if not m:
        return None
    y = int(m.group(1))
    if not m.group(2):
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    mo = int(m.group(2))
    if mo > 12:
        months = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}.get(mo)
        if not months:
            return None
        end_y, end_m = (y + 1, months[1] - 12) if months[1] > 12 else (y, months[1])
        return dt.date(y, months[0], 1), dt.date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
    if not m.group(3):
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    day = dt.date(y, mo, int(m.group(3)))
    return day, day

"""The article's date when its metadata gives none, inferred from the text.

The evidence, strongest first: a dateline with a date ("TOKYO, Dec. 16
(Reuters) -"); a full date the lead reports as past; the lead's weekday
matching a full date; the newest full date the text (a photo caption first)
reports as past; an "Nth anniversary" of a year the same sentence names; a
relative year next to an explicit one ("last year ... in May 2012"); then,
within that year, the days the text reports as past (lower bound) and as
coming (upper bound).  The result is an EDTF day, year or interval, marked
inferred with the evidence in words.  Without a year there is no anchor, and
the article stays undated: relative dates in it then stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dossier.extract.document import ArticleDoc
from dossier.extract.temporal.clauses import clause_of
from dossier.extract.temporal.dates import WEEKDAYS, Anchor, DateMention, edtf_bounds, find_dates, resolve
from dossier.extract.tokens import sentences, span_text

DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*[,—–-]\s*")
ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\b", re.I)
RELATIVE_YEAR = re.compile(r"\b(last|this|next) year\b", re.I)
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10, "twentieth": 20,
                 "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "hundredth": 100}
ORDINAL_ANNIVERSARY = re.compile(r"\b(" + "|".join(ORDINAL_WORDS) + r")\s+anniversary\b", re.I)


@dataclass(slots=True)
class DateInference:
    value: str | None = None
    evidence: list[str] = field(default_factory=list)


def _explicit_years(text: str) -> list[int]:
    return [int(m.get("y") or 0) for m in find_dates(text) if m.kind == "year" and m.get("y")]


def _year_evidence(adoc: ArticleDoc) -> tuple[int | None, str | None]:
    for sent in sentences(adoc.doc):
        text = span_text(sent)
        for pattern in (ANNIVERSARY, ORDINAL_ANNIVERSARY):
            for m in pattern.finditer(text):
                n = int(m.group(1)) if m.group(1).isdigit() else ORDINAL_WORDS[m.group(1).lower()]
                years = [y for y in _explicit_years(text) if y + n <= dt.date.today().year + 1]
                if len(set(years)) == 1:
                    return years[0] + n, f"“{m.group(0)}” of {years[0]}"
    for sent in sentences(adoc.doc):
        text = span_text(sent)
        rel = RELATIVE_YEAR.search(text)
        if rel is None:
            continue
        # Only a year in the same clause says which year "last year" is.
        clause = clause_of(adoc.doc, sent.start_char + rel.start(), sent.start_char + rel.end())
        inside = {t.idx for t in clause.tokens}
        years = {m.get("y") for m in find_dates(text) if m.kind == "month_year" and m.get("y")
                 and sent.start_char + m.start in inside}
        if len(years) == 1:
            (year,) = years
            shift = {"last": 1, "this": 0, "next": -1}[rel.group(1).lower()]
            return int(year or 0) + shift, f"“{rel.group(0)}” beside {year}"
    return _current_year(adoc)


TARGET_BEFORE = re.compile(r"\b(?:by|until|till|through|before|to|from)\s+(?:the\s+(?:end|start|beginning) of\s+)?$",
                           re.I)


def _current_year(adoc: ArticleDoc) -> tuple[int | None, str | None]:
    """The latest year the text names, when the text speaks of that year as
    its own ("2019 will be a turning point", "with 2019 being ..."): the
    year is the sentence's subject.  Years in targets ("by 2030", "until
    2021"), in future clauses and in periods ("2021 to 2027") are not the
    article's; a latest year only named as past says nothing of how much
    later the article is, so it is not used."""
    text = adoc.text
    latest: tuple[int, bool] | None = None
    for mention in find_dates(text):
        year = mention.get("y")
        if not year or mention.kind in ("year_range", "day_range", "day_range_dmy"):
            continue
        if TARGET_BEFORE.search(text[max(0, mention.start - 30):mention.start]) or re.match(
                r"\s*(?:-|–|to|through|and)\s*\d{4}\b", text[mention.end:mention.end + 10]):
            continue
        clause = clause_of(adoc.doc, mention.start, mention.end)
        if clause.future is True and mention.kind == "year":
            span = adoc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
                continue
        span = adoc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        current = bool(span is not None and len(span) and mention.kind == "year" and (
            span.root.dep_ in ("nsubj", "nsubjpass") or re.match(r"\s+being\b", text[mention.end:mention.end + 7])))
        if latest is None or int(year) > latest[0]:
            latest = (int(year), current)
        elif int(year) == latest[0] and current:
            latest = (latest[0], True)
    if latest is None or not latest[1]:
        return None, None
    return latest[0], f"the latest year the text names, {latest[0]}, spoken of as the current one"


def _dateline(adoc: ArticleDoc) -> tuple[DateMention | None, str]:
    for paragraph in adoc.article.paragraphs[:3]:
        m = DATELINE.match(paragraph.text)
        head = paragraph.text[: (m.end() if m else 0) + 30]
        limit = (m.end() if m else 0) + 2
        mentions = [d for d in find_dates(head) if d.kind in ("day", "day_dmy") and d.start <= limit]
        if m and mentions:
            return mentions[0], head[: mentions[0].end]
    return None, ""


def _lead_date(adoc: ArticleDoc) -> tuple[str | None, str]:
    """A full date (day, month and year) in the lead's first sentence, told
    in the past tense: news reports what happened that day or the day before."""
    for paragraph in adoc.article.paragraphs[:3]:
        if paragraph.kind == "heading" or len(paragraph.text.split()) < 8:
            continue
        base = adoc.starts[paragraph.number - 1]
        first = next(iter(adoc.doc.char_span(base, base + len(paragraph.text), alignment_mode="expand").sents))
        for mention in find_dates(first.text):
            if mention.kind in ("day", "day_dmy", "day_of") and mention.get("y"):
                clause = clause_of(adoc.doc, first.start_char + mention.start, first.start_char + mention.end)
                if clause.future is False:
                    return resolve(mention, Anchor()), mention.text
        return None, ""
    return None, ""


FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def _file_date(path: str) -> str | None:
    """A full date in the file's name ('2016-12-15-nagato.txt'): archives
    name files so.  A lone year is not enough (it may be a subject's year)."""
    name = re.split(r"[\\/]", path)[-1]
    m = FILE_DATE.search(name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _lead_weekday(adoc: ArticleDoc) -> DateMention | None:
    """The weekday the lead reports its news on ("on Tuesday"), told as past."""
    lead = next((p for p in adoc.article.paragraphs[:3] if p.kind != "heading" and len(p.text.split()) >= 8), None)
    if lead is None:
        return None
    base = adoc.starts[lead.number - 1]
    weekdays = [m for m in find_dates(lead.text) if m.kind == "weekday" and (m.get("rel") or "").lower() in ("on", "")]
    if not weekdays:
        return None
    if clause_of(adoc.doc, base + weekdays[0].start, base + weekdays[0].end).future is not False:
        return None
    return weekdays[0]


def _weekday_match(adoc: ArticleDoc) -> tuple[str | None, str]:
    """The lead says "on Tuesday" and the text gives one full date that was
    a Tuesday, reported as past: that is the day of the news."""
    said = _lead_weekday(adoc)
    if said is None:
        return None, ""
    weekday = WEEKDAYS[(said.get("wd") or "").lower()]
    weekdays = [said]
    found = []
    for mention in find_dates(adoc.text):
        if mention.kind in ("day", "day_dmy", "day_of") and mention.get("y"):
            value = resolve(mention, Anchor())
            if value and dt.date.fromisoformat(value).weekday() == weekday:
                found.append((value, mention.text))
    if len({v for v, _ in found}) != 1:
        return None, ""
    value, text = found[0]
    return value, f"the lead's “{weekdays[0].text}” and “{text}”, a {weekdays[0].get('wd')}"


@dataclass(slots=True)
class NewestDate:
    value: str
    text: str
    caption: bool  # read in a photo caption: the photo was taken that day, the report may be a day or two later


def _newest_full_date(adoc: ArticleDoc) -> NewestDate | None:
    """The newest full date (day, month and year) the text gives as past or
    present (a photo caption's "... in Moscow on Sept. 12, 2018"): the
    article is from that day or later, and news is written within days
    of what it reports.  Dates in headings and clauses about the future
    ("will meet on ...") are not evidence, nor is a date older than the
    latest year the text names (an explainer's "Oct. 19, 1956")."""
    best: NewestDate | None = None
    for paragraph, base in zip(adoc.article.paragraphs, adoc.starts, strict=True):
        if paragraph.kind in ("heading", "byline"):
            continue
        caption = paragraph.kind == "caption"
        for mention in find_dates(paragraph.text):
            if mention.kind not in ("day", "day_dmy", "day_of") or not mention.get("y"):
                continue
            value = resolve(mention, Anchor())
            if not value:
                continue
            if not caption:
                clause = clause_of(adoc.doc, base + mention.start, base + mention.end)
                if clause.future is not False:
                    continue
            if best is None or value > best.value:
                best = NewestDate(value, mention.text, caption)
    if best is None:
        return None
    years = [int(m.get("y") or 0) for m in find_dates(adoc.text) if m.get("y")]
    if years and max(years) > int(best.value[:4]):
        return None  # the text names a later year: that date is history, not the day's news
    return best


# A report is written within days of the dated day it reports.
DAYS_AFTER = 6


def _from_newest(adoc: ArticleDoc) -> DateInference | None:
    """The article's day from the newest full date: that day, or, when it
    is a photo caption's, the day after it the lead names by its weekday
    (a weekday the text reports as past is most often before the article's
    day, so no other weekday moves it)."""
    newest = _newest_full_date(adoc)
    if newest is None:
        return None
    day = dt.date.fromisoformat(newest.value)
    where = "a photo caption" if newest.caption else "the text"
    evidence = [f"the newest full date {where} reports, “{newest.text}”"]
    said = _lead_weekday(adoc)
    if said is not None:
        ahead = (WEEKDAYS[(said.get("wd") or "").lower()] - day.weekday()) % 7
        if ahead and not newest.caption:
            return None  # the lead's weekday is another day: which one, the text does not say
        if ahead > DAYS_AFTER:
            return None
        if ahead:
            day += dt.timedelta(days=ahead)
            evidence.append(f"the lead's “{said.text}”, the {said.get('wd')} after it")
    return DateInference(day.isoformat(), evidence)


def infer_date(adoc: ArticleDoc) -> DateInference:
    from_name = _file_date(adoc.article.path)
    if from_name:
        return DateInference(from_name, [f"the date in the file name {adoc.article.path.split('/')[-1]}"])
    recorded = adoc.article.dateline
    if recorded is not None and recorded.date:
        return DateInference(recorded.date, [f"dateline “{recorded.text}”"])
    dateline, dateline_text = _dateline(adoc)
    if dateline is not None and dateline.get("y"):
        return DateInference(resolve(dateline, Anchor()), [f"dateline “{dateline_text}”"])
    lead, lead_text = _lead_date(adoc)
    if lead:
        return DateInference(lead, [f"the lead reports “{lead_text}” as the day's news"])
    same_weekday, why_weekday = _weekday_match(adoc)
    if same_weekday:
        return DateInference(same_weekday, [why_weekday])
    from_newest = _from_newest(adoc) if dateline is None else None
    if from_newest is not None:
        return from_newest
    year, why = _year_evidence(adoc)
    if dateline is not None:
        if year is not None:
            value = resolve(dateline, Anchor(year=year))
            return DateInference(value, [f"dateline “{dateline_text}”", f"year from {why}"])
    if year is None:
        return DateInference(None, ["no date, dateline, anniversary or relative year in the text to anchor it"])
    # Within the inferred year: the earliest day the text reports as coming
    # is an upper bound, the latest it reports as past (and not after that
    # bound: that one is in the year before) a lower bound.
    anchor = Anchor(year=year, earliest=dt.date(year, 1, 1), latest=dt.date(year, 12, 31), narrowed=True)
    reasons = [f"year from {why}"]
    text = adoc.text
    past: list[tuple[dt.date, str]] = []
    coming: list[tuple[dt.date, str]] = []
    for mention in find_dates(text):
        if mention.kind not in ("day", "day_of", "day_range", "day_range_dmy", "day_dmy", "month") or mention.get("y"):
            continue
        clause = clause_of(adoc.doc, mention.start, mention.end)
        if clause.future is None:
            continue
        bounds = edtf_bounds(resolve(mention, anchor, clause.future))
        if bounds is not None:
            (coming if clause.future else past).append((bounds[0], mention.text))
    latest, high_text = min(coming) if coming else (None, "")
    in_year = [(d, t) for d, t in past if latest is None or d <= latest]
    earliest, low_text = max(in_year) if in_year else (None, "")
    if earliest is None and past:
        # Every past day falls after the coming one: they are in the year before.
        earliest, low_text = dt.date(year, 1, 1), max(past)[1]
    if not (earliest and latest) or earliest > latest:
        # One bound alone may sit in the year before or after: keep the year.
        earliest = latest = None
    if earliest:
        reasons.append(f"after “{low_text}”, which it reports as past")
    if latest:
        reasons.append(f"before “{high_text}”, which it reports as coming")
    if earliest and latest:
        value = earliest.isoformat() if earliest == latest else f"{earliest.isoformat()}/{latest.isoformat()}"
    else:
        value = f"{year:04d}"
    return DateInference(value, reasons)


def infer_article_date(adoc: ArticleDoc) -> None:
    """Fill `published` from the text when metadata gave none; mark it
    inferred, with the evidence (or why there is none)."""
    article = adoc.article
    if article.published:
        return
    found = infer_date(adoc)
    article.date_inferred = found.value is not None
    article.published = found.value
    article.date_evidence = "; ".join(found.evidence)

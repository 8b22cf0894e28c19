"""Temporal expressions -> EDTF, anchored on the article's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import edtf
import pytest

from dossier.extract.temporal.dates import Anchor, edtf_bounds, find_dates, normalize

# A Tuesday, with the seed's phrases around it.
ANCHOR = "2016-08-30"


@pytest.mark.parametrize(("phrase", "future", "expected"), [
    ("May 6th", False, "2016-05-06"),
    ("Oct. 19, 1956", None, "1956-10-19"),
    ("on September 2nd and 3rd", True, "2016-09-02/2016-09-03"),
    ("April 2013", None, "2013-04"),
    ("in 1956", None, "1956"),
    ("In late October", True, "2016-10"),
    ("by the end of 2016", True, "2016"),
    ("this year", None, "2016"),
    ("next year", None, "2017"),
    ("last year", None, "2015"),
    ("early next year", None, "2017"),
    ("last month", None, "2016-07"),
    ("next month", None, "2016-09"),
    ("on Thursday", False, "2016-08-25"),
    ("on Thursday", True, "2016-09-01"),
    ("Last Wednesday", None, "2016-08-24"),
    ("in mid-November", False, "2015-11"),
    ("in mid-November", True, "2016-11"),
    ("the autumn", True, "2016-09/2016-11"),
    ("last week", None, "2016-08-22/2016-08-28"),
    ("this week", None, "2016-08-29/2016-09-04"),
    ("yesterday", None, "2016-08-29"),
    ("May 26-27", True, "2017-05-26/2017-05-27"),
    ("Sept. 8, 1951", None, "1951-09-08"),
    ("in February 1945", None, "1945-02"),
    ("next June", None, "2017-06"),
    ("in the closing days of World War II", None, "1945"),
    ("from 2012 to 2017", None, "2012/2017"),
    ("the 17th of March", False, "2016-03-17"),
    ("in the winter of 2014", None, "2014-12/2015-02"),
])
def test_dates_normalize_phrase(phrase: str, future: bool | None, expected: str | None) -> None:
    assert normalize(phrase, ANCHOR, future) == expected


@pytest.mark.parametrize("phrase", [
    "May 6th", "on Thursday", "this year", "last month", "in late October", "the autumn", "last week",
])
def test_dates_relative_without_anchor_is_none(phrase: str) -> None:
    assert normalize(phrase, None) is None


@pytest.mark.parametrize("phrase", ["Oct. 19, 1956", "April 2013", "1956", "by the end of 2016"])
def test_dates_absolute_without_anchor(phrase: str) -> None:
    assert normalize(phrase, None) is not None


@pytest.mark.parametrize("phrase", [
    "May 6th", "Oct. 19, 1956", "on September 2nd and 3rd", "the autumn", "last week", "in late October",
    "in the winter of 2014",
])
def test_dates_output_is_valid_edtf(phrase: str) -> None:
    value = normalize(phrase, ANCHOR, True)
    assert value is not None
    edtf.parse_edtf(value)


def test_dates_year_only_anchor_resolves_years_not_days() -> None:
    anchor = Anchor.of("2013")
    assert normalize("last year", anchor) == "2012"
    assert normalize("on Monday", anchor) is None
    assert normalize("in December", anchor, False) is None  # 2012-12 or 2013-12: not a guess


def test_dates_bounded_anchor_places_yearless_months_in_its_year() -> None:
    anchor = Anchor.of("2016-05-06/2016-09-01")
    assert normalize("in October", anchor, True) == "2016-10"
    assert normalize("in May", anchor, False) == "2016-05"
    assert normalize("on Thursday", anchor, False) is None


@pytest.mark.parametrize("text", [
    "The plan may be delayed.", "Roughly 17,000 residents left.", "It costs 5,000 square kilometres.",
    "a march through the city",
])
def test_dates_no_false_mentions(text: str) -> None:
    assert find_dates(text) == []


def test_dates_same_day_refers_to_previous_date() -> None:
    from dossier.extract.temporal.dates import resolve

    mention = find_dates("The same day, Cuba freed him.")[0]
    assert resolve(mention, Anchor(), None, previous="2014-12-17") == "2014-12-17"


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31)),
    ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
    ("2018-23", dt.date(2018, 9, 1), dt.date(2018, 11, 30)),
    ("2018-09/2018-11", dt.date(2018, 9, 1), dt.date(2018, 11, 30)),
    ("2016-12-24/2017-01-02", dt.date(2016, 12, 24), dt.date(2017, 1, 2)),
])
def test_dates_edtf_bounds(value: str, first: dt.date, last: dt.date) -> None:
    assert edtf_bounds(value) == (first, last)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("two days later", "2014-12-19"), ("a week earlier", "2014-12-10"), ("3 days later", "2014-12-20"),
])
def test_dates_offset_from_previous_date(phrase: str, expected: str) -> None:
    from dossier.extract.temporal.dates import resolve

    mention = find_dates(phrase)[0]
    assert resolve(mention, Anchor(), None, previous="2014-12-17") == expected
    assert resolve(mention, Anchor(), None, previous="2014-12") is None


def test_dates_future_day_weeks_back_is_this_year() -> None:
    # A day six weeks before the article read as coming would be eleven months ahead: it is past.
    assert normalize("on May 18", "2030-06-29", future=True) == "2030-05-18"
    # Well before the article's day, a coming date is next year's.
    assert normalize("on Jan. 22", "2030-12-10", future=True) == "2031-01-22"


# Texts that start a match at every kind of first character, in both cases,
# beside text with none.
_FIRST_CHAR_TEXTS = [
    "Yesterday, TODAY and tomorrow night; Last Week, next month; the end of this year.",
    "From 1956 to 1991, by the end of 2016, early 2019, mid-2020 and LATE 1999.",
    "on 7-8 May 2018; the 2nd of June, 2016; 19 October 1956; 3 and 4 Sept. 2001",
    "In late October, since May, during the summer of 2019, this coming Winter and in the fall.",
    "Two weeks later, a day earlier, 10 days later, that day, the following year, earlier that year.",
    "the closing days of World War II, the aftermath of the Second World War; end of World War One",
    "last Thursday; on Friday's talks; Later on Monday; SUNDAY; early on Saturday",
    "2014-15 figures, $2019, 1,2019 and 20195; Sept 11 and April 2013",
    "ſpring 2019, İn May, K 1999 and the ﬁnal weeks of World War Two",  # case folding beyond ASCII
]


@pytest.mark.parametrize("text", _FIRST_CHAR_TEXTS)
def test_dates_first_char_lookahead_keeps_every_match(text: str) -> None:
    """Each expression, guarded by the characters its matches can start
    with, finds exactly what the bare expression finds."""
    from dossier.extract.temporal.dates import PATTERNS, PLAIN_PATTERNS

    for (name, guarded), (_, plain) in zip(PATTERNS, PLAIN_PATTERNS, strict=True):
        found = [(m.span(), m.groupdict()) for m in guarded.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], name


def test_dates_first_char_lookahead_keeps_every_match_in_news() -> None:
    """The same on every article kept in the repository."""
    from dossier.extract.temporal.dates import PATTERNS, PLAIN_PATTERNS

    root = Path(__file__).resolve().parents[2]
    folders = [root / "seeds", *(root / "tests").glob("heldout*"), root / "tests" / "realnews"]
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.iterdir()) if p.suffix in (".txt", ".md")]
    assert len(texts) > 20
    for text in texts:
        for (name, guarded), (_, plain) in zip(PATTERNS, PLAIN_PATTERNS, strict=True):
            assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], name

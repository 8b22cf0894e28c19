"""The article's date inferred from its text, with the evidence; no anchor,
no guess."""

from __future__ import annotations

from temporal_helpers import parsed

from dossier.extract.temporal.article_date import infer_article_date
from dossier.extract.temporal.dates import Anchor, normalize


def test_dates_article_from_anniversary_and_bounds() -> None:
    adoc = parsed(
        "The last talks were held in Sochi on May 6th.",
        "Experts are scheduled to visit Japan in October for a forum to mark the 60th anniversary of the 1956 "
        "declaration.",
        published=None,
    )
    infer_article_date(adoc)
    assert adoc.article.date_inferred
    assert adoc.article.published == "2016-05-06/2016-10-01"
    assert "60th anniversary" in (adoc.article.date_evidence or "")


def test_dates_article_from_dateline() -> None:
    adoc = parsed("TOKYO, Dec. 16, 2016 (Reuters) - Japan and Russia agreed on joint projects.", published=None)
    infer_article_date(adoc)
    assert adoc.article.published == "2016-12-16"
    assert "dateline" in (adoc.article.date_evidence or "")


def test_dates_article_no_anchor_says_so() -> None:
    adoc = parsed("MOSCOW — The leaders met on Tuesday and agreed to meet again in June.", published=None)
    infer_article_date(adoc)
    assert adoc.article.published is None
    assert not adoc.article.date_inferred
    assert adoc.article.date_evidence and "no date" in adoc.article.date_evidence


def test_dates_article_metadata_date_kept() -> None:
    adoc = parsed("The 60th anniversary of the 1956 declaration falls this year.", published="2016-12-15")
    infer_article_date(adoc)
    assert adoc.article.published == "2016-12-15"
    assert not adoc.article.date_inferred


def test_dates_article_relative_year_beside_explicit_one() -> None:
    adoc = parsed("Last year, before returning to the Kremlin in May 2012, he said he wanted a draw.",
                  published=None)
    infer_article_date(adoc)
    assert adoc.article.published == "2013"


def test_dates_article_from_full_date_in_lead() -> None:
    adoc = parsed("WASHINGTON — The two presidents signed the accord on Jan. 5, 2021, after a year of talks in "
                  "Geneva and Vienna.", published=None)
    infer_article_date(adoc)
    assert adoc.article.published == "2021-01-05"
    assert adoc.article.date_inferred


def test_dates_article_from_file_name() -> None:
    adoc = parsed("MOSCOW — The leaders met on Tuesday.", published=None)
    adoc.article.path = "news/2019-01-22-kremlin-talks.txt"
    infer_article_date(adoc)
    assert adoc.article.published == "2019-01-22"
    adoc = parsed("MOSCOW — The leaders met on Tuesday.", published=None)
    adoc.article.path = "news/talks-on-the-1956-declaration.txt"
    infer_article_date(adoc)
    assert adoc.article.published is None


def test_dates_article_from_lead_weekday_matching_a_full_date() -> None:
    adoc = parsed("HAVANA — Kerry raised the flag over the embassy on Friday in a brief ceremony before guests.",
                  "The ceremony, on Aug. 14, 2015, ended 54 years without an embassy.", published=None)
    infer_article_date(adoc)
    assert adoc.article.published == "2015-08-14"
    adoc = parsed("HAVANA — Kerry raised the flag over the embassy on Thursday in a brief ceremony before guests.",
                  "The ceremony, on Aug. 14, 2015, ended 54 years without an embassy.", published=None)
    infer_article_date(adoc)
    assert adoc.article.published is None


def test_dates_article_year_spoken_of_as_current_anchors_yearless_days() -> None:
    adoc = parsed(
        "The two ministers met in Lyon on Nov. 28 and will meet again on Feb. 10.",
        "Both sides spoke of 2031 being a decisive year for the fisheries talks.",
        published=None,
    )
    infer_article_date(adoc)
    assert adoc.article.date_inferred
    # Nov. 28 is reported as past but falls after the coming Feb. 10: it is in the year before.
    assert adoc.article.published == "2031-01-01/2031-02-10"
    assert "2031" in (adoc.article.date_evidence or "")
    assert normalize("on Nov. 28", Anchor.of(adoc.article.published), future=False) == "2030-11-28"
    assert normalize("on Feb. 10", Anchor.of(adoc.article.published), future=True) == "2031-02-10"


def test_dates_article_latest_past_year_is_no_anchor() -> None:
    adoc = parsed(
        "The canal treaty was signed in 2011. The ministers met in Lyon on Nov. 28.",
        "They aim to finish the work by 2040.",
        published=None,
    )
    infer_article_date(adoc)
    assert adoc.article.published is None
    assert "no date" in (adoc.article.date_evidence or "")

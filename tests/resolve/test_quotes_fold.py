"""One quotation, one entry: resolve folds the reports of the same words of
the same speaker, and the JSON export still lists every report."""

from __future__ import annotations

from dossier.export import briefing_to_dict
from dossier.model import Article, Briefing, Paragraph, Provenance, Quote
from dossier.resolve.quotes import MIN_PART_WORDS, fold_quotes, quote_words

LONG = "We will take a new approach to the talks, free of the ideas of the past"


def _q(qid: str, article: str, text: str, *, speaker: str | None = "abe", direct: bool = True,
       date: str | None = None, paragraph: int = 1) -> Quote:
    return Quote(qid, text, Provenance(article, paragraph, 0, len(text)), speaker=speaker, direct=direct, date=date)


def test_quotes_fold_words_ignore_case_spacing_marks_and_punctuation() -> None:
    assert quote_words("“We will  take a NEW approach,”") == quote_words("\"we will take a new approach.\"")
    assert quote_words("Don’t stop") == quote_words("don't stop")
    assert quote_words("We will") != quote_words("We won't")


def test_quotes_fold_same_words_of_one_speaker_into_one_quote() -> None:
    quotes = [
        _q("q1", "b-article", "“We will take a new approach,”", date="2016-05-08"),
        _q("q2", "a-article", "we will take a new  approach.", date="2016-05-07"),
        _q("q3", "c-article", "We will take a new approach", date="2016-05-09", paragraph=4),
    ]
    [quote] = fold_quotes(quotes)
    assert quote.where.article == "a-article"  # the earliest report of the same words
    assert [(w.article, w.paragraph) for w in quote.sources] == [("a-article", 1), ("b-article", 1), ("c-article", 4)]
    assert quote.latest == "2016-05-09"
    assert all(not q.also for q in quote.also)


def test_quotes_fold_keeps_speakers_and_kinds_apart() -> None:
    quotes = [
        _q("q1", "a", "We will take a new approach"),
        _q("q2", "b", "We will take a new approach", speaker="putin"),
        _q("q3", "c", "We will take a new approach", speaker=None),
        _q("q4", "d", "We will take a new approach", direct=False),
    ]
    assert len(fold_quotes(quotes)) == 4


def test_quotes_fold_a_part_of_one_longer_quotation_into_it() -> None:
    part = "take a new approach to the talks"
    assert len(part.split()) >= MIN_PART_WORDS
    quotes = [_q("q1", "a", LONG), _q("q2", "b", f"“{part},”"), _q("q3", "c", "a new approach")]
    folded = fold_quotes(quotes)
    assert len(folded) == 2  # three words are said in many sentences: kept apart
    whole = next(q for q in folded if q.text == LONG)
    assert [q.id for q in whole.also] == ["q2"]


def test_quotes_fold_a_part_of_two_longer_quotations_stays_apart() -> None:
    part = "take a new approach to the talks"
    other = "We must take a new approach to the talks this year, both sides agree"
    folded = fold_quotes([_q("q1", "a", LONG), _q("q2", "b", other), _q("q3", "c", part)])
    assert len(folded) == 3


def test_quotes_fold_export_lists_every_report() -> None:
    articles = [Article(id=x, title=x, path=f"{x}.txt", paragraphs=[Paragraph(1, "text")]) for x in "ab"]
    briefing = Briefing(articles=articles, quotes=fold_quotes([
        _q("q1", "a", "We will take a new approach"), _q("q2", "b", "we will take a new approach."),
    ]))
    quotes = briefing_to_dict(briefing)["quotes"]
    assert [(q["id"], q["article"], q.get("same_as")) for q in quotes] == [("q1", "a", None), ("q2", "b", "q1")]
    assert quotes[0]["other_sources"] == [{"id": "q2", "article": "b", "paragraph": 1, "start": 0, "end": 28}]
    assert quotes[1]["text"] == "we will take a new approach."  # each report as its article words it

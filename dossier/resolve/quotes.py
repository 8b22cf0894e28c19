"""One quotation, one entry: the same words of the same speaker, reported
by several articles, become one quote citing every report.

Syndicated and rewritten news repeats quotations constantly; listing each
report on its own fills the quotes page (and the PDF) with the same
sentence over and over.  Two reports are the same quotation when they have
the same speaker (person, else speaking organization, else none named), are
both direct or both reported speech, and their words are the same once
case, spacing, quotation marks and punctuation are set aside.

A report whose words are a contained part of a longer report of the same
speaker (a rewrite that quotes half the sentence) folds into the longer one
too, when the part is at least `MIN_PART_WORDS` words long and lies in
exactly one longer quotation: a few words ("very productive") are said in
many sentences and stay an entry of their own, and a part that two
different longer quotations contain cannot say which one it belongs to.

The kept entry is the report with the most words, then the earliest (date,
then article and paragraph); it keeps every other report whole in `also`,
so each article still cites what it says (the JSON export lists them).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from dossier.model import Quote
from dossier.resolve.order import where_order

MIN_PART_WORDS = 6

# Apostrophes and primes inside words ("don’t", "Putin’s") read as one mark.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_WORD = re.compile(r"\w+(?:'\w+)*")


@functools.lru_cache(maxsize=1 << 16)
def quote_words(text: str) -> str:
    """The words of a quotation, case-folded and space-separated: quotation
    marks, other punctuation and spacing set aside.  Memoised: every
    report's words are wanted twice per build, and `mkdocs serve` folds the
    same texts again at every rebuild."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(_WORD.findall(text))


def _order(quote: Quote) -> tuple[int, str, object]:
    """The kept report first: the most words, then the earliest."""
    return (-len(quote_words(quote.text)), quote.date or "9999", quote.where)


def fold_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """The quotes with the reports of one quotation folded into one entry
    (see the module's docstring), in the order of their kept reports."""
    groups: dict[tuple[str | None, bool, str], list[Quote]] = {}
    for quote in quotes:
        words = quote_words(quote.text)
        speaker = quote.speaker or quote.speaker_organization
        groups.setdefault((speaker, quote.direct, words or quote.text), []).append(quote)
    # Parts of a longer quotation of the same speaker join that quotation's group.
    by_speaker: dict[tuple[str | None, bool], list[str]] = {}
    for speaker, direct, words in groups:
        by_speaker.setdefault((speaker, direct), []).append(words)
    for (speaker, direct), texts in by_speaker.items():
        texts.sort(key=lambda t: (-len(t), t))
        owner: dict[str, str] = {}  # words -> the words of the group they are in now
        having: dict[str, list[str]] = {}  # a word -> the (longer) quotations that have it
        for part in texts:
            words = part.split(" ")
            if len(words) >= MIN_PART_WORDS:
                padded = f" {part} "
                candidates = min(having.get(words[0], []), having.get(words[-1], []), key=len)
                wholes = {owner[w] for w in candidates if len(w) > len(part) and padded in f" {w} "}
                if len(wholes) == 1:
                    (whole,) = wholes
                    owner[part] = whole
                    groups[(speaker, direct, whole)].extend(groups.pop((speaker, direct, part)))
            owner.setdefault(part, part)
            for word in set(words):
                having.setdefault(word, []).append(part)
    out = []
    for reports in groups.values():
        reports.sort(key=_order)
        kept = reports[0]
        also = [*kept.also, *(x for report in reports[1:] for x in (report, *report.also))]
        for report in also:
            report.also = []
        kept.also = sorted(also, key=where_order)
        out.append(kept)
    out.sort(key=where_order)
    return out

"""Near-duplicate articles: the same story saved twice, or syndicated by
several outlets with small edits (another headline, other furniture, a
sentence added or cut).

Two articles are copies of one story when their texts share at least
`THRESHOLD` (30%) of their five-word shingles (Jaccard similarity).  A
syndicated copy with a changed word in most paragraphs and a paragraph cut
still shares about half; different articles on the same subject share 1-3%
(the development corpora), so the threshold sits well between the two.  A
text under `SHORT_TEXT` shingles (a few sentences) is a copy only of a
(nearly) identical one: two short notes sharing one sentence are not copies.
Groups are joined transitively: if A is like B and B like C, all three are
one story.  Candidate pairs
come from MinHash + LSH banding (`dossier.ingest.minhash`), so 100,000
articles are not compared pair by pair; a candidate whose estimate is near the
threshold is checked on the exact shingle sets.  Different articles that quote
the same paragraph share a few per cent of their shingles, far below the
threshold.

Copies are grouped with union-find, and each group keeps one article, the
same whatever the order of the files: the longest (the most facts), then the
earliest dated, then the first by path; undated, it takes the earliest date
of its copies.  The others are set aside before extraction (a copy
is not extracted again, its facts are not doubled) and listed with the kept
article ("also published by ...").
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from dossier.ingest import minhash
from dossier.model import Article, Paragraph, Provenance
from dossier.unionfind import UnionFind

THRESHOLD = 0.3
# Below about three sentences, one shared sentence is a third of the text:
# such short texts are copies only when (nearly) identical.
SHORT_TEXT = 50  # shingles
SHORT_THRESHOLD = 0.9
_CHECK_BAND = 0.1  # estimates this close to the threshold are checked exactly
_SAME_PARAGRAPH = 0.6  # word overlap for a paragraph edited in a copy


@dataclass(slots=True)
class Deduplicated:
    articles: list[Article] = field(default_factory=list)  # one per story
    copies: list[Article] = field(default_factory=list)  # each with `duplicate_of` set
    similarity: dict[str, float] = field(default_factory=dict)  # copy id -> shared shingles with its kept article


def _body_words(article: Article) -> list[str]:
    # The title is left out: syndication often changes the headline.
    return [w for p in article.paragraphs for w in minhash.words(p.text)]


# Each article's (word count, shingle hashes, signature), by a hash of the
# text of its paragraphs: `mkdocs serve` rebuilds in the same process, and
# `dossier build` keeps them on disk (`dossier.ingest.state`), so a build
# hashes only the articles whose text changed.  Holds the last call's only.
_SIGNED: dict[bytes, tuple[int, np.ndarray, np.ndarray]] = {}


def _text_key(article: Article) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    for paragraph in article.paragraphs:
        h.update(paragraph.text.encode("utf-8", "surrogatepass") + b"\0")
    return h.digest()


# Whether two texts (by their keys, in order) are near-duplicates at a
# threshold, as the last call found: kept like `_SIGNED`, so that a rebuild
# compares again only the pairs with a changed text.
_PAIRS: dict[tuple[bytes, bytes, float], bool] = {}


def _signed(articles: Sequence[Article], keys: list[bytes]) -> list[tuple[int, np.ndarray, np.ndarray]]:
    global _SIGNED
    kept: dict[bytes, tuple[int, np.ndarray, np.ndarray]] = {}
    out = []
    for article in articles:
        key = _text_key(article)
        keys.append(key)
        value = kept.get(key) or _SIGNED.get(key)
        if value is None:
            tokens = _body_words(article)
            hashes = minhash.shingle_hashes(tokens)
            value = (len(tokens), hashes, minhash.signature(hashes))
        kept[key] = value
        out.append(value)
    _SIGNED = kept
    return out


def _canonical_order(article: Article, length: int) -> tuple[int, bool, str, str, str]:
    """The longest copy first (a syndicated copy is usually cut, so the
    longest holds the most facts), then the earliest dated, then by path."""
    return (-length, article.published is None, article.published or "", article.path, article.id)


def _date_from_copies(kept: Article, copies: list[Article]) -> None:
    """An undated article takes the earliest date of its copies: a story is
    published no later than any copy of it, and its relative dates ("on
    Monday") are read against that day."""
    dated = sorted((c for c in copies if c.published), key=lambda c: (c.published or "", c.path))
    if kept.published is None and dated:
        kept.published = dated[0].published
        kept.date_inferred = True
        kept.date_evidence = f"the date of {dated[0].path}, a copy of the same story"


def find_duplicates(articles: Sequence[Article], threshold: float = THRESHOLD) -> Deduplicated:
    """Split `articles` into one kept article per story and the copies of
    it; the result does not depend on the order of `articles`."""
    global _PAIRS
    keys: list[bytes] = []
    signed = _signed(articles, keys)
    lengths = [length for length, _, _ in signed]
    hashes = [h for _, h, _ in signed]
    signatures = [sig for _, _, sig in signed]
    groups = UnionFind(len(articles))
    # Identical signatures (exact copies) join at once; LSH runs on one of each.
    first_with: dict[bytes, int] = {}
    for index, sig in enumerate(signatures):
        key = sig.tobytes()
        if key in first_with and hashes[index].size:
            groups.union(first_with[key], index)
        else:
            first_with.setdefault(key, index)
    representatives = sorted(first_with.values())
    tested: dict[tuple[bytes, bytes, float], bool] = {}
    for i, j in minhash.candidate_pairs([signatures[r] for r in representatives]):
        a, b = representatives[i], representatives[j]
        # Groups are the connected parts of the "similar" graph: a pair already joined needs no test.
        if groups.find(a) == groups.find(b):
            continue
        pair = (min(keys[a], keys[b]), max(keys[a], keys[b]), threshold)
        similar = _PAIRS.get(pair)
        if similar is None:
            similar = _similar(hashes[a], hashes[b], signatures[a], signatures[b], threshold)
        tested[pair] = similar
        if similar:
            groups.union(a, b)
    _PAIRS = tested
    out = Deduplicated()
    for group in groups.groups():
        group.sort(key=lambda i: _canonical_order(articles[i], lengths[i]))
        kept = articles[group[0]]
        kept.duplicate_of = None
        _date_from_copies(kept, [articles[i] for i in group[1:]])
        out.articles.append(kept)
        for index in group[1:]:
            copy = articles[index]
            copy.duplicate_of = kept.id
            out.copies.append(copy)
            out.similarity[copy.id] = round(minhash.jaccard(hashes[group[0]], hashes[index]), 3)
    order = {id(a): n for n, a in enumerate(articles)}
    out.articles.sort(key=lambda a: order[id(a)])
    out.copies.sort(key=lambda a: (a.duplicate_of or "", a.id))
    return out


def _similar(
    hashes_a: np.ndarray, hashes_b: np.ndarray, sig_a: np.ndarray, sig_b: np.ndarray, threshold: float
) -> bool:
    if hashes_a.size == 0 or hashes_b.size == 0:
        return False
    if min(hashes_a.size, hashes_b.size) < SHORT_TEXT:
        return minhash.jaccard(hashes_a, hashes_b) >= max(threshold, SHORT_THRESHOLD)
    estimate = minhash.estimated_jaccard(sig_a, sig_b)
    if abs(estimate - threshold) > _CHECK_BAND:
        return estimate >= threshold
    return minhash.jaccard(hashes_a, hashes_b) >= threshold


def align_paragraphs(kept: Article, copy: Article) -> dict[int, int]:
    """{paragraph number in `kept`: the same paragraph's number in `copy`}
    for the paragraphs the copy has, word for word or lightly edited."""
    copy_words = {p.number: _word_set(p) for p in copy.paragraphs}
    by_text: dict[tuple[str, ...], int] = {}
    for p in copy.paragraphs:
        by_text.setdefault(tuple(minhash.words(p.text)), p.number)
    out: dict[int, int] = {}
    used: set[int] = set()
    for p in kept.paragraphs:
        number = by_text.get(tuple(minhash.words(p.text)))
        if number is not None and number not in used:
            out[p.number] = number
            used.add(number)
    for p in kept.paragraphs:
        if p.number in out:
            continue
        words = _word_set(p)
        best, score = None, _SAME_PARAGRAPH
        for number, other in copy_words.items():
            if number in used or not words or not other:
                continue
            overlap = len(words & other) / len(words | other)
            if overlap >= score:
                best, score = number, overlap
        if best is not None:
            out[p.number] = best
            used.add(best)
    return out


def _word_set(paragraph: Paragraph) -> set[str]:
    return set(minhash.words(paragraph.text))


class CopiedProvenance:
    """Where a fact read from a kept article stands in each of its copies:
    the export lists it there too, so that every copy cites what it says."""

    def __init__(self, articles: Sequence[Article], copies: Sequence[Article]) -> None:
        by_id = {a.id: a for a in articles}
        self._copies: dict[str, list[tuple[Article, Article, dict[int, int]]]] = {}
        for copy in copies:
            kept = by_id.get(copy.duplicate_of or "")
            if kept is not None:
                self._copies.setdefault(kept.id, []).append((kept, copy, align_paragraphs(kept, copy)))

    def __bool__(self) -> bool:
        return bool(self._copies)

    def has_copies(self, article_id: str) -> bool:
        return article_id in self._copies

    def mirror(self, where: Provenance, text: str, *, reworded: bool = False) -> list[Provenance]:
        """The same fact in each copy that has its paragraph and its words
        (`text`); a copy that cut or reworded them does not state it.  With
        `reworded`, a fact told in a clause of the reader's own (an event, a
        provision) holds in any copy that has the paragraph, lightly edited."""
        out: list[Provenance] = []
        for kept, copy, numbers in self._copies.get(where.article, ()):
            number = numbers.get(where.paragraph)
            if number is None:
                continue
            kept_text, copy_text = kept.paragraph(where.paragraph).text, copy.paragraph(number).text
            if kept_text == copy_text:
                out.append(Provenance(copy.id, number, where.start, where.end))
            elif (start := copy_text.find(text)) >= 0:
                out.append(Provenance(copy.id, number, start, start + len(text)))
            elif reworded:
                out.append(Provenance(copy.id, number))
        return out

"""Which reports are one real-world event: a clustering over all reports of
all articles at once, so that the result depends neither on the order of the
files nor on how many copies of an article there are.

1. Reports that say the same thing in the same words (a wire story saved
   twice) are one group before anything is compared.
2. Candidate pairs come from a blocking index: two groups are compared only
   when their date intervals fall in the same week, month or year bucket and
   they share a piece of evidence (a participant, the place, a document, a
   rare word of the clause).
3. Each pair gets a score from evidence that holds across articles: shared
   participants, the same place, a shared document, the words of the
   clause, the same date.  Hard conflicts (dates that do not overlap,
   places that exclude each other, disjoint participants, two reports of the
   same article) forbid a link.
4. Links are taken strongest first; two clusters join only when the whole
   of both still agrees (the intersection of their date intervals is not
   empty, their places are compatible, they share no article).  A vague
   report ("in 2016") that fits two different events equally well joins
   neither.

Every tie is broken by content-derived keys, never by input position.
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.extract.temporal.dates import edtf_bounds

# Kinds that can name one happening in different words ("talks", "summit",
# "a visit" for the same trip); "event" is a clause whose kind was not read.
FAMILIES = {"talks": "gathering", "summit": "gathering", "forum": "gathering", "visit": "gathering",
            "meeting": "gathering", "conference": "gathering", "press conference": "gathering"}
WILDCARD = "event"
PRECISE_DAYS = 7  # a date interval this short is a day or a few days
MONTH_DAYS = 62
YEAR_DAYS = 400
LINK = 1.0  # the score a link needs
AMBIGUOUS_MARGIN = 0.35  # a vague report this close to two different events joins neither
MAX_WORD_KEYS = 4  # the most telling words of a report (used by others too) are blocking keys
STOP = frozenset("""a an the and or but of in on at to for from by with as into over after before since until
during while when which who whom that this these those it its their they them he she his her him we our you
was were is are be been being has have had will would can could may might must shall should not no also then
than there here said says say told tell mr mrs ms s""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def family(kind: str) -> str:
    return FAMILIES.get(kind, kind)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem, enough to make 'seized'/'seize' and
    'occupation'/'occupied' meet."""
    w = word.lower().replace("’", "'").removesuffix("'s")
    for suffix, keep in (("ations", 5), ("ation", 5), ("ies", 3), ("ied", 3), ("ing", 4), ("ed", 4), ("es", 4),
                         ("s", 4), ("y", 4), ("e", 4)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep - 1:
            return w[: -len(suffix)]
    return w


def words_of(text: str) -> list[str]:
    """The telling words of a text (letters, not stop words, longer than
    two letters), stemmed."""
    return [w for token in text.split() for w in _telling(token)]


@lru_cache(maxsize=200_000)
def _telling(token: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in _WORD.findall(token) if w.lower() not in STOP and len(w) > 2)


@dataclass(slots=True)
class Report:
    """What the clustering knows of one article's event."""

    kind: str
    date: str | None
    participants: frozenset[str]
    place: str | None
    documents: frozenset[str]
    text: str  # the clause's title and sentences: the words of the report
    article: str
    actions: frozenset[str] = frozenset()  # lemmas of the words naming what happened
    sentences: frozenset[str] = frozenset()  # the sentences that report it
    key: str = ""  # same key = same content (copies of one story)


@dataclass(slots=True)
class Group:
    """Reports with the same content, compared once."""

    index: int
    key: str
    kind: str
    family: str
    lo: int | None
    hi: int | None
    date: str | None
    participants: frozenset[str]
    place: str | None
    documents: frozenset[str]
    words: dict[str, float]
    articles: frozenset[str]
    actions: frozenset[str]
    sentences: frozenset[str]
    members: list[int] = field(default_factory=list)
    keywords: tuple[str, ...] = ()  # the most telling words that other groups use too: blocking keys
    span: int = 10**6  # days between the date's bounds (10**6 when undated)

    def __post_init__(self) -> None:
        if self.lo is not None and self.hi is not None:
            self.span = self.hi - self.lo


@dataclass(slots=True)
class Link:
    a: int  # group indexes
    b: int
    score: float


@dataclass(slots=True)
class Clustering:
    """Clusters of report indexes, each with the weakest link that holds it
    together (None for a single group), and the links that were refused."""

    clusters: list[list[int]]
    weakest: list[float | None]
    refused: list[tuple[list[int], list[int], float, str]]  # (reports a, reports b, score, why)


PlaceRelation = Callable[[str, str], bool]  # can two places be the place of one event?


@lru_cache(maxsize=100_000)
def _bounds(date: str | None) -> tuple[int | None, int | None]:
    bounds = edtf_bounds(date) if date else None
    if not bounds:
        return None, None
    return bounds[0].toordinal(), bounds[1].toordinal()


def _groups(reports: Sequence[Report]) -> list[Group]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, report in enumerate(reports):
        key = report.key or "\x1f".join([report.kind, report.date or "", ",".join(sorted(report.participants)),
                                          report.place or "", ",".join(sorted(report.documents)),
                                          ",".join(sorted(report.actions)), " ".join(report.text.lower().split())])
        by_key[key].append(i)
    raw = sorted(by_key.items())
    df: Counter[str] = Counter()
    bags = []
    for _, members in raw:
        bag = Counter(words_of(reports[members[0]].text))
        bags.append(bag)
        df.update(bag.keys())
    n = len(raw) + 1
    idf = {w: math.log(n / c) for w, c in df.items()}
    groups = []
    for index, ((key, members), bag) in enumerate(zip(raw, bags, strict=True)):
        first = reports[members[0]]
        weights = {w: (1 + math.log(c)) * idf[w] if c > 1 else idf[w] for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        lo, hi = _bounds(first.date)
        articles = frozenset(reports[m].article for m in members)
        shared = sorted((w for w in weights if df[w] > 1), key=lambda w: (-weights[w], w))[:MAX_WORD_KEYS]
        groups.append(Group(index, key, first.kind, family(first.kind), lo, hi, first.date, first.participants,
                            first.place, first.documents, {w: v / norm for w, v in weights.items()}, articles,
                            first.actions, first.sentences, members, tuple(shared)))
    return groups


def _buckets(group: Group) -> tuple[str, list[int]]:
    """The blocking level of a group and its buckets at that level."""
    if group.lo is None or group.hi is None:
        return "u", [0]
    span = group.span
    if span <= PRECISE_DAYS:
        return "w", list(range(group.lo // 7, group.hi // 7 + 1))
    if span <= MONTH_DAYS:
        return "m", list(range(group.lo // 30, group.hi // 30 + 1))
    if span <= YEAR_DAYS * 3:
        return "y", list(range(group.lo // 365, group.hi // 365 + 1))
    return "u", [0]


LEVELS = ("w", "m", "y", "u")
DIVISOR = {"w": 7, "m": 30, "y": 365}


def _evidence(group: Group) -> list[str]:
    keys = [f"p:{p}" for p in group.participants] + [f"d:{d}" for d in group.documents]
    if group.place:
        keys.append(f"l:{group.place}")
    keys.extend(f"w:{w}" for w in group.keywords)
    return keys


def candidate_pairs(groups: Sequence[Group]) -> set[tuple[int, int]]:
    """Pairs of groups that share a piece of evidence and a date bucket at
    the coarser one's level (a week, a month, a year): each group is
    indexed at its own level and every coarser one, and looks up its own."""
    index: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    evidence = [_evidence(group) for group in groups]
    levels = [_buckets(group)[0] for group in groups]
    for group, keys, level in zip(groups, evidence, levels, strict=True):
        for coarser in LEVELS[LEVELS.index(level):]:
            buckets = _buckets_at(group, coarser)
            for key in keys if coarser != "u" or level == "u" else [k for k in keys if k.startswith("d:")]:
                for bucket in buckets:
                    index[(coarser, key, bucket)].append(group.index)
    n = len(groups)
    found: set[int] = set()
    for (level, _, _), posting in index.items():
        if len(posting) < 2:
            continue
        own = [g for g in posting if levels[g] == level]  # the groups that look this bucket up
        for me in own:
            found.update(o * n + me if o < me else me * n + o for o in posting if o != me)
    return {divmod(pair, n) for pair in found}


def _buckets_at(group: Group, level: str) -> range:
    if level == "u" or group.lo is None or group.hi is None:
        return range(1)
    return range(group.lo // DIVISOR[level], group.hi // DIVISOR[level] + 1)


def _overlap(a: Group, b: Group) -> bool:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return a.lo is None and b.lo is None
    return a.lo <= b.hi and b.lo <= a.hi


def _places_agree(a: str | None, b: str | None, places: PlaceRelation) -> bool:
    if not a or not b or a == b:
        return True
    return places(a, b)


def conflict(a: Group, b: Group, places: PlaceRelation) -> str | None:
    """Why two groups cannot be one event, or None."""
    if a.articles & b.articles and not _one_told_twice(a, b):
        return "reported apart in one article"
    if a.family != b.family and WILDCARD not in (a.kind, b.kind):
        return "different kinds"
    if not _overlap(a, b):
        if a.lo is None or b.lo is None:
            if a.documents & b.documents:
                return None
        return "dates do not overlap"
    if not _places_agree(a.place, b.place, places):
        return "different places"
    if a.participants and b.participants and not a.participants & b.participants:
        return "different participants"
    return None


def _one_told_twice(a: Group, b: Group) -> bool:
    """Two reports of one article may still be one happening told twice
    ("Abe is to visit Vladivostok in September" and "the talks in
    Vladivostok on September 2 and 3"): the same kind of happening, dates
    within a year that nest, and a person in common, in different sentences
    (two clauses of one sentence are two things the article tells apart)."""
    if not a.sentences.isdisjoint(b.sentences):
        return False
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None or max(a.span, b.span) > YEAR_DAYS:
        return False
    nested = (a.lo <= b.lo and b.hi <= a.hi) or (b.lo <= a.lo and a.hi <= b.hi)
    return nested and a.family == b.family and bool(a.participants & b.participants)


def score(a: Group, b: Group, places: PlaceRelation | None = None) -> float:
    """Evidence that two compatible groups are one event.  A vague date
    ("in 2016") against a precise one needs evidence beyond the people: the
    place, a document or the same words."""
    small, big = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    same_words = sum(v * big[w] for w, v in small.items() if w in big)
    s = 0.6 * min(len(a.participants & b.participants), 2) + 1.5 * same_words
    placed = bool(a.place and b.place)
    if placed:
        s += 0.6 if a.place == b.place else 0.3
    if a.documents & b.documents:
        s += 1.0
    if a.kind == b.kind and a.kind != WILDCARD:
        s += 0.2
    if a.actions & b.actions:
        s += 0.2
    if a.date and a.date == b.date:
        s += 0.3
    if WILDCARD in (a.kind, b.kind) and a.kind != b.kind:
        s -= 0.3
    if a.articles & b.articles:
        s += 0.4  # the same people in nested dates in one article: it is telling of its subject again
    vague, precise = max(a.span, b.span), min(a.span, b.span)
    if vague >= 300 and precise <= MONTH_DAYS and not (placed or a.documents & b.documents or same_words >= 0.4):
        return 0.0
    return s


@dataclass(slots=True)
class _Cluster:
    members: list[int]
    lo: int | None
    hi: int | None
    places: set[str]
    articles: set[str]
    weakest: float | None = None


def _joinable(x: _Cluster, y: _Cluster, places: PlaceRelation, allowed: frozenset[str]) -> str | None:
    """Whether two clusters can be one; `allowed`: the articles the linking
    pair itself shares (one happening told twice in them)."""
    if (x.articles & y.articles) - allowed:
        return "reported apart in one article"
    if x.lo is not None and y.lo is not None and x.hi is not None and y.hi is not None:
        if max(x.lo, y.lo) > min(x.hi, y.hi):
            return "dates do not overlap"
    if any(not _places_agree(p, q, places) for p in x.places for q in y.places):
        return "different places"
    return None


def _drop_ambiguous(groups: Sequence[Group], links: list[Link], places: PlaceRelation) -> tuple[list[Link], list[Link]]:
    """A vague group whose best links reach finer groups that are
    different events, with scores too close to choose, keeps none of them."""
    by_group: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        by_group[link.a].append(link)
        by_group[link.b].append(link)
    dropped: set[tuple[int, int]] = set()
    for g, own in by_group.items():
        group = groups[g]
        finer = [(link.score, link.b if link.a == g else link.a) for link in own]
        finer = [(s, o) for s, o in finer if groups[o].span < group.span]
        if len(finer) < 2:
            continue
        finer.sort(key=lambda so: (-so[0], groups[so[1]].key))
        best, best_other = finer[0]
        rivals = [o for s, o in finer[1:] if s >= best - AMBIGUOUS_MARGIN and conflict(
            groups[best_other], groups[o], places) not in (None, "reported apart in one article")]
        if rivals:
            for _, other in finer:
                dropped.add((min(g, other), max(g, other)))
    kept = [link for link in links if (link.a, link.b) not in dropped]
    return kept, [link for link in links if (link.a, link.b) in dropped]


def cluster_reports(reports: Sequence[Report], places: PlaceRelation | None = None) -> Clustering:
    """Cluster `reports` into events; see the module's description."""
    collecting = gc.isenabled()
    gc.disable()  # many small objects, none cyclic: the collector's passes would cost more than the work
    try:
        return _cluster(reports, places)
    finally:
        if collecting:
            gc.enable()


def _cluster(reports: Sequence[Report], places: PlaceRelation | None) -> Clustering:
    places = places or (lambda a, b: True)
    groups = _groups(reports)
    links: list[Link] = []
    refused: list[tuple[int, int, float, str]] = []
    for a, b in sorted(candidate_pairs(groups)):
        why = conflict(groups[a], groups[b], places)
        if why is not None:
            continue
        s = score(groups[a], groups[b])
        if s >= LINK:
            links.append(Link(a, b, s))
        elif s >= LINK * 0.6:
            refused.append((a, b, s, "weak evidence"))
    links, ambiguous = _drop_ambiguous(groups, links, places)
    refused.extend((link.a, link.b, link.score, "fits several events") for link in ambiguous)
    clusters = {g.index: _Cluster([g.index], g.lo, g.hi, {g.place} if g.place else set(), set(g.articles))
                for g in groups}
    owner = {g.index: g.index for g in groups}
    links.sort(key=lambda link: (-round(link.score, 9), groups[link.a].key, groups[link.b].key))
    for link in links:
        x, y = clusters[owner[link.a]], clusters[owner[link.b]]
        if x is y:
            continue
        why = _joinable(x, y, places, groups[link.a].articles & groups[link.b].articles)
        if why is not None:
            refused.append((link.a, link.b, link.score, why))
            continue
        keep, gone = (x, y) if min(groups[m].key for m in x.members) <= min(groups[m].key for m in y.members) \
            else (y, x)
        keep.members.extend(gone.members)
        if keep.lo is not None and gone.lo is not None and keep.hi is not None and gone.hi is not None:
            keep.lo, keep.hi = max(keep.lo, gone.lo), min(keep.hi, gone.hi)
        else:
            keep.lo = keep.lo if keep.lo is not None else gone.lo
            keep.hi = keep.hi if keep.hi is not None else gone.hi
        keep.places |= gone.places
        keep.articles |= gone.articles
        weakest = [w for w in (keep.weakest, gone.weakest, link.score) if w is not None]
        keep.weakest = min(weakest)
        for m in gone.members:
            owner[m] = keep.members[0]
    seen: set[int] = set()
    out: list[list[int]] = []
    weakest_out: list[float | None] = []
    for g in groups:
        root = owner[g.index]
        if root in seen:
            continue
        seen.add(root)
        cluster = clusters[root]
        out.append(sorted(m for gi in cluster.members for m in groups[gi].members))
        weakest_out.append(cluster.weakest)
    order = sorted(range(len(out)), key=lambda c: out[c][0])  # clusters in the order of their first report
    out, weakest_out = [out[c] for c in order], [weakest_out[c] for c in order]
    members = {g.index: g.members for g in groups}
    return Clustering(out, weakest_out, [(members[a], members[b], s, why) for a, b, s, why in refused])

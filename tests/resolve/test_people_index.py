"""People are merged by looking up candidates (same tokens, or a surname
sharing a two-letter piece) instead of comparing every pair: the result must
be the one comparing every pair gives."""

from __future__ import annotations

import copy
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.model import Article, Briefing, Mention, Paragraph, Person, Provenance
from dossier.resolve.entities import _absorb, _merge_people, _person_match
from dossier.resolve.names import similar, surname_bigrams
from dossier.slug import unique_slug

FIRST = ["Sergei", "Sergey", "Aleksandr", "Oleksandr", "Alexander", "Shinzo", "Shintaro", "Yuri", "Iouri", "Jo",
         "Ann", "Anne", "Mr", "Dr", "Maria", "Marie"]
LAST = ["Lavrov", "Lavrow", "Abe", "Kono", "Konno", "Smith", "Smyth", "Ng", "O", "Li", "Lee", "Putin", "Poutine",
        "Vanderbilt", "Van der Bilt"]


def _all_pairs(parts: list[Briefing]) -> list[Person]:
    """What resolve did before the index: every merged person asked in turn."""
    merged: list[Person] = []
    taken: set[str] = set()
    for part in parts:
        for item in part.people:
            target = next((m for m in merged if _person_match(m, item)), None)
            if target is None:
                item.id = unique_slug(item.name, taken)
                merged.append(item)
            else:
                _absorb(target, item)
    return merged


def _parts(seed: int, count: int) -> list[Briefing]:
    rng = random.Random(seed)
    parts = []
    for n in range(count):
        article = f"a{n:03d}"
        people = []
        for k in range(rng.randint(1, 4)):
            name = " ".join([*rng.sample(FIRST, rng.randint(0, 1)), rng.choice(LAST)])
            aliases = [rng.choice(LAST)] if rng.random() < 0.2 else []
            people.append(Person(f"p{k}", name, aliases=aliases,
                                 mentions=[Mention(name, Provenance(article, 1, 0, len(name)))]))
        parts.append(Briefing(articles=[Article(id=article, title=article, path=article,
                                                paragraphs=[Paragraph(1, "x")])], people=people))
    return parts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000), st.integers(1, 40))
def test_indexed_merge_equals_comparing_every_pair(seed: int, count: int) -> None:
    parts = _parts(seed, count)
    expected = _all_pairs(copy.deepcopy(parts))
    found = _merge_people(parts, {}, set())
    assert [(p.id, p.name, p.aliases, len(p.mentions)) for p in found] == \
        [(p.id, p.name, p.aliases, len(p.mentions)) for p in expected]


@settings(max_examples=300, deadline=None)
@given(st.text("abcdeo", min_size=1, max_size=9), st.text("abcdeo", min_size=1, max_size=9))
def test_alike_surnames_share_a_bigram(a: str, b: str) -> None:
    if similar(a, b) >= 0.85:
        assert surname_bigrams(a) & surname_bigrams(b)


def test_spelling_variants_of_a_surname_share_a_bigram() -> None:
    assert similar("kono", "konno") >= 0.85 and surname_bigrams("kono") & surname_bigrams("konno")
    assert surname_bigrams("o") == {"o"} and not surname_bigrams("o") & surname_bigrams("a")

"""Places and organizations named differently in different articles: merged
when an article states the link, or when the names are the same by a general
rule, keeping every name as an alias, whatever the order of the articles."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from dossier.model import Article, Briefing, Mention, Organization, Paragraph, Place, Provenance
from dossier.pipeline import build_briefing
from dossier.resolve.merge import merge_briefings
from dossier.resolve.names import place_keys


def part(article_id: str, places: list[Place], organizations: list[Organization] | None = None) -> Briefing:
    article = Article(id=article_id, title=article_id, path=article_id, paragraphs=[Paragraph(1, "x")])
    return Briefing(articles=[article], places=places, organizations=organizations or [])


def place(article_id: str, name: str, *aliases: str, kind: str | None = None) -> Place:
    return Place(f"{article_id}-{name}", name, aliases=list(aliases), kind=kind,
                 mentions=[Mention(name, Provenance(article_id, 1, 0, len(name)))])


def summary(merged: Briefing) -> list[tuple[str, list[str], list[str]]]:
    return sorted((p.name, sorted(p.aliases), p.articles) for p in merged.places)


def test_names_stated_alias_joins_articles_that_use_either_name_in_any_order() -> None:
    """Articles b and c name the islands one way each; only article a says
    both names are one place.  Whichever comes first, one place."""
    parts = [
        part("a", [place("a", "Falkland Islands", "Malvinas", kind="islands")]),
        part("b", [place("b", "Malvinas")]),
        part("c", [place("c", "Falkland Islands", kind="islands"), place("c", "Stanley", kind="city")]),
    ]
    results = set()
    for order in itertools.permutations(range(3)):
        merged = merge_briefings([parts_copy(parts[i]) for i in order])
        results.add(repr([(p.id, p.name, sorted(p.aliases), p.articles, p.kind) for p in merged.places]))
    assert len(results) == 1
    merged = merge_briefings([parts_copy(p) for p in parts])
    assert summary(merged) == [("Falkland Islands", ["Malvinas"], ["a", "b", "c"]), ("Stanley", [], ["c"])]


def parts_copy(briefing: Briefing) -> Briefing:
    import copy

    return copy.deepcopy(briefing)


def test_names_island_group_variants_are_one_place() -> None:
    merged = merge_briefings([
        part("a", [place("a", "Spratly islets")]),
        part("b", [place("b", "Spratly Islands", kind="islands")]),
        part("c", [place("c", "Spratlys")]),
        part("d", [place("d", "Spratly")]),
    ])
    assert summary(merged) == [
        ("Spratly Islands", ["Spratly", "Spratly islets", "Spratlys"], ["a", "b", "c", "d"])
    ]
    assert merged.places[0].kind == "islands"


def test_names_general_rule_keeps_different_places_apart() -> None:
    merged = merge_briefings([
        part("a", [place("a", "Southern Spratlys")]),
        part("b", [place("b", "Spratly Islands")]),
        part("c", [place("c", "Marshall", kind="city")]),
        part("d", [place("d", "Marshall Islands", kind="country")]),
    ])
    assert len(merged.places) == 4
    assert "group marshall" not in place_keys("Marshall")  # a town by the gazetteer, not the islands


def test_names_country_official_and_short_name() -> None:
    merged = merge_briefings([
        part("a", [place("a", "Russian Federation", kind="country")]), part("b", [place("b", "Russia")]),
    ])
    assert summary(merged) == [("Russian Federation", ["Russia"], ["a", "b"])]  # a tie: the fuller name


def test_names_organizations_qualified_by_country_word() -> None:
    def org(article_id: str, name: str) -> Organization:
        return Organization(f"{article_id}-o", name, mentions=[Mention(name, Provenance(article_id, 1))])

    merged = merge_briefings([
        part("a", [], [org("a", "Brazil's Foreign Ministry")]), part("b", [], [org("b", "Brazilian Foreign Ministry")]),
        part("c", [], [org("c", "Austrian Foreign Ministry")]),
    ])
    assert sorted(len(o.articles) for o in merged.organizations) == [1, 2]


FIRST = """\
Argentina renews claim

Argentina renews claim

Argentina on Monday renewed its claim to the Falkland Islands, which Argentina calls the Malvinas, at a
meeting of the United Nations in New York, forty years after the war over the islands.
"""
SECOND = """\
Veterans gather in Buenos Aires

Veterans gather in Buenos Aires

Thousands of veterans marched through Buenos Aires on Saturday to remember the soldiers who died on the
Malvinas Islands in 1982.
"""
THIRD = """\
Islanders vote on fishing rules

Islanders vote on fishing rules

Voters on the Falklands approved new fishing rules on Thursday, the islands' government said.
"""


def test_names_merged_across_extracted_articles(make_project: Callable[..., Path]) -> None:
    project = make_project({"a-claim.txt": FIRST, "b-veterans.txt": SECOND, "c-fishing.txt": THIRD})
    briefing = build_briefing([project / "articles"])
    islands = [p for p in briefing.places if {"Malvinas", "Falkland Islands"} & {p.name, *p.aliases}]
    assert len(islands) == 1, [(p.name, p.aliases) for p in briefing.places]
    assert islands[0].articles == ["a-claim", "b-veterans", "c-fishing"]
    # Stated in one article, "Malvinas Islands" in another, "the Falklands" in the third.
    assert {"Falkland Islands", "Malvinas", "Malvinas Islands"} <= {islands[0].name, *islands[0].aliases}


def test_names_acronym_joins_the_only_organization_it_spells() -> None:
    def org(article_id: str, name: str) -> Organization:
        return Organization(f"{article_id}-{name}", name, mentions=[Mention(name, Provenance(article_id, 1))])

    merged = merge_briefings([
        part("a", [], [org("a", "AP")]), part("b", [], [org("b", "Associated Press")]),
        part("c", [], [org("c", "AP")]),
        part("d", [], [org("d", "IOC")]), part("e", [], [org("e", "International Olympic Committee")]),
        part("f", [], [org("f", "Indian Ocean Commission")]),
    ])
    names = sorted((o.name, sorted(o.aliases), o.articles) for o in merged.organizations)
    assert names == [
        ("Associated Press", ["AP"], ["a", "b", "c"]),
        ("IOC", [], ["d"]),  # two organizations spell it: left alone
        ("Indian Ocean Commission", [], ["f"]),
        ("International Olympic Committee", [], ["e"]),
    ]


def test_names_wrong_alias_does_not_chain_two_known_places() -> None:
    """Datelines such as "PARIS (AFP)" and "BERLIN (AFP)" give two cities the
    same wrong alias: two places of the gazetteer stay two places."""
    merged = merge_briefings([
        part("a", [place("a", "Paris", "AFP", kind="city")]),
        part("b", [place("b", "Berlin", "AFP", kind="city")]),
        part("c", [place("c", "Paris", kind="city")]),
        part("d", [place("d", "AFP")]),
    ])
    names = sorted((p.name, p.articles) for p in merged.places)
    assert ("Berlin", ["b"]) in names and len(names) <= 3
    assert any(name == "Paris" and {"a", "c"} <= set(articles) for name, articles in names)

"""Merging people, organizations and places across one-article briefings."""

from __future__ import annotations

from dossier.model import Article, Briefing, Mention, Paragraph, Person, Place, Provenance
from dossier.resolve.merge import merge_briefings


def part(article_id: str, people: list[Person], places: list[Place] | None = None) -> Briefing:
    article = Article(id=article_id, title=article_id, path=article_id, paragraphs=[Paragraph(1, "x")])
    return Briefing(articles=[article], people=people, places=places or [])


def mention(article_id: str, text: str) -> list[Mention]:
    return [Mention(text, Provenance(article_id, 1, 0, len(text)))]


def test_entities_merge_spelling_variants_and_keep_namesakes_apart() -> None:
    a = part("a", [Person("p1", "Sergei Lavrov", mentions=mention("a", "Sergei Lavrov")),
                   Person("p2", "Shinzo Abe", mentions=mention("a", "Shinzo Abe"))])
    b = part("b", [Person("p1", "Sergey Lavrov", mentions=mention("b", "Sergey Lavrov")),
                   Person("p2", "Shintaro Abe", mentions=mention("b", "Shintaro Abe"))])
    merged = merge_briefings([a, b])
    names = sorted(p.name for p in merged.people)
    assert names == ["Sergei Lavrov", "Shintaro Abe", "Shinzo Abe"]
    lavrov = next(p for p in merged.people if p.name == "Sergei Lavrov")
    assert lavrov.articles == ["a", "b"] and "Sergey Lavrov" in lavrov.aliases


def test_entities_merge_places_through_aliases_and_maps_ids() -> None:
    a = part("a", [], [Place("x", "Iturup", aliases=["Etorofu"], mentions=mention("a", "Iturup"))])
    b = part("b", [], [Place("y", "Etorofu", mentions=mention("b", "Etorofu"))])
    merged = merge_briefings([a, b])
    assert len(merged.places) == 1
    assert merged.places[0].articles == ["a", "b"]


def test_entities_merge_surname_only_joins_the_full_name() -> None:
    a = part("a", [Person("p1", "Taro Kono", mentions=mention("a", "Taro Kono"))])
    b = part("b", [Person("p1", "Kono", mentions=mention("b", "Kono"))])
    merged = merge_briefings([a, b])
    assert [p.name for p in merged.people] == ["Taro Kono"]

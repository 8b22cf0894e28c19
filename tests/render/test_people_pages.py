"""People pages: current role, roles in date order, people mentioned alongside."""

from __future__ import annotations

from dossier.model import Briefing, Mention, Person, Provenance, Role
from dossier.render.people import co_mentioned, current_role, dated_roles


def role(title: str, date: str | None, article: str = "a") -> Role:
    return Role(title, Provenance(article, 1), date=date)


def test_people_current_role_is_latest_formal_title() -> None:
    kishida = Person("k", "Fumio Kishida", roles=[
        role("foreign minister", "2016-05-01"), role("Prime Minister", "2022-03-22"),
        role("former foreign minister", "2022-03-22"), role("Japanese leader", "2022-03-22"),
    ])
    assert current_role(kishida) == "Prime Minister"
    assert dated_roles(kishida)[0].title == "foreign minister"


def test_people_co_mentioned_counts_shared_paragraphs() -> None:
    def m(article: str, paragraph: int) -> Mention:
        return Mention("x", Provenance(article, paragraph))

    a = Person("a", "A", mentions=[m("s", 1), m("s", 2), m("t", 1)])
    b = Person("b", "B", mentions=[m("s", 1), m("t", 1)])
    c = Person("c", "C", mentions=[m("s", 2)])
    d = Person("d", "D", mentions=[m("s", 3)])
    briefing = Briefing(people=[a, b, c, d])
    assert [(p.id, n) for p, n in co_mentioned(briefing, a)] == [("b", 2), ("c", 1)]


def test_people_stated_age_is_dated_by_its_article() -> None:
    from dossier.render.people import stated_ages

    panov = Person("p", "Alexander Panov", roles=[role("72-year-old pro-Japan diplomat", "2016-09-01"),
                                                 role("diplomat", None)])
    assert [(age, year) for age, year, _ in stated_ages(panov)] == [(72, 2016)]

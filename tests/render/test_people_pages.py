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


def test_a_title_stated_by_many_sources_is_one_line_with_every_citation() -> None:
    from dossier.render.people import role_lines, stated_ages

    leader = Person("a", "Ana Example", roles=[
        role("Prime Minister", "2016-05-06/2016-09-01", "s2"), role("Prime Minister", "2013", "s1"),
        role("prime minister", "2020-08-28", "s3"), role("former Prime Minister", "2022-07-08", "s4"),
        role("Prime Minister", None, "s5"), role("66-year-old Prime Minister", "2020-08-28", "s3"),
        role("66-year-old leader", "2020-08-28", "s6"),
    ])
    lines = role_lines(leader)
    assert [line.title for line in lines] == ["Prime Minister", "66-year-old Prime Minister", "66-year-old leader",
                                             "former Prime Minister"]
    prime = lines[0]
    assert [w.article for w in prime.wheres] == ["s1", "s2", "s3", "s5"]
    assert (prime.first, prime.last, prime.date) == ("2013", "2020-08-28", "2013/2020-08-28")
    assert lines[-1].date == "2022-07-08" and lines[-1].wheres == [Provenance("s4", 1)]
    assert stated_ages(leader) == [(66, 2020, [Provenance("s3", 1), Provenance("s6", 1)])]


def test_the_roles_of_a_page_past_one_source_read_as_one_line_each() -> None:
    from dossier.model import Article, Paragraph
    from dossier.render import make_environment, render_pages
    from dossier.render.paths import page_path
    from dossier.settings import Settings

    person = Person("p", "Ana Example", roles=[role("Prime Minister", f"201{n}", f"s{n}") for n in range(9)])
    articles = [Article(f"s{n}", f"Story {n}", f"s{n}.txt", [Paragraph(1, "She spoke.")]) for n in range(9)]
    page = render_pages(Briefing(articles=articles, people=[person]), Settings(title="T"), make_environment(None))
    roles = page[page_path(person)].split("## Roles")[1].split("##")[0]
    assert roles.count("\n- ") == 1
    assert "- Prime Minister (2010 – 2018) [S1&nbsp;¶1]" in roles and "and 3 more paragraphs" in roles

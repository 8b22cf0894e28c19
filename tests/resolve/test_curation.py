"""The curation file: loading with line-numbered errors, and its effects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dossier.errors import CurationError
from dossier.model import Article, Briefing, Mention, Paragraph, Person, Place, Provenance, Quote, Role
from dossier.resolve.curation import apply_curation, load_curation


def briefing() -> Briefing:
    arts = [Article(id=i, title=i, path=i, paragraphs=[Paragraph(1, "x")]) for i in ("a", "b")]
    where_a, where_b = Provenance("a", 1), Provenance("b", 1)
    abe = Person("shinzo-abe", "Shinzo Abe", roles=[Role("Prime Minister", where_a), Role("former foreign minister",
                 where_b)], mentions=[Mention("Abe", where_a), Mention("Abe", where_b)])
    return Briefing(
        articles=arts,
        people=[abe, Person("vestnik", "Vestnik Kavkaza", mentions=[Mention("Vestnik Kavkaza", where_a)]),
                Person("abe-shinzo", "Abe Shinzo", mentions=[Mention("Abe Shinzo", where_a)])],
        places=[Place("northern-territories", "Northern Territories")],
        quotes=[Quote("q1", "hello", where_b, speaker="shinzo-abe"), Quote("q2", "hi", where_a, speaker="abe-shinzo")],
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dossier.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_curation_merge_split_exclude_alias_and_roles(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        people:
          - name: Shinzo Abe
            merge: [Abe Shinzo]
            remove_roles: [former foreign minister]
            roles: [{title: LDP president, date: 2018-09-20}]
            description: Prime Minister of Japan.
            split:
              - {name: Shintaro Abe, articles: [b]}
          - name: Vestnik Kavkaza
            exclude: true
        places:
          - name: Northern Territories
            aliases: [Southern Kuril Islands]
        """)
    b = briefing()
    apply_curation(b, path)
    names = sorted(p.name for p in b.people)
    assert names == ["Shintaro Abe", "Shinzo Abe"]
    abe = next(p for p in b.people if p.name == "Shinzo Abe")
    assert abe.curated and "Abe Shinzo" in abe.aliases
    assert [r.title for r in abe.roles] == ["Prime Minister", "LDP president"]
    assert abe.roles[-1].curated and abe.roles[-1].date == "2018-09-20"
    assert {m.where.article for m in abe.mentions} == {"a"}
    shintaro = next(p for p in b.people if p.name == "Shintaro Abe")
    assert {q.id: q.speaker for q in b.quotes} == {"q1": shintaro.id, "q2": "shinzo-abe"}
    assert b.places[0].aliases == ["Southern Kuril Islands"] and b.places[0].curated


@pytest.mark.parametrize("text, line, words", [
    ("people:\n  - name: X\n    colour: red\n", 3, "unknown key 'colour'"),
    ("people:\n  - name: X\n  - aliases: [Y]\n", 3, "expected a 'name'"),
    ("meetings:\n  - name: X\n", 1, "unknown section 'meetings'"),
    ("people:\n  - name: X\n    exclude: maybe\n", 3, "expected true or false"),
    ("people:\n  - name: [unclosed\n", 3, "not valid YAML"),
])
def test_curation_errors_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as caught:
        load_curation(path)
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(path) in str(caught.value)


def test_curation_unknown_entity_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "people:\n  - name: Nobody Known\n    aliases: [N]\n")
    with pytest.raises(CurationError, match="no entity named 'Nobody Known'") as caught:
        apply_curation(briefing(), path)
    assert caught.value.line == 2

"""Curation of events: the curation file merges two events, splits one,
renames a title and pins a page name, and the judgements are re-applied
over the machine's clustering on every build."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dossier.errors import CurationError
from dossier.model import Article, Briefing, Document, Event, EventReport, Paragraph, Provenance
from dossier.resolve.curation import apply_curation


def briefing() -> Briefing:
    arts = [Article(id=i, title=i, path=i, paragraphs=[Paragraph(1, "x")]) for i in ("a", "b", "c")]

    def report(article: str, date: str) -> EventReport:
        return EventReport(Provenance(article, 1), f"sentence of {article}", "held", date, date)

    talks = Event("2016-x-y-talks", "X–Y talks", "talks", "2016-12-15", None, ["x", "y"],
                  reports=[report("a", "2016-12-15"), report("b", "2016-12-16")], documents=["doc"])
    visit = Event("2016-x-s-visit-to-japan", "X’s visit to Japan", "visit", "2016", "japan", ["x"],
                  reports=[report("c", "2016")])
    return Briefing(articles=arts, events=[talks, visit],
                    documents=[Document("doc", "Joint Statement", "statement", events=["2016-x-y-talks"])])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dossier.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_curation_events_merge_split_rename_and_pin(tmp_path: Path) -> None:
    b = briefing()
    apply_curation(b, write(tmp_path, """\
        events:
          - name: X–Y talks
            merge: [X’s visit to Japan]
            split:
              - {name: X–Y talks in Tokyo, articles: [b]}
            rename: X–Y summit in Nagato
            id: x-y-summit
        """))
    assert [e.id for e in b.events] == ["x-y-summit", "2016-x-y-talks-in-tokyo"]
    summit, tokyo = b.events
    assert summit.title == "X–Y summit in Nagato" and summit.curated
    assert summit.articles == ["a", "c"]
    assert summit.place == "japan"
    assert summit.date == "2016-12-15"
    assert tokyo.articles == ["b"] and tokyo.date == "2016-12-16" and tokyo.curated
    assert b.documents[0].events == ["x-y-summit", "2016-x-y-talks-in-tokyo"]


def test_curation_events_exclude(tmp_path: Path) -> None:
    b = briefing()
    apply_curation(b, write(tmp_path, "events:\n  - {name: 2016-x-s-visit-to-japan, exclude: true}\n"))
    assert [e.id for e in b.events] == ["2016-x-y-talks"]


@pytest.mark.parametrize(("text", "words"), [
    ("events:\n  - {name: No such event}\n", "no event titled 'No such event'"),
    ("events:\n  - {name: X–Y talks, merge: [Nothing]}\n", "'merge' names 'Nothing'"),
    ("events:\n  - {name: X–Y talks, split: [{name: T, articles: [a, b]}]}\n", "must take some of its reports"),
    ("events:\n  - {name: X–Y talks, id: Not A Slug}\n", "expected a page name"),
    ("events:\n  - {name: X–Y talks, when: 2016}\n", "unknown key 'when'"),
])
def test_curation_events_errors_name_the_problem(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(CurationError, match=words) as info:
        apply_curation(briefing(), write(tmp_path, text))
    assert "dossier.yml" in str(info.value)


def test_cli_review_lists_least_certain_merges_first(capsys: pytest.CaptureFixture[str]) -> None:
    from dossier.cli import main

    folder = Path(__file__).parent / "fixtures" / "five_ways"
    assert main(["review", str(folder), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "events merge reports of several articles" in lines[0]
    head = next(line for line in lines if line[:1].isdigit() and "  2021-" in line)
    assert float(head.split()[0]) >= 1.0
    assert sum(1 for line in lines if "¶" in line) == 5  # the five reports of the Lisbon talks, cited
    assert any("pairs of events were kept apart" in line for line in lines)

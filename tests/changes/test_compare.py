"""`compare`: what changed between two models, matched across renamed ids."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dossier.changes import compare
from dossier.export import briefing_to_dict
from dossier.model import Briefing
from dossier.pipeline import build_briefing
from tests.changes.articles import HELD, PLANNED


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "01-planned.md").write_text(PLANNED, encoding="utf-8")
    old = briefing_to_dict(build_briefing([folder]))
    (folder / "02-held.md").write_text(HELD, encoding="utf-8")
    new = briefing_to_dict(build_briefing([folder]))
    return old, new


def test_compare_nothing_changed_gives_no_change(models: tuple[dict, dict], seed_briefing: Briefing) -> None:
    _, new = models
    assert not compare(new, copy.deepcopy(new)).items
    seed = briefing_to_dict(seed_briefing)
    assert not compare(seed, copy.deepcopy(seed)).items


def test_compare_added_article_new_source_status_and_role(models: tuple[dict, dict]) -> None:
    old, new = models
    changes = compare(old, new)
    assert [c.entity for c in changes.section("sources")] == ["02-held"]
    status = [c for c in changes.section("events") if c.kind == "status"]
    assert [(c.before, c.after) for c in status] == [("scheduled", "held")]
    assert {c.article for c in status[0].cites} == {"02-held"}, "the status change cites the article that changed it"
    roles = changes.section("roles")
    assert [(c.label, c.entity) for c in roles] == [("Clara Voss", "clara-voss")]
    assert "Prime Minister" in roles[0].detail and roles[0].cites[0].article == "02-held"
    assert changes.section("quotes") and all(c.cites[0].article == "02-held" for c in changes.section("quotes"))
    assert not changes.section("people"), "known people are not new"
    assert changes.is_new(changes.section("events")[-1].entity) or status


def test_compare_renamed_ids_are_matched_not_new(models: tuple[dict, dict]) -> None:
    """Ids change as extraction improves: an entity matched by name, an
    event by title and date or by its reports, is not reported as new."""
    old, new = models
    renamed = copy.deepcopy(new)
    for group in ("people", "places", "organizations", "events", "documents"):
        for item in renamed[group]:
            item["id"] = "renamed-" + item["id"]
    plain = {(c.section, c.kind, c.label, c.before, c.after) for c in compare(old, new).items}
    moved = {(c.section, c.kind, c.label, c.before, c.after) for c in compare(old, renamed).items}
    assert moved == plain


def test_compare_moved_event_cites_the_source_that_moved_it(models: tuple[dict, dict]) -> None:
    _, new = models
    later = copy.deepcopy(new)
    event = next(e for e in later["events"] if e["status"] == "held" and "Geneva" in e["title"])
    before = event["date"]
    event["date"] = "2019-03-05"
    event["reports"][-1]["date"] = "2019-03-05"
    changes = compare(new, later)
    moved = [c for c in changes.items if c.kind == "moved"]
    assert [(c.entity, c.before, c.after) for c in moved] == [(event["id"], before, "2019-03-05")]
    assert moved[0].cites and moved[0].page == f"events/{event['id']}.md"


def test_compare_new_provision_of_known_document() -> None:
    doc = {"id": "d", "name": "Accord on rivers", "kind": "agreement", "date": "2019", "aliases": [],
           "provisions": ["share the water"], "provision_sources": [], "mentions": []}
    later = copy.deepcopy(doc)
    later["provisions"].append("build a dam")
    later["provision_sources"] = [{"text": "build a dam", "article": "a2", "paragraph": 4}]
    changes = compare({"articles": [], "documents": [doc]}, {"articles": [], "documents": [later]})
    assert [(c.section, c.detail, c.cites[0].paragraph) for c in changes.items] == [("provisions", "build a dam", 4)]


def test_compare_another_report_of_a_known_quotation_is_not_new() -> None:
    def quote(qid: str, article: str, **more: object) -> dict:
        return {"id": qid, "speaker": "p", "text": "We will take a new approach", "article": article,
                "paragraph": 1, **more}

    old = {"articles": [], "quotes": [quote("q1", "a1", other_sources=[])]}
    # A second article reports the same words: folded into the known quotation.
    again = {"articles": [], "quotes": [quote("q1", "a1", other_sources=[{"id": "q7", "article": "a2"}]),
                                        quote("q7", "a2", same_as="q1")]}
    assert not compare(old, again).items
    # An earlier report now heads the quotation: still not a new one.
    earlier = {"articles": [], "quotes": [quote("q9", "a0", other_sources=[{"id": "q1", "article": "a1"}]),
                                          quote("q1", "a1", same_as="q9")]}
    assert not compare(old, earlier).items
    fresh = {"articles": [], "quotes": [*old["quotes"], {**quote("q2", "a2"), "text": "Something else entirely"}]}
    assert [c.entity for c in compare(old, fresh).items] == ["q2"]


def test_cli_diff_text_and_json(models: tuple[dict, dict], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dossier.cli import main

    old_path, new_path = tmp_path / "old.json", tmp_path / "new.json"
    old_path.write_text(json.dumps(models[0]), encoding="utf-8")
    new_path.write_text(json.dumps(models[1]), encoding="utf-8")
    assert main(["diff", str(old_path), str(new_path)]) == 0
    text = capsys.readouterr().out
    assert "New sources (1)" in text and "scheduled -> held" in text and "Clara Voss" in text
    assert "[S2 ¶1]" in text, "citations use the new model's source labels"
    assert main(["diff", str(old_path), str(new_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["after"] for c in data["sections"]["events"] if c["kind"] == "status"] == ["held"]
    assert main(["diff", str(new_path), str(new_path)]) == 0
    assert capsys.readouterr().out.startswith("no changes since")


def test_cli_diff_bad_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dossier.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["diff", str(bad), str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "not JSON" in err
    assert main(["diff", str(tmp_path / "missing.json"), str(bad)]) == 1
    assert "missing.json" in capsys.readouterr().err

"""`dossier extract --format ftm`: FollowTheMoney entities that the
followthemoney library itself accepts, with the articles as provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.export_ftm import briefing_to_ftm, ftm_date, ftm_id, ftm_interval
from dossier.model import Briefing
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def entities(seed_briefing: Briefing) -> list[dict]:
    return [json.loads(line) for line in briefing_to_ftm(seed_briefing).splitlines()]


def test_export_ftm_validates_with_the_library(entities: list[dict]) -> None:
    from followthemoney import model

    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), "entity ids are unique"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        schema.validate(data)  # raises InvalidData on a bad value
        proxy = model.get_proxy(data, cleaned=False)  # cleans every value again
        assert proxy.to_dict()["properties"] == data["properties"], f"{data['id']}: values were not clean"
        for prop in schema.required:
            assert proxy.get(prop), f"{data['id']}: required {prop} missing"
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for value in proxy.get(prop):
                    assert value in ids, f"{data['id']}.{prop.name} points at {value}, not in the export"


def test_export_ftm_covers_the_model_with_provenance(entities: list[dict], seed_briefing: Briefing) -> None:
    by_schema: dict[str, list[dict]] = {}
    for e in entities:
        by_schema.setdefault(e["schema"], []).append(e)
    assert len(by_schema["Article"]) == len(seed_briefing.articles)
    assert len(by_schema["Person"]) == len(seed_briefing.people)
    assert len(by_schema["Organization"]) == len(seed_briefing.organizations)
    assert len(by_schema.get("Address", [])) + len(by_schema.get("Territory", [])) == len(seed_briefing.places)
    assert len(by_schema["Event"]) == len(seed_briefing.events)
    assert len(by_schema.get("Contract", [])) == len(seed_briefing.documents)
    assert len(by_schema["Note"]) == len(seed_briefing.quotes)
    article = ftm_id("src", seed_briefing.articles[0].id)
    for schema in ("Person", "Organization", "Event", "Note"):
        assert all(article in e["properties"]["proof"] for e in by_schema[schema]), f"{schema} without proof"
    putin = next(e for e in by_schema["Person"] if e["properties"]["name"] == ["Vladimir Putin"])
    mentions = [m for m in by_schema["Mention"] if m["properties"]["resolved"] == [putin["id"]]]
    assert mentions and mentions[0]["properties"]["document"] == [article]
    japan = next(e for e in entities if e["properties"].get("name") == ["Japan"])
    assert japan["schema"] == "Territory" and japan["properties"]["country"] == ["jp"]
    speakers = {s for n in by_schema["Note"] for s in n["properties"].get("entity", [])}
    assert putin["id"] in speakers or any(p["id"] in speakers for p in by_schema["Person"])


def test_export_ftm_dates_and_ids() -> None:
    assert ftm_date("2016-09-02") == "2016-09-02"
    assert ftm_date("2016-10~") == "2016-10"
    assert ftm_date("2018-23") == "2018", "a season is kept as its year"
    assert ftm_interval("2016-09-02/2016-09-03") == ("2016-09-02", "2016-09-03")
    assert ftm_interval("../2016") == (None, "2016")
    assert ftm_id("src", "a-b.c") == "dossier-src-a-b.c"
    unsafe = ftm_id("src", "000_x")
    assert unsafe.startswith("dossier-src-000-x-") and unsafe != ftm_id("src", "000-x")


def test_cli_extract_format_ftm(capsys: pytest.CaptureFixture[str]) -> None:
    from dossier.cli import main

    seed = next(p for p in Path(SEEDS).iterdir() if p.suffix == ".txt")
    assert main(["extract", "--format", "ftm", str(seed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["schema"] for line in lines)

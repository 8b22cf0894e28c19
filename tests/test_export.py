"""The JSON export satisfies the briefing-model contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.export import briefing_to_dict, briefing_to_json, dumps_indented
from dossier.model import Briefing

SCHEMA = Path(__file__).parent / "contract" / "briefing-model.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_export_seed_validates_against_contract(seed_briefing: Briefing, validator: jsonschema.Validator) -> None:
    data = json.loads(briefing_to_json(seed_briefing))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    assert data["articles"] and data["people"]


def test_export_empty_briefing_validates(validator: jsonschema.Validator) -> None:
    validator.validate(briefing_to_dict(Briefing()))


def test_export_references_point_at_exported_ids(seed_briefing: Briefing) -> None:
    data = briefing_to_dict(seed_briefing)
    people = {p["id"] for p in data["people"]}
    places = {p["id"] for p in data["places"]}
    articles = {a["id"] for a in data["articles"]}
    for quote in data["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in people
        assert quote["article"] in articles
    for event in data["events"]:
        assert set(event["participants"]) <= people
        assert event["place"] is None or event["place"] in places


def test_export_provenance_inside_paragraphs(seed_briefing: Briefing) -> None:
    data = briefing_to_dict(seed_briefing)
    lengths = {
        (a["id"], p["number"]): len(p["text"]) for a in data["articles"] for p in a["paragraphs"]
    }
    for person in data["people"]:
        for mention in person["mentions"]:
            length = lengths[(mention["article"], mention["paragraph"])]
            assert 0 <= mention["start"] <= mention["end"] <= length


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_JSON_VALUES, st.sampled_from([0, 1, 2]))
def test_export_dumps_indented_writes_what_json_dumps_writes(value: object, indent: int) -> None:
    assert dumps_indented(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)

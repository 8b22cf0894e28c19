"""A story saved twice or syndicated: one source in the dossier, its copies
listed on that source's page, its facts not doubled, in the site and the
JSON export alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from dossier.export import briefing_to_dict
from dossier.pipeline import build_briefing
from tests.conftest import mkdocs_build, mkdocs_yml

BODY = """\
The harbour authority of Valdemar agreed on Tuesday to lease its northern container terminal to a
consortium of three shipping lines for twenty-five years, ending months of talks.

Under the agreement the consortium will invest about 400 million euros in new cranes and a rail link,
and the authority keeps a seat on the board that runs the terminal.

"This is the largest investment the port has seen since it was rebuilt," said Maria Lindqvist, who
chairs the authority, at a news conference in the old customs house.

Unions had warned that automation would cost jobs. The consortium promised to keep every dock worker
employed for at least ten years and to train two hundred apprentices.

Opposition councillors said the lease was too long and asked for the contract to be published in full
before the city council votes on it next month.
"""
ORIGINAL = f"---\ntitle: Port lease agreed\ndate: 2024-03-05\nsource: Valdemar Post\n---\n\n{BODY}"
# Syndicated a day later: another headline, a dateline, the last paragraph cut.
SYNDICATED = (
    "---\ntitle: Shipping lines win terminal lease\ndate: 2024-03-06\nsource: Coastal Wire\n---\n\n"
    f"VALDEMAR (Coastal Wire) - {BODY.rsplit(chr(10) * 2, 1)[0]}\n"
)
OTHER = """\
---
title: Pools to close for repairs
date: 2024-03-07
source: Valdemar Post
---

The city council of Ostberg voted on Wednesday to close two of its four public swimming pools for repairs,
after inspectors found cracks in the roofs of both buildings, said Jonas Berg, the council's leader.
"""
SCHEMA = Path(__file__).resolve().parent.parent / "contract" / "briefing-model.schema.json"


def test_duplicate_article_counts_once_and_is_listed(make_project: Callable[..., Path]) -> None:
    project = make_project(
        {"port.md": ORIGINAL, "resaved-port.md": ORIGINAL, "port-wire.md": SYNDICATED, "pools.md": OTHER},
        config=mkdocs_yml(pdf="false"),
    )
    briefing = build_briefing([project / "articles"])
    assert [a.id for a in briefing.articles] == ["pools", "port"]
    assert sorted((a.id, a.duplicate_of) for a in briefing.duplicates) == [
        ("port-wire", "port"), ("resaved-port", "port")
    ]
    single = build_briefing([project / "articles" / "port.md"])
    lindqvist = next(p for p in briefing.people if p.name == "Maria Lindqvist")
    alone = next(p for p in single.people if p.name == "Maria Lindqvist")
    assert lindqvist.articles == ["port"] and len(lindqvist.mentions) == len(alone.mentions)
    assert len(briefing.quotes) == len(single.quotes) + sum(q.where.article == "pools" for q in briefing.quotes)

    site = mkdocs_build(project)
    page = (site / "sources" / "port" / "index.html").read_text(encoding="utf-8")
    assert "Also published by" in page
    assert "Coastal Wire" in page and "port-wire.md" in page and "resaved-port.md" in page
    copy_page = (site / "sources" / "port-wire" / "index.html").read_text(encoding="utf-8")
    assert "Copy of" in copy_page and "near-duplicate of" in copy_page and 'href="../port/"' in copy_page
    assert "Also published by" not in copy_page
    assert "Also published by" not in (site / "sources" / "pools" / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "built from 2 source articles" in home and "2 near-duplicate copies" in home
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "+2 copies" in sources


def test_duplicate_article_export_lists_copies_with_their_facts(make_project: Callable[..., Path]) -> None:
    project = make_project({"port.md": ORIGINAL, "port-wire.md": SYNDICATED})
    data = briefing_to_dict(build_briefing([project / "articles"]))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)
    articles = {a["id"]: a for a in data["articles"]}
    assert articles["port-wire"]["duplicate_of"] == "port" and articles["port"]["copies"] == ["port-wire"]
    lindqvist = next(p for p in data["people"] if p["name"] == "Maria Lindqvist")
    assert lindqvist["articles"] == ["port", "port-wire"]
    copied = [m for m in lindqvist["mentions"] if m["article"] == "port-wire"]
    assert copied and all(m["duplicate_of"] == "port" for m in copied)
    # The copy's paragraph numbers are its own: its dateline shifted nothing, its text is the same.
    wire_paragraphs = {p["number"]: p["text"] for p in articles["port-wire"]["paragraphs"]}
    assert all("Maria Lindqvist" in wire_paragraphs[m["paragraph"]] for m in copied)
    quotes = [q for q in data["quotes"] if q["text"].startswith("This is the largest")]
    assert sorted(q["article"] for q in quotes) == ["port", "port-wire"]
    assert len({q["id"] for q in quotes}) == 2

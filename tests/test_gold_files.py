"""The gold files that the scorers read stay well formed as people edit them:
every article exists, every quote's first words are in its article, every
speaker and participant is one of the article's people, every date is one the
scorers can read, and clustered sets give every person, event and document a
`cluster` key. Only the structure is checked here, never the extractor."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLD_FILES = {
    "realnews": (REPO / "tests" / "realnews" / "gold.json", True),
    "heldout3": (REPO / "tests" / "heldout3" / "gold.json", True),
    "heldout": (REPO / "tests" / "heldout" / "gold.json", False),
    "heldout2": (REPO / "tests" / "heldout2" / "gold.json", False),
    "corpus": (REPO.parent / "shared" / "corpus" / "gold.json", True),
}
KEYS = ["id", "file", "published", "people", "organizations", "places", "events", "documents", "quotes"]
PREFIX = {"people": "per:", "events": "ev:", "documents": "doc:"}
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _present(name: str) -> tuple[Path, bool]:
    path, clustered = GOLD_FILES[name]
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path, clustered


def _article_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())


def _date_ok(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    parts = value.split("/")
    return len(parts) <= 2 and all(_DATE.fullmatch(p) for p in parts) and (len(parts) == 1 or parts[0] <= parts[1])


def _problems(path: Path, clustered: bool) -> list[str]:
    entries = json.loads(path.read_text(encoding="utf-8"))
    out: list[str] = []
    ids = [e.get("id") for e in entries]
    if len(set(ids)) != len(ids):
        out.append("duplicate article ids")
    for e in entries:
        where = e.get("id")
        if list(e) != KEYS:
            out.append(f"{where}: keys {list(e)}, expected {KEYS}")
            continue
        article = path.parent / e["file"]
        if not article.is_file():
            out.append(f"{where}: no file {e['file']}")
            continue
        if Path(e["file"]).stem != e["id"]:
            out.append(f"{where}: id is not the file name without its extension")
        if not _date_ok(e["published"]):
            out.append(f"{where}: published {e['published']!r}")
        text = _article_text(article)
        names = [p["name"] for p in e["people"]]
        if len(set(names)) != len(names):
            out.append(f"{where}: a person is listed twice")
        speakers = {q["speaker"] for q in e["quotes"]}
        for p in e["people"]:
            if p["quoted"] != (p["name"] in speakers):
                out.append(f"{where}: {p['name']}: 'quoted' is {p['quoted']} but the quotes say otherwise")
        for q in e["quotes"]:
            if q["speaker"] is not None and q["speaker"] not in names:
                out.append(f"{where}: quote speaker {q['speaker']!r} is not one of the article's people")
            words = " ".join(q["first_words"].split())
            if words not in text:
                out.append(f"{where}: quote {q['first_words']!r} is not in the article")
        for ev in e["events"]:
            if not _date_ok(ev["date"]) or ev["date"] is None:
                out.append(f"{where}: event {ev['what']!r} has date {ev['date']!r}")
            for n in ev["participants"]:
                if n not in names:
                    out.append(f"{where}: participant {n!r} of {ev['what']!r} is not one of the article's people")
        for d in e["documents"]:
            if not _date_ok(d["date"]):
                out.append(f"{where}: document {d['name']!r} has date {d['date']!r}")
        if clustered:
            for cat, prefix in PREFIX.items():
                keys = [x.get("cluster") for x in e[cat]]
                for x, key in zip(e[cat], keys, strict=True):
                    if not isinstance(key, str) or not key.startswith(prefix):
                        out.append(f"{where}: {cat} {x.get('name') or x.get('what')!r} has cluster {key!r}")
                if cat != "people" and len(set(keys)) != len(keys):
                    out.append(f"{where}: two {cat} share one cluster key")
    return out


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_gold_file_is_well_formed(name: str) -> None:
    path, clustered = _present(name)
    assert _problems(path, clustered) == []


def test_checker_finds_a_quote_that_is_not_in_the_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('Title\n\nTitle\n\n"We agree," she said.', encoding="utf-8")
    entry = {"id": "a", "file": "a.txt", "published": "2020-01-02",
             "people": [{"name": "Ann Lee", "roles": [], "quoted": True, "cluster": "per:ann-lee"}],
             "organizations": [], "places": [],
             "events": [{"what": "x", "date": "2020-01/2019-12", "place": None, "participants": ["Bo Chen"],
                         "cluster": "ev:x"}],
             "documents": [], "quotes": [{"speaker": "Ann Lee", "first_words": "We disagree,"}]}
    (tmp_path / "gold.json").write_text(json.dumps([entry]), encoding="utf-8")
    found = _problems(tmp_path / "gold.json", True)
    assert any("'We disagree,' is not in the article" in p for p in found)
    assert any("has date '2020-01/2019-12'" in p for p in found)
    assert any("'Bo Chen'" in p for p in found)

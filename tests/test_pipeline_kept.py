"""What a `mkdocs serve` process keeps between rebuilds (the one-article
briefings as objects, `dossier.pipeline.extract_cached`; resolve's memos,
`dossier.resolve.memo`) never changes the model: resolving leaves its
inputs as they were, and a rebuild with the kept state gives the briefing a
fresh process gives after an article changes, is added or is removed."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
import yaml

from dossier import pipeline
from dossier.cache import DiskCache
from dossier.export import briefing_to_json
from dossier.ingest import load_articles
from dossier.model import Briefing
from dossier.progress import Reporter, reporting
from dossier.resolve import fold_quotes, merge_briefings
from dossier.resolve.curation import apply_curation
from tests.conftest import REPO

HELDOUT = REPO / "tests" / "heldout"
ARTICLES = sorted(p for p in HELDOUT.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md")
EDIT = '\n\n"We will come back to the table in the spring," said Maria Keller, a government spokeswoman.\n'


def _curation(briefing: Briefing, path: Path) -> Path:
    """A curation file that merges, splits, renames and excludes entities
    and events of `briefing`, chosen from what it holds."""
    people = [p for p in briefing.people if len(p.articles) == 1]
    several = next(p for p in briefing.people if len(p.articles) >= 2)
    events = [e for e in briefing.events if not e.curated]
    orgs = briefing.organizations
    text = {
        "people": [
            {"name": people[0].id, "merge": [people[1].id], "aliases": ["A curated alias"],
             "roles": [{"title": "Curated role", "date": "2020-01-02"}]},
            {"name": several.id, "split": [{"name": "A split person", "articles": [several.articles[0]]}]},
            {"name": people[2].id, "exclude": True},
        ],
        "organizations": [{"name": orgs[0].id, "rename": "A curated name", "notes": ["A curated note."]}],
        "events": [
            {"name": events[0].id, "merge": [events[1].id], "rename": "A curated event"},
            {"name": events[2].id, "exclude": True},
        ],
    }
    path.write_text(yaml.safe_dump(text, allow_unicode=True), encoding="utf-8")
    return path


def _resolve(parts: list[Briefing], curation: Path | None) -> Briefing:
    briefing = merge_briefings(parts)
    if curation is not None:
        apply_curation(briefing, curation)
    briefing.quotes = fold_quotes(briefing.quotes)
    return briefing


def test_resolving_leaves_the_one_article_briefings_as_they_were(tmp_path: Path) -> None:
    pipeline.clear_memory_cache()
    parts = pipeline.extract_cached(load_articles([HELDOUT]).articles, pipeline.DEFAULT_MODEL)
    before = [pickle.dumps(part) for part in parts]
    curation = _curation(_resolve(parts, None), tmp_path / "dossier.yml")
    assert [pickle.dumps(part) for part in parts] == before
    curated = _resolve(parts, curation)
    assert [pickle.dumps(part) for part in parts] == before
    assert any(p.curated for p in curated.people) and any(e.curated for e in curated.events)
    # Twice over the same objects (the second time from the memos): the same model.
    assert briefing_to_json(_resolve(parts, curation)) == briefing_to_json(curated)
    assert [pickle.dumps(part) for part in parts] == before


def _build(folder: Path, cache: DiskCache, curation: Path | None) -> tuple[str, int]:
    """The briefing's JSON, and how many articles were extracted."""
    reporter = Reporter()
    with reporting(reporter):
        briefing = pipeline.build_briefing([folder], cache=cache, curation=curation)
    (stage,) = [s for s in reporter.stages if s.name == "extract"]
    return briefing_to_json(briefing), stage.count


def _fresh(folder: Path, cache: DiskCache, curation: Path | None) -> str:
    """As a new process builds it: extractions from the disk cache, nothing kept."""
    pipeline.clear_memory_cache()
    return _build(folder, cache, curation)[0]


@pytest.mark.slow
def test_rebuild_with_the_kept_state_gives_the_briefing_of_a_fresh_resolve(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in ARTICLES[:-1]:
        shutil.copy(path, folder / path.name)
    cache = DiskCache(tmp_path / "cache")
    pipeline.clear_memory_cache()
    first, _ = _build(folder, cache, None)
    # The people and events of the articles no step below touches are curated.
    kept_articles = {a.id for a in load_articles([folder]).articles[1:-1]}
    parts = pipeline.extract_cached(load_articles([folder]).articles, pipeline.DEFAULT_MODEL, cache=cache)
    again = pipeline.extract_cached(load_articles([folder]).articles, pipeline.DEFAULT_MODEL, cache=cache)
    assert all(a is b for a, b in zip(parts, again, strict=True))  # kept as objects, not made again
    stable = merge_briefings([p for p in parts if p.articles[0].id in kept_articles])
    curation = _curation(stable, tmp_path / "dossier.yml")
    assert _build(folder, cache, curation)[0] == _fresh(folder, cache, curation) != first

    steps = [
        ("changed", lambda: (folder / ARTICLES[0].name).write_text(
            ARTICLES[0].read_text(encoding="utf-8").rstrip("\n") + EDIT, encoding="utf-8"), 1),
        ("added", lambda: shutil.copy(ARTICLES[-1], folder / ARTICLES[-1].name), 1),
        ("removed", lambda: (folder / ARTICLES[-2].name).unlink(), 0),
        ("changed back", lambda: shutil.copy(ARTICLES[0], folder / ARTICLES[0].name), 0),
    ]
    for name, step, extracted in steps:
        _build(folder, cache, curation)  # the state the step's rebuild keeps
        step()
        kept, count = _build(folder, cache, curation)
        assert count == extracted, name
        if name.startswith("changed"):  # the article's earlier extraction is not kept beside the new one
            assert len(pipeline._EXTRACTED) == len(list(folder.iterdir())), name
        assert kept == _fresh(folder, cache, curation), name

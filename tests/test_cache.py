"""The on-disk cache: hit, miss, invalidation when the model or the code
changes, a damaged entry, two builds writing at once; a warm build
re-extracts only the article that changed."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from dossier import cache as cache_module
from dossier import pipeline
from dossier.cache import DiskCache, code_version, project_cache
from dossier.export import briefing_to_json
from dossier.ingest import load_articles
from dossier.progress import Reporter, reporting

ARTICLES = {
    "oslo.txt": "Ministers meet in Oslo\n\nMinisters meet in Oslo\n\nForeign Minister Anna Lind met John Smith in "
                "Oslo on Monday.\n",
    "rome.txt": "Talks in Rome\n\nTalks in Rome\n\nJane Doe, the trade minister, arrived in Rome on Tuesday.\n",
    "bonn.txt": "Summit in Bonn\n\nSummit in Bonn\n\nPeter Brown said the summit in Bonn would start on Friday.\n",
}


def _write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _extracted(folder: Path, cache: DiskCache | None, model: str = pipeline.DEFAULT_MODEL) -> tuple[int, list]:
    """(articles extracted, not found in a cache), the briefings."""
    pipeline.clear_memory_cache()  # as a new process would: only the disk cache is left
    reporter = Reporter()
    with reporting(reporter):
        parts = pipeline.extract_cached(load_articles([folder]).articles, model, cache=cache)
    (stage,) = [s for s in reporter.stages if s.name == "extract"]
    return stage.count, parts


def test_cache_put_then_get_is_a_hit(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path / "c")
    assert cache.get("extract", "ab" * 32) is None
    cache.put("extract", "ab" * 32, {"value": [1, 2]})
    assert cache.get("extract", "ab" * 32) == {"value": [1, 2]}
    assert (cache.hits, cache.misses) == (1, 1)
    assert (tmp_path / "c" / ".gitignore").read_text() == "*\n"


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_cache_damaged_entry_is_dropped_and_remade(tmp_path: Path, damage: str) -> None:
    cache = DiskCache(tmp_path)
    key = "cd" * 32
    cache.put("extract", key, list(range(1000)))
    (entry,) = (tmp_path / "extract").rglob(key)
    data = entry.read_bytes()
    entry.write_bytes({"truncate": data[: len(data) // 2], "flip": data[:-10] + b"x" + data[-9:],
                       "garbage": b"not a cache entry", "empty": b""}[damage])
    assert cache.get("extract", key) is None
    assert cache.damaged == 1 and not entry.exists()
    cache.put("extract", key, [1])
    assert cache.get("extract", key) == [1]


def test_cache_unwritable_folder_is_not_an_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = DiskCache(blocker / "cache")
    cache.put("extract", "ef" * 32, 1)
    cache.put("extract", "fe" * 32, 2)
    assert cache.get("extract", "ef" * 32) is None
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "cannot write the cache" in warnings[0].getMessage()


def _writer(args: tuple[str, int]) -> int:
    root, seed = args
    cache = DiskCache(Path(root))
    bad = 0
    for i in range(150):
        key = f"{(i * 7 + seed) % 40:064x}"
        cache.put("extract", key, [key] * 200)
        value = cache.get("extract", key)
        bad += value is not None and value != [key] * 200
    return bad


def test_cache_two_builds_writing_at_once(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        assert pool.map(_writer, [(str(tmp_path), 0), (str(tmp_path), 3)]) == [0, 0]
    cache = DiskCache(tmp_path)
    for i in range(40):
        assert cache.get("extract", f"{i:064x}") == [f"{i:064x}"] * 200
    assert cache.damaged == 0
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left behind"


def test_cache_code_version_changes_with_the_code(tmp_path: Path) -> None:
    src = tmp_path / "extract"
    src.mkdir()
    (src / "people.py").write_text("RULE = 1\n")
    before = code_version([src])
    (src / "people.py").write_text("RULE = 2\n")
    assert code_version([src]) != before
    (src / "people.py").write_text("RULE = 1\n")
    assert code_version([src]) == before


def test_cache_extractor_version_covers_extract_and_ingest() -> None:
    assert set(cache_module.EXTRACTOR_SOURCES) >= {"extract", "ingest"}
    assert cache_module.extractor_version() == code_version(
        Path(cache_module.__file__).parent / name for name in cache_module.EXTRACTOR_SOURCES
    )


@pytest.mark.slow
def test_cache_hit_miss_and_invalidation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _write(tmp_path / "articles", ARTICLES)
    cache = project_cache(tmp_path)
    count, cold = _extracted(folder, cache)
    assert count == 3
    count, warm = _extracted(folder, cache)
    assert count == 0 and cache.hits == 3
    assert [briefing_to_json(p) for p in warm] == [briefing_to_json(p) for p in cold]
    # Another model version, or another version of the extraction code: every entry misses.
    monkeypatch.setattr(pipeline, "model_version", lambda name: "9.9.9/3.8.0")
    assert _extracted(folder, cache)[0] == 3
    monkeypatch.undo()
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "changed-code")
    assert _extracted(folder, cache)[0] == 3
    monkeypatch.undo()
    assert _extracted(folder, cache)[0] == 0


@pytest.mark.slow
def test_cache_warm_build_reextracts_only_the_changed_article(tmp_path: Path) -> None:
    folder = _write(tmp_path / "articles", ARTICLES)
    cache = project_cache(tmp_path)
    assert _extracted(folder, cache)[0] == 3
    (folder / "rome.txt").write_text(ARTICLES["rome.txt"] + "\nShe left on Wednesday.\n", encoding="utf-8")
    count, parts = _extracted(folder, cache)
    assert count == 1
    assert [p.articles[0].id for p in parts] == ["bonn", "oslo", "rome"]

"""Under `mkdocs serve` every rebuild reads the articles again in the same
process: only the files whose bytes changed are parsed, and only texts that
changed are hashed for near-duplicates; the result is the same as reading
everything afresh."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from dossier import ingest
from dossier.cache import DiskCache
from dossier.ingest import duplicates, load_articles, set_aside_duplicates, state

STORY = ("Ministers of the two countries met in the capital on Tuesday to discuss the port lease, the fishing "
         "quotas and the timetable for the next round of talks, officials said after the meeting ended.")


def _write(folder: Path) -> None:
    for n in range(4):
        (folder / f"{n}.txt").write_text(f"Story {n}\n\nStory {n}\n\n{STORY} Paragraph {n} differs.\n\n"
                                         f"A second paragraph of story {n}, with its own words.\n", encoding="utf-8")
    (folder / "copy.txt").write_text(f"Copy\n\nCopy\n\n{STORY} Paragraph 0 differs.\n\n"
                                     "A second paragraph of story 0, with its own words.\n", encoding="utf-8")


def _state(folder: Path) -> list[dict[str, object]]:
    loaded = load_articles([folder])
    copies = set_aside_duplicates(loaded)
    notices = {"notices": [str(n) for n in loaded.notices]}
    return [*(dataclasses.asdict(a) for a in [*loaded.articles, *copies]), notices]


def test_only_changed_files_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path)
    for name in ("_SIGNED", "_PAIRS"):  # nothing from earlier tests
        monkeypatch.setattr(duplicates, name, {})
    monkeypatch.setattr(ingest, "_READ", {})
    compared: list[int] = []
    real_similar = duplicates._similar
    monkeypatch.setattr(duplicates, "_similar", lambda *a: compared.append(1) or real_similar(*a))
    first = _state(tmp_path)
    assert len(compared) == 6, "the four stories share a paragraph: each pair is compared"
    compared.clear()
    read: list[str] = []
    hashed: list[int] = []
    real_read, real_words = ingest.read_article, duplicates._body_words
    monkeypatch.setattr(ingest, "read_article",
                        lambda path, *a, **k: read.append(path.name) or real_read(path, *a, **k))
    monkeypatch.setattr(duplicates, "_body_words", lambda article: hashed.append(1) or real_words(article))
    assert _state(tmp_path) == first  # later stages changed the articles of the first call: not these
    assert read == [] and hashed == [] and compared == []
    edited = tmp_path / "2.txt"
    stat = edited.stat()
    # An edit of the same length within the file system's timestamp resolution is read too.
    edited.write_text(edited.read_text(encoding="utf-8").replace("own words", "own verbs"), encoding="utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert edited.stat().st_size == stat.st_size
    after = _state(tmp_path)
    assert read == ["2.txt"] and len(hashed) == 1
    assert len(compared) == 3, "only the edited story's pairs are compared again"
    monkeypatch.setattr(ingest, "_READ", {})
    monkeypatch.setattr(duplicates, "_SIGNED", {})
    monkeypatch.setattr(duplicates, "_PAIRS", {})
    assert _state(tmp_path) == after  # the same as reading every file afresh
    assert any("near-duplicate" in n for n in after[-1]["notices"])  # type: ignore[operator]


def _restored_state(folder: Path, cache: DiskCache) -> list[dict[str, object]]:
    """What `build_briefing` does in a new process: the read stage's work from disk first."""
    monkeypatch = pytest.MonkeyPatch()
    with monkeypatch.context() as m:  # a new process: nothing in memory
        m.setattr(ingest, "_READ", {})
        m.setattr(duplicates, "_SIGNED", {})
        m.setattr(duplicates, "_PAIRS", {})
        restored = state.restore(cache)
        found = _state(folder)
        state.keep(cache, restored)
    return found


def test_read_stage_kept_on_disk_between_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    _write(folder)
    cache = DiskCache(tmp_path / "cache")
    first = _restored_state(folder, cache)
    entries = list((tmp_path / "cache" / state.NAMESPACE).glob("*/*"))
    assert len(entries) == 1
    read: list[str] = []
    real_read = ingest.read_article
    monkeypatch.setattr(ingest, "read_article",
                        lambda path, *a, **k: read.append(path.name) or real_read(path, *a, **k))
    assert _restored_state(folder, cache) == first and read == []
    edited = folder / "3.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("own words", "own verbs"), encoding="utf-8")
    after = _restored_state(folder, cache)
    assert read == ["3.txt"]
    read.clear()
    with monkeypatch.context() as m:
        m.setattr(ingest, "_READ", {})
        m.setattr(duplicates, "_SIGNED", {})
        m.setattr(duplicates, "_PAIRS", {})
        assert _state(folder) == after  # the same as reading every file afresh
    read.clear()
    # A damaged entry is not trusted: everything is read again, and the entry re-made.
    entry = next((tmp_path / "cache" / state.NAMESPACE).glob("*/*"))
    entry.write_bytes(entry.read_bytes()[:-10] + b"0123456789")
    assert _restored_state(folder, cache) == after and len(read) == 5
    read.clear()
    assert _restored_state(folder, cache) == after and read == []
    with monkeypatch.context() as m:  # the read stage says how many it did not parse again
        m.setattr(ingest, "_READ", {})
        m.setattr(duplicates, "_SIGNED", {})
        m.setattr(duplicates, "_PAIRS", {})
        state.restore(cache)
        assert load_articles([folder]).unchanged == 5
    # Another version of the reading code misses, and its entry replaces the old one.
    monkeypatch.setattr(state, "extractor_version", lambda: "another version")
    assert _restored_state(folder, cache) == after and len(read) == 5
    assert [p.name for p in (tmp_path / "cache" / state.NAMESPACE).glob("*/*")] == [state._key()]

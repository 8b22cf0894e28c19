"""The cache of earlier models: which baseline a build compares with, and a
damaged cache or a bad `since` date."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dossier.changes.snapshot import PREVIOUS, PUBLISHED, build_changes, cache_dir, keep_model, prepare_model
from dossier.errors import ConfigError
from dossier.export import briefing_to_json
from dossier.model import Briefing
from dossier.pipeline import build_briefing
from dossier.settings import Settings
from tests.changes.articles import HELD, PLANNED


@pytest.fixture(scope="module")
def briefings(tmp_path_factory: pytest.TempPathFactory) -> tuple[Briefing, Briefing, Path]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "01-planned.md").write_text(PLANNED, encoding="utf-8")
    old = build_briefing([folder])
    (folder / "02-held.md").write_text(HELD, encoding="utf-8")
    return old, build_briefing([folder]), folder


def test_snapshot_baseline_is_the_last_build_that_differed(briefings: tuple[Briefing, Briefing, Path],
                                                           tmp_path: Path) -> None:
    old, new, _ = briefings
    settings = Settings(root=tmp_path)
    assert not build_changes(old, settings).compared, "a first build has nothing to compare with"
    keep_model(briefing_to_json(old), settings)
    assert build_changes(old, settings).compared is False, "a rebuild of the first build still has nothing"
    keep_model(briefing_to_json(old), settings)
    assert not (cache_dir(settings) / PREVIOUS).exists()
    first = build_changes(new, settings)
    assert first.section("sources") and first.baseline == "the previous build" and "1 source" in first.note
    keep_model(briefing_to_json(new), settings)
    again = build_changes(new, settings)
    assert again.to_dict() == first.to_dict(), "a rebuild keeps comparing with the build before"
    keep_model(briefing_to_json(new), settings)
    assert [c.entity for c in build_changes(new, settings).section("sources")] == ["02-held"]
    assert (cache_dir(settings) / ".gitignore").exists()


def test_snapshot_model_prepared_during_a_build_is_kept_only_on_commit(
    briefings: tuple[Briefing, Briefing, Path], tmp_path: Path,
) -> None:
    old, new, _ = briefings
    settings = Settings(root=tmp_path)
    keep_model(briefing_to_json(old), settings)
    published = (cache_dir(settings) / PUBLISHED).read_bytes()
    failed = prepare_model(briefing_to_json(new), settings)  # then the build fails
    assert (cache_dir(settings) / PUBLISHED).read_bytes() == published
    failed.discard()
    assert sorted(p.name for p in cache_dir(settings).iterdir()) == [".gitignore", PUBLISHED]
    assert build_changes(new, settings).section("sources"), "still compared with the last published model"
    done = prepare_model(briefing_to_json(new), settings)
    done.commit()
    assert (cache_dir(settings) / PUBLISHED).read_text(encoding="utf-8") == briefing_to_json(new)
    assert (cache_dir(settings) / PREVIOUS).read_bytes() != b""
    assert sorted(p.name for p in cache_dir(settings).iterdir()) == [".gitignore", PREVIOUS, PUBLISHED]


def test_snapshot_damaged_cache_means_no_comparison(briefings: tuple[Briefing, Briefing, Path], tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    _, new, _ = briefings
    settings = Settings(root=tmp_path)
    cache_dir(settings).mkdir()
    (cache_dir(settings) / PUBLISHED).write_text("{half a file", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="dossier"):
        changes = build_changes(new, settings)
    assert not changes.compared
    assert PUBLISHED in caplog.text and "not JSON" in caplog.text


def test_snapshot_since_date(briefings: tuple[Briefing, Briefing, Path], tmp_path: Path) -> None:
    _, new, folder = briefings
    settings = Settings(root=tmp_path, articles=[str(folder)], since="2019-03-01")
    changes = build_changes(new, settings)
    assert changes.baseline == "1 March 2019"
    assert [c.entity for c in changes.section("sources")] == ["02-held"]
    assert [(c.before, c.after) for c in changes.items if c.kind == "status"] == [("scheduled", "held")]
    with pytest.raises(ConfigError, match=r"since: 'March 2019' is not a date; expected YYYY-MM-DD"):
        build_changes(new, Settings(root=tmp_path, articles=[str(folder)], since="March 2019"))

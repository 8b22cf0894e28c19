"""The gazetteer (tens of thousands of folded place names) is made once and
kept in the project's cache: a later build in a new process restores it
instead of making it again; a damaged entry or other library versions
make it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cache import DiskCache
from dossier.extract.entities import gazetteer


def test_gazetteer_kept_in_the_cache_and_restored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = gazetteer._places()
    cache = DiskCache(tmp_path)
    made: list[int] = []

    def build() -> dict[str, tuple[str, str]]:
        made.append(1)
        return dict(real)

    monkeypatch.setattr(gazetteer, "build_places", build)
    monkeypatch.setattr(gazetteer, "_PLACES", None)  # a new process
    restored = gazetteer.restore_places(cache)
    assert not restored and gazetteer.is_known_place("Vladivostok") and made == [1]
    gazetteer.keep_places(cache, restored)

    monkeypatch.setattr(gazetteer, "_PLACES", None)  # the next build
    assert gazetteer.restore_places(cache)
    assert gazetteer._places() == real and made == [1]
    gazetteer.keep_places(cache, True)

    entry = next((tmp_path / gazetteer.PLACES_NAMESPACE).glob("*/*"))
    entry.write_bytes(entry.read_bytes()[:-8] + b"damaged!")
    monkeypatch.setattr(gazetteer, "_PLACES", None)
    assert not gazetteer.restore_places(cache)  # not trusted
    assert gazetteer.lookup_place("Hokkaido") == real[gazetteer.fold_place("Hokkaido")] and made == [1, 1]
    gazetteer.keep_places(cache, False)

    monkeypatch.setattr(gazetteer, "_places_key", lambda: "0" * 64)  # another version of pycountry, say
    monkeypatch.setattr(gazetteer, "_PLACES", None)
    assert not gazetteer.restore_places(cache)
    gazetteer._places()
    gazetteer.keep_places(cache, False)
    assert [p.name for p in (tmp_path / gazetteer.PLACES_NAMESPACE).glob("*/*")] == ["0" * 64]

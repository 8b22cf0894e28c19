"""Fixtures of the hostile tests (the corpus itself is in corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus import hostile_site


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    return hostile_site(tmp_path_factory)

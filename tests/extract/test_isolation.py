"""A failing extraction stage loses its own facts for one article only."""

from __future__ import annotations

import pytest

from dossier import extract
from dossier.errors import ExtractError
from dossier.pipeline import build_briefing


def test_isolation_failing_stage_keeps_other_facts(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    def broken(*args: object) -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(extract, "extract_quotes", broken)
    (tmp_path / "a.txt").write_text(
        'Talks\n\nTalks\n\n"We agreed," said Maria Lopez, the mayor of Lyon, on Monday.\n', encoding="utf-8"
    )
    briefing = build_briefing([tmp_path])
    assert [p.name for p in briefing.people] == ["Maria Lopez"]
    assert briefing.quotes == []
    assert any("quotes extraction failed (RuntimeError: boom)" in p for p in briefing.problems)
    with pytest.raises(ExtractError, match="quotes extraction failed"):
        build_briefing([tmp_path], strict=True)

"""The command line: extract, render, build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.cli import main
from tests.conftest import SEEDS


def test_cli_extract_file_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    seed = next(SEEDS.glob("*.txt"))
    assert main(["extract", "--format", "json", str(seed)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["articles"]] == [seed.stem]
    assert any(p["name"] == "Vladimir Putin" for p in data["people"])


def test_cli_extract_folder_reads_every_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text("Title\n\nTitle\n\nJohn Smith visited Paris.\n", encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(a["id"] for a in data["articles"]) == ["a", "b"]


def test_cli_extract_missing_path_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "expected" in err


def test_cli_render_writes_markdown_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", "--out", str(out), str(SEEDS)]) == 0
    assert (out / "index.md").exists()
    assert (out / "people" / "index.md").exists()
    assert list((out / "sources").glob("*.md"))
    # A second run replaces its own earlier output.
    assert main(["render", "--out", str(out), str(SEEDS)]) == 0


def test_cli_render_refuses_a_folder_it_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "mine.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["render", "--out", str(out), str(SEEDS)]) == 1
    assert "not written by 'dossier render'" in capsys.readouterr().err
    assert (out / "mine.md").read_text(encoding="utf-8") == "# Mine\n"

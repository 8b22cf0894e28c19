"""What a build prints: a progress display on a terminal, plain lines off
one, nothing under -q; third-party warnings once, with advice."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.console import OnceFilter
from dossier.progress import (
    NORMAL,
    QUIET,
    PlainReporter,
    Reporter,
    TerminalReporter,
    make_reporter,
    reporting,
)
from tests.conftest import mkdocs_yml, write_project


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run_stages(reporter: Reporter) -> None:
    with reporting(reporter):
        with reporter.stage("extract", total=20, unit="articles") as stage:
            for _ in range(20):
                stage.advance()
            stage.note("3 from the cache")
        with reporter.stage("resolve"):
            pass


def test_progress_on_a_terminal_draws_bars() -> None:
    out = Terminal()
    reporter = make_reporter(NORMAL, out)
    assert isinstance(reporter, TerminalReporter)
    _run_stages(reporter)
    text = out.getvalue()
    assert "\x1b[" in text  # drawn with cursor and colour codes
    assert "extract" in text and "20/20" in text


def test_progress_off_a_terminal_prints_plain_lines() -> None:
    out = io.StringIO()
    reporter = make_reporter(NORMAL, out)
    assert isinstance(reporter, PlainReporter)
    _run_stages(reporter)
    lines = out.getvalue().splitlines()
    assert lines[0] == "dossier: extract (20 articles)..."
    assert lines[1].startswith("dossier: extract: done, 20 articles, ") and lines[1].endswith("3 from the cache")
    assert not any("\x1b" in line or "\r" in line for line in lines)
    summary = reporter.summary_lines(1.0, 0.5)
    assert summary[0].split()[0] == "extract" and "20 articles, 3 from the cache" in summary[0]
    assert summary[-1].split()[0] == "total" and summary[-1].endswith("0 warnings")


def test_progress_quiet_prints_nothing() -> None:
    out = Terminal()
    reporter = make_reporter(QUIET, out)
    _run_stages(reporter)
    assert out.getvalue() == ""
    assert [s.name for s in reporter.stages] == ["extract", "resolve"]


def test_progress_counts_warnings() -> None:
    reporter = Reporter()
    with reporting(reporter):
        logging.getLogger("dossier.test").warning("a warning")
    assert reporter.warnings == 1


def test_progress_third_party_warning_shown_once_with_advice() -> None:
    once = OnceFilter()
    records = [logging.LogRecord("weasyprint", logging.WARNING, __file__, 1, "Font %r missing", ("X",), None)
               for _ in range(30)]
    shown = [r for r in records if once.filter(r)]
    assert len(shown) == 1 and once.hidden == 29
    assert "make fonts" in shown[0].getMessage() and "Font 'X' missing" in shown[0].getMessage()
    own = logging.LogRecord("dossier", logging.WARNING, __file__, 1, "same", (), None)
    assert once.filter(own) and once.filter(own)  # dossier's own warnings are never hidden


@pytest.mark.slow
@pytest.mark.parametrize("flag", [[], ["-q"]])
def test_progress_cli_build_summary_or_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: list[str]
) -> None:
    root = write_project(tmp_path / "p", {"oslo.txt": "Oslo talks\n\nOslo talks\n\nAnna Lind met John Smith.\n"},
                         config=mkdocs_yml(pdf="false"))
    assert main([*flag, "-f", str(root / "mkdocs.yml"), "build", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    if flag:
        assert captured.err == "" and captured.out == ""
        return
    assert "dossier: extract (1 article)..." in captured.err
    assert "dossier: summary" in captured.err
    for stage in ("read", "extract", "resolve", "render", "site", "total"):
        assert f"\n  {stage} " in captured.err

"""What a build prints while it runs, and its closing summary.

On a terminal each stage (read, extract, resolve, render, PDFs, site) shows
a progress bar drawn by rich; off a terminal (CI, a log file) each stage
prints plain lines instead: when it starts, about every tenth of the way,
and when it ends.  `-q` prints warnings and errors only, `-v` adds details.
The summary at the end gives the counts, the warnings and the time (wall
and CPU) of each stage.

The pipeline reports through `current()`, so the stages need not carry a
reporter through MkDocs' plugin calls; outside the `dossier` command (a
plain `mkdocs build`) the reporter prints nothing.
"""

from __future__ import annotations

import contextvars
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any

QUIET, NORMAL, VERBOSE = 0, 1, 2
PLAIN_EVERY = 5.0  # seconds between two progress lines off a terminal


@dataclass(slots=True)
class StageTiming:
    name: str
    wall: float = 0.0
    cpu: float = 0.0
    count: int = 0
    unit: str = ""
    note: str = ""


_WORKER_CPU = [0.0]


def counted(count: int, unit: str) -> str:
    """'1 article', '2 articles': units are given in the plural."""
    if count == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{count} {unit}"


def add_worker_cpu(seconds: float) -> None:
    """Count CPU time a worker process reported (workers started by a fork
    server are not this process's children: the OS does not add theirs)."""
    _WORKER_CPU[0] += seconds


def cpu_seconds() -> float:
    """CPU seconds of this process, of its finished child processes and of
    the work its worker processes reported."""
    import os

    t = os.times()
    return t.user + t.system + t.children_user + t.children_system + _WORKER_CPU[0]


@dataclass(slots=True)
class Stage:
    """A running stage: `advance` moves its progress, `note` adds a word to
    its summary line ('3 from the cache')."""

    reporter: Reporter
    timing: StageTiming
    total: int | None
    done: int = 0
    handle: Any = None

    def advance(self, n: int = 1) -> None:
        self.done += n
        self.reporter._advanced(self)

    def note(self, text: str) -> None:
        self.timing.note = text


@dataclass
class Reporter:
    """Prints nothing; records the time of each stage.  The base of the
    terminal and plain reporters."""

    verbosity: int = NORMAL
    stream: IO[str] = field(default_factory=lambda: sys.stderr)
    stages: list[StageTiming] = field(default_factory=list)
    warnings: int = 0

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Stage]:
        timing = StageTiming(name, unit=unit)
        stage = Stage(self, timing, total)
        wall, cpu = time.perf_counter(), cpu_seconds()
        self._started(stage)
        try:
            yield stage
        finally:
            timing.wall += time.perf_counter() - wall
            timing.cpu += cpu_seconds() - cpu
            timing.count = stage.done if stage.total is not None or stage.done else 0
            self.stages.append(timing)
            self._finished(stage)

    def _started(self, stage: Stage) -> None:
        pass

    def _advanced(self, stage: Stage) -> None:
        pass

    def _finished(self, stage: Stage) -> None:
        pass

    def close(self) -> None:
        pass

    def summary_lines(self, total_wall: float, total_cpu: float) -> list[str]:
        lines = []
        for t in self.stages:
            what = counted(t.count, t.unit) if t.unit else ""
            if t.note:
                what = f"{what}, {t.note}" if what else t.note
            lines.append(f"  {t.name:<8} {t.wall:7.1f} s wall {t.cpu:7.1f} s CPU  {what}".rstrip())
        warned = f"{self.warnings} warning{'' if self.warnings == 1 else 's'}"
        lines.append(f"  {'total':<8} {total_wall:7.1f} s wall {total_cpu:7.1f} s CPU  {warned}")
        return lines


class PlainReporter(Reporter):
    """Plain lines, for logs and CI: no cursor movement, no colours."""

    def _line(self, text: str) -> None:
        if self.verbosity >= NORMAL:
            print(f"dossier: {text}", file=self.stream, flush=True)

    def _started(self, stage: Stage) -> None:
        size = f" ({counted(stage.total, stage.timing.unit)})" if stage.total and stage.timing.unit else ""
        self._line(f"{stage.timing.name}{size}...")
        stage.handle = time.perf_counter()  # when the last line was printed

    def _advanced(self, stage: Stage) -> None:
        # A line every few seconds at most: a log gets a heartbeat, not a line per page.
        if not stage.total or stage.done >= stage.total or time.perf_counter() - stage.handle < PLAIN_EVERY:
            return
        stage.handle = time.perf_counter()
        self._line(f"{stage.timing.name}: {stage.done}/{stage.total} {stage.timing.unit}")

    def _finished(self, stage: Stage) -> None:
        t = stage.timing
        count = f"{counted(t.count, t.unit)}, " if t.unit else ""
        note = f", {t.note}" if t.note else ""
        self._line(f"{t.name}: done, {count}{t.wall:.1f} s{note}")


class TerminalReporter(Reporter):
    """A rich progress bar per stage, on a terminal."""

    def __init__(self, verbosity: int = NORMAL, stream: IO[str] | None = None) -> None:
        super().__init__(verbosity, stream or sys.stderr)
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=self.stream, force_terminal=True)
        self.progress = Progress(
            TextColumn("[bold]{task.description:<8}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"), TimeElapsedColumn(), console=self.console, transient=False,
        )
        self.progress.start()

    def _started(self, stage: Stage) -> None:
        stage.handle = self.progress.add_task(stage.timing.name, total=stage.total, unit=stage.timing.unit)

    def _advanced(self, stage: Stage) -> None:
        self.progress.update(stage.handle, completed=stage.done)

    def _finished(self, stage: Stage) -> None:
        total = stage.total if stage.total is not None else stage.done
        self.progress.update(stage.handle, completed=stage.done if stage.total is not None else total,
                             total=total or 1)
        if not total:
            self.progress.update(stage.handle, completed=1)

    def close(self) -> None:
        self.progress.stop()


_CURRENT: contextvars.ContextVar[Reporter | None] = contextvars.ContextVar("dossier_reporter", default=None)


def current() -> Reporter:
    """The reporter of the build running now (one that prints nothing when
    none was started)."""
    return _CURRENT.get() or Reporter(QUIET)


def make_reporter(verbosity: int = NORMAL, stream: IO[str] | None = None) -> Reporter:
    """A terminal reporter when `stream` is a terminal, plain lines when it
    is not, and a silent one under -q."""
    stream = stream or sys.stderr
    if verbosity <= QUIET:
        return Reporter(verbosity, stream)
    if stream.isatty():
        return TerminalReporter(verbosity, stream)
    return PlainReporter(verbosity, stream)


class _WarningCounter(logging.Handler):
    def __init__(self, reporter: Reporter) -> None:
        super().__init__(logging.WARNING)
        self.reporter = reporter

    def emit(self, record: logging.LogRecord) -> None:
        self.reporter.warnings += 1


@contextmanager
def reporting(reporter: Reporter) -> Iterator[Reporter]:
    """Make `reporter` the current one; count the warnings logged meanwhile."""
    token = _CURRENT.set(reporter)
    counter = _WarningCounter(reporter)
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        yield reporter
    finally:
        root.removeHandler(counter)
        reporter.close()
        _CURRENT.reset(token)

"""`dossier check`: read every article file without building anything and
list each problem (the file is left out of a build, or fails `--strict`)
and each note (the file is read, but a reader should know something)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import IngestError
from dossier.ingest import ARTICLE_SUFFIXES, IngestResult, Notice, load_articles, set_aside_duplicates


@dataclass(slots=True)
class CheckReport:
    result: IngestResult = field(default_factory=IngestResult)
    problems: list[IngestError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """The report lists what the ingest log would repeat."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def check_articles(paths: Iterable[str | Path]) -> CheckReport:
    """Every problem and note of the article files under `paths`."""
    report = CheckReport()
    existing: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.exists():
            existing.append(path)
        else:
            report.problems.append(IngestError(
                "no such file or folder; expected an article file or a folder of articles", path=path
            ))
    with _quiet("dossier.ingest"):
        report.result = load_articles(existing)
        copies = set_aside_duplicates(report.result)  # a note each
    report.result.articles.extend(copies)  # read all the same
    report.problems.extend(report.result.problems)
    report.notices.extend(report.result.notices)
    for path in report.result.skipped:
        report.notices.append(Notice(
            str(path), f"not an article file ({path.suffix or 'no suffix'}); expected {', '.join(ARTICLE_SUFFIXES)}: "
            "left out",
        ))
    if existing and not report.result.articles and not report.result.problems:
        report.problems.append(IngestError(
            f"no article files found; expected files ending in {', '.join(ARTICLE_SUFFIXES)}",
            path=", ".join(str(p) for p in existing),
        ))
    return report


def _shown(path: str | None, cwd: Path) -> str:
    if not path:
        return "dossier"
    try:
        return os.path.relpath(path, cwd) if Path(path).is_absolute() and Path(path).is_relative_to(cwd) else path
    except ValueError:
        return path


def report_lines(report: CheckReport, cwd: Path | None = None) -> list[str]:
    """One line per problem ('path:line: error: ...') and note, sorted by
    file, then a summary line."""
    cwd = cwd or Path.cwd()
    entries: list[tuple[str, int, str]] = []
    for problem in report.problems:
        where = _shown(problem.path, cwd) + (f":{problem.line}" if problem.line else "")
        entries.append((_shown(problem.path, cwd), 0, f"{where}: error: {problem.message}"))
    for notice in report.notices:
        entries.append((_shown(notice.path, cwd), 1, f"{_shown(notice.path, cwd)}: note: {notice.message}"))
    lines = [text for _, _, text in sorted(entries)]
    articles = len(report.result.articles)
    lines.append(
        f"{articles} article{'s' if articles != 1 else ''} read, {len(report.problems)} "
        f"problem{'s' if len(report.problems) != 1 else ''}, {len(report.notices)} "
        f"note{'s' if len(report.notices) != 1 else ''}"
        + ("" if report.ok else ": a build leaves the files with problems out, and 'dossier build --strict' fails")
    )
    return lines

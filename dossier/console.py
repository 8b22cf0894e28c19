"""The `dossier` command's log output: dossier's own messages as they come,
third-party noise (WeasyPrint repeats the same font warning for every page
of every PDF) shown once, in words that say what to do."""

from __future__ import annotations

import logging
import sys

from dossier.progress import NORMAL, QUIET, VERBOSE

# Third-party loggers whose warnings are shown once each, with advice.
ADVICE = {
    "weasyprint": "the PDFs may print some text in a fallback font; run `make fonts` (or install the DejaVu and "
                  "WenQuanYi fonts) and build again",
    "fontTools": "the PDFs may print some text in a fallback font; run `make fonts` and build again",
}


class _CurrentStderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time, so a progress display
    that redirects stderr keeps its bar below the messages."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


class OnceFilter(logging.Filter):
    """Lets a third-party warning through once per message template, as one
    line that says where it comes from and what to do; counts the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        root = record.name.split(".", 1)[0]
        if root in ("dossier", "mkdocs") or record.levelno >= logging.ERROR:
            return True
        key = (root, str(record.msg))
        self.seen[key] = self.seen.get(key, 0) + 1
        if self.seen[key] > 1:
            return False
        advice = ADVICE.get(root)
        if advice:
            record.msg = f"{root} says: {record.getMessage()}; {advice} (repeats of this warning are not shown)"
            record.args = ()
        return True

    @property
    def hidden(self) -> int:
        return sum(n - 1 for n in self.seen.values())


def configure_logging(verbosity: int = NORMAL) -> OnceFilter:
    """Messages to stderr: warnings and errors; with -v (VERBOSE) also
    dossier's information; with -q (QUIET) errors and warnings only, as
    without it, but no progress."""
    level = logging.INFO if verbosity >= VERBOSE else logging.WARNING
    handler = _CurrentStderr()
    handler.setFormatter(logging.Formatter("%(name)s: %(levelname)s: %(message)s"))
    once = OnceFilter()
    handler.addFilter(once)
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _CurrentStderr)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # MkDocs' own INFO lines ("Building documentation...") are the progress display's job, unless -v.
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbosity >= VERBOSE else logging.WARNING)
    return once


__all__ = ["QUIET", "VERBOSE", "OnceFilter", "configure_logging"]

"""Rendering the pages in two processes, for `mkdocs serve` rebuilds.

A forked child shares the model with this process (copy-on-write), renders
every other page and sends back their Markdown; this process renders the
rest meanwhile.  Rendering is a pure function of the model and the
templates, so the pages are the ones one process renders.  Whatever goes
wrong (no `fork`, a template error in either process, a child that dies),
`render_split` returns None and the caller renders every page itself, so an
error is reported exactly as a one-process render reports it.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")

# Fewer pages than this are not worth a process.
SPLIT_MIN = 200


def render_split(pages: Sequence[P], render: Callable[[P], str]) -> list[str] | None:
    """`[render(p) for p in pages]`, half of it in a forked child; None on any failure."""
    if not hasattr(os, "fork") or len(pages) < SPLIT_MIN:
        return None
    ours, theirs = pages[0::2], pages[1::2]
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: render, send, and leave without running the parent's exit handlers
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps([render(p) for p in theirs], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    done = False
    try:
        with os.fdopen(read_end, "rb") as source:
            mine = [render(p) for p in ours]
            data = source.read()
        done = True
    except Exception:
        return None
    finally:
        if not done:
            _stop(pid)
        _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        other: list[str] = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None
    if len(other) != len(theirs):
        return None
    out: list[str] = []
    for n in range(len(pages)):
        out.append(mine[n // 2] if n % 2 == 0 else other[n // 2])
    return out


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass

"""Rendering on more than one core while `mkdocs serve` waits.

A serve rebuild renders every page again in the process that holds the
model; the other cores are idle (no PDFs are made under serve).  Forked
processes start with the model, the templates and the shared context
already in memory, nothing to send them; each renders every n-th page and
sends the Markdown back.  The result is the same list a serial render
makes: each page is rendered by the same function from the same data.  If
anything goes wrong in a forked process (a page fails, the process dies),
the pages are rendered again serially here, so a template error is raised
exactly as a serial render raises it: the first page's, by this process.

Only where `fork` is the platform's way (Linux): macOS and Windows start
processes afresh, and sending the model would cost more than rendering.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

log = logging.getLogger("dossier")

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def render_all(
    count: int, render_one: Callable[[int], T], processes: int = 1, meanwhile: Callable[[], None] | None = None,
) -> list[T]:
    """[render_one(0), ..., render_one(count - 1)], on up to `processes`
    processes (this one and forked ones) when there is more than one page
    for each.  `meanwhile` is called once this process has rendered its
    share, while the forked ones finish theirs (they start later, and
    copy the memory they touch)."""
    processes = min(processes, count)
    if processes <= 1 or not can_fork():
        out = [render_one(i) for i in range(count)]
        if meanwhile is not None:
            meanwhile()
        return out
    context = multiprocessing.get_context("fork")
    workers: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
    with warnings.catch_warnings():  # Python 3.12+ warns about forking a process with threads (the server's)
        warnings.simplefilter("ignore", DeprecationWarning)
        for n in range(1, processes):
            receive, send = context.Pipe(duplex=False)
            worker = context.Process(target=_render_share, args=(render_one, range(n, count, processes), send),
                                     daemon=True, name="dossier-render")
            worker.start()
            send.close()
            workers.append((worker, receive))
    out: list[T | None] = [None] * count
    failed = False
    try:
        try:
            for i in range(0, count, processes):
                out[i] = render_one(i)
        except Exception:
            failed = True
        if meanwhile is not None:
            meanwhile()
    finally:  # even when `meanwhile` raises: a forked process waits until its pages are read
        for n, (worker, receive) in enumerate(workers, 1):
            try:
                status, texts = receive.recv()
            except (EOFError, OSError):
                status, texts = "died", []
            finally:
                receive.close()
                worker.join()
            if status == "ok":
                out[n::processes] = texts
            else:
                failed = True
                log.debug("dossier: a rendering process %s; rendering serially", status)
    if failed:
        return [render_one(i) for i in range(count)]
    return out  # type: ignore[return-value]  # every slot filled


def _render_share(render_one: Callable[[int], T], indices: range, send: Connection) -> None:
    try:
        texts = [render_one(i) for i in indices]
    except BaseException:
        send.send(("failed", []))
    else:
        send.send(("ok", texts))
    finally:
        send.close()

"""Where the per-item work of a build runs: the one seam between the
pipeline and processes.

The pipeline hands an `Executor` a module-level function and a list of
items and reads the results back in the items' order; it never starts a
process itself.  `SerialExecutor` runs in this process, `ProcessExecutor`
in a pool of worker processes on this machine.  An engine such as Dask or
Ray plugs in by implementing `map` (see docs/scaling.md); nothing else in
the pipeline changes.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, TypeVar

from dossier.progress import add_worker_cpu

T = TypeVar("T")
R = TypeVar("R")

# Modules the worker processes import once, in the fork server, before any
# worker starts: each worker then starts in milliseconds with them loaded.
# The fork server starts with a build's first `map` and keeps its imports:
# the PDF renderer always, the extractor (spaCy, a second more) only when
# that first map extracts.  A warm build, whose first map lays out PDFs,
# then starts its PDF workers without loading spaCy.
PRELOAD = ["dossier.pdf.render"]
EXTRACT_PRELOAD = ["dossier.extract"]


class Executor(Protocol):
    """Runs `fn` over `items`; results come back in the items' order.
    `fn` must be a module-level function and the items and results
    picklable, so that they can travel to other processes.  `items` may be
    a generator: work on the first item may start before the next is made."""

    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...


class SerialExecutor:
    """Everything in this process, one item after the other."""

    workers = 1

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)


class ProcessExecutor:
    """A pool of worker processes on this machine, started for each `map`
    (a build maps twice: extraction, then PDFs) and shut down after it.

    The workers come from a fork server, not a fork of this process: the
    parent may run threads (the progress display), and forking a process
    with threads can deadlock the child."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        context = _context(fn)
        count = len(items) if isinstance(items, Sized) else self.workers
        with ProcessPoolExecutor(max_workers=min(self.workers, count) or 1, mp_context=context) as pool:
            for result, cpu in pool.map(functools.partial(_timed, fn), items):
                add_worker_cpu(cpu)
                yield result


def _timed(fn: Callable[[T], R], item: T) -> tuple[R, float]:
    """`fn(item)` and the CPU time it took in the worker."""
    start = time.process_time()
    result = fn(item)
    return result, time.process_time() - start


def _context(fn: Callable[..., object]) -> multiprocessing.context.BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        extracts = getattr(fn, "__module__", "").startswith(("dossier.extract", "dossier.pipeline"))
        context.set_forkserver_preload([*PRELOAD, *(EXTRACT_PRELOAD if extracts else [])])
        return context
    return multiprocessing.get_context("spawn")


def available_cpus() -> int:
    """The CPUs this process may run on (a container's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worker_count(workers: int | None = None) -> int:
    """The `workers` option's number of processes: default one per
    available CPU."""
    return available_cpus() if workers is None or workers <= 0 else workers


def make_executor(workers: int | None = None) -> Executor:
    """`workers` processes (default: one per available CPU); one means this
    process alone."""
    count = worker_count(workers)
    return SerialExecutor() if count <= 1 else ProcessExecutor(count)

"""What `mkdocs serve` keeps from one rebuild to the next.

Every rebuild makes the whole model again and renders every page from it;
these are the parts of that work whose inputs did not change while
serving, kept so that a rebuild after an edit does only what the edit
needs.  Each is reused only when it is provably the same:

- the cached models "What's new" compares with, parsed once per file
  (`dossier.changes.snapshot`; serving writes none of them);
- the text of `briefing.json`, entry by entry (`dossier.export.ModelWriter`);
- the page templates' Jinja environment, with its compiled templates, while
  no file of the user's templates folder or of the built-in templates
  changed (Jinja itself does not look again: `auto_reload` is off);
- the pages whose template, variables and reads of the shared variables
  are as they were at the last rebuild (`dossier.render.page_memo`);
- the theme's compiled templates (MkDocs makes a new theme environment every
  build), by a checksum of their source (`jinja2.BytecodeCache`).

The first build of a serve session usually finds every extraction in the
cache and never loads spaCy; the first edit would then wait for it (0.6 s
and more).  So after the first build the pipeline is loaded on a background
thread (`warm_up`), while the author reads the preview.

While a rebuild runs, Python's cyclic garbage collector is paused
(`paused_gc`): unpickling the kept extractions of 1,000 articles creates
about a million objects, and the collector, run again and again over the
growing heap, took four times as long as the unpickling itself; resolving
and rendering allocate as much.  What the rebuild left is collected a second
after it, on a background thread (`collect_later`), unless the next rebuild
has started.

A `dossier build` keeps none of this: it builds once per process.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

from dossier.changes.snapshot import ParsedModels
from dossier.export import ModelWriter
from dossier.render import make_environment
from dossier.render.environment import BUILTIN_TEMPLATES
from dossier.render.page_memo import PageMemo

COLLECT_DELAY = 1.0  # seconds after a serve rebuild: the browser has reloaded the page


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: what the block allocates is
    collected after it, as usual, in a few passes rather than dozens.
    Memory is still freed by reference counting inside."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class TemplateBytecode(jinja2.BytecodeCache):
    """Compiled templates in memory, by template and source checksum (Jinja
    compares the checksum before it uses the code)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._code.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


def folder_state(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under `folder` with its size and modification time."""
    if not folder.is_dir():
        return ()
    out = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.append((os.path.relpath(path, folder), st.st_size, st.st_mtime_ns))
    return tuple(out)


class ServeReuse:
    """The reusable parts of one `mkdocs serve` session's rebuilds."""

    def __init__(self) -> None:
        self.parsed_models: ParsedModels = {}
        self.model_writer = ModelWriter()
        self.theme_bytecode = TemplateBytecode()
        self.page_memo = PageMemo()
        self._environment: tuple[tuple[object, ...], jinja2.Environment] | None = None
        self._warming: threading.Thread | None = None
        self._collecting: threading.Timer | None = None

    def warm_up(self, model: str) -> None:
        """Load the spaCy pipeline `model` on a background thread, once."""
        if self._warming is None:
            from dossier.extract.nlp import load_nlp

            self._warming = threading.Thread(target=_load_quietly, args=(load_nlp, model), daemon=True,
                                             name="dossier-warm-up")
            self._warming.start()

    def collect_later(self, delay: float = COLLECT_DELAY) -> None:
        """A full garbage collection `delay` seconds from now, on a
        background thread, unless a rebuild starts first (`rebuilding`).
        The collector is paused while a rebuild runs, and Python's own
        schedule then ran a full collection so seldom that a session grew by
        about 100 MB a rebuild (1.2 GB after the first build at 1,000
        articles, 1.7 GB after six rebuilds; 1.4 GB with this, the full
        collection taking 0.3 s while the author reads the preview)."""
        self.rebuilding()
        self._collecting = threading.Timer(delay, gc.collect)
        self._collecting.daemon = True
        self._collecting.start()

    def rebuilding(self) -> None:
        """A rebuild starts: no collection of `collect_later` during it."""
        if self._collecting is not None:
            self._collecting.cancel()
            self._collecting = None

    def wait_warm(self, timeout: float | None = None) -> None:
        """Until the background work after a build is over: the load of
        `warm_up`, the collection of `collect_later` (for benchmarks and
        tests, which edit faster than an author)."""
        for thread in (self._warming, self._collecting):
            if thread is not None:
                thread.join(timeout)

    def page_environment(self, templates: Path) -> jinja2.Environment:
        """The page templates' environment, the one of the last rebuild when
        the user's templates folder and the built-in templates are as they
        were then."""
        key = (str(templates.resolve()), folder_state(templates), folder_state(BUILTIN_TEMPLATES))
        if self._environment is None or self._environment[0] != key:
            self._environment = (key, make_environment(templates))
        return self._environment[1]


def _load_quietly(load: Callable[[str], object], model: str) -> None:
    """A failed background load is left for the build that needs the
    pipeline: it loads it again and reports the error there."""
    try:
        load(model)
    except Exception as exc:
        logging.getLogger("dossier").debug("dossier: loading %s in the background: %s", model, exc)

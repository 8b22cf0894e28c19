"""The models of earlier builds, kept in the cache folder beside mkdocs.yml,
and the baseline "What's new" compares a build with.

    .dossier-cache/published-briefing.json   the model the last build published
    .dossier-cache/previous-briefing.json    the model that build was compared with

A build compares its model with the last published one; when nothing a
reader would see changed (a rebuild), it keeps comparing with the one before,
so rebuilding does not empty the "What's new" page.  With the `since`
option, the baseline is instead the dossier built from the articles
published before that date.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path
from typing import Any

from dossier.changes.compare import Changes, compare
from dossier.errors import ConfigError
from dossier.model import Briefing
from dossier.render.filters import human_date
from dossier.settings import Settings

log = logging.getLogger("dossier")

CACHE_DIR = ".dossier-cache"
PUBLISHED = "published-briefing.json"
PREVIOUS = "previous-briefing.json"


def cache_dir(settings: Settings) -> Path:
    return settings.root / CACHE_DIR


def read_model(path: Path) -> dict[str, Any]:
    """A model exported as JSON (`site/briefing.json`, `dossier extract
    --format json`); a clear error when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("no such file; expected a briefing model as JSON", path=path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read it ({exc}); expected a briefing model as JSON", path=path) from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"not JSON ({exc.msg} at line {exc.lineno}); expected a briefing model as written by "
            "'dossier extract --format json' or a build's briefing.json", path=path,
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise ConfigError("no 'articles' list; expected a briefing model as written by "
                          "'dossier extract --format json' or a build's briefing.json", path=path)
    return data


# Models parsed earlier in this process, by path, with the file's identity
# then (see `build_changes`).  Callers only read a parsed model.
ParsedModels = dict[Path, tuple[tuple[int, ...], dict[str, Any]]]


def _file_identity(path: Path) -> tuple[int, ...]:
    st = path.stat()
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _cached(path: Path, parsed: ParsedModels | None = None) -> dict[str, Any] | None:
    """A cached model, or None when absent or unreadable (the cache is only
    a convenience: a damaged file means no comparison, not a failed build).
    With `parsed`, a file parsed before is not parsed again while it is the
    same file (device, inode, size, modification and change times)."""
    memo = parsed if parsed is not None else {}
    try:
        identity = _file_identity(path) if path.is_file() else None
    except OSError:
        identity = None
    if identity is None:
        memo.pop(path, None)
        return None
    known = memo.get(path)
    if known is not None and known[0] == identity:
        return known[1]
    try:
        model = read_model(path)
    except ConfigError as exc:
        memo.pop(path, None)
        log.warning("dossier: %s; 'What's new' ignores it", exc)
        return None
    memo[path] = (identity, model)
    return model


def _since_previous(previous: dict[str, Any], new: dict[str, Any]) -> Changes:
    changes = compare(previous, new, baseline="the previous build")
    dates = sorted(a["published"] for a in previous.get("articles", []) if a.get("published"))
    count = len(previous.get("articles", []))
    newest = f", the newest dated {human_date(dates[-1])}" if dates else ""
    changes.note = f"it had {count:,} source{'s' if count != 1 else ''}{newest}"
    return changes


def build_changes(
    briefing: Briefing, settings: Settings, *, model: dict[str, Any] | None = None,
    parsed: ParsedModels | None = None,
) -> Changes:
    """The changes this build shows: since `settings.since`, else since
    the previous build's model in the cache.  Reads the cache, never writes it.
    `model` is `briefing` as `briefing_to_dict` exports it, when the caller
    has it.  `parsed` keeps the cached models parsed between calls: `mkdocs
    serve` compares every rebuild with the same published model (serving
    writes none), and parsing it takes half a second at 1,000 articles."""
    from dossier.export import briefing_to_dict

    if settings.since:
        from dossier.pipeline import build_briefing

        try:
            dt.date.fromisoformat(settings.since)
        except ValueError as exc:
            raise ConfigError(f"since: {settings.since!r} is not a date; expected YYYY-MM-DD",
                              path=settings.root / "mkdocs.yml") from exc
        new = model if model is not None else briefing_to_dict(briefing)
        before = build_briefing(settings.article_paths, model=settings.model, curation=settings.curation_path,
                                published_before=settings.since)
        changes = compare(briefing_to_dict(before), new, baseline=human_date(settings.since))
        changes.note = "what the articles published from then on added"
        return changes
    folder = cache_dir(settings)
    published = _cached(folder / PUBLISHED, parsed)
    if published is None:  # the first build: nothing to export for comparing
        return Changes(baseline="no earlier build", compared=False)
    new = model if model is not None else briefing_to_dict(briefing)
    changes = _since_previous(published, new)
    if changes:
        return changes
    previous = _cached(folder / PREVIOUS, parsed)
    if previous is None:
        return Changes(baseline="no earlier build", compared=False)  # as on the first build: rebuilds are identical
    return _since_previous(previous, new)


def keep_model(briefing_json: str, settings: Settings) -> None:
    """After a build: keep its model as the published one, and the one it
    replaces as the previous one when they differ for a reader."""
    prepare_model(briefing_json, settings).commit()


class KeptModel:
    """The files `keep_model` writes, written aside until `commit` puts
    them in place (or `discard` removes them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: list[tuple[Path, Path]] = []  # (partial file, its place)

    def write(self, name: str, text: str) -> None:
        path = self.folder / name
        partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        self.written.append((partial, path))

    def commit(self) -> None:
        try:
            for partial, path in self.written:
                partial.replace(path)
        except OSError as exc:
            self.discard()
            log.warning("dossier: cannot keep this build's model in %s (%s); the next build shows no changes",
                        self.folder, exc.strerror)
        self.written = []

    def discard(self) -> None:
        for partial, _ in self.written:
            partial.unlink(missing_ok=True)
        self.written = []


def prepare_model(briefing_json: str, settings: Settings) -> KeptModel:
    """`keep_model`'s work but the last step: the files are written aside,
    and put in place by `commit()` once the build has succeeded."""
    from dossier.export import dumps_indented

    kept = KeptModel(cache_dir(settings))
    try:
        kept.folder.mkdir(exist_ok=True)
        ignore = kept.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# dossier's cache: rebuilt as needed\n*\n", encoding="utf-8")
        # Parsed again rather than kept from `build_changes`: at 1,000 articles each model is about 60 MB of
        # Python objects, which would be held through the whole site build; this runs while the PDFs finish.
        published = _cached(kept.folder / PUBLISHED)
        if published is not None and compare(published, json.loads(briefing_json)):
            kept.write(PREVIOUS, dumps_indented(published, indent=1))
        kept.write(PUBLISHED, briefing_json)
    except OSError as exc:
        kept.discard()
        log.warning("dossier: cannot keep this build's model in %s (%s); the next build shows no changes",
                    kept.folder, exc.strerror)
    return kept

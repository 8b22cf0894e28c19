"""Building the site: pages from the pipeline, and an atomic `mkdocs build`
that replaces the old site only when the new one is complete."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from dossier.cache import DiskCache
from dossier.changes import Changes
from dossier.changes.snapshot import build_changes
from dossier.errors import BuildError
from dossier.executor import make_executor
from dossier.model import Briefing
from dossier.pipeline import build_briefing
from dossier.progress import current
from dossier.publish.incremental import (
    IncrementalSite,
    exact_dirty_build,
    full_build_reason,
    load_manifest,
    manifest_path,
    save_manifest,
)
from dossier.render import make_environment, render_pages
from dossier.render.assets import asset_files
from dossier.render.page_memo import PageMemo
from dossier.settings import Settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin

log = logging.getLogger("dossier")


def site_briefing(settings: Settings, *, strict: bool = False) -> Briefing:
    """The briefing the site's pages and PDFs are built from."""
    return build_briefing(
        settings.article_paths, model=settings.model, strict=strict, curation=settings.curation_path,
        cache=site_cache(settings), executor=make_executor(settings.workers),
    )


def site_cache(settings: Settings) -> DiskCache | None:
    """The project's cache folder, unless the `cache` option is off."""
    return DiskCache(settings.cache_dir) if settings.cache_dir is not None else None


def generate_pages(
    settings: Settings, *, strict: bool = False, briefing: Briefing | None = None, changes: Changes | None = None,
    env: jinja2.Environment | None = None, processes: int = 1, meanwhile: Callable[[], None] | None = None,
    memo: PageMemo | None = None,
) -> dict[str, str]:
    """Every generated file of the site: {path: content}.  Pass `briefing`
    to render one already built (the plugin renders the PDFs from it too),
    `changes` for "What's new" (default: since the cached previous build),
    `env`, the templates' environment, to reuse one (default: a new one),
    and `processes` to render on more cores, `meanwhile` to do work of
    yours while forked processes finish, `memo` to reuse the pages of an
    earlier render that did not change (`render_pages`)."""
    if briefing is None:
        briefing = site_briefing(settings, strict=strict)
    if changes is None:
        changes = build_changes(briefing, settings)
    with current().stage("render", unit="pages") as stage:
        if env is None:
            env = make_environment(settings.templates_dir)
        pages = render_pages(briefing, settings, env, changes, processes=processes, meanwhile=meanwhile, memo=memo)
        pages.update(asset_files())
        stage.advance(len(pages))
    return pages


def build_site(
    config_file: Path, *, strict: bool = False, workers: int | None = None, cache: bool = True,
    delete_later: bool = False,
) -> Path:
    """`mkdocs build` into a temporary folder beside the site folder, then
    swap it in.  On failure the previous site stays as it was, and nothing
    outside the site folder is written.

    With the cache on, the build is incremental: the pages whose HTML can
    not have changed since the previous build are copied from the previous
    site instead of rendered (see `dossier.publish.incremental`); the output
    is the same as a full build's.

    The output is reproducible: unless SOURCE_DATE_EPOCH is set, the build
    date MkDocs writes (sitemap.xml, sitemap.xml.gz) is the `as_of` option's
    date, else 1970-01-01 (see `build_epoch`).  `workers` and `cache`
    override the options of the same name.  Temporary folders that
    interrupted builds left behind are removed first.  With `delete_later`
    (as `dossier build` does), the replaced site is deleted by a background
    process rather than before this returns (see `replace_dir`)."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        config = load_config(str(config_file), strict=strict)
    except exceptions.MkDocsException as exc:  # MkDocs logs each wrong value, then aborts
        raise BuildError(f"invalid configuration: {exc}", path=config_file) from exc
    plugin = config.plugins.get("dossier")
    if plugin is not None and strict:
        plugin.config["strict"] = True
    if plugin is not None and workers is not None:
        plugin.config["workers"] = workers
    if plugin is not None and not cache:
        plugin.config["cache"] = False
    site_dir = Path(config.site_dir).resolve()
    check_site_dir(site_dir, config, Path(config_file))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    mark_building(staging)
    config.site_dir = str(staging)
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(build_epoch(plugin.config.get("as_of") if plugin else None))
    incremental, manifest_file = _incremental(plugin, config, Path(config_file), site_dir)
    dirty = incremental is not None and incremental.previous is not None
    try:
        with _environ("SOURCE_DATE_EPOCH", epoch), exact_dirty_build() if dirty else nullcontext():
            build(config, dirty=dirty)
    except (exceptions.MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(
            f"site build failed, the previous site is left as it was: {_reason(exc)}", path=config_file
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if incremental is not None:
            plugin.incremental = None  # type: ignore[union-attr]
    (staging / BUILDING_MARKER).unlink(missing_ok=True)
    os.chmod(staging, 0o755)
    replace_dir(staging, site_dir, delete_later=delete_later)
    if incremental is not None and incremental.manifest is not None and manifest_file is not None:
        try:
            save_manifest(incremental.manifest, manifest_file)
        except OSError as exc:  # the site is built: only the next build is slower
            log.warning("dossier: could not keep the site manifest %s (%s); the next build is full", manifest_file, exc)
    return site_dir


def _incremental(
    plugin: BasePlugin | None, config: MkDocsConfig, config_file: Path, site_dir: Path,
) -> tuple[IncrementalSite | None, Path | None]:
    """This build's incremental side and where its manifest is kept; (None,
    None) when the build is full and keeps none (no dossier plugin, the
    cache off, or plugins that read every page)."""
    from dossier.config import settings_from_plugin

    if plugin is None or not hasattr(plugin, "incremental"):
        return None, None
    plugin.incremental = None  # MkDocs keeps plugin instances between builds in one process
    settings = settings_from_plugin(plugin.config, config_file, config.site_name)
    reason = full_build_reason(config)
    if settings.cache_dir is None or reason is not None:
        if reason:
            log.info("dossier: the site is built in full: %s", reason)
        return None, None
    manifest_file = manifest_path(settings.cache_dir, site_dir)
    previous = load_manifest(manifest_file) if (site_dir / "index.html").is_file() else None
    plugin.incremental = IncrementalSite(str(site_dir), previous, previous_site=site_dir)
    return plugin.incremental, manifest_file


# A file inside each temporary build folder: which process builds there.
# MkDocs leaves dot-files in the site folder alone when it cleans it.
BUILDING_MARKER = ".dossier-building"


def _process_start(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, from /proc), to
    tell it from a later process given the same id; None when unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()[19]


def _alive(pid: int, started: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    now = _process_start(pid)
    return started is None or now is None or now == started


def mark_building(staging: Path) -> None:
    pid = os.getpid()
    (staging / BUILDING_MARKER).write_text(f"{pid} {_process_start(pid) or '-'}\n", encoding="ascii")


def remove_stale_builds(site_dir: Path) -> list[Path]:
    """Remove the temporary folders that interrupted builds left beside
    `site_dir`: only folders this tool made (named `.<site>.building-*`,
    or `.<site>.old-*` for a replaced site being deleted, with the marker
    file inside) whose process is no longer running."""
    removed = []
    found = [*site_dir.parent.glob(f".{site_dir.name}.building-*"), *site_dir.parent.glob(f".{site_dir.name}.old-*")]
    for folder in sorted(found):
        marker = folder / BUILDING_MARKER
        if folder.is_symlink() or not folder.is_dir() or not marker.is_file():
            continue
        try:
            pid_text, _, started = marker.read_text(encoding="ascii").strip().partition(" ")
            pid = int(pid_text)
        except (OSError, ValueError, UnicodeDecodeError):
            continue
        if _alive(pid, None if started in ("", "-") else started):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if removed:
        log.info("dossier: removed %d temporary folder(s) of interrupted builds", len(removed))
    return removed


def _reason(exc: BaseException) -> str:
    """MkDocs reports a plugin's error as 'Aborted with a BuildError!' and
    logs the message: name the error itself."""
    from mkdocs.exceptions import Abort

    inner = exc.__cause__ or exc.__context__
    if isinstance(exc, Abort) and "BuildError" in str(exc) and inner is not None:
        return str(inner)
    return str(exc)


def build_epoch(as_of: str | None) -> int:
    """SOURCE_DATE_EPOCH for a build: midnight UTC of the `as_of` date, or 0
    (1970-01-01) when none is configured.  Never the clock: two builds of
    the same input are byte-identical."""
    if as_of:
        try:
            day = dt.date.fromisoformat(str(as_of).strip()[:10])
        except ValueError:
            return 0
        return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())
    return 0


@contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


def check_site_dir(site_dir: Path, config: MkDocsConfig, config_file: Path) -> None:
    """Refuse a site folder whose replacement would delete the user's files:
    the project folder, docs/, templates/, the articles or the curation file,
    or a folder that holds something other than an earlier build."""
    from dossier.config import settings_from_plugin

    root = config_file.resolve().parent
    protected = {"the project folder": root, "docs_dir": Path(config.docs_dir).resolve()}
    plugin = config.plugins.get("dossier")
    if plugin is not None:
        settings = settings_from_plugin(plugin.config, config_file, config.site_name)
        protected["the templates folder"] = settings.templates_dir.resolve()
        protected["the curation file"] = settings.curation_path.resolve()
        for path in settings.article_paths:
            protected[f"the articles {path}"] = path.resolve()
    for what, path in protected.items():
        if path == site_dir or path.is_relative_to(site_dir) or (
            what.startswith("the articles") and site_dir.is_relative_to(path)
        ):
            raise BuildError(
                f"site_dir {site_dir} would replace or sit inside {what} ({path}); expected a folder of its own "
                "such as 'site' (nothing was changed)",
                path=config_file,
            )
    if site_dir.exists() and (
        not site_dir.is_dir() or (any(site_dir.iterdir()) and not (site_dir / "index.html").is_file())
    ):
        raise BuildError(
            f"site_dir {site_dir} exists and does not hold an earlier build (no index.html); expected a new "
            "folder or the site folder of an earlier build, which is replaced (nothing was changed)",
            path=config_file,
        )


def replace_dir(new: Path, target: Path, *, delete_later: bool = False) -> None:
    """Put `new` where `target` is, as close to atomically as the file
    system allows: the old folder is moved aside, then removed.  With
    `delete_later`, a background process removes it, so that the caller
    need not wait (on some disks, deleting a site of thousands of pages
    takes longer than building it again); if that process is stopped, the
    next build removes what is left (`remove_stale_builds`)."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is None:
        return
    if not delete_later or not _delete_in_background(old):
        shutil.rmtree(old, ignore_errors=True)


# Run by the background process that deletes a replaced site: it marks the
# folder as its own first, so that a build started meanwhile leaves it alone.
_DELETER = (
    "import os, shutil, sys; "
    "open(os.path.join(sys.argv[1], sys.argv[2]), 'w').write(f'{os.getpid()} -\\n'); "
    "shutil.rmtree(sys.argv[1], ignore_errors=True)"
)


def _delete_in_background(folder: Path) -> bool:
    """Start a process that removes `folder`; False if it could not be
    started.  The folder is marked as this process's until the deleting
    process marks it as its own: if the deletion is stopped, the next build
    finishes it."""
    import subprocess
    import sys

    try:
        mark_building(folder)
        subprocess.Popen(
            [sys.executable, "-c", _DELETER, str(folder), BUILDING_MARKER],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
    except OSError:
        return False
    return True

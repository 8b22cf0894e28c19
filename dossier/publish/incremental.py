"""Incremental site builds on MkDocs' own `dirty` mechanism.

MkDocs' `build(config, dirty=True)` skips reading, converting and rendering
every page whose `File.is_modified()` is False.  Its own test (the output is
older than the source file) is unsafe, so dirty builds are a development aid
that MkDocs warns about.  Here the test is exact: a generated page is skipped
only when everything its HTML depends on is the same as in the build that
wrote its HTML, as recorded in a manifest of that build:

- the site context, which every page depends on (`site_key`): the
  configuration, the nav, the installed packages' versions (MkDocs, the
  theme, Markdown extensions), dossier's publishing code, the theme
  overrides and the hand-written docs;
- the page's own key: its Markdown, its path and URL, its inclusion level;
- the answer to every lookup of another file the page made while it was
  rendered (how its links resolved), asked again of this build's files;
- and no warning was logged while it was rendered (a skipped page would not
  log it again; `--strict` must fail the same way).

A page in the nav whose title the nav does not give is always rendered (its
title, from its Markdown, shows in the nav of every page); the nav itself, its
titles and URLs in order, is part of the site context.  A skipped page's HTML comes from the previous build: copied
(never linked, the previous site must survive a failed build) and checked
against the SHA-256 the manifest recorded; under `mkdocs serve --dirty` it is
already in the served folder.  What MkDocs would have learnt from rendering it
is restored from the manifest: its anchors and its links to anchors (so
anchor validation warns exactly as in a full build), and its entries of the
search index, merged back in page order.

Only plugins known to work page by page are allowed (`PER_PAGE_PLUGINS`);
with any other plugin (a tags or blog plugin reads every page) the build is
full.  The output is byte-identical to a full build
(tests/publish/test_incremental.py compares whole site trees).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, Files

from dossier.cache import _PACKAGE, code_version, digest

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("dossier")

MANIFEST_FORMAT = "dossier-site-manifest 1"
MANIFEST_DIR = "site"  # in the cache folder: one manifest per site folder (projects may share a cache)
SEARCH_INDEX = "search/search_index.json"


def _material_index(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"), default=str)  # as material/search writes it


def _mkdocs_index(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)  # as MkDocs' search writes it


# The search plugins whose index can be merged, each with how it serializes the index.
SEARCH_PLUGINS: dict[str, Callable[[dict[str, Any]], str]] = {
    "material/search": _material_index,
    "search": _mkdocs_index,
}
# Plugins whose work on a page depends on that page alone (or, for search, is merged here).
PER_PAGE_PLUGINS = frozenset({"dossier", *SEARCH_PLUGINS})


def full_build_reason(config: MkDocsConfig) -> str | None:
    """Why this configuration can not be built incrementally; None when it can."""
    others = sorted(set(config.plugins) - PER_PAGE_PLUGINS)
    if others:
        return f"plugin(s) {', '.join(others)} may read every page"
    search = config.plugins.get("search")
    if search is not None and search.config.get("prebuild_index"):
        return "the search index is prebuilt"
    return None


@dataclass
class PageRecord:
    """What the manifest keeps of one generated page."""

    key: str  # the page's Markdown, path, URL and the site context
    html: str  # SHA-256 of the HTML written
    lookups: dict[str, str | None]  # path looked up while rendering -> what it found
    anchors: list[str] | None  # Page.present_anchor_ids
    links: dict[str, dict[str, str]] | None  # Page.links_to_anchors, by target path
    search: list[dict[str, Any]] = field(default_factory=list)  # its entries of the search index


@dataclass
class Manifest:
    site_dir: str
    site_key: str
    pages: dict[str, PageRecord]

    def dumps(self) -> str:
        body = json.dumps({"site_dir": self.site_dir, "site_key": self.site_key,
                           "pages": {k: vars(v) for k, v in self.pages.items()}}, separators=(",", ":"))
        return f"{MANIFEST_FORMAT} {hashlib.sha256(body.encode()).hexdigest()}\n{body}"

    @classmethod
    def loads(cls, text: str) -> Manifest | None:
        """The manifest in `text`, or None when it is not one or is damaged."""
        header, _, body = text.partition("\n")
        fmt, _, checksum = header.rpartition(" ")
        if fmt != MANIFEST_FORMAT or hashlib.sha256(body.encode()).hexdigest() != checksum:
            return None
        try:
            data = json.loads(body)
            return cls(data["site_dir"], data["site_key"], {k: PageRecord(**v) for k, v in data["pages"].items()})
        except (ValueError, KeyError, TypeError):
            return None


def manifest_path(cache_dir: Path, site_dir: Path) -> Path:
    """Where the manifest of the site built in `site_dir` is kept."""
    return cache_dir / MANIFEST_DIR / f"{digest(str(site_dir.resolve()))[:16]}.json"


def load_manifest(path: Path | None) -> Manifest | None:
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    manifest = Manifest.loads(text)
    if manifest is None:
        log.info("dossier: %s is damaged; the site is built in full", path)
    return manifest


def save_manifest(manifest: Manifest, path: Path) -> None:
    """Write atomically: a reader sees the old manifest or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(manifest.dumps())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class GeneratedPage(File):
    """A generated Markdown page that MkDocs may skip in a dirty build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class IncrementalSite:
    """One build's side of incremental building, driven by the plugin's events.

    `site_dir` is the site folder the build is for; `previous` the manifest
    of the build whose HTML is there.  With `previous_site`, the HTML of
    skipped pages is copied from there into the folder MkDocs builds in
    (`dossier build` builds into an empty folder and swaps it in), else it
    is already in place (`mkdocs serve --dirty` rebuilds in its folder).
    Without `previous`, every page is rendered and the manifest recorded."""

    def __init__(self, site_dir: str, previous: Manifest | None, *, previous_site: Path | None = None) -> None:
        self.site_dir = site_dir
        self.previous = previous if previous is not None and previous.site_dir == site_dir else None
        self.previous_site = previous_site
        self.copy = previous_site is not None
        self.manifest: Manifest | None = None  # this build's, once it is done
        self.skipped: set[str] = set()
        self._keys: dict[str, str] = {}  # candidate page -> its key
        self._lookups: dict[str, dict[str, str | None]] = {}
        self._warned: set[str] = set()
        self._html: dict[str, str] = {}
        self._site_key = ""
        self._files: Files | None = None
        self._handler: _WarningRecorder | None = None

    # -- on_files: watch the rendering -------------------------------------

    def watch(self, files: Files, config: MkDocsConfig) -> None:
        """Record every file lookup and every warning made while a page is rendered."""
        self._files = files
        find = files.get_file_from_path

        def recording_lookup(path: str) -> File | None:
            found = find(path)
            page = getattr(config, "_current_page", None)
            if page is not None:
                self._lookups.setdefault(page.file.src_uri, {})[PurePath(path).as_posix()] = _found(found)
            return found

        files.get_file_from_path = recording_lookup  # type: ignore[method-assign]
        self._handler = _WarningRecorder(config, self._warned)
        logging.getLogger("mkdocs").addHandler(self._handler)

    def close(self) -> None:
        if self._handler is not None:
            logging.getLogger("mkdocs").removeHandler(self._handler)
            self._handler = None

    # -- on_nav: decide which pages to skip --------------------------------

    def plan(self, files: Files, nav: Navigation, config: MkDocsConfig) -> int:
        """Mark the pages that need no rendering; returns how many."""
        untitled = {page.file.src_uri for page in nav.pages if page.__dict__.get("title") is None}
        self._site_key = site_key(files, nav, config)
        for file in files:
            if isinstance(file, GeneratedPage):
                if file.is_documentation_page() and file.src_uri not in untitled:
                    self._keys[file.src_uri] = page_key(file, self._site_key)
            elif file.is_documentation_page():
                # MkDocs' own test (the HTML is newer than the Markdown) would skip a page whose nav changed.
                file.is_modified = _modified  # type: ignore[method-assign]
        previous = self.previous
        if previous is None or previous.site_key != self._site_key:
            return 0
        if not self.copy:
            self._remove_stale(previous, files, config)
        found = {uri: _found(file) for uri, file in files.src_uris.items()}  # what a lookup would find now
        for src_uri, key in self._keys.items():
            record = previous.pages.get(src_uri)
            file = files.src_uris[src_uri]
            assert isinstance(file, GeneratedPage)
            if record is None or record.key != key:
                continue
            if any(found.get(path) != then for path, then in record.lookups.items()):
                continue
            if record.links is not None and not record.links.keys() <= files.src_uris.keys():
                continue
            if not self._keep_html(file, record):
                continue
            file.unchanged = True
            self.skipped.add(src_uri)
        for src_uri in self.skipped:
            self._restore(files.src_uris[src_uri], previous.pages[src_uri], files, config)
        return len(self.skipped)

    @staticmethod
    def _remove_stale(previous: Manifest, files: Files, config: MkDocsConfig) -> None:
        """In a folder rebuilt in place: the HTML of generated pages that are gone."""
        for src_uri in previous.pages.keys() - files.src_uris.keys():
            gone = File(src_uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
            path = Path(gone.abs_dest_path)
            path.unlink(missing_ok=True)
            site = Path(config.site_dir)
            while path.parent != site and path.parent.is_dir() and not any(path.parent.iterdir()):
                path = path.parent
                path.rmdir()

    def _keep_html(self, file: File, record: PageRecord) -> bool:
        if not self.copy:
            return Path(file.abs_dest_path).is_file()
        assert self.previous_site is not None
        try:
            html = (self.previous_site / file.dest_uri).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(html).hexdigest() != record.html:
            return False
        target = Path(file.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
        return True

    def _restore(self, file: File, record: PageRecord, files: Files, config: MkDocsConfig) -> None:
        """What rendering the page would have told MkDocs."""
        from mkdocs.structure.pages import Page

        page = file.page if file.page is not None else Page(None, file, config)
        page.present_anchor_ids = set(record.anchors) if record.anchors is not None else None
        if record.links is not None:
            page.links_to_anchors = {files.src_uris[path]: links for path, links in record.links.items()}

    # -- on_post_page, on_post_build: record this build --------------------

    def rendered(self, page: Page, output: str) -> None:
        if page.file.src_uri in self._keys:
            html = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
            self._html[page.file.src_uri] = hashlib.sha256(html).hexdigest()

    def finish(self, config: MkDocsConfig) -> None:
        """Merge the skipped pages' search entries into the index, and make
        this build's manifest."""
        self.close()
        files = self._files
        if files is None:
            return
        search = _search_entries(files, config, self.skipped, self.previous)
        if search is None:  # an index this module can not take apart: the next build is full
            return
        pages: dict[str, PageRecord] = {}
        for src_uri, key in self._keys.items():
            file = files.src_uris[src_uri]
            if src_uri in self.skipped:
                assert self.previous is not None
                pages[src_uri] = self.previous.pages[src_uri]
                continue
            page = file.page
            if src_uri in self._warned or src_uri not in self._html or page is None:
                continue  # warned, or not written: never skipped
            links = page.links_to_anchors
            pages[src_uri] = PageRecord(
                key=key, html=self._html[src_uri], lookups=self._lookups.get(src_uri, {}),
                anchors=sorted(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
                links=None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
                search=search.get(page.url, []),
            )
        self.manifest = Manifest(self.site_dir, self._site_key, pages)


def _modified() -> bool:
    return True


def _found(file: File | None) -> str | None:
    """What a lookup found, as far as a link to it is concerned."""
    if file is None:
        return None
    return f"{file.url}\0{int(file.inclusion.is_excluded())}"


class _WarningRecorder(logging.Handler):
    """Notes the pages a warning was logged for while they were rendered."""

    def __init__(self, config: MkDocsConfig, warned: set[str]) -> None:
        super().__init__(logging.WARNING)
        self.config = config
        self.warned = warned

    def emit(self, record: logging.LogRecord) -> None:
        page = getattr(self.config, "_current_page", None)
        if page is not None:
            self.warned.add(page.file.src_uri)


def _search_entries(
    files: Files, config: MkDocsConfig, skipped: set[str], previous: Manifest | None,
) -> dict[str, list[dict[str, Any]]] | None:
    """{page URL: its entries} of the index the search plugin wrote, with
    the skipped pages' entries from the previous manifest merged back in
    page order (the file is rewritten then).  {} without a search plugin
    or index; None when the index has entries of no page."""
    name = next((n for n in SEARCH_PLUGINS if n in config.plugins), None)
    path = Path(config.site_dir) / SEARCH_INDEX
    if name is None or not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in data["docs"]:
        groups.setdefault(str(entry["location"]).partition("#")[0], []).append(entry)
    pages = [file for file in files if file.is_documentation_page()]
    if skipped:
        assert previous is not None
        for file in pages:
            if file.src_uri in skipped:
                groups[file.url if file.url not in (".", "./") else ""] = previous.pages[file.src_uri].search
        order = {(f.url if f.url not in (".", "./") else ""): i for i, f in enumerate(pages)}
        if set(groups) - set(order):
            return None
        data["docs"] = [entry for url in sorted(groups, key=order.__getitem__) for entry in groups[url]]
        path.write_bytes(SEARCH_PLUGINS[name](data).encode("utf-8"))
    return groups


# -- keys -------------------------------------------------------------------

# Options of the dossier plugin that do not change a site that builds: processes; failing on a bad article
# (MkDocs' own `strict` is left out too: a page that logged a warning is never skipped).
NO_OUTPUT_OPTIONS = ("workers", "strict")


def page_key(file: File, site: str) -> str:
    return digest(site, file.src_uri, file.dest_uri, file.url, str(file.inclusion), file.content_bytes)


def site_key(files: Files, nav: Navigation, config: MkDocsConfig) -> str:
    """A hash of what every page's HTML depends on."""
    own = [f for f in files if f.generated_by is None and f.abs_src_path
           and Path(config.docs_dir) in Path(f.abs_src_path).parents]
    custom = config.theme.custom_dir
    options = _plain({k: v for k, v in config.items() if k not in ("site_dir", "strict")})
    for name in NO_OUTPUT_OPTIONS:  # the output is the same whatever their value
        options["plugins"].get("dossier", [None, {}])[1].pop(name, None)
    return digest(
        MANIFEST_FORMAT,
        json.dumps(options, sort_keys=True),
        json.dumps(_nav(nav.items), sort_keys=True),
        json.dumps(_distributions()),
        sys.version,
        code_version([_PACKAGE / "publish"]),
        code_version([Path(custom)]) if custom else "",
        json.dumps(sorted((f.src_uri, digest(f.content_bytes)) for f in own)),
        os.environ.get("SOURCE_DATE_EPOCH", ""),
        # MkDocs records a page's links to anchors only when its log shows more than debug messages.
        str(logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG),
    )


def _nav(items: list[Any]) -> list[Any]:
    """The nav as it shows on every page: titles and URLs (a page's title
    comes from its Markdown unless the nav gives one)."""
    out: list[Any] = []
    for item in items:
        if getattr(item, "is_page", False):
            explicit = item.__dict__.get("title")
            out.append(["page", explicit, item.file.src_uri, item.url,
                        None if explicit is not None else digest(item.file.content_bytes)])
        elif getattr(item, "is_section", False):
            out.append(["section", item.title, _nav(item.children or [])])
        else:
            out.append(["link", item.title, getattr(item, "url", None)])
    return out


def _plain(value: Any) -> Any:
    """`value` as JSON data: configuration values, plugins by their options."""
    from mkdocs.plugins import BasePlugin, PluginCollection
    from mkdocs.theme import Theme

    if isinstance(value, PluginCollection):
        return {name: _plain(plugin) for name, plugin in value.items()}
    if isinstance(value, BasePlugin):
        return [type(value).__qualname__, _plain(dict(value.config))]
    if isinstance(value, Theme):
        return {"name": value.name, "dirs": value.dirs, "vars": _plain(dict(value.items()))}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date | Path):
        return str(value)
    return f"<{type(value).__module__}.{type(value).__qualname__}>"


@functools.cache
def _distributions() -> list[tuple[str, str]]:
    """Every installed package and its version (MkDocs, the theme, Markdown and its extensions...)."""
    return sorted({(d.metadata["Name"] or "", d.version) for d in importlib.metadata.distributions()})


# -- the dirty build's warning ----------------------------------------------

class _DirtyWarning(logging.Filter):
    """Drops MkDocs' general warning about dirty builds: here the skip is exact."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("A 'dirty' build is being performed")
                    or message.startswith("The directory contains stale files"))


_QUIET = _DirtyWarning()


def quiet_dirty_warning(on: bool) -> None:
    """Silence (or not) MkDocs' warning about dirty builds."""
    logger = logging.getLogger("mkdocs.commands.build")
    if on:
        logger.addFilter(_QUIET)
    else:
        logger.removeFilter(_QUIET)


@contextmanager
def exact_dirty_build() -> Iterator[None]:
    quiet_dirty_warning(True)
    try:
        yield
    finally:
        quiet_dirty_warning(False)

"""The on-disk cache `.dossier-cache/` beside mkdocs.yml.

Entries are addressed by a hash of everything their content depends on:
for an extraction, the article's content, the spaCy model's name and version
and the version of dossier's own extraction code (`code_version`, a hash of
the sources, so a change of code can not be forgotten); for a PDF, its print
HTML and the renderer's version.  An entry is never edited, only written
whole under its key, so two builds writing at once at worst write the same
bytes twice.

Each entry starts with a header holding a SHA-256 of its payload: a
truncated or damaged entry fails the check, is deleted and re-made, never
trusted.  The folder is safe to delete at any time.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger("dossier")

CACHE_DIR = ".dossier-cache"
_MAGIC = b"dossier-cache 1\n"
_DIGEST = hashlib.sha256().digest_size
_PACKAGE = Path(__file__).resolve().parent
# The sources extraction results depend on: the code that reads and extracts,
# and the model classes the results are made of.
EXTRACTOR_SOURCES = ("ingest", "extract", "model.py")
README_TEXT = (
    "Cached extraction results and PDFs of dossier builds.\n"
    "Safe to delete at any time: the next build re-makes what it needs.\n"
)


def digest(*parts: str | bytes) -> str:
    """A SHA-256 hex digest of `parts`, each one delimited."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def _source_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(files)


def code_version(paths: Iterable[Path]) -> str:
    """A hash of the files under `paths` (names and contents)."""
    h = hashlib.sha256()
    for file in _source_files(paths):
        h.update(str(file.relative_to(_PACKAGE) if file.is_relative_to(_PACKAGE) else file.name).encode())
        h.update(b"\0")
        h.update(file.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


@functools.cache
def extractor_version() -> str:
    """The version of dossier's extraction: a hash of its sources, so any
    change of the extraction code makes earlier cache entries miss."""
    return source_version(*EXTRACTOR_SOURCES)


def package_version(dist: str) -> str:
    """The installed version of a distribution, or 'unknown'."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "unknown"


def source_version(*names: str) -> str:
    """`code_version` of files or folders of the dossier package."""
    return code_version(_PACKAGE / name for name in names)


@functools.cache
def model_version(name: str) -> str:
    """'<model version>/<spaCy version>' of an installed spaCy pipeline
    package, without loading it; 'unknown' parts when not installed as a
    package (then the cache key still holds the name)."""
    return f"{package_version(name)}/{package_version('spacy')}"


class DiskCache:
    """A folder of entries, each a pickled value under a hex key."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0
        self.damaged = 0
        self.unwritable = False  # said once; later entries are not tried

    def _path(self, namespace: str, key: str) -> Path:
        return self.root / namespace / key[:2] / key

    def get(self, namespace: str, key: str) -> Any | None:
        """The value stored under `key`, or None when there is none or the
        entry is damaged (then it is removed)."""
        path = self._path(namespace, key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        head, payload = data[: len(_MAGIC) + _DIGEST], data[len(_MAGIC) + _DIGEST :]
        value = None
        if head == _MAGIC + hashlib.sha256(payload).digest():
            try:
                value = pickle.loads(payload)
            except Exception:  # unpicklable: a class changed shape; re-make it
                value = None
        if value is None:
            self.damaged += 1
            self.misses += 1
            log.info("dossier: cache entry %s is damaged or outdated; it is made again", path)
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        return value

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store `value` under `key`: written to a temporary file in the same
        folder, then renamed over the entry, so a reader sees a whole entry
        or none.  A cache that can not be written is not an error."""
        if self.unwritable:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._path(namespace, key)
        try:
            self._ensure_root()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.unwritable = True
            log.warning("dossier: cannot write the cache in %s (%s); builds will not be faster", self.root,
                        exc.strerror or exc)

    def discard_others(self, namespace: str, key: str) -> None:
        """Remove every entry of `namespace` but `key` (for a namespace that
        holds one current entry, such as the read stage's)."""
        folder = self.root / namespace
        if not folder.is_dir():
            return
        for path in folder.glob("*/*"):
            if path.name != key and not path.name.startswith("."):
                path.unlink(missing_ok=True)

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / "README.txt").write_text(README_TEXT, encoding="utf-8")
            # The cache is no one's source: keep it out of git even where .gitignore does not list it.
            (self.root / ".gitignore").write_text("*\n", encoding="utf-8")


def project_cache(root: Path) -> DiskCache:
    """The cache of the project whose mkdocs.yml is in `root`."""
    return DiskCache(Path(root) / CACHE_DIR)

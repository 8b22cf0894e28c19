"""The read stage's work kept on disk between builds.

Reading an article (decoding, finding its title, date and paragraphs) and
hashing its text for near-duplicate detection cost a few milliseconds each:
seconds for a thousand articles at every build.  `mkdocs serve` keeps that
work in memory between rebuilds (`dossier.ingest._READ`,
`dossier.ingest.duplicates._SIGNED` and `_PAIRS`, keyed by content); a `dossier
build` restores them from the project's cache before reading and keeps them
after, so that only the files whose bytes changed are read again.

The entry is keyed by the version of the reading code (any change of it
misses), holds the last build's articles only, and a damaged entry is
ignored (`DiskCache.get`), then replaced.
"""

from __future__ import annotations

from typing import Any

from dossier import ingest
from dossier.cache import DiskCache, digest, extractor_version
from dossier.ingest import duplicates

NAMESPACE = "read"


def _key() -> str:
    return digest("read-stage", extractor_version())


def _fingerprint() -> tuple[frozenset[Any], frozenset[bytes], frozenset[Any]]:
    return frozenset(ingest._READ), frozenset(duplicates._SIGNED), frozenset(duplicates._PAIRS)


def restore(cache: DiskCache | None) -> tuple[frozenset[Any], frozenset[bytes], frozenset[Any]] | None:
    """Fill the in-memory read caches from `cache` when they are empty (a
    new process); returns what they then hold, for `keep`."""
    if cache is None:
        return None
    if not ingest._READ and not duplicates._SIGNED:
        state = cache.get(NAMESPACE, _key())
        if isinstance(state, dict) and all(isinstance(state.get(k), dict) for k in ("read", "signed", "pairs")):
            ingest._READ.update(state["read"])
            duplicates._SIGNED.update(state["signed"])
            duplicates._PAIRS.update(state["pairs"])
    return _fingerprint()


def keep(cache: DiskCache | None, restored: tuple[frozenset[Any], frozenset[bytes], frozenset[Any]] | None) -> None:
    """Write the in-memory read caches to `cache` if this build changed them."""
    if cache is None or _fingerprint() == restored:
        return
    key = _key()
    cache.put(NAMESPACE, key, {"read": ingest._READ, "signed": duplicates._SIGNED, "pairs": duplicates._PAIRS})
    cache.discard_others(NAMESPACE, key)  # made by an earlier version of the code

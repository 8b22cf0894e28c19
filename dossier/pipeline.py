"""The whole pipeline in one place, top to bottom:

    ingest -> extract -> resolve -> (render -> publish | pdf)

`build_briefing` produces the model; `dossier.render` turns it into Markdown
pages, `dossier.publish` into a MkDocs site and `dossier.pdf` into PDFs.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
from collections.abc import Sequence
from pathlib import Path

from dossier import extract, ingest, resolve
from dossier.cache import DiskCache, digest, extractor_version, model_version
from dossier.errors import ExtractError, IngestError
from dossier.executor import Executor
from dossier.extract.entities import gazetteer
from dossier.extract.nlp import DEFAULT_MODEL
from dossier.ingest import state
from dossier.model import Article, Briefing
from dossier.progress import current

log = logging.getLogger("dossier")

# Extraction results by key (see `extraction_key`), so that `mkdocs serve`
# re-extracts only the articles that changed; the disk cache
# (`dossier.cache`) keeps them between builds.  Kept as objects, not pickled:
# resolve leaves the one-article briefings as they were
# (`dossier.resolve.copies`), so every build can use the same ones, and a
# rebuild need not unpickle a thousand of them again.
_EXTRACTED: dict[str, Briefing] = {}
# The key of each article file's latest extraction: an edited article's
# earlier one is dropped (the disk cache still has it, should the edit be undone).
_LATEST: dict[str, str] = {}
_CACHE_LIMIT = 5000
# Fewer articles to extract than this run in this process: starting worker
# processes and loading the model in each costs more than it saves.
PARALLEL_MIN = 48


def article_digest(article: Article) -> str:
    """A hash of everything extraction reads of an article."""
    h = hashlib.sha256()
    for part in (article.id, article.path, article.title, article.published or "", article.source or ""):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for paragraph in article.paragraphs:
        h.update(paragraph.kind.encode() + b"\0" + paragraph.text.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def extraction_key(article: Article, model: str) -> str:
    """The cache key of an article's extraction: its content, the model's
    name and version, and the extraction code's version."""
    return digest(article_digest(article), model, model_version(model), extractor_version())


def clear_memory_cache() -> None:
    """Forget the extractions and resolve results kept in this process, as
    a new process would (the disk cache stays)."""
    _EXTRACTED.clear()
    _LATEST.clear()
    resolve.clear_memos()


def extract_cached(
    articles: Sequence[Article], model: str, *, cache: DiskCache | None = None, executor: Executor | None = None,
) -> list[Briefing]:
    """One-article briefings for `articles`, extracting only those whose
    result is in neither this process's memory nor the disk `cache`.  The
    extraction runs on `executor` when there are enough articles to share."""
    collecting = gc.isenabled()
    keys = [extraction_key(a, model) for a in articles]
    kept: dict[str, Briefing] = {}
    found: dict[str, bytes] = {}
    missing: list[tuple[Article, str]] = []
    for article, key in zip(articles, keys, strict=True):
        if key in found or key in kept:
            continue
        part = _EXTRACTED.get(key)
        if part is not None:
            kept[key] = part
            continue
        data = cache.get("extract", key) if cache is not None else None
        if not isinstance(data, bytes):
            missing.append((article, key))
        else:
            found[key] = data
    with current().stage("extract", total=len(missing), unit="articles") as stage:
        stage.note(f"{len(found) + len(kept)} from the cache")
        use = executor if executor is not None and len(missing) >= PARALLEL_MIN else None
        # Keyed by the content read from disk: extraction may fill in an inferred date.
        parts = extract.extract_articles([a for a, _ in missing], model, executor=use, done=stage.advance)
    fresh: dict[str, Briefing] = {}
    for (_, key), part in zip(missing, parts, strict=True):
        if not part.problems:  # a failed stage is tried again next time
            kept[key] = part
            if cache is not None:
                cache.put("extract", key, pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        else:
            fresh[key] = part
    # Unpickling a thousand extractions makes about a million small objects: the cyclic garbage collector,
    # run again and again over the growing heap, took four times as long as the unpickling itself.  (The
    # collector is left as it was found: srsly, loading the spaCy model during extraction, turns it on.)
    gc.disable()
    try:
        kept.update((key, pickle.loads(data)) for key, data in found.items())
    finally:
        if collecting:
            gc.enable()
    for article, key in zip(articles, keys, strict=True):
        earlier = _LATEST.get(article.path)
        if earlier is not None and earlier != key:
            _EXTRACTED.pop(earlier, None)
        _LATEST[article.path] = key
    if len(_EXTRACTED) + len(kept) > _CACHE_LIMIT:
        _EXTRACTED.clear()
        _LATEST.clear()
    _EXTRACTED.update(kept)
    return [fresh[k] if k in fresh else kept[k] for k in keys]


def build_briefing(
    paths: Sequence[str | Path], *, model: str = DEFAULT_MODEL, strict: bool = False,
    curation: Path | None = None, published_before: str | None = None, cache: DiskCache | None = None,
    executor: Executor | None = None,
) -> Briefing:
    """Read, extract and resolve every article under `paths`.

    A bad file is skipped with a warning (kept in `Briefing.problems`), and
    so is an extraction stage that fails on an article; with `strict`, the
    first of either raises instead.  With `published_before` (an ISO
    date), only the articles published before it are resolved: the dossier
    as it stood then ("What's new since").  `cache` keeps extraction results
    between builds; `executor` runs the extraction (default: this process).
    """
    reporter = current()
    with reporter.stage("read", unit="articles") as stage:
        restored = state.restore(cache)
        loaded = ingest.load_articles(paths)
        copies = ingest.set_aside_duplicates(loaded)  # listed with the article they copy, not extracted
        state.keep(cache, restored)
        stage.advance(len(loaded.articles))
        notes = [f"{len(copies)} copies set aside"] if copies else []
        if loaded.unchanged:
            notes.append(f"{loaded.unchanged} files unchanged since the last build")
        if notes:
            stage.note(", ".join(notes))
    if strict and loaded.problems:
        raise loaded.problems[0]
    have_places = gazetteer.restore_places(cache)
    parts = extract_cached(loaded.articles, model, cache=cache, executor=executor)
    failed = [problem for part in parts for problem in part.problems]
    if strict and failed:
        raise ExtractError(failed[0])
    if published_before is not None:
        parts = [p for p in parts if p.articles and (p.articles[0].published or "")[:10] < published_before]
    with reporter.stage("resolve") as stage:
        briefing = resolve.merge_briefings(parts)
        briefing.problems.extend(str(p) for p in loaded.problems)
        kept = {a.id for a in briefing.articles}
        briefing.duplicates = [c for c in copies if c.duplicate_of in kept]
        if curation is not None and curation.exists():
            from dossier.resolve.curation import apply_curation

            apply_curation(briefing, curation)
        # After curation: people it merges may have said the same words.
        briefing.quotes = resolve.fold_quotes(briefing.quotes)
        gazetteer.keep_places(cache, have_places)
        stage.note(f"{len(briefing.people)} people, {len(briefing.events)} events, "
                   f"{len(briefing.documents)} documents")
    return briefing


__all__ = ["IngestError", "build_briefing"]

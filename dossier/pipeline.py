"""The whole pipeline in one place, top to bottom:

    ingest -> extract -> resolve -> (render -> publish | pdf)

`build_briefing` produces the model; `dossier.render` turns it into Markdown
pages, `dossier.publish` into a MkDocs site and `dossier.pdf` into PDFs.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path

from dossier import extract, ingest, resolve
from dossier.errors import ExtractError, IngestError
from dossier.extract.nlp import DEFAULT_MODEL
from dossier.model import Article, Briefing

log = logging.getLogger("dossier")

# Extraction results by article content, so that `mkdocs serve` re-extracts
# only the articles that changed.  Entries are copied in and out because
# resolve rewrites ids in place.
_EXTRACTED: dict[tuple[str, str], Briefing] = {}
_CACHE_LIMIT = 5000


def _article_key(article: Article, model: str) -> tuple[str, str]:
    digest = hashlib.sha256()
    for part in (article.id, article.path, article.title, article.published or "", article.source or ""):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for paragraph in article.paragraphs:
        digest.update(paragraph.kind.encode() + b"\0" + paragraph.text.encode("utf-8", "surrogatepass") + b"\0")
    return model, digest.hexdigest()


def extract_cached(articles: Sequence[Article], model: str) -> list[Briefing]:
    """One-article briefings for `articles`, parsing only those not seen
    before with the same content."""
    keys = [_article_key(a, model) for a in articles]
    missing = [(a, k) for a, k in zip(articles, keys, strict=True) if k not in _EXTRACTED]
    if len(_EXTRACTED) + len(missing) > _CACHE_LIMIT:
        _EXTRACTED.clear()
    # Keyed by the content read from disk: extraction may fill in an inferred date.
    parts = extract.extract_articles([a for a, _ in missing], model)
    fresh: dict[tuple[str, str], Briefing] = {}
    for (_, key), part in zip(missing, parts, strict=True):
        fresh[key] = part
        if not part.problems:  # a failed stage is tried again next time
            _EXTRACTED[key] = copy.deepcopy(part)
    return [fresh[k] if k in fresh else copy.deepcopy(_EXTRACTED[k]) for k in keys]


def build_briefing(
    paths: Sequence[str | Path], *, model: str = DEFAULT_MODEL, strict: bool = False,
    curation: Path | None = None, published_before: str | None = None,
) -> Briefing:
    """Read, extract and resolve every article under `paths`.

    A bad file is skipped with a warning (kept in `Briefing.problems`), and
    so is an extraction stage that fails on an article; with `strict`, the
    first of either raises instead.  With `published_before` (an ISO
    date), only the articles published before it are resolved: the dossier
    as it stood then ("What's new since").
    """
    loaded = ingest.load_articles(paths)
    copies = ingest.set_aside_duplicates(loaded)  # listed with the article they copy, not extracted
    if strict and loaded.problems:
        raise loaded.problems[0]
    parts = extract_cached(loaded.articles, model)
    failed = [problem for part in parts for problem in part.problems]
    if strict and failed:
        raise ExtractError(failed[0])
    if published_before is not None:
        parts = [p for p in parts if p.articles and (p.articles[0].published or "")[:10] < published_before]
    briefing = resolve.merge_briefings(parts)
    briefing.problems.extend(str(p) for p in loaded.problems)
    kept = {a.id for a in briefing.articles}
    briefing.duplicates = [c for c in copies if c.duplicate_of in kept]
    if curation is not None and curation.exists():
        from dossier.resolve.curation import apply_curation

        apply_curation(briefing, curation)
    return briefing


__all__ = ["IngestError", "build_briefing"]

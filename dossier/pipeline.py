"""The whole pipeline in one place, top to bottom:

    ingest -> extract -> resolve -> (render -> publish | pdf)

`build_briefing` produces the model; `dossier.render` turns it into Markdown
pages, `dossier.publish` into a MkDocs site and `dossier.pdf` into PDFs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from dossier import extract, ingest, resolve
from dossier.errors import IngestError
from dossier.extract.nlp import DEFAULT_MODEL
from dossier.model import Briefing

log = logging.getLogger("dossier")


def build_briefing(
    paths: Sequence[str | Path], *, model: str = DEFAULT_MODEL, strict: bool = False,
    curation: Path | None = None,
) -> Briefing:
    """Read, extract and resolve every article under `paths`.

    A bad file is skipped with a warning (kept in `Briefing.problems`); with
    `strict`, the first bad file raises instead.
    """
    loaded = ingest.load_articles(paths)
    if strict and loaded.problems:
        raise loaded.problems[0]
    parts = extract.extract_articles(loaded.articles, model)
    briefing = resolve.merge_briefings(parts)
    briefing.problems.extend(str(p) for p in loaded.problems)
    if curation is not None and curation.exists():
        from dossier.resolve.curation import apply_curation

        apply_curation(briefing, curation)
    return briefing


__all__ = ["IngestError", "build_briefing"]

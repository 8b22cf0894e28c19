"""Ingest: find article files and read each into an `Article` with numbered
paragraphs.  Formats: `.txt` (the seed's layout), `.md` with YAML front
matter, `.html` (through trafilatura)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import IngestError
from dossier.ingest.decode import read_text
from dossier.ingest.formats import READERS
from dossier.model import Article
from dossier.slug import unique_slug

log = logging.getLogger("dossier.ingest")

ARTICLE_SUFFIXES = tuple(READERS)


@dataclass(slots=True)
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[IngestError] = field(default_factory=list)


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Article files under each path (a file or a folder), sorted so that a
    build is reproducible.  Hidden files and folders are skipped."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(child)
        elif path.is_file():
            found.append(path)
        else:
            raise IngestError("no such file or folder; expected an article file or a folder of articles", path=path)
    return found


def read_article(path: Path, article_id: str) -> Article:
    """Read one article file; raises IngestError naming the file and problem."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(
            f"unsupported file type {path.suffix!r}; expected one of {', '.join(ARTICLE_SUFFIXES)}", path=path
        )
    text, encoding = read_text(path)
    article = reader(path, text, article_id)
    article.encoding = encoding
    if not article.paragraphs:
        raise IngestError("the article has a title but no text paragraphs; expected at least one paragraph", path=path)
    return article


def load_articles(paths: Iterable[str | Path]) -> IngestResult:
    """Read every article under `paths`.  A bad file is reported in
    `problems` and does not stop the others."""
    result = IngestResult()
    taken: set[str] = set()
    for path in find_article_files(paths):
        article_id = unique_slug(path.stem, taken)
        try:
            result.articles.append(read_article(path, article_id))
        except IngestError as exc:
            log.warning("%s", exc)
            result.problems.append(exc)
    return result

"""Ingest: find article files and read each into an `Article` with numbered
paragraphs.  Formats: `.txt` (the seed's layout), `.md` with YAML front
matter, `.html` (through trafilatura).

Articles come from the open web and from colleagues' folders, so every file
is untrusted: a file that cannot be read as an article becomes an
`IngestError` in `IngestResult.problems` (naming the file, what is wrong and
what was expected) and the other files are still read.  What a reader should
know about a file that was read (an assumed encoding, a page name shared with
another file) becomes a `Notice`.

Limits (documented in the README):

- a file over `MAX_BYTES` (16 MB) is refused without being read;
- an article whose text is over `MAX_ARTICLE_CHARS` (200,000 characters, about
  30,000 words: ten times a long news feature) or `MAX_ARTICLE_TOKENS` (50,000
  words and punctuation marks) is refused: spaCy needs about 3 GB and a
  minute for a million characters, and a line of 100,000 brackets is 100,000
  tokens (over a minute).  A briefing cites articles, not books: split a longer
  text into several files.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import IngestError
from dossier.ingest.decode import MAX_BYTES, read_decoded
from dossier.ingest.duplicates import find_duplicates
from dossier.ingest.formats import READERS, looks_like_html, read_html
from dossier.model import Article
from dossier.slug import slugify, unique_slug

log = logging.getLogger("dossier.ingest")

ARTICLE_SUFFIXES = tuple(READERS)
MAX_ARTICLE_CHARS = 200_000
MAX_ARTICLE_TOKENS = 50_000
# About what spaCy counts as tokens: words, numbers and each punctuation mark.
_TOKEN = re.compile(r"\w+|[^\w\s]")

__all__ = [
    "ARTICLE_SUFFIXES", "MAX_ARTICLE_CHARS", "MAX_BYTES", "IngestResult", "Notice", "find_article_files",
    "load_articles", "read_article", "set_aside_duplicates",
]


@dataclass(slots=True, frozen=True)
class Notice:
    """Something a reader should know about a file that was read (or
    skipped on purpose): not a problem, the build goes on."""

    path: str
    message: str
    warn: bool = False  # logged as a warning (an assumption was made), else as information

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(slots=True)
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[IngestError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files in the folders that are not articles
    unchanged: int = 0  # articles whose file was read by an earlier build and is the same: not parsed again


def _walk(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, hidden ones left out; symbolic links to
    folders are not followed (no loops, nothing outside the folder)."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                yield Path(dirpath) / name


def _scan(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """(article file, the folder its shown path is relative to) for each
    article, and the other files found in the folders."""
    found: list[tuple[Path, Path]] = []
    skipped: list[Path] = []
    for raw in paths:
        path = Path(raw)
        base = path.absolute().parent
        if path.is_dir():
            files = sorted(_walk(path), key=lambda p: p.relative_to(path).as_posix())
            for child in files:
                # A folder's README describes the folder; it is not an article.
                if child.suffix.lower() in ARTICLE_SUFFIXES and child.stem.upper() != "README":
                    found.append((child, base))
                else:
                    skipped.append(child)
        elif path.is_file():
            found.append((path, base))
        else:
            raise IngestError("no such file or folder; expected an article file or a folder of articles", path=path)
    return found, skipped


def shown_path(path: Path, base: Path) -> str:
    """How an article file is named in pages and messages: relative to the
    folder that holds the configured article folder ('seeds/a.txt'), so
    that a build does not depend on where the project was checked out."""
    try:
        return path.absolute().relative_to(base).as_posix()
    except ValueError:
        return str(path)


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Article files under each path (a file or a folder), sorted by their
    path inside the folder so that a build is reproducible.  Hidden files and
    folders, and README files in a folder, are skipped; a file named on its
    own is always read."""
    return [path for path, _ in _scan(paths)[0]]


def _outside_link(path: Path, roots: list[Path]) -> str | None:
    """Where a symbolic link leads, when that is outside every article
    folder (an article folder from elsewhere could otherwise publish
    ~/.ssh or /etc files)."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if any(target.is_relative_to(root) for root in roots):
        return None
    return str(target)


def read_article(
    path: Path, article_id: str, notices: list[Notice] | None = None, *, shown: str | None = None
) -> Article:
    """Read one article file; raises IngestError naming the file (as
    `shown`, by default its path) and the problem.  What a reader should
    know about it is appended to `notices`."""
    notices = notices if notices is not None else []
    shown = shown or str(path)
    try:
        article = _read(path, article_id, notices, shown)
    except IngestError as exc:
        if exc.path == str(path):
            exc.path = shown
            exc.args = (str(exc),)
        raise
    article.path = shown
    return article


def _read(path: Path, article_id: str, notices: list[Notice], shown: str) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(
            f"unsupported file type {path.suffix!r}; expected one of {', '.join(ARTICLE_SUFFIXES)}", path=path
        )
    decoded = read_decoded(path)
    if decoded.notice():
        notices.append(Notice(shown, decoded.notice() or "", warn=decoded.detected))
    if reader is not read_html and looks_like_html(decoded.text):
        notices.append(Notice(shown, f"the {path.suffix} file holds an HTML page; read as a web page", warn=True))
        reader = read_html
    try:
        article = reader(path, decoded.text, article_id)
    except IngestError:
        raise
    except Exception as exc:  # a reader choking on hostile input must not stop the other files
        log.debug("reading %s failed", path, exc_info=True)
        raise IngestError(
            f"cannot be read as an article ({type(exc).__name__}: {str(exc)[:200]}); expected a well-formed "
            f"{path.suffix} article",
            path=path,
        ) from exc
    article.encoding = decoded.encoding
    if article.truncated:
        notices.append(Notice(
            shown, f"the text stops mid-sentence at its end (cut off when saved?); its last word "
            f"{article.truncated!r} was left out",
        ))
    if not article.paragraphs:
        raise IngestError("the article has a title but no text paragraphs; expected at least one paragraph", path=path)
    length = len(article.text)
    if length > MAX_ARTICLE_CHARS:
        raise IngestError(
            f"the article's text is {length:,} characters long; expected at most {MAX_ARTICLE_CHARS:,} "
            "(about 30,000 words): split it into several articles",
            path=path,
        )
    tokens = sum(1 for _ in _TOKEN.finditer(article.text))
    if tokens > MAX_ARTICLE_TOKENS:
        raise IngestError(
            f"the article's text is about {tokens:,} words and punctuation marks; expected at most "
            f"{MAX_ARTICLE_TOKENS:,} (a long news article has under 5,000): split it, or remove runs of symbols",
            path=path,
        )
    return article


# The articles the last `load_articles` read, pickled (later stages change
# them: each call unpickles its own copy), with their notices, by (content
# hash, path, id, shown path): `mkdocs serve` rebuilds in the same process,
# and then parses again only the files whose bytes changed.  Keyed by content
# rather than by modification time, which file systems keep to a few
# milliseconds: an edit within that time must not be missed.
ReadKey = tuple[bytes, str, str, str]
_READ: dict[ReadKey, bytes] = {}


def _read_unless_unchanged(
    path: Path, article_id: str, notices: list[Notice], shown: str, read: dict[ReadKey, bytes],
) -> tuple[Article, bool]:
    """The article, and whether it was found unchanged (not parsed again)."""
    try:
        if path.stat().st_size > MAX_BYTES:  # refused unread
            return read_article(path, article_id, notices, shown=shown), False
        content = path.read_bytes()
    except OSError:  # read_article says what is wrong with it
        return read_article(path, article_id, notices, shown=shown), False
    key = (hashlib.blake2b(content, digest_size=16).digest(), str(path), article_id, shown)
    data = _READ.get(key)
    if data is not None:
        article, earlier = pickle.loads(data)
        notices.extend(earlier)
        read[key] = data
        return article, True
    article = read_article(path, article_id, notices, shown=shown)
    read[key] = pickle.dumps((article, notices), protocol=pickle.HIGHEST_PROTOCOL)
    return article, False


def load_articles(paths: Iterable[str | Path]) -> IngestResult:
    """Read every article under `paths`.  A bad file is reported in
    `problems` and does not stop the others."""
    paths = [Path(p) for p in paths]
    roots = [p.resolve() if p.is_dir() else p.resolve().parent for p in paths if p.exists()]
    result = IngestResult()
    read: dict[ReadKey, bytes] = {}
    files, result.skipped = _scan(paths)
    taken: set[str] = set()
    first_with: dict[str, str] = {}
    for path, base in files:
        shown = shown_path(path, base)
        outside = _outside_link(path, roots)
        if outside is not None:
            problem = IngestError(
                f"the file is a symbolic link to {outside}, outside the article folders; expected an article file "
                "inside them",
                path=shown,
            )
            log.warning("%s", problem)
            result.problems.append(problem)
            continue
        base_slug = slugify(path.stem)
        article_id = unique_slug(path.stem, taken)
        if article_id != base_slug:
            result.notices.append(Notice(
                shown,
                f"its name gives the same id as {first_with[base_slug]} ({base_slug!r}); this article's id and "
                f"source page are {article_id!r}",
            ))
        first_with.setdefault(base_slug, shown)
        notices: list[Notice] = []
        try:
            article, unchanged = _read_unless_unchanged(path, article_id, notices, shown, read)
            result.articles.append(article)
            result.unchanged += unchanged
        except IngestError as exc:
            log.warning("%s", exc)
            result.problems.append(exc)
        result.notices.extend(notices)
    global _READ
    _READ = read
    for notice in result.notices:
        log.log(logging.WARNING if notice.warn else logging.INFO, "%s", notice)
    return result


def set_aside_duplicates(loaded: IngestResult) -> list[Article]:
    """Take the near-duplicates out of `loaded.articles` (see
    `dossier.ingest.duplicates`), with a notice for each, and return them."""
    found = find_duplicates(loaded.articles)
    paths = {a.id: a.path for a in found.articles}
    for copy in found.copies:
        shared = round(100 * found.similarity[copy.id])
        notice = Notice(
            copy.path,
            f"near-duplicate of {paths[copy.duplicate_of or '']} ({shared}% of the text in common): listed with it as "
            "another copy, not extracted or counted again",
        )
        log.info("%s", notice)
        loaded.notices.append(notice)
    loaded.articles = found.articles
    return found.copies

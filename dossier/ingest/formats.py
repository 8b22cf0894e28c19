"""Readers, one per file format: text in, `Article` out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import IngestError
from dossier.ingest.plaintext import mark_furniture, read_plain
from dossier.model import Article, Paragraph

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029\ufeff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def clean_line(text: str) -> str:
    """One paragraph's text on one line: control characters dropped, runs of
    white space folded."""
    text = _CONTROL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def split_blocks(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [b for b in (block.strip("\n") for block in _BLANK_LINE.split(text)) if b.strip()]


def number(paragraphs: list[tuple[str, str]]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for text, kind in paragraphs:
        text = clean_line(text)
        if text:
            out.append(Paragraph(number=len(out) + 1, text=text, kind=kind))
    return out


def read_txt(path: Path, text: str, article_id: str) -> Article:
    """A plain-text article: the seed's layout (a title line, the title
    repeated, paragraphs between blank lines) or text as people save it from
    a web page (see `dossier.ingest.plaintext`)."""
    if not text.strip():
        raise IngestError("the file holds only white space; expected a title and paragraphs", path=path)
    plain = read_plain(_CONTROL.sub(" ", text))
    return Article(
        id=article_id, title=plain.title or path.stem, path=str(path), format="txt",
        paragraphs=number(plain.paragraphs), published=plain.published, date_inferred=plain.published is not None,
        date_evidence=plain.date_evidence, author=plain.author, source=plain.source, dateline=plain.dateline,
        furniture=plain.furniture, truncated=plain.truncated,
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"(#{1,6})\s")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>])", re.I)
# Below this many words, what trafilatura finds in a page is its boilerplate
# (a 404 text, a sign-in form, "enable JavaScript"), not an article.
MIN_HTML_WORDS = 30


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:1000]))


def _heading(line: str) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line ('## Text ##'), else None.
    String operations, not one regex: a regex with two optional runs
    backtracks for minutes on a 100,000-character line."""
    match = _HEADING.match(line)
    if not match:
        return None
    text = line[match.end():].strip()
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1].isspace()):
        text = stripped.strip()
    return len(match.group(1)), text
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")


def _meta_date(value: Any, path: Path) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            pass
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    raise IngestError(
        f"front matter 'date' is {shown}; expected a date written YYYY-MM-DD", path=path, line=_line_of(path, "date")
    )


def _line_of(path: Path, key: str) -> int | None:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if line.startswith(key + ":"):
                return n
    except OSError:
        return None
    return None


def _meta_text(meta: dict[str, Any], key: str, path: Path) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return clean_line(str(value)) or None
    raise IngestError(
        f"front matter '{key}' is a {type(value).__name__}; expected a single line of text",
        path=path, line=_line_of(path, key),
    )


def read_markdown(path: Path, text: str, article_id: str) -> Article:
    """Markdown with optional YAML front matter (title, date, source, url,
    author)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except (ValueError, OverflowError) as exc:  # a timestamp YAML accepts but no calendar has: 2016-02-30
            raise IngestError(
                f"front matter holds a value that is not a real date or number ({exc}); expected dates "
                "written YYYY-MM-DD",
                path=path, line=2,
            ) from exc
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", None)
            raise IngestError(
                f"front matter is not valid YAML ({getattr(exc, 'problem', exc)}); expected 'key: value' lines",
                path=path, line=line + 2 if line is not None else None,
            ) from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise IngestError("front matter is not a mapping; expected 'key: value' lines", path=path, line=2)
        meta = loaded or {}
        text = text[match.end():]
    elif text.startswith("---\n"):
        raise IngestError("front matter is not closed; expected a second '---' line after it", path=path, line=1)
    paragraphs: list[tuple[str, str]] = []
    title = _meta_text(meta, "title", path)
    for block in split_blocks(text):
        lines = block.split("\n")
        heading = _heading(lines[0]) if len(lines) == 1 else None
        if heading:
            level, heading_text = heading
            if level == 1 and (title is None or clean_line(heading_text) == title):
                title = title or clean_line(heading_text)
                continue
            paragraphs.append((heading_text, "heading"))
        elif all(_ITEM.match(line) or line.startswith("  ") for line in lines) and _ITEM.match(lines[0]):
            item: list[str] = []
            for line in lines:
                if _ITEM.match(line) and item:
                    paragraphs.append((" ".join(item), "item"))
                    item = []
                item.append(_ITEM.sub("", line))
            paragraphs.append((" ".join(item), "item"))
        else:
            paragraphs.append((block, "text"))
    paragraphs, dateline = mark_furniture(paragraphs)
    return Article(
        id=article_id, title=title or path.stem, path=str(path), format="md",
        paragraphs=number(paragraphs), dateline=dateline,
        published=_meta_date(meta.get("date"), path),
        source=_meta_text(meta, "source", path), url=_meta_text(meta, "url", path),
        author=_meta_text(meta, "author", path),
    )


def read_html(path: Path, text: str, article_id: str) -> Article:
    """Saved web page: main text and metadata through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise IngestError("no article text found in the HTML; expected a saved news article page", path=path)
    words = len(body.split())
    if words < MIN_HTML_WORDS:
        found = clean_line(body)
        found = found if len(found) <= 60 else found[:57] + "..."
        raise IngestError(
            f"the HTML page holds only {words} words of text ({found!r}), so it is not an article (a sign-in, "
            f"error or script-only page?); expected a saved news article page with at least {MIN_HTML_WORDS} words",
            path=path,
        )
    marked, dateline = mark_furniture([(line, "text") for line in body.split("\n") if clean_line(line)])
    paragraphs = number(marked)
    title = clean_line(getattr(doc, "title", None) or "") or path.stem
    published = None
    found_date = getattr(doc, "date", None) or _page_date(text)
    if found_date:
        try:
            published = dt.date.fromisoformat(str(found_date)[:10]).isoformat()
        except ValueError:
            published = None
    return Article(
        id=article_id, title=title, path=str(path), format="html", paragraphs=paragraphs,
        published=published, dateline=dateline,
        source=clean_line(getattr(doc, "sitename", None) or "") or None,
        url=getattr(doc, "url", None) or None,
        author=clean_line(getattr(doc, "author", None) or "") or None,
    )


def _page_date(html: str) -> str | None:
    """The page's publication date when trafilatura found none, through
    htmldate: its meta tags, JSON-LD, time elements and URL first, then a
    date written in ISO form in the page (htmldate ignores dates before
    1995 and after today)."""
    import htmldate

    try:
        return htmldate.find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None


READERS: dict[str, Callable[[Path, str, str], Article]] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}

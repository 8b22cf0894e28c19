"""Where each page lives in the Markdown tree, and relative links between
pages (MkDocs resolves and checks links between .md files)."""

from __future__ import annotations

import functools
import posixpath

from dossier.model import Article, Document, Event, Organization, Person, Place, Provenance

SECTIONS: dict[type, str] = {
    Person: "people",
    Organization: "organizations",
    Place: "places",
    Event: "events",
    Document: "documents",
    Article: "sources",
}


def page_path(item: object) -> str:
    """The page of a model object: 'people/vladimir-putin.md'."""
    section = SECTIONS.get(type(item))
    if section is None:
        raise TypeError(f"no page for {type(item).__name__}")
    return f"{section}/{item.id}.md"  # type: ignore[attr-defined]


def source_path(article_id: str) -> str:
    return f"sources/{article_id}.md"


def relative(target: str, from_page: str) -> str:
    """A link from the page at `from_page` to `target` ('x.md#frag')."""
    return relative_to_folder(target, folder(from_page))


def relative_to_folder(target: str, from_folder: str) -> str:
    """A link from a page in `from_folder` (see `folder`) to `target`."""
    path, _, fragment = target.partition("#")
    rel = _relpath(path, from_folder) if path else ""
    return rel + ("#" + fragment if fragment else "")


@functools.lru_cache(maxsize=1 << 14)
def folder(page: str) -> str:
    """The folder of the page at `page`, '.' at the top."""
    return posixpath.dirname(page) or "."


@functools.lru_cache(maxsize=1 << 16)
def _relpath(path: str, start: str) -> str:
    """`posixpath.relpath`, memoised: a site links the same pages from
    thousands of pages in a few folders."""
    return posixpath.relpath(path, start)


def citation_target(where: Provenance) -> str:
    return f"{source_path(where.article)}#{where.anchor()}"

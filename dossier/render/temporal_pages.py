"""Pages of the temporal layer: the timeline (with its SVG figure), a page
per event and per document, and their indexes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dossier.model import Briefing, Document, Person, Provenance
from dossier.render.calendar import build_calendar
from dossier.render.mentions import mention_list, source_dates
from dossier.render.paths import page_path
from dossier.render.timeline_svg import timeline_svg
from dossier.settings import Settings

if TYPE_CHECKING:
    from dossier.render.pages import Page


def _page(path: str, template: str, context: dict[str, object] | None = None) -> Page:
    from dossier.render.pages import Page

    return Page(path, template, context or {})


def timeline_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    calendar = build_calendar(briefing, settings)
    yield _page("timeline.md", "pages/timeline.md.j2", {"timeline_figure": timeline_svg(calendar)})


def event_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield _page("events/index.md", "pages/events.md.j2")
    for event in briefing.events:
        yield _page(page_path(event), "pages/event.md.j2", {"event": event})


def document_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield _page("documents/index.md", "pages/documents.md.j2")
    dates = source_dates(briefing.articles)
    for document in briefing.documents:
        yield _page(page_path(document), "pages/document.md.j2", {
            "document": document, "speakers": document_speakers(briefing, document),
            "mentions": mention_list(document.mentions, dates),
        })


def document_speakers(briefing: Briefing, document: Document) -> list[tuple[Person, list[Provenance]]]:
    """People quoted in a paragraph that names the document, with where."""
    named = {(m.where.article, m.where.paragraph) for m in document.mentions}
    people = {p.id: p for p in briefing.people}
    out: dict[str, list[Provenance]] = {}
    for quote in briefing.quotes:
        if quote.speaker in people and (quote.where.article, quote.where.paragraph) in named:
            out.setdefault(quote.speaker, []).append(quote.where)
    return [(people[pid], wheres) for pid, wheres in out.items()]

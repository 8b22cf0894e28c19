"""Which pages the dossier has.  Each page builder yields `Page`s (a path, a
template name, the template's own variables); `render_pages` renders them
all with the shared context.  Adding a kind of page means adding a builder
to `PAGE_BUILDERS`."""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2

from dossier.changes import Changes
from dossier.errors import RenderError
from dossier.model import Briefing, Event, Quote
from dossier.render.calendar import build_calendar
from dossier.render.filters import ParagraphTexts, SourceLabels
from dossier.render.markdown import md_unescape_plain
from dossier.render.mentions import mention_list, source_dates
from dossier.render.page_memo import PageMemo, Reads, tracked
from dossier.render.paths import page_path, source_path
from dossier.render.quotes import group_by_speaker, latest_quotes
from dossier.render.temporal_pages import document_pages, event_pages, timeline_pages
from dossier.settings import Settings


@dataclass(slots=True)
class Page:
    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PageBuilder = Callable[[Briefing, Settings], Iterable[Page]]


def source_labels(briefing: Briefing) -> SourceLabels:
    """Short labels for citations: S1, S2, ... in the sources' order; a
    near-duplicate copy is cited by the label of the article it copies (the
    sources list shows it there)."""
    labels = SourceLabels((a.id, f"S{n}") for n, a in enumerate(briefing.articles, 1))
    for copy in briefing.duplicates:
        labels.setdefault(copy.id, labels.get(copy.duplicate_of or "", copy.id))
    return labels


OVERVIEW_SOURCES = 20  # the overview lists every source up to this many, else the newest this many


def overview_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    ranked = sorted(briefing.people, key=lambda p: (-len(p.articles), -len(p.mentions), p.name))
    sources = briefing.articles
    if len(sources) > OVERVIEW_SOURCES:
        dates = source_dates(sources)
        sources = sorted(sources, key=lambda a: dates[a.id], reverse=True)[:OVERVIEW_SOURCES]  # stable: S-order
    yield Page("index.md", "pages/index.md.j2", {"key_people": ranked[:12], "sources": sources})


def whats_new_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield Page("whats-new.md", "pages/whats_new.md.j2")


def source_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield Page("sources/index.md", "pages/sources.md.j2")
    for article in [*briefing.articles, *briefing.duplicates]:  # a copy's page says which article it copies
        yield Page(source_path(article.id), "pages/source.md.j2", {"article": article})


def people_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    from dossier.render.people import (
        co_mentioned,
        dated_roles,
        mentioned_paragraphs,
        people_rows,
        role_lines,
        stated_ages,
    )

    yield Page("people/index.md", "pages/people.md.j2", {"rows": people_rows(briefing)})
    said: dict[str, list[Quote]] = defaultdict(list)  # by speaker, in the model's order
    for quote in briefing.quotes:
        if quote.speaker:
            said[quote.speaker].append(quote)
    attended: dict[str, list[Event]] = defaultdict(list)  # by participant, in the model's order
    for event in briefing.events:
        for participant in dict.fromkeys(event.participants):
            attended[participant].append(event)
    paragraphs = mentioned_paragraphs(briefing)
    dates = source_dates(briefing.articles)
    for person in briefing.people:
        yield Page(page_path(person), "pages/person.md.j2", {
            "person": person, "roles": dated_roles(person), "role_lines": role_lines(person),
            "mentions": mention_list(person.mentions, dates),
            "co_mentioned": co_mentioned(briefing, person, paragraphs=paragraphs), "ages": stated_ages(person),
            "said": said.get(person.id, []), "attended": attended.get(person.id, []),
        })


def organization_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield Page("organizations/index.md", "pages/organizations.md.j2", {"items": briefing.organizations})
    dates = source_dates(briefing.articles)
    for item in briefing.organizations:
        yield Page(page_path(item), "pages/organization.md.j2", {
            "item": item, "mentions": mention_list(item.mentions, dates),
        })


def place_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    yield Page("places/index.md", "pages/places.md.j2", {"items": briefing.places})
    dates = source_dates(briefing.articles)
    for item in briefing.places:
        yield Page(page_path(item), "pages/place.md.j2", {
            "item": item, "mentions": mention_list(item.mentions, dates),
        })


LATEST_QUOTES = 10  # on the quotes index page, newest first


def quotes_pages(briefing: Briefing, settings: Settings) -> Iterable[Page]:
    """The quotes index (every speaker with counts, and the newest quotes),
    then one page per speaker with all their quotes.  One page of every
    quote was 670 kB of Markdown at 1,000 articles, converted again at each
    `mkdocs serve` rebuild that changed any quote."""
    groups = group_by_speaker(briefing)
    direct = sum(1 for q in briefing.quotes if q.direct)
    yield Page("quotes/index.md", "pages/quotes.md.j2", {
        "groups": groups, "direct_count": direct, "reported_count": len(briefing.quotes) - direct,
        "latest": latest_quotes(groups, LATEST_QUOTES),
    })
    for group in groups:
        yield Page(group.path, "pages/speaker_quotes.md.j2", {"group": group})


PAGE_BUILDERS: list[PageBuilder] = [
    overview_pages, whats_new_pages, source_pages, people_pages, organization_pages, place_pages, quotes_pages,
    timeline_pages, event_pages, document_pages,
]

# The sidebar's sections, in order: (title, index page).  Entity pages are
# linked from these and stay out of the sidebar.
NAV_SECTIONS: list[tuple[str, str]] = [
    ("Overview", "index.md"),
    ("What's new", "whats-new.md"),
    ("People", "people/index.md"),
    ("Organizations", "organizations/index.md"),
    ("Places", "places/index.md"),
    ("Quotes", "quotes/index.md"),
    ("Timeline", "timeline.md"),
    ("Events", "events/index.md"),
    ("Documents", "documents/index.md"),
    ("Sources", "sources/index.md"),
]


def shared_context(briefing: Briefing, settings: Settings, changes: Changes | None = None) -> dict[str, Any]:
    from dossier.pdf.brief import briefed_events  # dossier.pdf imports this module

    articles_by_id = {a.id: a for a in briefing.articles}
    return {
        "changes": changes if changes is not None else Changes(baseline="no earlier build", compared=False),
        "briefing": briefing,
        "settings": settings,
        "source_labels": source_labels(briefing),
        "articles_by_id": articles_by_id,
        "paragraph_texts": ParagraphTexts(articles_by_id),
        "entities": briefing.index(),
        "calendar": build_calendar(briefing, settings),
        "briefed": {e.id for e in briefed_events(briefing, settings)} if settings.pdf else set(),
    }


def with_title_front_matter(markdown: str) -> str:
    """Give a page whose first line is '# Heading' a `title` in front matter,
    HTML-escaped: MkDocs and the theme print page titles (in <title>, the
    sidebar, search results) without escaping them."""
    first, _, _ = markdown.partition("\n")
    if not first.startswith("# ") or markdown.startswith("---"):
        return markdown
    plain = md_unescape_plain(first[2:].strip())
    return f"---\ntitle: {json.dumps(html.escape(plain, quote=True), ensure_ascii=False)}\n---\n\n{markdown}"


FORK_AT_LEAST = 64  # pages to render: fewer are rendered here rather than in forked processes too


def render_pages(
    briefing: Briefing, settings: Settings, env: jinja2.Environment, changes: Changes | None = None, *,
    processes: int = 1, meanwhile: Callable[[], None] | None = None, memo: PageMemo | None = None,
) -> dict[str, str]:
    """Every page of the dossier: {path in the Markdown tree: Markdown}.
    `changes` fill the "What's new" page (default: no earlier build).
    With `processes` > 1, forked processes render pages too (see
    `dossier.render.forked`); the result is the same.  `meanwhile` is work
    of the caller's to do while they finish (called once in any case).
    With a `memo` (`mkdocs serve`), pages whose inputs did not change since
    the memo's last render are taken from it (`dossier.render.page_memo`)."""
    from dossier.render.forked import render_all

    shared = shared_context(briefing, settings, changes)
    pages: list[Page] = []
    paths: set[str] = set()
    for builder in PAGE_BUILDERS:
        for page in builder(briefing, settings):
            if page.path in paths:
                raise RenderError(f"two pages want the path {page.path!r}; expected one page per path")
            paths.add(page.path)
            pages.append(page)

    def render(page: Page, variables: dict[str, Any]) -> str:
        try:
            template = env.get_template(page.template)
            return with_title_front_matter(template.render({**variables, **page.context, "page_path": page.path}))
        except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
            name = getattr(exc, "filename", None) or page.template
            line = getattr(exc, "lineno", None)
            raise RenderError(
                f"template failed while rendering {page.path}: {exc}; expected a template that only uses "
                "the variables documented in templates/README.md",
                path=name, line=line,
            ) from exc

    if memo is None:
        texts = render_all(len(pages), lambda n: render(pages[n], shared), processes, meanwhile)
        return {page.path: text for page, text in zip(pages, texts, strict=True)}

    entries = [(page.path, page.template, page.context) for page in pages]
    kept = memo.kept(env, shared, entries)
    todo = [n for n in range(len(pages)) if n not in kept]

    def render_tracked(k: int) -> tuple[str, Reads]:
        reads = Reads()
        return render(pages[todo[k]], tracked(shared, reads)), reads

    made = render_all(len(todo), render_tracked, processes if len(todo) >= FORK_AT_LEAST else 1, meanwhile)
    by_page = dict(zip(todo, made, strict=True))
    memo.remember(env, shared, entries, by_page.__getitem__, kept)
    return {page.path: kept[n] if n in kept else by_page[n][0] for n, page in enumerate(pages)}

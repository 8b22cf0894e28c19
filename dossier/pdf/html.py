"""The print HTML of the whole dossier and of a meeting brief.

Templates live in `templates/print/` (a user's `templates/print/<name>`
overrides ours).  The environment escapes every printed value as HTML text;
the filters here build the only markup: citations (`cite`) that link to the
paragraph's anchor in the sources section, and cross-references (`ref`)
to an entity's section.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup, escape

from dossier.changes import Changes
from dossier.errors import RenderError
from dossier.model import Article, Briefing, Document, Event, Organization, Person, Place, Provenance, Role
from dossier.pdf import fonts
from dossier.pdf.brief import MeetingBrief, as_of_bounds, as_of_label, latest_role, sort_key, upcoming_events
from dossier.pdf.lean import lean_dossier
from dossier.render.environment import make_environment
from dossier.render.filters import ParagraphTexts, human_date, more_paragraphs
from dossier.render.pages import source_labels
from dossier.settings import Settings

ANCHOR_PREFIX: dict[type, str] = {
    Person: "person",
    Organization: "org",
    Place: "place",
    Event: "event",
    Document: "doc",
    Article: "src",
}


def anchor(item: object) -> str:
    """The HTML id of an entity's section: 'person-vladimir-putin'."""
    return f"{ANCHOR_PREFIX[type(item)]}-{item.id}"  # type: ignore[attr-defined]


def paragraph_id(article_id: str, number: int) -> str:
    return f"src-{article_id}-p{number}"


def paragraph_anchor(where: Provenance) -> str:
    return paragraph_id(where.article, where.paragraph)


@dataclass(slots=True)
class Citations:
    """The paragraphs a document cites, in the order first cited.  A brief
    prints only these in its sources section, so every citation resolves."""

    seen: dict[tuple[str, int], None] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)  # articles linked to without a paragraph

    def add(self, where: Provenance) -> None:
        self.seen.setdefault((where.article, where.paragraph), None)

    def articles(self, briefing: Briefing) -> list[Article]:
        """The articles cited or linked to, in the sources' order."""
        wanted = self.linked | {article_id for article_id, _ in self.seen}
        return [a for a in briefing.articles if a.id in wanted]

    def by_article(self, briefing: Briefing) -> list[tuple[Article, list[int]]]:
        """[(article, [paragraph numbers])] in the sources' order."""
        wanted: dict[str, set[int]] = {}
        for article_id, number in self.seen:
            wanted.setdefault(article_id, set()).add(number)
        return [(a, sorted(wanted[a.id])) for a in briefing.articles if a.id in wanted]


@jinja2.pass_context
def cite(ctx: jinja2.runtime.Context, where: Provenance) -> Markup:
    """'S2 ¶4', a live link to that paragraph in the sources section."""
    ctx["citations"].add(where)
    label = ctx["source_labels"].get(where.article, where.article)
    # A lean dossier lists its sources without their text: link to the entry.
    target = paragraph_anchor(where) if ctx.get("full_sources", True) else f"src-{where.article}"
    return Markup('<a class="cite" href="#{}">{}\u00a0¶{}</a>').format(target, label, where.paragraph)


@jinja2.pass_context
def cite_all(ctx: jinja2.runtime.Context, wheres: Iterable[Provenance], limit: int = 0) -> Markup:
    """Citations of distinct paragraphs, comma-separated ('S1 ¶2, S1 ¶5');
    with `limit`, the first `limit` and a count of the rest."""
    distinct = sorted({(w.article, w.paragraph): w for w in wheres}.values())
    shown = distinct[:limit] if limit else distinct
    out = Markup(", ").join(cite(ctx, w) for w in shown)
    if len(shown) < len(distinct):
        rest = len(distinct) - len(shown)
        out += Markup(" ") + more_paragraphs(rest)
    return out


@jinja2.pass_context
def source_link(ctx: jinja2.runtime.Context, article: Article) -> Markup:
    """An article's label, linked to its entry in the sources list (which
    then lists it)."""
    ctx["citations"].linked.add(article.id)
    return Markup('<a href="#{}">{}</a>').format(anchor(article), ctx["source_labels"].get(article.id, article.id))


@jinja2.pass_context
def ref(ctx: jinja2.runtime.Context, item: Any, label: str | None = None) -> Markup:
    """An entity's name, linked to its section when the document has one
    (`printed`: the ids of the entities the document prints; None: all)."""
    text = label if label is not None else getattr(item, "name", None) or getattr(item, "title", "")
    printed = ctx.get("printed")
    if ctx["linked"] and type(item) in ANCHOR_PREFIX and (printed is None or item.id in printed):
        return Markup('<a href="#{}">{}</a>').format(anchor(item), text)
    return escape(text)


_ZWSP = "\u200b"
_TAG = re.compile(r"(<[^>]*>)")
_ATOM = r"(?:&[#\w]+;|[^\s<&])"  # a character of text, an entity counting as one
_LONG_RUN = re.compile(_ATOM + "{48,}")
_ATOMS = re.compile(r"&[#\w]+;|.", re.S)


def _split_run(match: re.Match[str]) -> str:
    atoms = _ATOMS.findall(match[0])
    return _ZWSP.join("".join(atoms[i : i + 24]) for i in range(0, len(atoms), 24))


def break_long_runs(html: str) -> str:
    """The print HTML with a zero-width space every 24 characters of any run
    of 48 or more without a space (an address, a hostile run of brackets) in
    the text of the body: lines can break there, and WeasyPrint need not
    search for a break point in it, which takes minutes for a run of some
    100,000 characters.  Tags (so ids and links), the head and styles are
    left as they are."""
    head, sep, body = html.partition("<body")
    if not sep:
        return html
    parts = _TAG.split(body)
    raw = False  # inside <style> or <script>
    for i, part in enumerate(parts):
        if i % 2:
            name = part[1:].split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            raw = name in ("style", "script") or (raw and name not in ("/style", "/script"))
        elif not raw and len(part) >= 48:
            parts[i] = _LONG_RUN.sub(_split_run, part)
    return head + sep + "".join(parts)


def print_environment(settings: Settings) -> jinja2.Environment:
    env = make_environment(settings.templates_dir, html=True)
    env.filters.update(cite=cite, cite_all=cite_all, ref=ref, anchor=anchor, human_date=human_date,
                       source_link=source_link)
    env.globals.update(paragraph_id=paragraph_id)
    return env


def _font_css() -> dict[str, Markup]:
    return {
        "text": Markup(fonts.css_family_list(fonts.TEXT_FAMILIES, "serif")),
        "sans": Markup(fonts.css_family_list(fonts.SANS_FAMILIES, "sans-serif")),
    }


def base_context(briefing: Briefing, settings: Settings, *, linked: bool) -> dict[str, Any]:
    articles_by_id = {a.id: a for a in briefing.articles}
    return {
        "briefing": briefing,
        "settings": settings,
        "as_of": as_of_label(briefing, settings),
        "source_labels": source_labels(briefing),
        "articles_by_id": articles_by_id,
        "paragraph_texts": ParagraphTexts(articles_by_id),
        "entities": briefing.index(),
        "citations": Citations(),
        "linked": linked,
        "font": _font_css(),
        "full_sources": True,
        "printed": None,
    }


def _render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return break_long_runs(env.get_template(name).render(context))
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise RenderError(
            f"print template failed: {exc}; expected a template that only uses the variables listed in "
            "dossier/templates/print/README.md",
            path=getattr(exc, "filename", None) or name, line=getattr(exc, "lineno", None),
        ) from exc


def role_groups(person: Person) -> list[tuple[str, list[Role]]]:
    """The person's roles by title, in the order first stated: one line per
    title with every citation, instead of the same title line after line."""
    groups: dict[str, list[Role]] = {}
    for role in person.roles:
        groups.setdefault(role.title, []).append(role)
    return list(groups.items())


def ranked_people(briefing: Briefing) -> list[Person]:
    return sorted(briefing.people, key=lambda p: (-len(p.articles), -len(p.mentions), p.name))


def timeline_figure(briefing: Briefing, settings: Settings) -> Markup | None:
    """The SVG timeline of the site's timeline page (`dossier.render.timeline_svg`),
    when that module is present and there is a dated event."""
    try:
        from dossier.render.calendar import build_calendar
        from dossier.render.timeline_svg import timeline_svg
    except ImportError:
        return None
    html = str(timeline_svg(build_calendar(briefing, settings)))
    start, end = html.find("<svg"), html.rfind("</svg>")
    if start < 0 or end < 0:
        return None
    # As an image, so it scales down to the page width keeping its proportions
    # (an inline SVG keeps its own height in WeasyPrint).
    data = base64.b64encode(html[start : end + len("</svg>")].encode("utf-8")).decode("ascii")
    return Markup('<img class="timeline-figure" alt="Timeline of the dated events" src="data:image/svg+xml;base64,{}">'
                  ).format(data)


def dossier_html(
    briefing: Briefing, settings: Settings, changes: Changes | None = None, *, full_sources: bool = True
) -> str:
    """The whole dossier as one print HTML document, opening with "What's
    new" (`changes`; default: no earlier build to compare with); with
    `full_sources` false, lean: its sources are listed, not printed (see
    `sources_html`)."""
    if changes is None:
        changes = Changes(baseline="no earlier build", compared=False)
    env = print_environment(settings)
    context = base_context(briefing, settings, linked=True)
    context["full_sources"] = full_sources
    people = ranked_people(briefing)
    lean = lean_dossier(
        briefing, people, sorted(briefing.events, key=lambda e: (sort_key(e.date), e.title)),
        upcoming_events(briefing, as_of_bounds(briefing, settings)),
        sorted(briefing.documents, key=lambda d: (sort_key(d.date), d.name)),
        entries=settings.pdf_entries, per_speaker=settings.pdf_quotes_per_speaker,
    )
    said: dict[str, int] = {}
    for quote in briefing.quotes:
        if quote.speaker:
            said[quote.speaker] = said.get(quote.speaker, 0) + 1
    context.update(
        people=lean.people,
        key_people=people[:12],
        latest_role=lambda person: latest_role(person, briefing),
        role_groups=role_groups,
        events=lean.events,
        upcoming=lean.upcoming,
        documents=lean.documents,
        places=lean.places,
        organizations=lean.organizations,
        quote_groups=lean.quote_groups,
        quotes_said=said,
        quoted={g.speaker.id for g in lean.quote_groups if g.speaker is not None},
        limit=settings.pdf_entries,
        printed=lean.printed,
        trimmed=lean.cut,
        timeline_svg=timeline_figure(briefing, settings),
        changes=changes,
    )
    html = _render(env, "print/dossier.html.j2", context)
    fonts.warn_if_cjk_unprintable(html)
    return html


def sources_html(briefing: Briefing, settings: Settings) -> str:
    """The sources in full, as a print HTML document of their own."""
    env = print_environment(settings)
    html = _render(env, "print/sources.html.j2", base_context(briefing, settings, linked=True))
    fonts.warn_if_cjk_unprintable(html)
    return html


def brief_html(brief: MeetingBrief, briefing: Briefing, settings: Settings) -> str:
    """A meeting brief as a print HTML document."""
    env = print_environment(settings)
    context = base_context(briefing, settings, linked=False)
    context.update(brief=brief, event=brief.event)
    html = _render(env, "print/brief.html.j2", context)
    fonts.warn_if_cjk_unprintable(html)
    return html

"""Filters and globals the page templates use.  Those that build links
return `Md`, so the environment's escaping leaves them alone."""

from __future__ import annotations

import calendar
import functools
import re
from typing import Any

import jinja2

from dossier.model import Article, Provenance
from dossier.render.markdown import Md, html_text, md_escape
from dossier.render.paths import citation_target, folder, page_path, relative, relative_to_folder


class SourceLabels(dict[str, str]):
    """{article id: citation label}, and `owners`: {label: the first
    article with it} (a copy shares its article's label), made once for
    the thousands of citations a build prints."""

    @functools.cached_property
    def owners(self) -> dict[str, str]:
        return {label: article for article, label in reversed(list(self.items()))}


class ParagraphTexts:
    """`paragraph_texts[article id, n]`: the text of paragraph n of a kept
    article.  A read of its own for `mkdocs serve` (`dossier.render.page_memo`):
    a page quoting one paragraph is not rendered again because another
    paragraph of the same article changed."""

    __slots__ = ("_articles",)

    def __init__(self, articles: dict[str, Article]) -> None:
        self._articles = articles

    def __getitem__(self, key: tuple[str, int]) -> str:
        article, number = key
        return self._articles[article].paragraph(number).text


@jinja2.pass_context
def url(ctx: jinja2.runtime.Context, target: str) -> Md:
    return Md(relative(target, ctx["page_path"]))


@jinja2.pass_context
def link(ctx: jinja2.runtime.Context, item: Any, label: str | None = None) -> Md:
    """A Markdown link to an entity's page, labelled with its name."""
    text = label if label is not None else getattr(item, "name", None) or getattr(item, "title", "")
    return Md(f"[{md_escape(text)}]({relative(page_path(item), ctx['page_path'])})")


@jinja2.pass_context
def cite(ctx: jinja2.runtime.Context, where: Provenance) -> Md:
    """A citation: '[S2 ¶4](../sources/id.md#p4)', pointing at the paragraph."""
    return _citation(_label(ctx["source_labels"], where.article), where.article, where.paragraph,
                     folder(ctx["page_path"]))


def _label(labels: Any, article: str) -> str:
    """The citation label of `article`, else its id.  An item read, not
    `labels.get`: the cheapest read to record under `mkdocs serve`."""
    try:
        return labels[article]  # type: ignore[no-any-return]
    except KeyError:
        return article


@functools.lru_cache(maxsize=1 << 16)
def _citation(label: str, article: str, paragraph: int, from_folder: str) -> Md:
    """A build prints a hundred thousand citations at 1,000 articles, most
    of them many times from pages of the same folder."""
    target = citation_target(Provenance(article, paragraph))
    return Md(f"[{md_escape(label)}&nbsp;¶{paragraph}]({relative_to_folder(target, from_folder)})")


@jinja2.pass_context
def cite_all(ctx: jinja2.runtime.Context, wheres: list[Provenance], limit: int = 0) -> Md:
    """Citations of distinct paragraphs, comma-separated ('S1 ¶2, S3 ¶5'); a
    copy's paragraph cited beside the same paragraph of the article it copies
    (same label) is cited once, pointing at the article.  With `limit`, the
    first `limit` and a count of the rest (as the print templates' filter)."""
    labels = ctx["source_labels"]
    own = getattr(labels, "owners", None)  # a SourceLabels, or a template variable standing for one
    if own is None:
        own = SourceLabels(labels).owners
    distinct: dict[tuple[str, int], Provenance] = {}
    for w in sorted(wheres, key=lambda w: (own.get(_label(labels, w.article)) != w.article, w)):
        distinct.setdefault((_label(labels, w.article), w.paragraph), w)
    shown = sorted(distinct.values())
    rest = len(shown) - limit if limit else 0
    out = ", ".join(cite(ctx, w) for w in (shown[:limit] if rest > 0 else shown))
    return Md(f"{out} {more_paragraphs(rest)}" if rest > 0 else out)


def more_paragraphs(count: int) -> str:
    """What a list of citations cut short says of the rest."""
    return f"and {count:,} more paragraph{'' if count == 1 else 's'}"


def wordings(variants: list[Any], text: str) -> list[tuple[str, list[Provenance]]]:
    """The wordings of `variants` (each with `text` and `where`) other than
    `text`, each once with every place it is worded so, in first-seen order
    (many sources word a provision the same way)."""
    out: dict[str, list[Provenance]] = {}
    for variant in variants:
        if variant.text != text:
            out.setdefault(variant.text, []).append(variant.where)
    return list(out.items())


def excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    """The words around [start, end) in `text`, with ellipses."""
    a = max(0, start - width)
    b = min(len(text), end + width)
    if a > 0:
        space = text.find(" ", a)
        a = space + 1 if 0 <= space < start else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space > end else b
    return ("… " if a > 0 else "") + text[a:b] + (" …" if b < len(text) else "")


@jinja2.pass_context
def context_of(ctx: jinja2.runtime.Context, where: Provenance, width: int = 90) -> str:
    """The sentence-sized context of a mention, as plain text."""
    text = ctx["paragraph_texts"][where.article, where.paragraph]
    return excerpt(text, where.start, where.end, width)


_EDTF_ONE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]*)$")
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


def _one_date(value: str) -> str:
    m = _EDTF_ONE.match(value.strip())
    if not m:
        return value
    year, month, day, qual = m.groups()
    out = year
    if month:
        mo = int(month)
        if mo in SEASON_NAMES:
            out = f"{SEASON_NAMES[mo]} {year}"
        elif 1 <= mo <= 12:
            out = f"{calendar.month_name[mo]} {year}"
            if day:
                out = f"{int(day)} {out}"
    if "~" in qual or "%" in qual:
        out = "about " + out
    if "?" in qual:
        out += " (uncertain)"
    return out


@functools.lru_cache(maxsize=1 << 12)
def human_date(value: str | None) -> str:
    """EDTF -> words: '2016-09-02/2016-09-03' -> '2 September 2016 – 3 September 2016'."""
    if not value:
        return "date unknown"
    if "/" in value:
        a, b = value.split("/", 1)
        if not a or a == "..":
            return f"until {_one_date(b)}"
        if not b or b == "..":
            return f"from {_one_date(a)}"
        ma, mb = _EDTF_ONE.match(a), _EDTF_ONE.match(b)
        if ma and mb and ma.group(1) == mb.group(1) and ma.group(2) == mb.group(2) and ma.group(3) and mb.group(3):
            return f"{int(ma.group(3))}–{_one_date(b)}"
        if ma and mb and ma.group(1) == mb.group(1) and ma.group(2) and mb.group(2) and not ma.group(3) \
                and not mb.group(3) and not ma.group(4) and not mb.group(4) and int(ma.group(2)) <= 12:
            return f"{calendar.month_name[int(ma.group(2))]}–{_one_date(b)}"  # "September–November 2018"
        return f"{_one_date(a)} – {_one_date(b)}"
    return _one_date(value)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


def install(env: jinja2.Environment) -> None:
    env.filters.update(
        md=md_escape, html=html_text, url=url, link=link, cite=cite, cite_all=cite_all, context=context_of,
        human_date=human_date, excerpt=excerpt, wordings=wordings,
    )
    env.globals.update(plural=plural, page_path=page_path)
    env.tests["contains"] = lambda seq, item: item in seq

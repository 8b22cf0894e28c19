"""The mentions an entity page lists.

Every mention with its context while there are few; past `MENTIONS_LISTED`,
those in the newest sources, then every source naming the entity once, with
the paragraphs that do.  At 1,000 articles a country's page listed 7,700
mentions (1.7 MB of Markdown, a second for MkDocs to convert at every
`mkdocs serve` rebuild that touched it, and more for a browser to show);
the sources list keeps every mention traceable in a few dozen kilobytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dossier.extract.temporal.dates import edtf_bounds
from dossier.model import Article, Mention, Provenance

MENTIONS_LISTED = 50


@dataclass(slots=True)
class SourceMentions:
    """One source naming the entity: its first paragraph that does, and the
    numbers of the others."""

    where: Provenance
    more: list[int] = field(default_factory=list)


@dataclass(slots=True)
class MentionList:
    listed: list[Mention]  # with their context: every mention, or those in the newest sources, newest first
    total: int
    sources: list[SourceMentions] = field(default_factory=list)  # in the sources' order, when not all are listed


def source_dates(articles: list[Article]) -> dict[str, dt.date]:
    """{article id: the last day its publication date covers}, for `mention_list`."""
    out = {}
    for article in articles:
        bounds = edtf_bounds(article.published)
        out[article.id] = bounds[1] if bounds else dt.date.min
    return out


def mention_list(mentions: list[Mention], dates: dict[str, dt.date], limit: int | None = None) -> MentionList:
    """The list of `mentions` (of one entity) its page shows; `dates` are
    the sources' (`source_dates`); `limit` defaults to `MENTIONS_LISTED`."""
    limit = MENTIONS_LISTED if limit is None else limit
    if len(mentions) <= limit:
        return MentionList(list(mentions), len(mentions))
    ordered = sorted(mentions, key=lambda m: (m.where.article, m.where.paragraph, m.where.start, m.where.end))
    newest = sorted(ordered, key=lambda m: dates.get(m.where.article, dt.date.min), reverse=True)[:limit]
    # (a stable sort: within a day, in the sources' order)
    sources: dict[str, SourceMentions] = {}
    for mention in ordered:
        where = mention.where
        source = sources.get(where.article)
        if source is None:
            sources[where.article] = SourceMentions(Provenance(where.article, where.paragraph))
        elif where.paragraph != source.where.paragraph and where.paragraph not in source.more:
            source.more.append(where.paragraph)
    return MentionList(newest, len(mentions), list(sources.values()))

"""An entity page lists every mention while there are few; past the limit,
those in the newest sources, then every source and paragraph naming it."""

from __future__ import annotations

import re

import pytest

from dossier.model import Briefing, Place
from dossier.render import make_environment, render_pages
from dossier.render import mentions as mentions_module
from dossier.render.mentions import mention_list, source_dates
from dossier.render.paths import page_path
from dossier.settings import Settings


def _most_mentioned(briefing: Briefing) -> Place:
    return max(briefing.places, key=lambda p: len(p.mentions))


def test_few_mentions_are_all_listed_in_the_models_order(seed_briefing: Briefing) -> None:
    place = _most_mentioned(seed_briefing)
    out = mention_list(place.mentions, source_dates(seed_briefing.articles))
    assert out.listed == place.mentions and out.total == len(place.mentions) and out.sources == []


def test_past_the_limit_the_newest_are_listed_and_every_paragraph_is_kept(seed_briefing: Briefing) -> None:
    place = _most_mentioned(seed_briefing)
    assert len(place.mentions) > 3
    out = mention_list(place.mentions, source_dates(seed_briefing.articles), limit=3)
    assert len(out.listed) == 3 and out.total == len(place.mentions)
    assert all(m in place.mentions for m in out.listed)
    kept = {(s.where.article, n) for s in out.sources for n in [s.where.paragraph, *s.more]}
    assert kept == {(m.where.article, m.where.paragraph) for m in place.mentions}
    in_order = dict.fromkeys(sorted(m.where.article for m in place.mentions))
    assert [s.where.article for s in out.sources] == list(in_order)


def test_newest_sources_first(seed_briefing: Briefing) -> None:
    place = _most_mentioned(seed_briefing)
    article = seed_briefing.articles[0]
    older = type(article)(**{**{f: getattr(article, f) for f in article.__slots__ if not f.startswith("_")},
                             "id": "older", "published": "1990-01-01"})
    moved = [type(m)(m.text, type(m.where)("older", m.where.paragraph, m.where.start, m.where.end))
             for m in place.mentions[:2]]
    out = mention_list([*moved, *place.mentions[2:]], source_dates([article, older]), limit=2)
    assert all(m.where.article == article.id for m in out.listed)
    assert out.sources[0].where.article == article.id and out.sources[-1].where.article == "older"


def test_a_page_past_the_limit_cites_every_paragraph(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mentions_module, "MENTIONS_LISTED", 2)
    place = _most_mentioned(seed_briefing)
    page = render_pages(seed_briefing, Settings(title="T"), make_environment(None))[page_path(place)]
    mentions = page[page.index("## Mentions"):]
    assert f"{len(place.mentions)} mentions in 1 source. Below, the 2 in the newest sources" in mentions
    assert len(re.findall(r"^- \[S1&nbsp;¶", mentions, flags=re.M)) == 2
    every = mentions[mentions.index("### Every source"):]
    cited = set(map(int, re.findall(r"¶(\d+)", every)))
    assert cited == {m.where.paragraph for m in place.mentions}


def test_the_sources_list_reads_as_one_line_of_citations() -> None:
    from dossier.model import Mention, Provenance
    from dossier.render.mentions import MentionList, SourceMentions

    listed = [Mention("Geneva", Provenance("b", 2, 0, 6))]
    sources = [SourceMentions(Provenance("a", 1), [3, 7]), SourceMentions(Provenance("b", 2))]
    mentions = MentionList(listed, 1_234, sources)
    env = make_environment(None)
    out = env.get_template("pages/partials/mentions.md.j2").render(
        mentions=mentions, source_labels={"a": "S1", "b": "S2"}, paragraph_texts={("b", 2): "Geneva talks"},
        page_path="places/x.md",
    )
    assert "1,234 mentions in 2 sources. Below, the 1 in the newest sources" in out
    assert "- [S2&nbsp;¶2](../sources/b.md#p2) Geneva talks\n" in out
    assert "[S1&nbsp;¶1](../sources/a.md#p1), ¶3, ¶7 · [S2&nbsp;¶2](../sources/b.md#p2)\n" in out

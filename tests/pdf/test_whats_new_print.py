"""The PDF dossier opens with "What's new", each change citing its paragraph."""

from __future__ import annotations

import re

from dossier.changes import compare
from dossier.export import briefing_to_dict
from dossier.model import Briefing
from dossier.pdf.html import dossier_html
from dossier.settings import Settings


def test_print_dossier_opens_with_whats_new(briefing: Briefing, settings: Settings) -> None:
    model = briefing_to_dict(briefing)
    older = {**model, "articles": model["articles"][:1], "people": model["people"][:1], "quotes": [],
             "statements": [], "events": [], "documents": [], "organizations": [], "places": []}
    html = dossier_html(briefing, settings, compare(older, model, baseline="the build of last week"))
    section = html[html.index('id="whats-new"'):html.index('id="overview"')]
    assert html.index('id="whats-new"') < html.index('id="overview"')
    assert "the build of last week" in section and "New people" in section and "New sources" in section
    assert 'class="cite"' in section, "changes cite their paragraphs"
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for target in re.findall(r'href="#([^"]+)"', section):
        assert target in ids, f"a What's new link points at #{target}, which is not in the document"


def test_print_dossier_without_earlier_build_says_so(briefing: Briefing, settings: Settings) -> None:
    html = dossier_html(briefing, settings)
    section = html[html.index('id="whats-new"'):html.index('id="overview"')]
    assert "no earlier build" in section and "<li>" not in section

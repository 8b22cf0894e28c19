"""The calendar (as-of date, coming and past events), the timeline SVG and
the temporal pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import jinja2

from dossier.model import Article, Briefing, Document, Event, EventReport, Paragraph, Provenance, Provision
from dossier.render import make_environment, render_pages
from dossier.render.calendar import build_calendar
from dossier.render.timeline_svg import timeline_svg
from dossier.settings import Settings


def briefing() -> Briefing:
    article = Article("a", "Talks", "a.txt", [Paragraph(1, "Abe met Putin.")], published="2016-09-03")
    report = EventReport(Provenance("a", 1), "Abe met Putin.", "held", "2016-09-02", "Friday")

    def ev(eid: str, title: str, date: str, status: str) -> Event:
        return Event(eid, title, "talks", date, None, [], status, [report])

    return Briefing(
        articles=[article],
        events=[
            ev("e1956", "Signing of the <script>alert(1)</script> & declaration", "1956", "held"),
            ev("e2016", "Abe–Putin talks", "2016-09-02", "held"),
            ev("e2016b", "Putin visit to Yamaguchi", "2016-12-15", "scheduled"),
        ],
        documents=[Document("d", "Joint Declaration", "declaration", date="1956", events=["e1956"],
                            provisions=[Provision("ends the war", Provenance("a", 1), "provides for")])],
    )


def test_timeline_calendar_splits_coming_and_past_by_as_of() -> None:
    cal = build_calendar(briefing(), Settings())
    assert cal.as_of == "2016-09-03"
    assert [e.id for e in cal.upcoming] == ["e2016b"]
    assert [e.id for e in cal.recent] == ["e2016", "e1956"]
    assert [y for y, _ in cal.years] == ["1956", "2016"]


def test_timeline_calendar_as_of_setting_wins() -> None:
    cal = build_calendar(briefing(), Settings(as_of="2016-01-01"))
    assert [e.id for e in cal.upcoming] == ["e2016", "e2016b"]


def test_timeline_svg_is_escaped_xml_without_blank_lines() -> None:
    svg = timeline_svg(build_calendar(briefing(), Settings()))
    assert "\n\n" not in svg
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # well-formed: every text escaped
    circles = root.findall(".//{http://www.w3.org/2000/svg}circle")
    assert len([c for c in circles if c.find("{http://www.w3.org/2000/svg}title") is not None]) == 3


def test_timeline_pages_render_and_link_events() -> None:
    env = make_environment(None)
    pages = render_pages(briefing(), Settings(pdf=False), env)
    timeline = pages["timeline.md"]
    assert re.search(r"^## 1956$", timeline, re.M) and re.search(r"^## 2016$", timeline, re.M)
    assert "(events/e2016b.md)" in timeline and "**coming**" in timeline
    assert "&lt;script&gt;" in timeline
    assert "events/e1956.md" in pages and "documents/d.md" in pages
    document = pages["documents/d.md"]
    assert "*provides for*: ends the war" in document
    assert "../events/e1956.md" in document
    assert "Coming up" in pages["index.md"] and "Putin visit to Yamaguchi" in pages["index.md"]


def test_timeline_templates_use_strict_undefined() -> None:
    assert make_environment(None).undefined is jinja2.StrictUndefined


def test_timeline_human_date_month_interval() -> None:
    from dossier.render.filters import human_date

    assert human_date("2018-09/2018-11") == "September–November 2018"
    assert human_date("2016-09-02/2016-09-03") == "2–3 September 2016"


def test_timeline_as_of_accepts_unquoted_yaml_date() -> None:
    """`as_of: 2019-01-22` unquoted is a YAML date; the setting keeps its ISO text."""
    import datetime

    from dossier.config import settings_from_plugin
    from dossier.publish.config import DossierPluginConfig

    config = DossierPluginConfig()
    config.load_dict({"as_of": datetime.date(2019, 1, 22)})
    errors, _warnings = config.validate()
    assert not errors
    assert settings_from_plugin(config, None, "Site").as_of == "2019-01-22"


def test_timeline_source_page_gives_the_reason_when_undated() -> None:
    from dossier.render.pages import source_path

    undated = briefing()
    article = undated.articles[0]
    article.published = None
    article.date_evidence = "no date, dateline, anniversary or relative year in the text to anchor it"
    page = render_pages(undated, Settings(pdf=False), make_environment(None))[source_path(article.id)]
    assert "| Published | no date, dateline, anniversary" in page
    assert "unknown" not in page

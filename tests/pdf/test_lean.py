"""The dossier PDF stays a booklet at scale: each section is cut to
`pdf_entries`, each speaker's quotations to `pdf_quotes_per_speaker`, the
sources list to the sources cited; a small dossier prints whole."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from dossier.config import load_settings
from dossier.errors import ConfigError
from dossier.model import (
    Article,
    Briefing,
    Document,
    Event,
    EventReport,
    Mention,
    Organization,
    Paragraph,
    Person,
    Place,
    Provenance,
    Quote,
    Role,
)
from dossier.pdf.html import dossier_html
from dossier.resolve.quotes import fold_quotes
from dossier.settings import Settings
from tests.pdf.pdfcheck import page_texts, reader
from tests.pdf.sample import sample_briefing, sample_settings

ARTICLES, PEOPLE, EVENTS, SPEAKERS, MAIN_QUOTES = 120, 60, 80, 40, 25


def _where(n: int, paragraph: int = 1) -> Provenance:
    return Provenance(f"a{n % ARTICLES:03d}", paragraph, 0, 5)


def scaled_briefing() -> Briefing:
    """More of everything than the default limits: people named in fewer
    articles the later they come, one speaker with many quotations reported
    by fewer articles the later they come, and many speakers."""
    articles = [Article(id=f"a{n:03d}", title=f"Report number {n} on the talks", path=f"a{n:03d}.txt",
                        published=f"2020-{1 + n % 12:02d}-{1 + n % 28:02d}",
                        paragraphs=[Paragraph(k, f"Paragraph {k} of report {n}.") for k in (1, 2, 3)])
               for n in range(ARTICLES)]
    people = [Person(id=f"person-{i:02d}", name=f"Person {i:02d}",
                     roles=[Role("minister", _where(i))],
                     mentions=[Mention(f"Person {i:02d}", _where(i + k)) for k in range(PEOPLE - i)])
              for i in range(PEOPLE)]
    places = [Place(id=f"place-{i}", name=f"Place {i:02d}", kind="city",
                    mentions=[Mention("x", _where(i + k)) for k in range(40 - i)]) for i in range(40)]
    orgs = [Organization(id=f"org-{i}", name=f"Organization {i:02d}",
                         mentions=[Mention("x", _where(i + k)) for k in range(40 - i)]) for i in range(40)]
    documents = [Document(id=f"doc-{i}", name=f"Agreement {i:02d}", kind="agreement",
                          mentions=[Mention("x", _where(i + k)) for k in range(40 - i)]) for i in range(35)]
    events = [Event(id=f"event-{i:02d}", title=f"Talks round {i:02d}", kind="talks", date=f"2019-{1 + i % 12:02d}",
                    participants=["person-00", "person-01"], status="held",
                    reports=[EventReport(_where(i + k), "They met.", "held") for k in range(1 + i % 7)])
              for i in range(EVENTS)]
    reports = []
    for i in range(MAIN_QUOTES):  # quotation i reported by MAIN_QUOTES - i articles
        reports += [Quote(f"q{i}-{k}", f"Main speaker's quotation number {i} about the talks", _where(k, 2),
                          speaker="person-00", date="2020-01-01") for k in range(MAIN_QUOTES - i)]
    reports += [Quote(f"s{i}", f"Quotation of speaker {i} on the islands", _where(i, 3), speaker=f"person-{i:02d}")
                for i in range(1, SPEAKERS)]
    return Briefing(articles=articles, people=people, organizations=orgs, places=places, events=events,
                    documents=documents, quotes=fold_quotes(reports))


@pytest.fixture(scope="module")
def scaled() -> Briefing:
    return scaled_briefing()


@pytest.fixture(scope="module")
def lean_html(scaled: Briefing) -> str:
    return dossier_html(scaled, sample_settings(as_of="2020-12-31"), full_sources=False)


def _section(html: str, section_id: str) -> str:
    start = html.index(f'<section class="chapter" id="{section_id}"')
    return html[start:html.index("</section>", start)]


def test_lean_sections_cut_to_pdf_entries(lean_html: str) -> None:
    limit = Settings().pdf_entries
    assert limit == 30
    people = re.findall(r'class="entity" id="person-person-(\d+)"', _section(lean_html, "people"))
    assert people == [f"{i:02d}" for i in range(limit)]  # those named in most articles
    assert f"{PEOPLE - limit} more people" in lean_html
    assert len(re.findall(r'<tr id="event-', lean_html)) == limit
    assert len(re.findall(r'<tr id="place-', lean_html)) == limit
    assert len(re.findall(r'<tr id="org-', lean_html)) == limit
    assert len(re.findall(r'class="entity" id="doc-', lean_html)) == limit
    speakers = re.findall(r'<h3 id="quotes-([^"]+)"', _section(lean_html, "quotes"))
    assert len(speakers) == limit and speakers[0] == "person-00"  # the speaker reported most first
    assert f"{SPEAKERS - limit} more speakers" in lean_html
    assert "each section of this PDF" in _section(lean_html, "overview")  # the reader is told


def test_lean_quotes_cut_per_speaker_most_reported_first(lean_html: str) -> None:
    per_speaker = Settings().pdf_quotes_per_speaker
    assert per_speaker == 15
    main = _section(lean_html, "quotes").split('<h3 id="quotes-person-01"')[0]
    numbers = [int(n) for n in re.findall(r"quotation number (\d+) about", main)]
    assert numbers == list(range(per_speaker))  # one entry per quotation, the most reported first
    assert f"{MAIN_QUOTES - per_speaker} more quotations of Person 00" in main


def test_lean_sources_list_lists_only_the_cited(lean_html: str) -> None:
    listed = re.findall(r'class="source-entry" id="src-([^"]+)"', lean_html)
    assert 0 < len(listed) < ARTICLES
    assert f"{ARTICLES} source articles" in _section(lean_html, "overview")
    assert 'class="sources"' not in lean_html  # no table of every source in the overview
    # Every link inside the PDF leads to something it prints.
    ids = set(re.findall(r'\bid="([^"]+)"', lean_html))
    targets = set(re.findall(r'href="#([^"]+)"', lean_html))
    assert targets and targets <= ids


def test_lean_no_limit_prints_everything(scaled: Briefing) -> None:
    html = dossier_html(scaled, sample_settings(as_of="2020-12-31", pdf_entries=None, pdf_quotes_per_speaker=None),
                        full_sources=False)
    assert len(re.findall(r'class="entity" id="person-', html)) == PEOPLE
    assert len(re.findall(r"quotation number \d+ about", html)) == MAIN_QUOTES
    assert len(re.findall(r'class="source-entry"', html)) == ARTICLES
    assert 'class="more"' not in html


def test_lean_small_dossier_prints_whole() -> None:
    html = dossier_html(sample_briefing(), sample_settings(), full_sources=False)
    assert 'class="more"' not in html and "more people" not in html and "each section of this PDF" not in html


def test_lean_seed_dossier_is_under_every_limit() -> None:
    from dossier.publish.site import site_briefing

    settings = load_settings(Path(__file__).parents[2] / "mkdocs.yml")
    html = dossier_html(site_briefing(settings), settings, full_sources=False)
    assert 'class="more"' not in html


def test_lean_pdf_of_the_scaled_dossier_is_short(lean_html: str) -> None:
    from dossier.pdf.render import html_to_pdf

    pdf = reader(html_to_pdf(lean_html))
    assert len(pdf.pages) <= 30
    text = " ".join(page_texts(pdf))
    assert "30 more people, named in fewer sources, on the site" in " ".join(text.split())


def test_lean_source_labels_stay_on_one_line(scaled: Briefing) -> None:
    """The overview's label column fits 'S120' beside titles that run over
    a line: it used to shrink to 'S1' and wrap the rest."""
    from dossier.pdf.render import html_to_pdf

    articles = [dataclasses.replace(a, title=f"Report {n} " + "on the talks " * (4 + n % 9))
                for n, a in enumerate(scaled.articles)]
    html = dossier_html(Briefing(articles=articles), sample_settings(as_of="2020-12-31", pdf_entries=200),
                        full_sources=False)
    assert 'class="sources"' in html  # under the limit: the overview's table of sources
    table = " ".join(t for t in page_texts(reader(html_to_pdf(html))) if "PUBLISHED" in t)
    for n in (1, 10, 100, 117, 120):
        assert re.search(rf"\bS{n}\s+Report {n - 1} on", table), n


@pytest.mark.parametrize("value", [-1, -30])
def test_lean_negative_limit_is_refused(value: int) -> None:
    from dossier.config import _limit

    with pytest.raises(ConfigError, match="pdf_entries"):
        _limit(value, "pdf_entries")
    assert _limit(0, "pdf_entries") is None and _limit(12, "pdf_entries") == 12

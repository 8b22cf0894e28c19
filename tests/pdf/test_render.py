"""The whole-dossier PDF, checked by structure: outline, contents page
numbers, internal links, running header and footer, text."""

from __future__ import annotations

import logging
import re

import pytest
from pypdf import PdfReader

from dossier.model import Briefing
from dossier.settings import Settings
from tests.pdf.pdfcheck import destination_pages, link_targets, outline, page_texts, reader, toc_entries
from tests.pdf.sample import JAPANESE_NAME, MARKING, RUSSIAN_NAME, sample_briefing

SECTIONS = [
    "What's new", "Overview", "People", "Timeline", "Documents", "Places and organizations", "Quotes", "Sources",
]


def test_render_outline_lists_sections_people_and_sources(dossier_reader: PdfReader) -> None:
    entries = outline(dossier_reader)
    top = [e.title for e in entries if e.depth == 0]
    assert top == ["Contents", *SECTIONS]
    second = [e.title for e in entries if e.depth == 1]
    for name in ["Shinzo Abe", "Vladimir Putin", "河野太郎", "Soviet–Japanese Joint Declaration of 1956",
                 "S1. Abe and Putin meet in Sochi"]:
        assert name in second
    # The cover's title is no bookmark.
    assert "Russia–Japan test dossier" not in [e.title for e in entries]


def test_render_outline_pages_are_in_section_order(dossier_reader: PdfReader) -> None:
    pages = {e.title: e.page for e in outline(dossier_reader) if e.depth == 0}
    starts = [pages[title] for title in SECTIONS]
    assert starts == sorted(starts)
    assert pages["Contents"] == 2
    assert starts[-1] < len(dossier_reader.pages) + 1


def test_render_toc_page_numbers_match_where_sections_start(dossier_reader: PdfReader) -> None:
    texts = page_texts(dossier_reader)
    toc = toc_entries(texts[1])
    assert [title for title, _ in toc][: len(SECTIONS)] == SECTIONS
    outline_pages = {e.title: e.page for e in outline(dossier_reader)}
    for title, page in toc:
        assert outline_pages[title] == page, f"contents say {title!r} is on page {page}"
        assert title.split(". ", 1)[-1] in texts[page - 1], f"{title!r} is not on page {page}"


def test_render_internal_links_resolve(dossier_reader: PdfReader) -> None:
    links = link_targets(dossier_reader)
    destinations = destination_pages(dossier_reader)
    assert len(links) > 20
    assert not [target for _, target in links if target.startswith("uri:")], "no link may leave the PDF"
    missing = [target for _, target in links if target not in destinations]
    assert not missing


def test_render_citations_link_to_the_cited_paragraph(dossier_reader: PdfReader, briefing: Briefing) -> None:
    destinations = destination_pages(dossier_reader)
    texts = page_texts(dossier_reader)
    sources_start = outline_page(dossier_reader, "Sources")
    cited = {t for _, t in link_targets(dossier_reader) if re.fullmatch(r"src-.+-p\d+", t)}
    assert "src-vladivostok-forum-p3" in cited  # Panov's quote
    for target in cited:
        article_id, number = re.fullmatch(r"src-(.+)-p(\d+)", target).groups()  # type: ignore[union-attr]
        page = destinations[target]
        assert page >= sources_start
        opening = " ".join(briefing.article(article_id).paragraph(int(number)).text.split()[:3])
        assert opening in " ".join(texts[page - 1].split()), f"{target} lands on page {page}, not its paragraph"


def outline_page(r: PdfReader, title: str) -> int:
    return next(e.page for e in outline(r) if e.title == title)


def test_render_running_header_and_footer_on_every_page_but_the_cover(dossier_reader: PdfReader) -> None:
    texts = page_texts(dossier_reader)
    total = len(texts)
    assert MARKING in texts[0]  # the cover's bands
    assert "Page 1 of" not in texts[0]
    for number, text in enumerate(texts[1:], 2):
        assert MARKING in text, f"page {number} lacks the marking"
        assert f"Page {number} of {total}" in text
        assert "Russia–Japan test dossier" in text


def test_render_cover_shows_title_subtitle_as_of_and_preparer(dossier_reader: PdfReader) -> None:
    cover = page_texts(dossier_reader)[0]
    for expected in ["Russia–Japan test dossier", "Talks on the islands", "20 August 2016", "the test suite"]:
        assert expected in cover


def test_render_names_in_every_script_appear_as_text(dossier_reader: PdfReader) -> None:
    text = "\n".join(page_texts(dossier_reader))
    assert JAPANESE_NAME in text
    assert RUSSIAN_NAME in text
    assert "河野太郎" in text


def test_render_sources_printed_in_full_with_paragraph_numbers(dossier_reader: PdfReader) -> None:
    start = outline_page(dossier_reader, "Sources")
    text = "\n".join(page_texts(dossier_reader)[start - 1:])
    assert "The leaders agreed an eight-point plan for economic cooperation." in text
    assert re.search(r"^4\s*Sergey Lavrov, the Russian foreign minister", text, flags=re.M)


def test_render_metadata_names_the_dossier(dossier_reader: PdfReader) -> None:
    meta = dossier_reader.metadata
    assert meta is not None
    assert meta.title == "Russia–Japan test dossier"
    assert meta.author == "the test suite"


def test_render_timeline_chapter_draws_the_figure(dossier_reader: PdfReader) -> None:
    pytest.importorskip("dossier.render.timeline_svg")
    page = dossier_reader.pages[outline_page(dossier_reader, "Timeline") - 1]
    xobjects = page["/Resources"].get("/XObject", {})
    assert any(x.get_object().get("/Subtype") == "/Form" for x in xobjects.values()), "no figure drawn"


def test_render_logs_no_weasyprint_warning(caplog: pytest.LogCaptureFixture, settings: Settings) -> None:
    """An unsupported CSS property, or a link to an anchor that is not there
    (WeasyPrint then logs an error and drops the link), shows up here."""
    from dossier.pdf import dossier_pdf, meeting_pdf

    briefing = sample_briefing()
    long_id = "2016-lavrov-and-kishida-to-meet-in-tokyo-in-december-for-talks-on-the-treaty"
    briefing.events[2].id = long_id  # ids as long as the pipeline makes them
    with caplog.at_level(logging.WARNING):
        r = reader(dossier_pdf(briefing, settings))
        meeting_pdf(briefing, settings, long_id)
    assert [rec.getMessage() for rec in caplog.records if rec.levelno >= logging.WARNING] == []
    assert f"event-{long_id}" in {target for _, target in link_targets(r)}

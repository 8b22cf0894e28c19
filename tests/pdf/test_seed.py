"""The whole-dossier PDF of the seed, built by the real pipeline (events,
documents and quotes as extracted, not hand-made)."""

from __future__ import annotations

from pypdf import PdfReader

from dossier.model import Briefing
from tests.pdf.pdfcheck import destination_pages, link_targets, outline, page_texts, toc_entries


def test_seed_pdf_contents_match_the_outline(seed_reader: PdfReader) -> None:
    texts = page_texts(seed_reader)
    pages = {e.title: e.page for e in outline(seed_reader)}
    toc = toc_entries(texts[1])
    assert len(toc) >= 8
    for title, page in toc:
        assert pages[title] == page


def test_seed_pdf_links_resolve_and_every_person_is_bookmarked(
    seed_reader: PdfReader, seed_briefing: Briefing
) -> None:
    destinations = destination_pages(seed_reader)
    links = link_targets(seed_reader)
    assert links and all(target in destinations for _, target in links)
    bookmarks = {e.title for e in outline(seed_reader)}
    assert {p.name for p in seed_briefing.people} <= bookmarks
    assert all("SEED MARKING" in text for text in page_texts(seed_reader))


def test_seed_pdf_cites_every_quote(seed_reader: PdfReader, seed_briefing: Briefing) -> None:
    cited = {target for _, target in link_targets(seed_reader)}
    for quote in seed_briefing.quotes:
        assert f"src-{quote.where.article}-p{quote.where.paragraph}" in cited

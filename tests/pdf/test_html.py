"""The print HTML: untrusted article text stays text, nothing is fetched
from outside, and a user's template overrides the built-in one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader

from dossier.errors import RenderError
from dossier.model import Briefing, Paragraph
from dossier.pdf import dossier_pdf
from dossier.pdf.html import break_long_runs, dossier_html
from dossier.pdf.render import LocalOnlyFetcher, html_to_pdf
from dossier.settings import Settings
from tests.pdf.pdfcheck import link_targets, page_texts, reader
from tests.pdf.sample import sample_briefing


def test_html_article_markup_is_escaped(briefing: Briefing, settings: Settings) -> None:
    html = dossier_html(briefing, settings).replace("\u200b", "")  # break points in long runs
    assert "<script>" not in html
    assert '<img src="http://example.invalid' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_article_markup_prints_as_text(dossier_reader: PdfReader) -> None:
    text = " ".join(" ".join(page_texts(dossier_reader)).split())
    assert "<script>alert(1)</script>" in text
    assert not [t for _, t in link_targets(dossier_reader) if t.startswith("uri:")]
    for page in dossier_reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


@pytest.mark.parametrize("url", [
    "http://example.invalid/x.png",
    "https://example.invalid/x.css",
    "file:///etc/passwd",
    "ftp://example.invalid/x",
])
def test_html_fetcher_refuses_outside_resources(url: str) -> None:
    fetcher = LocalOnlyFetcher()
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_html_break_long_runs_only_in_body_text() -> None:
    long_id = "event-" + "a" * 60
    html = (f'<html><head><title>{"t" * 60}</title><style>.x{{{"c" * 60}}}</style></head>'
            f'<body><p id="{long_id}">see {"x" * 50} and {"&amp;" * 50}</p><a href="#{long_id}">{"y" * 10}</a></body>')
    out = break_long_runs(html)
    assert f'id="{long_id}"' in out and f'href="#{long_id}"' in out  # ids and links intact
    assert "t" * 60 in out and "c" * 60 in out  # head and styles intact
    assert f"see {'x' * 24}\u200b{'x' * 24}\u200bxx and" in out
    assert "&amp;" * 24 + "\u200b" + "&amp;" * 24 + "\u200b" + "&amp;" * 2 + "</p>" in out  # entities whole
    assert break_long_runs("<body><p>Shinzo Abe met Vladimir Putin</p>") == "<body><p>Shinzo Abe met Vladimir Putin</p>"


def test_html_long_runs_wrap_inside_the_page(briefing: Briefing, settings: Settings) -> None:
    b = sample_briefing()
    b.articles[0].paragraphs.append(Paragraph(6, "[" * 30000))
    pages = page_texts(reader(dossier_pdf(b, settings)))
    # Every bracket is printed (none runs off the page), over several lines.
    assert sum(text.count("[") for text in pages) == 30000
    assert max(len(line) for text in pages for line in text.replace("\u200b", "").splitlines()) < 200


def test_html_fetcher_serves_data_urls_and_package_files() -> None:
    fetcher = LocalOnlyFetcher()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    css = Path(__file__).resolve().parents[2] / "dossier" / "templates" / "print" / "print.css.j2"
    assert b"@page" in fetcher.fetch(css.as_uri()).read()


def test_html_render_ignores_outside_images_in_user_html() -> None:
    html = '<p>before</p><img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png"><p>after</p>'
    r = reader(html_to_pdf(html))
    assert "after" in page_texts(r)[0]
    xobjects = r.pages[0]["/Resources"].get("/XObject", {})
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())


def test_html_user_template_overrides_a_print_section(
    tmp_path: Path, briefing: Briefing, settings: Settings
) -> None:
    (tmp_path / "print" / "sections").mkdir(parents=True)
    (tmp_path / "print" / "sections" / "quotes.html.j2").write_text(
        '<section class="chapter" id="quotes"><h1>Quotes</h1><p>Quotes left out of print.</p></section>\n',
        encoding="utf-8",
    )
    custom = dataclasses.replace(settings, root=tmp_path, templates=".")
    html = dossier_html(briefing, custom)
    assert "Quotes left out of print." in html
    assert "window of opportunity" not in html.split('id="quotes"')[1].split("</section>")[0]


def test_html_broken_user_template_names_the_file(tmp_path: Path, briefing: Briefing, settings: Settings) -> None:
    (tmp_path / "print" / "sections").mkdir(parents=True)
    (tmp_path / "print" / "sections" / "quotes.html.j2").write_text("{{ no_such_variable }}\n", encoding="utf-8")
    custom = dataclasses.replace(settings, root=tmp_path, templates=".")
    with pytest.raises(RenderError, match="no_such_variable"):
        dossier_html(briefing, custom)


def test_html_sources_list_the_copies_of_an_article(briefing: Briefing, settings: Settings) -> None:
    kept = briefing.articles[0]
    copy = dataclasses.replace(
        kept, id=f"{kept.id}-wire", path=f"wire/{kept.id}.txt", source="Wire Service", published="2016-05-07",
        duplicate_of=kept.id,
    )
    with_copy = dataclasses.replace(briefing, duplicates=[copy])
    html = " ".join(dossier_html(with_copy, settings).replace("\u200b", "").split())
    assert f"Also published by: Wire Service (7 May 2016; wire/{kept.id}.txt). Counted once" in html
    assert "Also published by" not in dossier_html(briefing, settings)
    # Counted once: the copy has no section of its own.
    assert html.count(f"{kept.title}") == " ".join(dossier_html(briefing, settings).split()).count(kept.title)

"""The site offers the PDFs: real MkDocs builds (strict, so a download link
to a missing file fails the build) with and without PDFs, and under serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from dossier.model import Briefing, Event
from dossier.pdf import DOSSIER_PDF, briefed_events, meeting_pdf_path, site_pdfs
from dossier.render import make_environment
from dossier.settings import Settings
from tests.conftest import mkdocs_build, mkdocs_yml, write_project
from tests.pdf.pdfcheck import page_texts, reader
from tests.pdf.sample import MARKING, sample_briefing, sample_settings

ARTICLE = """\
Ministers to meet in Oslo

Ministers to meet in Oslo

Oslo, 3 March 2021. Foreign Minister Anna Lind said she would travel to Oslo next week.

"We need an agreement," Lind told reporters.
"""


def _config(**options: str) -> str:
    return mkdocs_yml(**options)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdfsite") / "project"
    write_project(root, {"oslo.txt": ARTICLE}, config=_config(marking=f'"{MARKING}"'))
    return mkdocs_build(root, strict=True)


@pytest.mark.slow
def test_site_build_writes_the_dossier_pdf_and_links_it(built_site: Path) -> None:
    pdf = (built_site / DOSSIER_PDF).read_bytes()
    texts = page_texts(reader(pdf))
    assert "Test dossier" in texts[0] and MARKING in texts[0]
    assert "Lind" in "".join(texts)
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/dossier.pdf"' in index


@pytest.mark.slow
def test_site_build_without_pdfs_has_no_link(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", {"oslo.txt": ARTICLE}, config=_config(pdf="false"))
    site = mkdocs_build(root, strict=True)
    assert not (site / "pdf").exists()
    assert "dossier.pdf" not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_site_serve_skips_pdfs_and_links(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", {"oslo.txt": ARTICLE})
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    site = Path(config.site_dir)
    assert (site / "index.html").exists()
    assert not (site / "pdf").exists()
    assert "dossier.pdf" not in (site / "index.html").read_text(encoding="utf-8")


def _event_links(event: Event, settings: Settings, briefing: Briefing | None = None) -> str:
    """The event page's download line, with the context the pages get."""
    env = make_environment(None)
    briefed = {e.id for e in briefed_events(briefing, settings)} if briefing is not None else set()
    return env.get_template("pages/partials/event_downloads.md.j2").render(
        settings=settings, event=event, page_path=f"events/{event.id}.md", briefed=briefed
    )


def test_site_meeting_pages_link_the_briefs_the_site_writes() -> None:
    briefing = sample_briefing()
    briefing.events.append(Event(id="treaty-signing", title="Signing", kind="signing", date="2016-10"))
    settings = sample_settings()
    pdfs = site_pdfs(briefing, settings)
    assert DOSSIER_PDF in pdfs
    for event in briefing.events:
        text = _event_links(event, settings, briefing)
        if meeting_pdf_path(event.id) in pdfs:
            assert f"](../{meeting_pdf_path(event.id)})" in text
        else:
            assert text.strip() == "", f"{event.id} links a brief the site does not write"
    assert meeting_pdf_path("treaty-signing") not in pdfs


def test_site_no_meeting_link_without_pdfs() -> None:
    settings = sample_settings(pdf=False)
    assert _event_links(sample_briefing().events[0], settings).strip() == ""

"""PDF fixtures: each PDF is rendered once per session and shared."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from dossier.model import Briefing
from dossier.settings import Settings
from tests.pdf.pdfcheck import reader
from tests.pdf.sample import sample_briefing, sample_settings


@pytest.fixture(scope="session")
def briefing() -> Briefing:
    return sample_briefing()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return sample_settings()


@pytest.fixture(scope="session")
def dossier_pdf_bytes(briefing: Briefing, settings: Settings) -> bytes:
    from dossier.pdf import dossier_pdf

    return dossier_pdf(briefing, settings)


@pytest.fixture(scope="session")
def dossier_reader(dossier_pdf_bytes: bytes) -> PdfReader:
    return reader(dossier_pdf_bytes)


@pytest.fixture(scope="session")
def brief_reader(briefing: Briefing, settings: Settings) -> PdfReader:
    from dossier.pdf import meeting_pdf

    return reader(meeting_pdf(briefing, settings, "vladivostok-eef"))


@pytest.fixture(scope="session")
def seed_reader(seed_briefing: Briefing) -> PdfReader:
    """The whole dossier of the seed article, through the real pipeline."""
    from dossier.pdf import dossier_pdf

    return reader(dossier_pdf(seed_briefing, Settings(title="Seed dossier", marking="SEED MARKING",
                                                       templates="no-user-templates")))

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

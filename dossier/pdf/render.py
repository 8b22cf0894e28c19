"""Print HTML -> PDF with WeasyPrint, fetching nothing from outside.

Article text is untrusted: the templates escape it, and the URL fetcher
refuses every resource that is not a `data:` URL or a file inside dossier's
own templates folder, so a crafted article (or a user template) can neither
reach the network nor read the file system.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from dossier.errors import BuildError
from dossier.render.environment import BUILTIN_TEMPLATES

log = logging.getLogger("dossier")

PRINT_DIR = BUILTIN_TEMPLATES / "print"


class LocalOnlyFetcher(URLFetcher):
    """Serves `data:` URLs and files under dossier's templates folder;
    refuses everything else (http, https, ftp, any other file)."""

    def __init__(self, root: Path = BUILTIN_TEMPLATES) -> None:
        super().__init__(allowed_protocols=["data", "file"], allow_redirects=False, timeout=1)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if path.is_relative_to(self.root) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes())
        self.refused.append(url)
        raise ValueError(f"dossier PDFs load nothing from outside the package: refused {url}")


def layout(html: str) -> Document:
    """Lay the print HTML out in pages (images and styles from the package only)."""
    fetcher = LocalOnlyFetcher()
    try:
        document = HTML(string=html, base_url=PRINT_DIR.as_uri() + "/", url_fetcher=fetcher).render()
    except Exception as exc:  # WeasyPrint raises many kinds; say which step failed
        raise BuildError(f"the PDF renderer failed to lay out pages: {type(exc).__name__}: {exc}") from exc
    if fetcher.refused:
        log.info("dossier: refused to fetch %d outside resource(s) for a PDF", len(fetcher.refused))
    return document


def write(document: Document) -> bytes:
    try:
        pdf = document.write_pdf()
    except Exception as exc:
        raise BuildError(f"the PDF renderer failed to write the PDF: {type(exc).__name__}: {exc}") from exc
    assert pdf is not None
    return pdf


def html_to_pdf(html: str) -> bytes:
    return write(layout(html))

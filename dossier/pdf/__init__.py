"""PDF output: the whole dossier, and a brief of a few pages per meeting.

    briefing -> print HTML (Jinja, templates/print/) -> WeasyPrint -> PDF

`dossier_pdf` and `meeting_pdf` return the PDF bytes; `site_pdfs` returns
every PDF the site offers, by its path in the site.
"""

from __future__ import annotations

import logging
from pathlib import Path

from dossier.changes import Changes
from dossier.errors import BuildError, ConfigError
from dossier.model import Briefing
from dossier.pdf.brief import Limits, as_of_bounds, as_of_date, find_event, is_meeting, meeting_brief, upcoming_events
from dossier.settings import Settings

# dossier.pdf.html and dossier.pdf.render (WeasyPrint) are imported where
# they are used: page templates use `is_meeting` without loading WeasyPrint.

log = logging.getLogger("dossier")

DOSSIER_PDF = "pdf/dossier.pdf"
BRIEF_PAGES = (2, 6)


def meeting_pdf_path(event_id: str) -> str:
    """Where a meeting's brief lives in the site: 'pdf/brief-<event id>.pdf'."""
    return f"pdf/brief-{event_id}.pdf"


def dossier_pdf(briefing: Briefing, settings: Settings, changes: Changes | None = None) -> bytes:
    """The whole dossier as one PDF; it opens with `changes` ("What's new";
    default: no earlier build to compare with)."""
    from dossier.pdf.html import dossier_html
    from dossier.pdf.render import html_to_pdf

    return html_to_pdf(dossier_html(briefing, settings, changes))


def meeting_pdf(briefing: Briefing, settings: Settings, event_id: str) -> bytes:
    """A brief for one meeting, kept within `BRIEF_PAGES`: when it runs
    longer, fewer quotes, context entries and documents are shown."""
    from dossier.pdf.html import brief_html
    from dossier.pdf.render import layout, write

    find_event(briefing, event_id)
    limits = Limits()
    for _ in range(6):
        document = layout(brief_html(meeting_brief(briefing, event_id, limits), briefing, settings))
        if len(document.pages) <= BRIEF_PAGES[1]:
            break
        log.info("dossier: the brief for %s has %d pages; shortening it", event_id, len(document.pages))
        limits = limits.tighter()
    else:
        log.warning("dossier: the brief for %s is %d pages long, over the %d-page budget",
                    event_id, len(document.pages), BRIEF_PAGES[1])
    return write(document)


def write_pdfs(
    briefing: Briefing, settings: Settings, out: Path, *, meeting: str | None = None, upcoming: bool = False,
    changes: Changes | None = None,
) -> list[Path]:
    """Write the PDFs the `dossier pdf` command asks for and return their paths.

    Without `meeting` or `upcoming`: the whole dossier, as `out/dossier.pdf`
    (or as `out` itself when it ends in '.pdf').  With `meeting`: that
    meeting's brief.  With `upcoming`: a brief per meeting after the as-of
    date, always into the folder `out`.
    """
    if upcoming:
        if out.suffix.lower() == ".pdf":
            raise ConfigError(f"--upcoming writes one PDF per meeting; expected a folder for --out, not {out}")
        events = upcoming_events(briefing, as_of_bounds(briefing, settings))
        return [_write(out / Path(meeting_pdf_path(e.id)).name, meeting_pdf(briefing, settings, e.id))
                for e in events]
    if meeting is not None:
        name = Path(meeting_pdf_path(find_event(briefing, meeting).id)).name
        target = out if out.suffix.lower() == ".pdf" else out / name
        return [_write(target, meeting_pdf(briefing, settings, meeting))]
    target = out if out.suffix.lower() == ".pdf" else out / Path(DOSSIER_PDF).name
    return [_write(target, dossier_pdf(briefing, settings, changes))]


def _write(path: Path, content: bytes) -> Path:
    """Write through a temporary file, so a reader never sees half a PDF."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_bytes(content)
        partial.replace(path)
    except OSError as exc:
        raise BuildError(f"cannot write the PDF: {exc.strerror}; expected a writable folder", path=path) from exc
    return path


def site_pdfs(briefing: Briefing, settings: Settings, changes: Changes | None = None) -> dict[str, bytes]:
    """Every PDF the site offers: the dossier, and a brief per meeting
    (the event pages of meetings link to theirs)."""
    out = {DOSSIER_PDF: dossier_pdf(briefing, settings, changes)}
    for event in briefing.events:
        if is_meeting(event):
            out[meeting_pdf_path(event.id)] = meeting_pdf(briefing, settings, event.id)
    return out


__all__ = [
    "DOSSIER_PDF",
    "as_of_bounds",
    "as_of_date",
    "dossier_pdf",
    "is_meeting",
    "meeting_pdf",
    "meeting_pdf_path",
    "site_pdfs",
    "upcoming_events",
    "write_pdfs",
]

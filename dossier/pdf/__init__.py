"""PDF output: the whole dossier, and a brief of a few pages per meeting.

    briefing -> print HTML (Jinja, templates/print/) -> WeasyPrint -> PDF

`dossier_pdf` and `meeting_pdf` return the PDF bytes; `site_pdfs` returns
every PDF the site offers, by its path in the site.  The print HTML is made
in this process (it is quick); laying it out, the slow part, runs on an
executor (worker processes), and a PDF whose print HTML has not changed
since an earlier build comes from the cache.
"""

from __future__ import annotations

import contextvars
import functools
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dossier.cache import DiskCache, code_version, digest
from dossier.changes import Changes
from dossier.errors import BuildError, ConfigError
from dossier.executor import Executor, SerialExecutor
from dossier.model import Briefing
from dossier.pdf.brief import (
    Limits,
    as_of_bounds,
    as_of_date,
    briefed_events,
    find_event,
    is_meeting,
    meeting_brief,
    upcoming_events,
)
from dossier.progress import current
from dossier.settings import Settings

# dossier.pdf.html and dossier.pdf.render (WeasyPrint) are imported where
# they are used: page templates use `is_meeting` without loading WeasyPrint.

log = logging.getLogger("dossier")

DOSSIER_PDF = "pdf/dossier.pdf"
SOURCES_PDF = "pdf/sources.pdf"
BRIEF_PAGES = (2, 6)
BRIEF_TRIES = 6


def meeting_pdf_path(event_id: str) -> str:
    """Where a meeting's brief lives in the site: 'pdf/brief-<event id>.pdf'."""
    return f"pdf/brief-{event_id}.pdf"


def dossier_pdf(
    briefing: Briefing, settings: Settings, changes: Changes | None = None, *, full_sources: bool = True
) -> bytes:
    """The whole dossier as one PDF; it opens with `changes` ("What's new";
    default: no earlier build to compare with).  With `full_sources` false,
    lean: the sources listed, not printed (they are in `sources_pdf`, and on
    the site)."""
    from dossier.pdf.html import dossier_html
    from dossier.pdf.render import html_to_pdf

    return html_to_pdf(dossier_html(briefing, settings, changes, full_sources=full_sources))


def sources_pdf(briefing: Briefing, settings: Settings) -> bytes:
    """The sources in full, numbered as the dossier cites them."""
    from dossier.pdf.html import sources_html
    from dossier.pdf.render import html_to_pdf

    return html_to_pdf(sources_html(briefing, settings))


def meeting_pdf(briefing: Briefing, settings: Settings, event_id: str) -> bytes:
    """A brief for one meeting, kept within `BRIEF_PAGES`: when it runs
    longer, fewer quotes, context entries and documents are shown."""
    from dossier.pdf.estimate import first_fitting
    from dossier.pdf.render import layout, write

    find_event(briefing, event_id)
    make_html = functools.partial(_brief_html, briefing, settings, event_id)
    tries, html = first_fitting(make_html(0), make_html, BRIEF_PAGES[1], BRIEF_TRIES)
    while True:
        document = layout(html)
        if len(document.pages) <= BRIEF_PAGES[1]:
            break
        if tries == BRIEF_TRIES - 1:
            log.warning("dossier: the brief for %s is %d pages long, over the %d-page budget",
                        event_id, len(document.pages), BRIEF_PAGES[1])
            break
        log.info("dossier: the brief for %s has %d pages; shortening it", event_id, len(document.pages))
        tries += 1
        html = make_html(tries)
    return write(document)


def write_pdfs(
    briefing: Briefing, settings: Settings, out: Path, *, meeting: str | None = None, upcoming: bool = False,
    changes: Changes | None = None, executor: Executor | None = None, cache: DiskCache | None = None,
) -> list[Path]:
    """Write the PDFs the `dossier pdf` command asks for and return their paths.

    Without `meeting` or `upcoming`: the dossier as `out/dossier.pdf` (its
    sources as the `pdf_sources` option says) and, with `separate`, the
    sources in full as `out/sources.pdf`; or the whole dossier, sources in
    full, as `out` itself when it ends in '.pdf'.  With `meeting`: that meeting's brief.
    With `upcoming`: a brief per meeting after the as-of date, always into
    the folder `out`.
    """
    def brief_job(event_id: str) -> _PdfJob:
        return _PdfJob(meeting_pdf_path(event_id), functools.partial(_brief_html, briefing, settings, event_id),
                       BRIEF_PAGES[1])

    from dossier.pdf.html import dossier_html, sources_html

    single = out.suffix.lower() == ".pdf"
    if upcoming:
        if single:
            raise ConfigError(f"--upcoming writes one PDF per meeting; expected a folder for --out, not {out}")
        jobs = [brief_job(e.id) for e in upcoming_events(briefing, as_of_bounds(briefing, settings))]
    elif meeting is not None:
        jobs = [brief_job(find_event(briefing, meeting).id)]
    else:
        full = single or settings.pdf_sources == "inline"
        jobs = [_PdfJob(DOSSIER_PDF, lambda _: dossier_html(briefing, settings, changes, full_sources=full))]
        if not full and settings.pdf_sources == "separate":
            jobs.append(_PdfJob(SOURCES_PDF, lambda _: sources_html(briefing, settings)))
    pdfs = render_jobs(jobs, executor=executor, cache=cache)
    if single:
        return [_write(out, content) for content in pdfs.values()]
    return [_write(out / Path(path).name, content) for path, content in pdfs.items()]


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


@dataclass(slots=True)
class _PdfJob:
    """A PDF to make: `html(tries)` is its print HTML (a brief's shortens
    with each try); `max_pages` its page budget (None: no budget)."""

    path: str
    html: Callable[[int], str]
    max_pages: int | None = None


def render_html(job: tuple[str, int | None]) -> tuple[int, bytes | None]:
    """Lay out print HTML and write the PDF: (pages, PDF bytes), or
    (pages, None) when it runs over `max_pages`.  The unit of work an
    executor runs."""
    from dossier.pdf.render import layout, write

    html, max_pages = job
    document = layout(html)
    pages = len(document.pages)
    if max_pages is not None and pages > max_pages:
        return pages, None
    return pages, write(document)


@functools.cache
def renderer_version() -> str:
    """What a PDF depends on besides its HTML: the renderer, its version and the fonts."""
    from importlib import metadata

    from dossier.pdf import fonts

    here = Path(__file__).resolve().parent
    return digest(metadata.version("weasyprint"), metadata.version("pydyf"), code_version([here / "render.py"]),
                  *fonts.installed_cjk_families())


def _brief_html(briefing: Briefing, settings: Settings, event_id: str, tries: int) -> str:
    from dossier.pdf.html import brief_html

    limits = Limits()
    for _ in range(tries):
        limits = limits.tighter()
    return brief_html(meeting_brief(briefing, event_id, limits), briefing, settings)


def site_pdf_jobs(briefing: Briefing, settings: Settings, changes: Changes | None = None) -> list[_PdfJob]:
    """The PDFs the site offers: the dossier (lean unless `pdf_sources` is
    `inline`; with `separate`, the sources in full beside it), and a brief
    per meeting from the as-of date on (every meeting with `past_briefs`)."""
    from dossier.pdf.html import dossier_html, sources_html

    full = settings.pdf_sources == "inline"
    jobs = [_PdfJob(DOSSIER_PDF, lambda _: dossier_html(briefing, settings, changes, full_sources=full))]
    if settings.pdf_sources == "separate":
        jobs.append(_PdfJob(SOURCES_PDF, lambda _: sources_html(briefing, settings)))
    for event in briefed_events(briefing, settings):
        jobs.append(_PdfJob(meeting_pdf_path(event.id),
                            functools.partial(_brief_html, briefing, settings, event.id), BRIEF_PAGES[1]))
    return jobs


def render_jobs(
    jobs: list[_PdfJob], *, executor: Executor | None = None, cache: DiskCache | None = None,
) -> dict[str, bytes]:
    """{path: PDF} for `jobs`.  A PDF whose first print HTML is in the cache
    is not laid out again; the others are laid out on `executor`, a brief
    again with tighter limits while it runs over its page budget.  A brief
    starts from the first version predicted to fit (`dossier.pdf.estimate`),
    so the versions sure to run over are not laid out."""
    from dossier.pdf.estimate import first_fitting

    runner = executor if executor is not None else SerialExecutor()
    out: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    pending: list[tuple[_PdfJob, int, str]] = []
    cached: list[str] = []

    def first_tries() -> Iterator[tuple[str, int | None]]:
        """The print HTML of each job not in the cache, made one at a time:
        the first (the dossier, the longest) is laid out while the next are
        made."""
        for job in jobs:
            html = job.html(0)
            keys[job.path] = digest(html, str(job.max_pages), renderer_version())
            found = cache.get("pdf", keys[job.path]) if cache is not None else None
            if isinstance(found, bytes):
                out[job.path] = found
                cached.append(job.path)
                stage.advance()
                continue
            tries = 0
            if job.max_pages is not None:
                tries, html = first_fitting(html, job.html, job.max_pages, BRIEF_TRIES)
            pending.append((job, tries, html))
            yield html, job.max_pages if tries < BRIEF_TRIES - 1 else None

    with current().stage("PDFs", total=len(jobs), unit="PDFs") as stage:
        results: Iterator[tuple[int, bytes | None]] = iter(runner.map(render_html, first_tries()))
        while True:
            retry: list[tuple[_PdfJob, int, str]] = []
            # `pending` grows as the executor takes the items: the i-th result's job is there when it comes.
            for i, (pages, pdf) in enumerate(results):
                job, tries, _ = pending[i]
                if pdf is None:
                    log.info("dossier: %s has %d pages; shortening it", job.path, pages)
                    retry.append((job, tries + 1, job.html(tries + 1)))
                    continue
                if job.max_pages is not None and pages > job.max_pages:
                    log.warning("dossier: %s is %d pages long, over the %d-page budget", job.path, pages,
                                job.max_pages)
                out[job.path] = pdf
                if cache is not None:
                    cache.put("pdf", keys[job.path], pdf)
                stage.advance()
            if not retry:
                break
            pending = retry
            work = [(html, job.max_pages if tries < BRIEF_TRIES - 1 else None) for job, tries, html in pending]
            results = iter(runner.map(render_html, work))
        stage.note(f"{len(cached)} unchanged, from the cache")
    return {job.path: out[job.path] for job in jobs}


class PendingPdfs:
    """PDFs being made in the background (worker processes) while the site
    is built: `paths` is known at once, `result()` waits for the bytes."""

    def __init__(self, jobs: list[_PdfJob], executor: Executor | None, cache: DiskCache | None) -> None:
        self.paths = [job.path for job in jobs]
        self._result: dict[str, bytes] | None = None
        self._error: BaseException | None = None
        context = contextvars.copy_context()  # the same progress reporter in the thread
        self._thread = threading.Thread(
            target=context.run, args=(self._run, jobs, executor, cache), name="dossier-pdfs", daemon=True
        )
        self._thread.start()

    def _run(self, jobs: list[_PdfJob], executor: Executor | None, cache: DiskCache | None) -> None:
        try:
            self._result = render_jobs(jobs, executor=executor, cache=cache)
        except BaseException as exc:  # handed to the thread that waits for the result
            self._error = exc

    def result(self) -> dict[str, bytes]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result


def start_site_pdfs(
    briefing: Briefing, settings: Settings, changes: Changes | None = None, *, executor: Executor | None = None,
    cache: DiskCache | None = None,
) -> PendingPdfs:
    """`site_pdfs`, in a background thread whose work runs on `executor`:
    on two cores the PDFs and the site are made at the same time."""
    return PendingPdfs(site_pdf_jobs(briefing, settings, changes), executor, cache)


def site_pdfs(
    briefing: Briefing, settings: Settings, changes: Changes | None = None, *, executor: Executor | None = None,
    cache: DiskCache | None = None,
) -> dict[str, bytes]:
    """Every PDF the site offers, by its path in the site (see `site_pdf_jobs`);
    the dossier opens with `changes` ("What's new")."""
    return render_jobs(site_pdf_jobs(briefing, settings, changes), executor=executor, cache=cache)


__all__ = [
    "DOSSIER_PDF",
    "SOURCES_PDF",
    "as_of_bounds",
    "as_of_date",
    "briefed_events",
    "dossier_pdf",
    "is_meeting",
    "meeting_pdf",
    "meeting_pdf_path",
    "site_pdfs",
    "sources_pdf",
    "upcoming_events",
    "write_pdfs",
]

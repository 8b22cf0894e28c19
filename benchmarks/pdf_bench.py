"""Time and peak memory of the PDFs for a corpus of articles.

    .venv/bin/python benchmarks/pdf_bench.py [CORPUS] [--out DIR] [--trace]

CORPUS defaults to ../shared/corpus beside the repository.  Builds the
briefing first (spaCy; not counted), then renders one meeting brief (the
first upcoming meeting, else the most attended one) and the whole dossier, and
prints for each: seconds, pages, the resident memory before and its peak
while the PDF renders (sampled every 20 ms), and the size.  --trace also reports the peak of
Python allocations (tracemalloc), which makes WeasyPrint about 3x slower:
the times printed with it are not the real ones.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402

from dossier.model import Briefing  # noqa: E402
from dossier.pdf import as_of_bounds, dossier_pdf, is_meeting, meeting_pdf, upcoming_events  # noqa: E402
from dossier.pdf.brief import as_of_label  # noqa: E402
from dossier.pipeline import build_briefing  # noqa: E402
from dossier.settings import Settings  # noqa: E402


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def rss_mib() -> float:
    """The resident memory now (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


class RssSampler(threading.Thread):
    """Samples the resident memory every 20 ms while a PDF renders: the
    process's own peak is set by spaCy before, so it says nothing of the PDF."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.start_mib = rss_mib()
        self.peak_mib = self.start_mib
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.02):
            self.peak_mib = max(self.peak_mib, rss_mib())

    def stop(self) -> None:
        self.stopped.set()
        self.join()
        self.peak_mib = max(self.peak_mib, rss_mib())


def measure(label: str, make: Callable[[], bytes], out: Path | None, *, trace: bool) -> None:
    sampler = RssSampler()
    sampler.start()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    pdf = make()
    seconds = time.perf_counter() - started
    traced = ""
    if trace:
        traced = f"  {tracemalloc.get_traced_memory()[1] / 2**20:6.1f} MiB Python peak"
        tracemalloc.stop()
    sampler.stop()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{label:<28} {seconds:7.2f} s  {pages:4d} pages  {seconds / pages:5.2f} s/page  "
          f"RSS {sampler.start_mib:4.0f} -> peak {sampler.peak_mib:4.0f} MiB "
          f"(+{sampler.peak_mib - sampler.start_mib:3.0f}){traced}  {len(pdf) / 1024:6.0f} KiB")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{label.split()[0]}.pdf").write_bytes(pdf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--out", help="also write the PDFs into this folder")
    parser.add_argument("--trace", action="store_true", help="also trace Python allocations (slows rendering)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"pdf_bench: {corpus}: no such folder; expected a folder of articles", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else None

    started = time.perf_counter()
    # The corpus's README.md and gold.json describe it: they are no articles.
    articles = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md")
    briefing: Briefing = build_briefing(articles)
    settings = Settings(root=REPO, title="Benchmark dossier", subtitle=str(corpus), marking="OFFICIAL – SENSITIVE",
                        prepared_by="pdf_bench", templates="no-user-templates")
    print(f"briefing: {len(briefing.articles)} articles, {len(briefing.people)} people, {len(briefing.events)} events, "
          f"{len(briefing.documents)} documents, {len(briefing.quotes)} quotes "
          f"({time.perf_counter() - started:.1f} s, not counted below)")

    meetings = [e for e in briefing.events if is_meeting(e)]
    upcoming = upcoming_events(briefing, as_of_bounds(briefing, settings))
    # The first upcoming meeting, else the most attended one: a brief with people to show.
    ranked = sorted(meetings, key=lambda e: (-len(e.participants), -len(e.reports), e.id))
    event = upcoming[0] if upcoming else (ranked[0] if ranked else None)
    print(f"as of {as_of_label(briefing, settings)}: {len(meetings)} meetings, {len(upcoming)} upcoming; "
          f"peak RSS so far {max_rss_mib():.0f} MiB")
    if event is None:
        print("no meeting in the corpus: no brief measured")
    else:
        print(f"brief for: {event.id}")
        measure("brief (one meeting)", lambda: meeting_pdf(briefing, settings, event.id), out, trace=args.trace)
    measure("dossier (whole)", lambda: dossier_pdf(briefing, settings), out, trace=args.trace)
    return 0


if __name__ == "__main__":
    sys.exit(main())

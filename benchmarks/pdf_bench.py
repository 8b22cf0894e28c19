"""Time and peak memory of the PDFs for a corpus of articles.

    .venv/bin/python benchmarks/pdf_bench.py [CORPUS] [--out DIR]

CORPUS defaults to ../shared/corpus beside the repository.  Prints, for the
whole-dossier PDF and for one meeting brief (the first upcoming meeting,
else the first event): seconds, peak traced Python memory, the process's
peak resident memory, and page count.  The briefing (spaCy) is built first
and is not part of the PDF figures.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402

from dossier.model import Briefing  # noqa: E402
from dossier.pdf import as_of_bounds, dossier_pdf, meeting_pdf, upcoming_events  # noqa: E402
from dossier.pipeline import build_briefing  # noqa: E402
from dossier.settings import Settings  # noqa: E402


def measure(label: str, make: Callable[[], bytes], out: Path | None) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    pdf = make()
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{label:<34} {seconds:7.2f} s  {peak / 2**20:7.1f} MiB traced peak  {rss:7.0f} MiB max RSS  "
          f"{pages:4d} pages  {len(pdf) / 1024:7.0f} KiB")
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{label.split()[0]}.pdf").write_bytes(pdf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--out", help="also write the PDFs into this folder")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"pdf_bench: {corpus}: no such folder; expected a folder of articles", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else None

    started = time.perf_counter()
    briefing: Briefing = build_briefing([corpus])
    settings = Settings(root=REPO, title="Benchmark dossier", subtitle=str(corpus), marking="OFFICIAL – SENSITIVE",
                        prepared_by="pdf_bench", templates="no-user-templates")
    print(f"briefing: {len(briefing.articles)} articles, {len(briefing.people)} people, {len(briefing.events)} events, "
          f"{len(briefing.documents)} documents, {len(briefing.quotes)} quotes "
          f"({time.perf_counter() - started:.1f} s, not counted below)")

    measure("dossier (whole)", lambda: dossier_pdf(briefing, settings), out)
    upcoming = upcoming_events(briefing, as_of_bounds(briefing, settings))
    event = upcoming[0] if upcoming else (briefing.events[0] if briefing.events else None)
    if event is None:
        print("no event in the corpus: no meeting brief measured")
        return 0
    measure(f"brief ({event.id})"[:34], lambda: meeting_pdf(briefing, settings, event.id), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

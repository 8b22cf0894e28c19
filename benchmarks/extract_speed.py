"""Extraction speed against spaCy's own, and peak memory.

    .venv/bin/python benchmarks/extract_speed.py [--articles N] [--corpus DIR]

Builds N articles (default 1,000) by cycling the corpus articles under
distinct ids, then, in one process and on the same texts, chunk by chunk
and in turn:

1. spaCy's `nlp.pipe` alone (the project's pipeline and batch size);
2. the whole extraction (`dossier.extract.extract_articles`: `nlp.pipe` plus
   people, roles, organizations, places, quotes, dates, events, documents),
   keeping every result, with the process's peak resident memory (RSS).

Prints words per second both ways and their ratio (the target is at least
0.8: the extractor's own work should cost at most a fifth of spaCy's), by
wall clock and by the process's CPU time (the latter is steadier when other
work shares the machine).  A
few articles are extracted first so model loading and first-call caches
are not timed.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier.extract import extract_articles  # noqa: E402
from dossier.extract.document import joined_text  # noqa: E402
from dossier.extract.nlp import BATCH_SIZE, DEFAULT_MODEL, load_nlp  # noqa: E402
from dossier.ingest import find_article_files, read_article  # noqa: E402
from dossier.model import Article  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
WARM_UP = 4


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def current_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def load_corpus(corpus: Path) -> list[Article]:
    paths = [p for p in find_article_files([corpus]) if not p.stem.upper().startswith("README")]
    if not paths:
        raise SystemExit(f"no articles in {corpus}; expected .txt/.md/.html news articles")
    return [read_article(p, p.stem) for p in paths]


def cycle(articles: list[Article], count: int) -> list[Article]:
    """`count` articles cycling through `articles`, each with its own id."""
    return [
        dataclasses.replace(articles[n % len(articles)], id=f"{articles[n % len(articles)].id}-{n:05d}")
        for n in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles to extract (default 1000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles to cycle")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model (default: the project's)")
    parser.add_argument("--chunk", type=int, default=50, help="articles timed at a time, in turn (default 50)")
    args = parser.parse_args(argv)

    corpus = load_corpus(args.corpus)
    articles = cycle(corpus, args.articles)
    texts = [joined_text(a) for a in articles]
    words = sum(len(t.split()) for t in texts)

    nlp = load_nlp(args.model)
    extract_articles(cycle(corpus, WARM_UP), args.model)
    baseline = current_rss_mb()

    # The two are timed chunk by chunk, in turn, so that both see the same
    # load when other work shares the machine; every briefing is kept, as a
    # dossier build keeps them, so the peak memory is that of all N.
    briefings = []
    extract_wall = extract_cpu = spacy_wall = spacy_cpu = 0.0
    for first in range(0, len(articles), args.chunk):
        chunk, chunk_texts = articles[first:first + args.chunk], texts[first:first + args.chunk]
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(chunk_texts, batch_size=BATCH_SIZE):
            pass
        spacy_wall += time.perf_counter() - wall
        spacy_cpu += time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        briefings.extend(extract_articles(chunk, args.model))
        extract_wall += time.perf_counter() - wall
        extract_cpu += time.process_time() - cpu
    extract_peak = peak_rss_mb()
    quotes = sum(len(b.quotes) for b in briefings)

    print(f"articles            {len(articles):>10,}  ({len(corpus)} corpus articles cycled)")
    print(f"words               {words:>10,}")
    print(f"pipeline            {', '.join(nlp.pipe_names)}  (batch size {BATCH_SIZE})")
    print(f"{'':20}{'wall clock':>16}{'CPU time':>16}")
    print(f"spaCy nlp.pipe      {words / spacy_wall:>10,.0f} w/s {words / spacy_cpu:>10,.0f} w/s"
          f"   ({spacy_wall:.1f} s wall, {spacy_cpu:.1f} s CPU)")
    print(f"whole extraction    {words / extract_wall:>10,.0f} w/s {words / extract_cpu:>10,.0f} w/s"
          f"   ({extract_wall:.1f} s wall, {extract_cpu:.1f} s CPU; {quotes:,} quotes and statements)")
    print(f"ratio               {spacy_wall / extract_wall:>14.2f} {spacy_cpu / extract_cpu:>14.2f}"
          "   (target >= 0.80; the CPU-time ratio is the one to trust on a busy machine)")
    print(f"RSS after warm-up   {baseline:>10,.0f} MB")
    print(f"peak RSS            {extract_peak:>10,.0f} MB  after extracting {len(articles):,} articles (target < 1024)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

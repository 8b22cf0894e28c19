"""Near-duplicate detection time and accuracy on synthetic articles.

    .venv/bin/python benchmarks/dedupe.py [--articles 10000] [--copies 0.1] [--words 500]

Makes N articles of about W words (Zipf-distributed words from a made-up
vocabulary of 20,000, in paragraphs of 60 words, so that frequent words are
shared as in real text).  A share of them (--copies) are edited copies of
another article: a dateline added, one paragraph cut, a tenth of the words of
another paragraph changed, a closing line added.  Another share quote a
paragraph of another article word for word (not copies).  Then times
`dossier.ingest.duplicates.find_duplicates` on all of them and prints the wall
clock and CPU time, the peak memory (RSS), and how many planted copies were
found, missed, or wrongly joined.  Prints figures; not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier.ingest.duplicates import find_duplicates  # noqa: E402
from dossier.model import Article, Paragraph  # noqa: E402

VOCABULARY = 20_000
PARAGRAPH = 60


def make_vocabulary(rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(2, 10))))
    return sorted(words)


def make_text(rng: random.Random, vocabulary: list[str], weights: list[float], n_words: int) -> list[str]:
    words = rng.choices(vocabulary, weights=weights, k=n_words)
    return [" ".join(words[i : i + PARAGRAPH]) for i in range(0, n_words, PARAGRAPH)]


def edited_copy(rng: random.Random, paragraphs: list[str], vocabulary: list[str]) -> list[str]:
    out = ["CITY (Wire) - " + paragraphs[0], *paragraphs[1:]]
    if len(out) > 3:
        del out[rng.randrange(1, len(out))]
    target = rng.randrange(len(out))
    words = out[target].split()
    for _ in range(len(words) // 10):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    out[target] = " ".join(words)
    return [*out, "Reporting by a correspondent; editing by the desk."]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--copies", type=float, default=0.1, help="share of articles that are edited copies")
    ap.add_argument("--quoting", type=float, default=0.05, help="share that quote a paragraph of another")
    ap.add_argument("--words", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    vocabulary = make_vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    n_copies = int(args.articles * args.copies)
    n_quoting = int(args.articles * args.quoting)
    n_original = args.articles - n_copies
    texts = [make_text(rng, vocabulary, weights, args.words) for _ in range(n_original)]
    planted: dict[int, int] = {}
    for _ in range(n_copies):
        source = rng.randrange(n_original)
        planted[len(texts)] = source
        texts.append(edited_copy(rng, texts[source], vocabulary))
    for index in rng.sample(range(n_original), n_quoting):
        other = texts[rng.randrange(n_original)]
        texts[index] = [*texts[index][:2], rng.choice(other), *texts[index][2:]]
    articles = [
        Article(f"a{n:06d}", f"Article {n}", f"articles/a{n:06d}.txt",
                [Paragraph(k, t) for k, t in enumerate(paragraphs, 1)])
        for n, paragraphs in enumerate(texts)
    ]
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)

    wall, cpu = time.perf_counter(), time.process_time()
    found = find_duplicates(articles)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    story = {a.id: a.id for a in found.articles}
    story.update({c.id: c.duplicate_of or "" for c in found.copies})
    truth = {n: planted.get(n, n) for n in range(len(articles))}
    # Copies of one original may be copies of each other: compare the groups.
    found_pairs = {(n, m) for n in range(len(articles)) for m in [int(story[f"a{n:06d}"][1:])] if n != m}
    right = sum(1 for n, m in found_pairs if truth[n] == truth[m])
    joined_wrongly = len(found_pairs) - right
    missed = sum(1 for n, source in planted.items() if story[f"a{n:06d}"] != story[f"a{source:06d}"])
    print(f"articles                {len(articles):>10,}  ({words:,} words; {n_copies:,} edited copies planted, "
          f"{n_quoting:,} articles quoting a paragraph of another)")
    print(f"copies found            {len(found.copies):>10,}")
    print(f"planted copies missed   {missed:>10,}")
    print(f"articles joined wrongly {joined_wrongly:>10,}")
    print(f"time                    {wall:>10.2f} s wall, {cpu:.2f} s CPU "
          f"({1e6 * wall / len(articles):.0f} us per article)")
    print(f"peak memory (RSS)       {peak:>10.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

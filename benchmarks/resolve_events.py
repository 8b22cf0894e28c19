"""Event resolution time on synthetic reports.

    .venv/bin/python benchmarks/resolve_events.py [--sizes 10000 100000] [--seed 1]

Makes N synthetic event reports: N/5 real happenings over 30 years (kind,
day, place, two or three participants out of 5,000 people, a few telling
words), each told by about five articles, each article giving the date as
the day, the month or the year, naming some of the people, the place or
not, in its own words.  Then times `resolve_events` (blocking, pair scores,
clustering) and prints, for each size, the seconds taken, the number of
events found against the number of happenings, and B-cubed precision and
recall of the clusters against the truth.  CPU time is printed beside the
wall-clock time: it is the steadier figure when other work shares the
machine.  The target is under 10 s for
100,000 reports.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter

from dossier.resolve.cluster import Report, cluster_reports

KINDS = ["talks", "summit", "visit", "signing", "statement", "military act", "forum"]
VOCABULARY = ["".join("bcdfghjklmnprstvz"[i // 17**k % 17] + "aeiou"[i // 5**k % 5] for k in range(4))
              for i in range(20_000)]  # pronounceable made-up words
COMMON = ["leaders", "agreed", "said", "talks", "government", "minister", "officials", "week", "islands", "treaty"]


def synthetic_reports(n: int, seed: int) -> tuple[list[Report], list[int]]:
    """`n` reports and the happening each one tells."""
    rng = random.Random(seed)
    start = dt.date(1995, 1, 1).toordinal()
    reports: list[Report] = []
    truth: list[int] = []
    happening = 0
    while len(reports) < n:
        day = dt.date.fromordinal(start + rng.randrange(30 * 365))
        kind = rng.choice(KINDS)
        people = [f"person-{rng.randrange(5000)}" for _ in range(rng.choice((1, 2, 2, 3)))]
        place = f"place-{rng.randrange(800)}"
        words = rng.sample(VOCABULARY, 4)
        for _ in range(min(rng.randint(3, 7), n - len(reports))):
            precision = rng.random()
            date = day.isoformat() if precision < 0.6 else day.isoformat()[:7] if precision < 0.9 else str(day.year)
            named = frozenset(p for p in people if rng.random() < 0.8) or frozenset(people[:1])
            text = " ".join(rng.sample(words, 3) + rng.sample(COMMON, 4) + rng.sample(VOCABULARY, 3))
            reports.append(Report(kind, date, named, place if rng.random() < 0.7 else None, frozenset(), text,
                                  f"article-{len(reports)}"))
            truth.append(happening)
        happening += 1
    return reports, truth


def bcubed(clusters: list[list[int]], truth: list[int]) -> tuple[float, float]:
    predicted = {i: c for c, members in enumerate(clusters) for i in members}
    pairs = Counter((truth[i], predicted[i]) for i in predicted)
    by_truth = Counter(truth[i] for i in predicted)
    by_pred = Counter(predicted.values())
    n = len(predicted)
    precision = sum(pairs[(truth[i], predicted[i])] / by_pred[predicted[i]] for i in predicted) / n
    recall = sum(pairs[(truth[i], predicted[i])] / by_truth[truth[i]] for i in predicted) / n
    return precision, recall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for n in args.sizes:
        reports, truth = synthetic_reports(n, args.seed)
        began, cpu = time.perf_counter(), time.process_time()
        clustering = cluster_reports(reports)
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        precision, recall = bcubed(clustering.clusters, truth)
        print(f"{n:>8,} reports: {took:6.2f} s ({cpu:.2f} s of CPU), {len(clustering.clusters):,} events for "
              f"{len(set(truth)):,} happenings, B3 precision {precision:.3f} recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

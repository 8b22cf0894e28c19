"""MinHash sketches of word shingles, and locality-sensitive hashing (LSH
banding) to find the pairs of texts whose shingle sets are alike without
comparing every pair.

Own code rather than `datasketch`: what is needed here is about sixty lines of
numpy (already installed with spaCy), whereas `datasketch` brings SciPy and
its own storage layers.  The hashes are stable across runs, machines and
Python versions (CRC-32 of each word, a fixed polynomial for shingles, fixed
permutation coefficients), so the same folder always gives the same result;
Python's own `hash()` is salted per process and would not.

- A text is the set of its `SHINGLE`-word windows (words folded to lower case).
- Its signature is the minimum of `NUM_PERM` universal hash functions over
  that set; the share of equal positions in two signatures estimates the
  Jaccard similarity of the two sets (standard error about 0.045).
- LSH cuts a signature into `BANDS` bands of `ROWS` rows; two texts are
  candidates when a band is equal.  A pair with Jaccard similarity s becomes a
  candidate with probability 1 - (1 - s**ROWS)**BANDS: 0.998 at 0.3 (the
  duplicate threshold), 0.47 at 0.1, 0.06 at 0.03 and 0.006 at 0.01, so the
  work grows with the number of similar pairs, not with the square of the
  number of texts.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

SHINGLE = 5
ROWS = 2
BANDS = 64
NUM_PERM = ROWS * BANDS
_SEED = 0x5EED_D055
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for the shingle polynomial
_WORD = re.compile(r"\w+")


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash functions (a * x + b mod 2**64, top 32 bits), a
    universal family that needs no division: odd `a`, any `b`."""
    rng = np.random.default_rng(_SEED)  # PCG64: the same numbers on every platform
    a = rng.integers(0, np.iinfo(np.uint64).max, size=NUM_PERM, dtype=np.uint64, endpoint=True) | np.uint64(1)
    b = rng.integers(0, np.iinfo(np.uint64).max, size=NUM_PERM, dtype=np.uint64, endpoint=True)
    return a[:, None], b[:, None]


_A, _B = _coefficients()


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


_WORD_HASHES: dict[str, int] = {}
_WORD_HASHES_LIMIT = 1_000_000  # words of a language, not of a corpus: a bounded cache


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) >= _WORD_HASHES_LIMIT:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return value


def shingle_hashes(tokens: Sequence[str]) -> np.ndarray:
    """The distinct 32-bit hashes of the text's `SHINGLE`-word windows (the
    whole text as one shingle when it is shorter)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    word_hashes = np.fromiter((_word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    width = min(SHINGLE, len(tokens))
    count = len(tokens) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 on purpose
        for offset in range(width):
            combined = combined * _MIX + word_hashes[offset : offset + count]
    return np.unique(combined >> np.uint64(32))


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (`NUM_PERM` values) of a set of shingle hashes;
    an empty set gets all-maximum values, equal only to another empty one."""
    if hashes.size == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 on purpose
        values = (_A * hashes[None, :] + _B) >> np.uint64(32)
    return values.min(axis=1).astype(np.uint32)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sets of shingle hashes."""
    if a.size == 0 and b.size == 0:
        return 1.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def candidate_pairs(signatures: Sequence[np.ndarray]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of signatures that share at least one LSH band."""
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        rows = slice(band * ROWS, (band + 1) * ROWS)
        for index, sig in enumerate(signatures):
            buckets[sig[rows].tobytes()].append(index)
        for members in buckets.values():
            if len(members) > 1:
                pairs.update(_pairs_of(members))
    return pairs


def _pairs_of(members: list[int]) -> Iterable[tuple[int, int]]:
    for n, i in enumerate(members):
        for j in members[n + 1 :]:
            yield (i, j)

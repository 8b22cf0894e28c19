"""One provision reported by many articles is one line: provisions of a
merged document are grouped by the words they share, each group shown in
its most common wording (the fullest on a tie), with every source cited and
the other wordings kept as variants."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from dossier.model import Provision
from dossier.resolve.cluster import words_of
from dossier.resolve.names import fold

SAME_WORDS = 0.5  # Jaccard overlap of two wordings' telling words
CONTAINED = 0.8  # share of the shorter wording's words found in the longer


def _same(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= SAME_WORDS or (shared / min(len(a), len(b)) >= CONTAINED and shared >= 3)


def consolidate(provisions: Sequence[Provision]) -> list[Provision]:
    """Group `provisions` that say the same thing; see the module's
    description.  Order: by the first citation of each group."""
    items = sorted(provisions, key=lambda p: (p.where, p.text))
    words = [set(words_of(p.text)) for p in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only wordings that share a word can be the same; two already grouped need no comparing.
    having: dict[str, list[int]] = defaultdict(list)
    for i, telling in enumerate(words):
        for word in telling:
            having[word].append(i)
    for i in range(len(items)):
        top = root(i)  # stays the root of i's group: other groups join under it
        for j in sorted({j for word in words[i] for j in having[word] if j > i}):
            other = root(j)
            if other != top and _same(words[i], words[j]):
                parent[other] = top
    groups: dict[int, list[Provision]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    out: list[Provision] = []
    for members in groups.values():
        counts = Counter(fold(p.text) for p in members)
        lead = min(members, key=lambda p: (-counts[fold(p.text)], -len(p.text), p.where))
        cue = next((p.cue for p in members if p.cue), None)
        variants = [p for p in members if p is not lead]
        out.append(Provision(lead.text, lead.where, lead.cue or cue, variants=variants))
    out.sort(key=lambda p: p.where)
    return out

"""One provision reported by many articles is one line: provisions of a
merged document are grouped by the words they share, each group shown in
its most common wording (the fullest on a tie), with every source cited and
the other wordings kept as variants."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from dossier.model import Provenance, Provision
from dossier.resolve.cluster import words_of
from dossier.resolve.memo import Memo
from dossier.resolve.names import fold

SAME_WORDS = 0.5  # Jaccard overlap of two wordings' telling words
CONTAINED = 0.8  # share of the shorter wording's words found in the longer


def _same(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= SAME_WORDS or (shared / min(len(a), len(b)) >= CONTAINED and shared >= 3)


# One group of provisions: (the index of the lead wording, the cue, the
# indexes of every member in order), indexes into the input list.
Grouping = list[tuple[int, str | None, list[int]]]
# Groupings by what `consolidate` reads of its input (a key per merged document).
_GROUPINGS: Memo[Grouping] = Memo(limit=256)


def consolidate(provisions: Sequence[Provision]) -> list[Provision]:
    """Group `provisions` that say the same thing; see the module's
    description.  Order: by the first citation of each group."""
    key = tuple((p.text, p.where, p.cue) for p in provisions)
    grouping = _GROUPINGS.get(key, lambda: _grouping(provisions))
    out: list[Provision] = []
    for lead, cue, members in grouping:
        head = provisions[lead]
        out.append(Provision(head.text, head.where, cue, variants=[provisions[i] for i in members if i != lead]))
    return out


def _grouping(provisions: Sequence[Provision]) -> Grouping:
    """The groups `consolidate` makes, in its output order."""
    order = sorted(range(len(provisions)), key=lambda i: (provisions[i].where, provisions[i].text))
    items = [provisions[i] for i in order]
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
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    out: list[tuple[Provenance, int, str | None, list[int]]] = []
    for members in groups.values():
        counts = Counter(fold(items[i].text) for i in members)
        lead = min(members, key=lambda i: (-counts[fold(items[i].text)], -len(items[i].text), items[i].where))
        cue = items[lead].cue or next((items[i].cue for i in members if items[i].cue), None)
        out.append((items[lead].where, order[lead], cue, [order[i] for i in members]))
    out.sort(key=lambda group: group[0])
    return [(lead, cue, members) for _, lead, cue, members in out]

"""Alternative names that the text itself states:

- "Iturup, called Etorofu in Japan"; "Kunashir (Kunashiri in Japanese)";
- "Etorofu and Kunashiri, known in Russia as Iturup and Kunashir" (lists
  are aligned item by item);
- two naming statements about the same thing, side by side: "Japan calls
  them the Northern Territories; Russia refers to them as the Southern Kurils";
- "refers to them individually as A, B, C and D", "the two largest as A and
  B": aligned with the list of names just before.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

WORD = r"[A-Z][\w\u2019'\-]*"
# "Santa Cruz de la Sierra": lower-case particles inside a name.
PARTICLE = r"(?:de|del|da|di|du|la|le|al|el|von|van|der)"
NAME = rf"(?:the\s+)?{WORD}(?:\s+(?:{PARTICLE}\s+)*{WORD})*(?:\s+(?:islets|islands|group|chain|isles))?"
LIST = rf"{NAME}(?:,\s+{NAME})*(?:,?\s+and\s+{NAME})?"
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}

KNOWN_AS = re.compile(
    rf"({LIST}),\s+(?:also\s+)?(?:[a-z]+ly\s+)?(?:known|called|referred\s+to)(?:\s+in\s+{WORD})?\s+as\s+({LIST})"
    rf"|({LIST}),\s+which\s+(?:(?:{WORD}|[a-z]+)\s+){{0,2}}(?:calls?|knows?\s+as)\s+({LIST})"
)
COUNTED = re.compile(
    r"\b(two|three|four|five)\s+(?:[a-z]+\s+)?[a-z]+\b[^.;]*$"
)
CALLED = re.compile(rf"({NAME}),\s+(?:also\s+)?(?:[a-z]+ly\s+)?"
                    rf"(?:called|known\s+(?:[a-z]+ly\s+)?as|spelled|spelt|written)\s+({NAME})(?=\s+(?:in|by)\s+[A-Z]|[,.;])")

# A long name keeps its joining words: "Democratic People's Republic of Korea (DPRK)".
LONG_NAME = rf"(?:the\s+)?{WORD}(?:\s+(?:(?:of|on|for|and|the|in)\s+)*{WORD})*"
# "the Revolutionary Armed Forces of Colombia, or FARC".
OR_ACRONYM = re.compile(rf"({LONG_NAME}),\s+or\s+(?:the\s+)?([A-Z][A-Z\-]{{1,9}})\b")
PARENTHESIS = re.compile(rf"({LONG_NAME})\s+\(({NAME})(?:\s+in\s+{WORD})?\)")
NAMING = re.compile(
    rf"(?:\bcalls?|\bknows?\s+as|\brefers?\s+to\s+(?:them|it)\s+as)\s+"
    rf"(?:them\s+|it\s+|the\s+(?:\w+\s+)?islands\s+)?({NAME})"
)
INDIVIDUALLY = re.compile(rf"individually\s+as\s+({LIST})")
LARGEST = re.compile(
    rf"(?:the\s+(\w+)\s+largest\s+as\s+({LIST}))|(?:names\s+({LIST})\s+for\s+the\s+(\w+)\s+largest)"
)
DATELINE_DASH = re.compile(r"\s*[\u2014\u2013-]+\s")
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "in", "on", "at", "under", "for", "of", "to", "as", "but",
                            "while"})


def _items(text: str) -> list[str]:
    parts = [_drop_leading_function_word(p.strip()) for p in re.split(r",\s+|\s+and\s+", text)]
    return [p for p in parts if p and p.lower() not in FUNCTION_WORDS]


def _drop_leading_function_word(item: str) -> str:
    """"In Glenmore" at a sentence start -> "Glenmore" ("The" stays: names keep it)."""
    first, _, rest = item.partition(" ")
    if rest and first.lower() in FUNCTION_WORDS - {"the"}:
        return rest
    return item


def _counted(paragraph: str, start: int, items: list[str]) -> list[str]:
    """'four islands off Hokkaido, Etorofu, Kunashiri, Shikotan and ...': the
    count before a list says how many of its last items it lists."""
    m = COUNTED.search(paragraph[max(0, start - 80) : start])
    if m:
        n = NUMBERS[m.group(1).lower()]
        if len(items) > n:
            return items[-n:]
    return items


def _pairs(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    if len(b) == 1 and len(a) > 1 and " " not in b[0] and not b[0].endswith("s"):
        # "Valmora and Ostrany, which local media call Ostrania": one
        # other spelling, of the name just before (not "... the Outer Isles", a group).
        return [(a[-1], b[0])] if a[-1] != b[0] else []
    if len(a) != len(b):
        return []
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


CUES = re.compile(
    r"\b(?:known|called|calls?|knows?|refers?|referred|largest|individually|spel[lt]|spelled|written|or)\b|\("
)


@lru_cache(maxsize=256)
def stated_aliases(paragraph: str) -> tuple[tuple[str, str], ...]:
    """Pairs of names the paragraph says name the same thing."""
    if not CUES.search(paragraph):
        return ()
    return tuple(_stated_aliases(paragraph))


def _stated_aliases(paragraph: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for m in KNOWN_AS.finditer(paragraph):
        a, b = _items(m.group(1) or m.group(3)), _items(m.group(2) or m.group(4))
        out.extend(_pairs(a, b))
    for m in CALLED.finditer(paragraph):
        out.append((m.group(1), m.group(2)))
    for m in OR_ACRONYM.finditer(paragraph):
        out.append((m.group(1), m.group(2)))
    for m in PARENTHESIS.finditer(paragraph):
        if m.group(1).isupper() and not m.group(2).isupper():
            continue  # a dateline and its agency: "BRUSSELS (Reuters)"
        if DATELINE_DASH.match(paragraph, m.end()):
            continue  # "VALMORA, Esland (Agency) —": the agency of a dateline
        out.append((m.group(1), m.group(2)))
    sentences = SENTENCE_END.split(paragraph)
    named: list[tuple[int, str]] = []
    for n, sentence in enumerate(sentences):
        for m in NAMING.finditer(sentence):
            named.append((n, m.group(1)))
    for (n1, a), (n2, b) in itertools.pairwise(named):
        if n2 - n1 <= 1 and a != b:
            out.append((a, b))
    lists = [
        (m.start(), _counted(paragraph, m.start(), _items(m.group(0)))) for m in re.finditer(LIST, paragraph)
    ]
    lists = [(pos, items) for pos, items in lists if len(items) >= 3]
    for m in INDIVIDUALLY.finditer(paragraph):
        items = _items(m.group(1))
        before = [it for pos, it in lists if pos < m.start() and len(it) == len(items)]
        if before:
            out.extend(_pairs(before[-1], items))
    for m in LARGEST.finditer(paragraph):
        count_word, names = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        count = NUMBERS.get((count_word or "").lower())
        items = _items(names)
        before = [it for pos, it in lists if pos < m.start() and it != items]
        if count and len(items) == count and before:
            out.extend(_pairs(before[-1][:count], items))
    return out

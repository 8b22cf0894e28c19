"""Headlines and section titles inside an article's text.

Pasted web pages keep their headline, sub-headlines and link lists as
paragraphs, written in Title Case: "Leaders Discuss Trade Deal".  There
every word is capitalised, so the recognizer finds names where there are
none ("Smith Hold Meeting").  A name found only in such lines, and never in
the body, is not taken."""

from __future__ import annotations

import re

from dossier.extract.document import ArticleDoc

WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
SENTENCE_END = ('.', '!', '?', '"', '\u201d', ':', ';')
# Short words that Title Case may leave in lower case.
MINOR_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "by",
                         "with", "from", "as", "vs", "via", "off", "over", "into", "amid", "after"})


def is_title_case(text: str) -> bool:
    """A short line without final punctuation whose words are capitalised,
    not counting short joining words; a byline ("By A and B") is not one."""
    text = text.strip()
    if not text or len(text) > 200 or text.endswith(SENTENCE_END) or "\n" in text:
        return False
    words = WORD.findall(text)
    if words and words[0].lower() == "by":
        return False
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    if len(content) < 3:
        return False
    return sum(w[0].isupper() for w in content) >= 0.9 * len(content)


def headline_ranges(adoc: ArticleDoc) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs that are headings or headlines."""
    return [
        (start, start + len(p.text))
        for start, p in zip(adoc.starts, adoc.article.paragraphs, strict=True)
        if p.kind == "heading" or is_title_case(p.text)
    ]


def only_in(ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether every one of `starts` (character offsets) falls in `ranges`."""
    return bool(starts) and all(any(a <= s < b for a, b in ranges) for s in starts)

"""`ArticleDoc`: an article and its parsed spaCy `Doc`, with the mapping from
character offsets in the joined text back to paragraph provenance."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossier.model import Article, Provenance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PARAGRAPH_SEPARATOR = "\n\n"


def joined_text(article: Article) -> str:
    """The text spaCy parses: paragraphs joined by a blank line."""
    return PARAGRAPH_SEPARATOR.join(p.text for p in article.paragraphs)


@dataclass(slots=True)
class ArticleDoc:
    article: Article
    doc: Doc
    starts: list[int] = field(default_factory=list)  # char offset of each paragraph
    text: str = ""  # the parsed text, read once: spaCy rebuilds `Doc.text` on every access

    def __post_init__(self) -> None:
        """`text`, when given, is the string the doc was parsed from."""
        from dossier.extract.tokens import doc_text, remember_text

        if self.text:
            remember_text(self.doc, self.text)
        else:
            self.text = doc_text(self.doc)
        offset = 0
        self.starts = []
        for p in self.article.paragraphs:
            self.starts.append(offset)
            offset += len(p.text) + len(PARAGRAPH_SEPARATOR)

    def paragraph_of(self, char: int) -> int:
        """1-based number of the paragraph holding character `char`."""
        return max(1, bisect.bisect_right(self.starts, char))

    def where(self, start_char: int, end_char: int | None = None) -> Provenance:
        number = self.paragraph_of(start_char)
        base = self.starts[number - 1]
        length = len(self.article.paragraphs[number - 1].text)
        start = min(max(0, start_char - base), length)
        end = min(max(start, (end_char if end_char is not None else start_char) - base), length)
        return Provenance(self.article.id, number, start, end)

    def span_where(self, span: Span) -> Provenance:
        return self.where(span.start_char, span.end_char)

    @property
    def date(self) -> str | None:
        return self.article.published

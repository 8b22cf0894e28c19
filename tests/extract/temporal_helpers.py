"""Building a parsed article with given people and places (found by their
names in the text), so the temporal tests exercise the temporal layer
alone, not the entity extractor."""

from __future__ import annotations

import re

from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.nlp import load_nlp
from dossier.model import Article, Mention, Paragraph, Person, Place


def mentions_of(adoc: ArticleDoc, names: list[str]) -> list[Mention]:
    out = []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    for p in adoc.article.paragraphs:
        for m in pattern.finditer(p.text):
            base = adoc.starts[p.number - 1]
            out.append(Mention(m.group(), adoc.where(base + m.start(), base + m.end())))
    return out


def parsed(*paragraphs: str, published: str | None = "2016-08-30", article_id: str = "a") -> ArticleDoc:
    article = Article(
        id=article_id, title="Test", path=f"{article_id}.txt", published=published,
        paragraphs=[Paragraph(n, text) for n, text in enumerate(paragraphs, 1)],
    )
    return ArticleDoc(article, load_nlp()(joined_text(article)))


def people_in(adoc: ArticleDoc, names: dict[str, list[str]]) -> list[Person]:
    """{id: [full name, surname, ...]} -> people with their mentions."""
    return [Person(id=pid, name=forms[0], mentions=mentions_of(adoc, forms)) for pid, forms in names.items()]


def places_in(adoc: ArticleDoc, names: dict[str, list[str]]) -> list[Place]:
    return [Place(id=pid, name=forms[0], mentions=mentions_of(adoc, forms)) for pid, forms in names.items()]

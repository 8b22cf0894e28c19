"""Extract: from each article's text to its facts (people, roles,
organizations, places, quotes, dates, events, documents).

Each article is extracted on its own into a one-article `Briefing` whose ids
are local to it; `dossier.resolve` merges those into the dossier's model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.entities import extract_entities
from dossier.extract.nlp import BATCH_SIZE, DEFAULT_MODEL, load_nlp, parseable
from dossier.extract.quotes import extract_quotes
from dossier.extract.temporal import extract_temporal, infer_article_date
from dossier.model import Article, Briefing


def extract_article(adoc: ArticleDoc) -> Briefing:
    """All facts of one parsed article, ids local to the article."""
    infer_article_date(adoc)
    people, organizations, places = extract_entities(adoc)
    quotes = extract_quotes(adoc, people, organizations)
    events, documents = extract_temporal(adoc, people, places, organizations)
    return Briefing(
        articles=[adoc.article], people=people, organizations=organizations, places=places,
        quotes=quotes, events=events, documents=documents,
    )


def parse_articles(articles: Iterable[Article], model: str = DEFAULT_MODEL) -> Iterator[ArticleDoc]:
    """Parse articles through `nlp.pipe` in small batches (memory stays flat
    on long texts)."""
    nlp = load_nlp(model)
    articles = list(articles)
    docs = nlp.pipe((parseable(joined_text(a)) for a in articles), batch_size=BATCH_SIZE)
    for article, doc in zip(articles, docs, strict=True):
        yield ArticleDoc(article, doc)


def extract_articles(articles: Iterable[Article], model: str = DEFAULT_MODEL) -> list[Briefing]:
    return [extract_article(adoc) for adoc in parse_articles(articles, model)]

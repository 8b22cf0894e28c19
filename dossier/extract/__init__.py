"""Extract: from each article's text to its facts (people, roles,
organizations, places, quotes, dates, events, documents).

Each article is extracted on its own into a one-article `Briefing` whose ids
are local to it; `dossier.resolve` merges those into the dossier's model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from dossier.executor import Executor, SerialExecutor
from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.entities.assemble import extract_entities
from dossier.extract.nlp import BATCH_SIZE, DEFAULT_MODEL, load_nlp, parseable
from dossier.extract.quotes.assemble import extract_quotes
from dossier.extract.temporal.assemble import extract_temporal, infer_article_date
from dossier.model import Article, Briefing

log = logging.getLogger("dossier.extract")
T = TypeVar("T")
# Articles per unit of work sent to a worker: small enough to spread the
# work evenly and to report progress, large enough for nlp.pipe's batching.
WORKER_BATCH = 8


def _stage(name: str, adoc: ArticleDoc, problems: list[str], run: Callable[[], T], empty: T) -> T:
    """Run one extraction stage; a failure (a bug met on unusual text) loses
    that stage's facts for this article only, and is reported."""
    try:
        return run()
    except Exception as exc:  # isolate stages: one bug must not lose the rest of the dossier
        message = (
            f"{adoc.article.path}: {name} extraction failed ({type(exc).__name__}: {exc}); "
            f"the article's {name} are left out"
        )
        log.error("%s", message)
        problems.append(message)
        return empty


def extract_article(adoc: ArticleDoc) -> Briefing:
    """All facts of one parsed article, ids local to the article."""
    problems: list[str] = []
    _stage("date", adoc, problems, lambda: infer_article_date(adoc), None)
    people, organizations, places = _stage(
        "entities", adoc, problems, lambda: extract_entities(adoc), ([], [], [])
    )
    quotes = _stage("quotes", adoc, problems, lambda: extract_quotes(adoc, people, organizations), [])
    events, documents = _stage(
        "events and documents", adoc, problems,
        lambda: extract_temporal(adoc, people, places, organizations), ([], []),
    )
    return Briefing(
        articles=[adoc.article], people=people, organizations=organizations, places=places,
        quotes=quotes, events=events, documents=documents, problems=problems,
    )


def parse_articles(
    articles: Iterable[Article], model: str = DEFAULT_MODEL, *, n_process: int = 1
) -> Iterator[ArticleDoc]:
    """Parse articles through `nlp.pipe` in small batches (memory stays flat
    on long texts).  `n_process` > 1 is spaCy's own multiprocessing, kept
    for the scale benchmark's comparison (see benchmarks/build_scale.py)."""
    nlp = load_nlp(model)
    articles = list(articles)
    texts = [parseable(joined_text(a)) for a in articles]
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process)
    for article, text, doc in zip(articles, texts, docs, strict=True):
        yield ArticleDoc(article, doc, text=text)


def extract_batch(job: tuple[str, list[Article]]) -> list[Briefing]:
    """The facts of a batch of articles, parsed with the model named: the
    unit of work an executor runs (in this process or a worker)."""
    model, articles = job
    return [extract_article(adoc) for adoc in parse_articles(articles, model)]


def extract_articles(
    articles: Iterable[Article], model: str = DEFAULT_MODEL, *, executor: Executor | None = None,
    batch: int = WORKER_BATCH, done: Callable[[int], None] | None = None,
) -> list[Briefing]:
    """One-article briefings for `articles`, in their order: the map of the
    pipeline.  With an `executor`, batches of `batch` articles run there
    (in worker processes); `done(n)` is called as each batch of n ends."""
    articles = list(articles)
    jobs = [(model, articles[i : i + batch]) for i in range(0, len(articles), batch)]
    runner = executor if executor is not None else SerialExecutor()
    out: list[Briefing] = []
    for result in runner.map(extract_batch, jobs):
        out.extend(result)
        if done is not None:
            done(len(result))
    return out

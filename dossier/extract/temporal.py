"""The article's date, dated events and documents: the temporal layer.

Documents are found first (so dates inside their names, "the 1956
declaration", date the document rather than start an event), then events,
then the links between them: an event reported in a sentence naming a
document refers to it, and a dated document with no such event gets its
signing as an event."""

from __future__ import annotations

from dossier.extract.article_date import infer_article_date as _infer
from dossier.extract.dates import Anchor, edtf_bounds
from dossier.extract.document import ArticleDoc
from dossier.extract.documents import date_documents, extract_documents, extract_provisions
from dossier.extract.events import extract_events
from dossier.model import Document, Event, EventReport, Organization, Person, Place
from dossier.slug import unique_slug


def infer_article_date(adoc: ArticleDoc) -> None:
    """Set the article's date from its text when metadata gave none."""
    _infer(adoc)


def extract_temporal(
    adoc: ArticleDoc, people: list[Person], places: list[Place], organizations: list[Organization]
) -> tuple[list[Event], list[Document]]:
    taken = {x.id for x in (*people, *places, *organizations)}
    documents, spans = extract_documents(adoc)
    taken.update(d.id for d in documents)
    anchor = Anchor.of(adoc.article.published)
    skip = [(a, b) for a, b, _ in spans] + _heading_ranges(adoc)
    events, resolved, clauses = extract_events(adoc, anchor, people, places, skip, taken)
    date_documents(adoc, documents, spans, resolved)
    extract_provisions(adoc, documents, spans)
    link_documents(adoc, events, documents, spans, clauses, taken)
    return events, documents


def _heading_ranges(adoc: ArticleDoc) -> list[tuple[int, int]]:
    """Headings (and all-capitals lines that act as headings) date nothing."""
    out = []
    for paragraph, start in zip(adoc.article.paragraphs, adoc.starts, strict=True):
        letters = [c for c in paragraph.text if c.isalpha()]
        if paragraph.kind == "heading" or (letters and sum(c.isupper() for c in letters) / len(letters) > 0.7):
            out.append((start, start + len(paragraph.text)))
    return out


def _overlap(a: str | None, b: str | None) -> bool:
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    return bool(ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1])


def link_documents(adoc: ArticleDoc, events: list[Event], documents: list[Document],
                   spans: list[tuple[int, int, str]], clauses: dict[int, tuple[int, int]], taken: set[str]) -> None:
    """An event refers to the documents named in the clause that reports it;
    a dated document no event refers to gets its signing as an event."""
    by_id = {d.id: d for d in documents}
    for event in events:
        for report in event.reports:
            base = adoc.starts[report.where.paragraph - 1]
            start, end = clauses.get(id(report), (base + report.where.start, base + report.where.end))
            for a, _b, doc_id in spans:
                if start <= a < end and doc_id not in event.documents:
                    event.documents.append(doc_id)
                    if event.id not in by_id[doc_id].events:
                        by_id[doc_id].events.append(event.id)
    for document in documents:
        if not document.date or not document.mentions:
            continue
        dated = [e for e in events if document.id in e.documents and _overlap(e.date, document.date)]
        if dated:
            for event in dated:
                if event.kind in ("signing", "event"):
                    event.title = f"Signing of the {document.name}"
                    event.kind = "signing"
            continue
        first = document.mentions[0].where
        paragraph = adoc.article.paragraph(first.paragraph).text
        sentence = _sentence_at(adoc, first.paragraph, first.start) or paragraph
        title = f"Signing of the {document.name}"
        event = Event(
            id=unique_slug(title, taken), title=title, kind="signing", date=document.date, status="held",
            documents=[document.id],
            reports=[EventReport(where=first, sentence=sentence, status="held", date=document.date,
                                 date_text=document.mentions[0].text)],
        )
        events.append(event)
        document.events.append(event.id)


def _sentence_at(adoc: ArticleDoc, paragraph: int, start: int) -> str | None:
    char = adoc.starts[paragraph - 1] + start
    for sent in adoc.doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent.text.strip()
    return None

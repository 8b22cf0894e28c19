"""The article's date, dated events and documents: the temporal layer.

Documents are found first (so dates inside their names, "the 1956
declaration", date the document rather than start an event), then events,
then the links between them: an event reported in a sentence naming a
document refers to it, and a dated document with no such event gets its
signing as an event."""

from __future__ import annotations

import re

from dossier.extract.document import ArticleDoc
from dossier.extract.temporal.article_date import infer_article_date as _infer
from dossier.extract.temporal.clauses import SUBJECT_DEPS, span_of, subject_tokens
from dossier.extract.temporal.dates import Anchor, edtf_bounds
from dossier.extract.temporal.documents import UNNAMED_NOTE, date_documents, extract_documents, extract_provisions
from dossier.extract.temporal.events import Located, extract_events, mention_ranges
from dossier.extract.tokens import sentences
from dossier.model import FURNITURE_KINDS, Document, Event, EventReport, Organization, Person, Place, Provenance
from dossier.slug import unique_slug

SIGNING_VERBS = {"sign", "issue", "adopt", "conclude", "ink", "agree"}


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
    name_unnamed_documents(adoc, documents, spans, mention_ranges(adoc, places), {p.id: p.name for p in places})
    link_documents(adoc, events, documents, spans, clauses, taken, mention_ranges(adoc, people))
    return events, documents


def _heading_ranges(adoc: ArticleDoc) -> list[tuple[int, int]]:
    """Headings (and all-capitals lines that act as headings) date nothing;
    nor do captions, bylines and datelines (a caption names people but
    reports no event)."""
    out = []
    for paragraph, start in zip(adoc.article.paragraphs, adoc.starts, strict=True):
        letters = [c for c in paragraph.text if c.isalpha()]
        shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.7
        if paragraph.kind == "heading" or paragraph.kind in FURNITURE_KINDS or shouting:
            out.append((start, start + len(paragraph.text)))
    return out


def _overlap(a: str | None, b: str | None) -> bool:
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    return bool(ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1])


def link_documents(adoc: ArticleDoc, events: list[Event], documents: list[Document],
                   spans: list[tuple[int, int, str]], clauses: dict[int, tuple[int, int]], taken: set[str],
                   people: list[Located]) -> None:
    """An event refers to the documents named in the clause that reports it
    (a signing, to the document named last before it in its sentence); a
    dated document no event refers to gets its signing as an event, with the
    people the sentence has sign or issue it."""
    by_id = {d.id: d for d in documents}
    for event in events:
        for report in event.reports:
            base = adoc.starts[report.where.paragraph - 1]
            start, end = clauses.get(id(report), (base + report.where.start, base + report.where.end))
            found = [doc_id for a, _b, doc_id in spans if start <= a < end]
            if not found and event.kind == "signing":
                sentence_start = base + report.where.start
                found = [doc_id for a, _b, doc_id in spans if sentence_start <= a < start][-1:]
            for doc_id in found:
                if doc_id not in event.documents:
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
                    event.title = f"Signing of the {_plain_name(document)}"
                    event.kind = "signing"
            continue
        mention = next((m for m in document.mentions if re.search(r"\b\d{4}\b", m.text)), document.mentions[0])
        first = mention.where
        paragraph = adoc.article.paragraph(first.paragraph).text
        sentence = _sentence_at(adoc, first.paragraph, first.start) or paragraph
        title = f"Signing of the {_plain_name(document)}"
        event = Event(
            id=unique_slug(title, taken), title=title, kind="signing", date=document.date, status="held",
            documents=[document.id], participants=_signatories(adoc, first, people),
            reports=[EventReport(where=first, sentence=sentence, status="held", date=document.date,
                                 date_text=document.mentions[0].text)],
        )
        events.append(event)
        document.events.append(event.id)


def name_unnamed_documents(adoc: ArticleDoc, documents: list[Document], spans: list[tuple[int, int, str]],
                           places: list[Located], names: dict[str, str]) -> None:
    """"Agreement signed" -> "Agreement signed at Lake Prespa": the first
    place the signing clause names after its verb."""
    for document in documents:
        if UNNAMED_NOTE not in document.notes:
            continue
        start = next(a for a, _b, doc_id in spans if doc_id == document.id)
        span = span_of(adoc.doc, start, start + 1)
        if span is None or not len(span):
            continue
        verb = span.root.head
        after = [t for t in verb.subtree if t.i > verb.i]
        place = next((p for t in after for p in places if p.start == t.idx), None)
        if place is not None:
            document.aliases.append(document.name)
            document.name = f"{document.name} at {names[place.id]}"


def _plain_name(document: Document) -> str:
    if UNNAMED_NOTE in document.notes:
        return document.name.replace(" signed", "", 1)
    return document.name


def _signatories(adoc: ArticleDoc, where: Provenance, people: list[Located]) -> list[str]:
    """People who sign or issue the document at `where`: the agent of
    "signed by ...", or the subject of the clause that opens "In the X, ..."."""
    base = adoc.starts[where.paragraph - 1]
    span = span_of(adoc.doc, base + where.start, base + where.end)
    if span is None or not len(span):
        return []
    root = span.root
    tokens = []
    for child in root.children:
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in SIGNING_VERBS:
            tokens += [t for c in child.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    if not tokens and root.dep_ == "pobj" and root.head.lower_ in ("in", "under", "with", "through"):
        verb = root.head.head
        if verb.pos_ in ("VERB", "AUX"):
            tokens = subject_tokens(verb)
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    out: list[str] = []
    for located in people:
        if any(a <= located.start < b for a, b in spans) and located.id not in out:
            out.append(located.id)
    return out


def _sentence_at(adoc: ArticleDoc, paragraph: int, start: int) -> str | None:
    char = adoc.starts[paragraph - 1] + start
    for sent in sentences(adoc.doc):
        if sent.start_char <= char < sent.end_char:
            return sent.text.strip()
    return None

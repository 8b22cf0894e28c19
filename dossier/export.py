"""Export the model as JSON (the contract in
`../shared/contract/briefing-model.schema.json`, plus provenance fields)."""

from __future__ import annotations

import json
from typing import Any

from dossier.model import (
    MODEL_VERSION,
    Article,
    Briefing,
    Document,
    Event,
    Mention,
    Organization,
    Person,
    Place,
    Provenance,
    Quote,
)


def _where(p: Provenance) -> dict[str, Any]:
    return {"article": p.article, "paragraph": p.paragraph, "start": p.start, "end": p.end}


def _mentions(mentions: list[Mention]) -> list[dict[str, Any]]:
    return [{"text": m.text, **_where(m.where)} for m in mentions]


def _article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "published": a.published, "date_inferred": a.date_inferred,
        "date_evidence": a.date_evidence, "source": a.source, "url": a.url, "author": a.author,
        "path": a.path, "format": a.format, "encoding": a.encoding,
        "paragraphs": [{"number": p.number, "kind": p.kind, "text": p.text} for p in a.paragraphs],
    }


def _person(p: Person) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "aliases": p.aliases, "articles": p.articles,
        "roles": [{"title": r.title, "date": r.date, "curated": r.curated, **_where(r.where)} for r in p.roles],
        "mentions": _mentions(p.mentions), "description": p.description, "notes": p.notes, "curated": p.curated,
    }


def _named(x: Organization | Place) -> dict[str, Any]:
    out = {
        "id": x.id, "name": x.name, "aliases": x.aliases, "articles": x.articles,
        "mentions": _mentions(x.mentions), "description": x.description, "notes": x.notes, "curated": x.curated,
    }
    if isinstance(x, Place):
        out["kind"] = x.kind
    return out


def _event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "title": e.title, "kind": e.kind, "date": e.date, "place": e.place,
        "participants": e.participants, "status": e.status, "articles": e.articles, "documents": e.documents,
        "reports": [
            {"sentence": r.sentence, "status": r.status, "date": r.date, "date_text": r.date_text, **_where(r.where)}
            for r in e.reports
        ],
        "notes": e.notes, "curated": e.curated, "confidence": e.confidence,
    }


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id, "name": d.name, "kind": d.kind, "aliases": d.aliases, "date": d.date,
        "provisions": [p.text for p in d.provisions],
        "provision_sources": [{"text": p.text, "cue": p.cue, **_where(p.where),
                               "variants": [{"text": v.text, **_where(v.where)} for v in p.variants]}
                              for p in d.provisions],
        "signed_at": d.signed_at,
        "articles": d.articles, "events": d.events, "mentions": _mentions(d.mentions), "notes": d.notes,
        "curated": d.curated,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id, "speaker": q.speaker, "speaker_organization": q.speaker_organization, "text": q.text,
        "article": q.where.article, "paragraph": q.where.paragraph, "start": q.where.start, "end": q.where.end,
        "direct": q.direct, "cue": q.cue, "date": q.date,
    }


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    return {
        "version": MODEL_VERSION,
        "articles": [_article(a) for a in b.articles],
        "people": [_person(p) for p in b.people],
        "organizations": [_named(o) for o in b.organizations],
        "places": [_named(p) for p in b.places],
        "events": [_event(e) for e in b.events],
        "documents": [_document(d) for d in b.documents],
        # `quotes` holds direct quotations only (the contract's meaning);
        # indirect speech ("Panov said that ...") goes in `statements`.
        "quotes": [_quote(q) for q in b.quotes if q.direct],
        "statements": [_quote(q) for q in b.quotes if not q.direct],
        "problems": list(b.problems),
    }


def briefing_to_json(b: Briefing) -> str:
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=2, sort_keys=False)

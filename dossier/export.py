"""Export the model as JSON (the contract in
`../shared/contract/briefing-model.schema.json`, plus provenance fields)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import orjson

from dossier.ingest.duplicates import CopiedProvenance
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


class _Export:
    """The model as JSON.  A near-duplicate article is listed among the
    articles with `duplicate_of`; every fact read from the kept article is
    listed again where each copy states it, marked `duplicate_of` (the kept
    article's id), so a copy cites the same entities as the article it copies
    while the model, the site and the PDFs hold each fact once."""

    def __init__(self, b: Briefing) -> None:
        self.b = b
        self.copied = CopiedProvenance(b.articles, b.duplicates)

    def facts(self, where: Provenance, text: str, /, reworded: bool = False, **fields: Any) -> list[dict[str, Any]]:
        """One entry for the fact as read, and one per copy that states it."""
        out = [{**fields, **_where(where)}]
        if self.copied:
            copies = self.copied.mirror(where, text, reworded=reworded)
            out.extend({**fields, **_where(w), "duplicate_of": where.article} for w in copies)
        return out

    def mentions(self, mentions: list[Mention]) -> list[dict[str, Any]]:
        """`facts` of each mention; written out for the mentions in articles
        without copies (most of them: a model has hundreds of thousands)."""
        out: list[dict[str, Any]] = []
        copied = self.copied
        for m in mentions:
            w = m.where
            if copied.has_copies(w.article):
                out.extend(self.facts(w, m.text, text=m.text))
            else:
                out.append({"text": m.text, "article": w.article, "paragraph": w.paragraph, "start": w.start,
                            "end": w.end})
        return out

    def article(self, a: Article) -> dict[str, Any]:
        return {
            "id": a.id, "title": a.title, "published": a.published, "date_inferred": a.date_inferred,
            "date_evidence": a.date_evidence, "source": a.source, "url": a.url, "author": a.author,
            "path": a.path, "format": a.format, "encoding": a.encoding, "duplicate_of": a.duplicate_of,
            "copies": [c.id for c in self.b.copies_of(a.id)],
            "paragraphs": [{"number": p.number, "kind": p.kind, "text": p.text} for p in a.paragraphs],
        }

    def person(self, p: Person) -> dict[str, Any]:
        mentions = self.mentions(p.mentions)
        roles = [
            x for r in p.roles for x in self.facts(r.where, r.title, title=r.title, date=r.date, curated=r.curated)
        ]
        return {
            "id": p.id, "name": p.name, "aliases": p.aliases, "articles": _articles(mentions), "roles": roles,
            "mentions": mentions, "description": p.description, "notes": p.notes, "curated": p.curated,
        }

    def named(self, x: Organization | Place) -> dict[str, Any]:
        mentions = self.mentions(x.mentions)
        out = {
            "id": x.id, "name": x.name, "aliases": x.aliases, "articles": _articles(mentions),
            "mentions": mentions, "description": x.description, "notes": x.notes, "curated": x.curated,
        }
        if isinstance(x, Place):
            out["kind"] = x.kind
        return out

    def event(self, e: Event) -> dict[str, Any]:
        reports = [
            x for r in e.reports
            for x in self.facts(r.where, r.sentence, reworded=True, sentence=r.sentence, status=r.status,
                                date=r.date, date_text=r.date_text)
        ]
        return {
            "id": e.id, "title": e.title, "kind": e.kind, "date": e.date, "place": e.place,
            "participants": e.participants, "status": e.status, "articles": _articles(reports),
            "documents": e.documents, "reports": reports, "notes": e.notes, "curated": e.curated,
            "confidence": e.confidence,
        }

    def document(self, d: Document) -> dict[str, Any]:
        mentions = self.mentions(d.mentions)
        return {
            "id": d.id, "name": d.name, "kind": d.kind, "aliases": d.aliases, "date": d.date,
            "provisions": [p.text for p in d.provisions],
            "provision_sources": [
                x for p in d.provisions for x in self.facts(
                    p.where, p.text, reworded=True, text=p.text, cue=p.cue,
                    variants=[{"text": v.text, **_where(v.where)} for v in p.variants],
                )
            ],
            "articles": _articles(mentions), "events": d.events, "mentions": mentions, "notes": d.notes,
            "curated": d.curated, "signed_at": d.signed_at,
        }

    def quotes(self, q: Quote) -> list[dict[str, Any]]:
        """The quote as read, with `other_sources` (the other reports of its
        words, folded into it by resolve); then each of those reports as an
        entry of its own, marked `same_as` the quote, so every article still
        lists what it quotes."""
        out = self._reports(q)
        out[0]["other_sources"] = [{"id": r.id, **_where(r.where)} for r in q.also]
        for report in q.also:
            out.extend({**entry, "same_as": q.id} for entry in self._reports(report))
        return out

    def _reports(self, q: Quote) -> list[dict[str, Any]]:
        out = []
        for entry in self.facts(q.where, q.text):
            copy = entry["article"] != q.where.article
            out.append({
                "id": f"{q.id}@{entry['article']}" if copy else q.id, "speaker": q.speaker,
                "speaker_organization": q.speaker_organization, "text": q.text, **entry, "direct": q.direct,
                "cue": q.cue, "date": q.date,
            })
        return out


def _articles(entries: list[dict[str, Any]]) -> list[str]:
    return sorted({e["article"] for e in entries})


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    x = _Export(b)
    articles = sorted([*b.articles, *b.duplicates], key=lambda a: a.id)
    return {
        "version": MODEL_VERSION,
        "articles": [x.article(a) for a in articles],
        "people": [x.person(p) for p in b.people],
        "organizations": [x.named(o) for o in b.organizations],
        "places": [x.named(p) for p in b.places],
        "events": [x.event(e) for e in b.events],
        "documents": [x.document(d) for d in b.documents],
        # `quotes` holds direct quotations only (the contract's meaning);
        # indirect speech ("Panov said that ...") goes in `statements`.
        "quotes": [entry for q in b.quotes if q.direct for entry in x.quotes(q)],
        "statements": [entry for q in b.quotes if not q.direct for entry in x.quotes(q)],
        "problems": list(b.problems),
    }


def briefing_to_json(b: Briefing) -> str:
    return dumps_indented(briefing_to_dict(b))


class ModelWriter:
    """`dumps_indented(model)` for a process that writes one model after
    another (`mkdocs serve`): the text of each entry of the model's lists
    (an article, a person, an event...) is kept from the last call, keyed
    by the entry's compact JSON (`_entry_key`), and reused when the entry
    is unchanged.  The compact text stands for the value exactly (the same
    strings, numbers and keys), so the result is the same text
    `dumps_indented` writes."""

    def __init__(self) -> None:
        self._entries: dict[str | bytes, str] = {}

    def dumps(self, model: dict[str, Any]) -> str:
        kept: dict[str | bytes, str] = {}
        out: list[str] = []
        inner, entry_line = "\n  ", "\n    "
        out.append("{" + inner if model else "{}")
        for n, (key, value) in enumerate(model.items()):
            if n:
                out.append("," + inner)
            out.append(_STRING(key if isinstance(key, str) else _key(key)) + ": ")
            if not isinstance(value, list | tuple) or not value:
                _write(value, inner, "  ", out.append)
                continue
            texts = []
            for entry in value:
                compact = _entry_key(entry)
                text = kept.get(compact)
                if text is None:
                    text = self._entries.get(compact)
                    if text is None:
                        parts: list[str] = []
                        _write(entry, entry_line, "  ", parts.append)
                        text = "".join(parts)
                    kept[compact] = text
                texts.append(text)
            out.append("[" + entry_line + ("," + entry_line).join(texts) + inner + "]")
        if model:
            out.append("\n}")
        self._entries = kept
        return "".join(out)


def _entry_key(entry: Any) -> str | bytes:
    """An entry's compact JSON, standing for its value: orjson's (Rust,
    seven times faster than the standard library's C encoder on a model's
    entries), else the standard library's for what orjson is told to refuse
    or refuses (subclasses of str and int, dataclasses, dates, integers
    beyond 64 bits, lone surrogates).  Entries with the same key are the
    same JSON value with the same number spellings (1 and 1.0 differ), so
    the indented writer writes them the same; a str key never equals a
    bytes one.  (orjson writes NaN and the infinities, which are not JSON,
    as null: the model holds none, its one float being an event's
    confidence, a score in [0, 1] rounded to three places.)"""
    try:
        return orjson.dumps(entry, option=_ORJSON_STRICT)
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


_ORJSON_STRICT = orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


_STRING = json.encoder.encode_basestring  # how json.dumps(ensure_ascii=False) writes a string (C)


def dumps_indented(value: Any, indent: int = 2) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`, character for
    character, in about two thirds of the time: the standard library writes
    indented JSON with a generator per container (its C writer does not
    indent), and a dossier's model has millions of values."""
    out: list[str] = []
    _write(value, "\n", " " * indent, out.append)
    return "".join(out)


def _write(o: Any, newline: str, step: str, append: Callable[[str], None]) -> None:
    if isinstance(o, str):
        append(_STRING(o))
    elif isinstance(o, dict):
        if not o:
            append("{}")
            return
        inner = newline + step
        between = "," + inner
        append("{" + inner)
        first = True
        for key, item in o.items():
            if not first:
                append(between)
            first = False
            append(_STRING(key if isinstance(key, str) else _key(key)))
            append(": ")
            _write(item, inner, step, append)
        append(newline + "}")
    elif isinstance(o, list | tuple):
        if not o:
            append("[]")
            return
        inner = newline + step
        between = "," + inner
        append("[" + inner)
        first = True
        for item in o:
            if not first:
                append(between)
            first = False
            _write(item, inner, step, append)
        append(newline + "]")
    elif o is None:
        append("null")
    elif o is True:
        append("true")
    elif o is False:
        append("false")
    elif isinstance(o, int):
        append(int.__repr__(o))
    elif isinstance(o, float):
        append(_float(o))
    else:
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o in (math.inf, -math.inf):
        return "Infinity" if o > 0 else "-Infinity"
    return float.__repr__(o)


def _key(key: object) -> str:
    """A dict key that is not a string, as json.dumps writes it."""
    if isinstance(key, float):
        return _float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")

"""Export the model as FollowTheMoney entities (JSON lines), built and
cleaned by the `followthemoney` library itself, so a dossier imports into
Aleph and other FtM tools.

    article          -> Article (title, date, author, publisher, URL, text)
    person           -> Person (names, roles as `position`)
    organization     -> Organization
    place            -> Address (cities, named sites) or Territory (countries, regions, islands)
    event            -> Event (dates, place, participants as `involved`)
    document         -> Contract (treaties, declarations, statements, plans; provisions as `summary`)
    event--document  -> UnknownLink (role "document of the event")
    quote, statement -> Note about the speaker (the words as `description`; every article reporting them as `proof`)
    mentions         -> Mention, one per entity and article (`resolved` -> the entity, `document` -> the article)

Every entity read from articles names them as `proof` (the Article
entities): the provenance survives the export.  Ids are the model's ids
with a prefix per kind, so two exports of a dossier can be merged.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

from dossier.model import Briefing, Document, Event, Mention, Organization, Person, Place, Quote

# Place kinds that are an administrative area (a Territory); others are addresses.
TERRITORY_KINDS = {"country", "region", "islands", "island", "province", "state", "territory", "prefecture",
                   "continent", "area"}
LINK_ROLE = "document of the event"
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")
_EDTF_DAY = re.compile(r"^-?\d{4}(?:-(\d{2})(?:-\d{2})?)?")


def ftm_id(kind: str, *parts: str) -> str:
    """An FtM entity id for a model object: 'dossier-<kind>-<id>'.  FtM ids
    allow letters, digits, '.' and '-' only; an id with other characters
    gets them replaced and a short hash of the original, so ids stay unique."""
    raw = "--".join(parts)
    clean = _ID_UNSAFE.sub("-", raw)
    if clean != raw:
        clean += "-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"dossier-{kind}-{clean}"


def ftm_date(edtf: str | None) -> str | None:
    """An EDTF date as an FtM date (a prefix of ISO 8601): qualifiers
    dropped, a season ('2018-23') kept as its year."""
    if not edtf:
        return None
    m = _EDTF_DAY.match(edtf.strip().lstrip("[{"))
    if m is None:
        return None
    if m.group(1) and int(m.group(1)) > 12:
        return m.group(0)[:4]
    return m.group(0)


def ftm_interval(edtf: str | None) -> tuple[str | None, str | None]:
    """(start, end) of an EDTF date or interval ('2016-09-02/2016-09-03')."""
    if not edtf:
        return None, None
    if "/" in edtf:
        a, b = edtf.split("/", 1)
        return ftm_date(a if a != ".." else None), ftm_date(b if b != ".." else None)
    return ftm_date(edtf), None


class FtmExport:
    """Builds the entities; `entities()` yields them in a stable order."""

    def __init__(self, briefing: Briefing) -> None:
        from followthemoney import model

        self.model = model
        self.briefing = briefing
        self.articles = {a.id: a for a in briefing.articles}
        self.ids: dict[str, str] = {}  # model id -> FtM id
        self.place_schema: dict[str, str] = {}

    def make(self, schema: str, entity_id: str, **props: Any) -> Any:
        proxy = self.model.make_entity(schema)
        proxy.id = entity_id
        for prop, value in props.items():
            for v in value if isinstance(value, (list, tuple, set)) else [value]:
                if v not in (None, ""):
                    proxy.add(prop, v)
        return proxy

    def proof(self, article_ids: list[str]) -> list[str]:
        return [ftm_id("src", a) for a in article_ids if a in self.articles]

    def entities(self) -> Iterator[Any]:
        b = self.briefing
        for article in b.articles:
            yield self.make(
                "Article", ftm_id("src", article.id), title=article.title, publishedAt=ftm_date(article.published),
                author=article.author, publisher=article.source, sourceUrl=article.url, bodyText=article.text,
                fileName=article.path.rsplit("/", 1)[-1] if article.path else None, language="eng",
            )
        for person in b.people:
            self.ids[person.id] = ftm_id("person", person.id)
            yield self._person(person)
        for org in b.organizations:
            self.ids[org.id] = ftm_id("org", org.id)
            yield self._named("Organization", self.ids[org.id], org)
        for place in b.places:
            schema = "Territory" if (place.kind or "").lower() in TERRITORY_KINDS else "Address"
            self.ids[place.id] = ftm_id("place", place.id)
            self.place_schema[place.id] = schema
            yield self._place(schema, place)
        for doc in b.documents:
            self.ids[doc.id] = ftm_id("doc", doc.id)
            yield self._document(doc)
        for event in b.events:
            self.ids[event.id] = ftm_id("event", event.id)
            yield self._event(event)
            for doc_id in event.documents:
                if doc_id in self.ids:
                    yield self.make("UnknownLink", ftm_id("link", event.id, doc_id), subject=self.ids[event.id],
                                    object=self.ids[doc_id], role=LINK_ROLE, proof=self.proof(event.articles))
        for quote in b.quotes:
            yield self._quote(quote)
        for group in (b.people, b.organizations, b.places, b.documents):
            for item in group:
                yield from self._mentions(item)

    def _person(self, person: Person) -> Any:
        return self.make(
            "Person", self.ids[person.id], name=person.name, alias=person.aliases,
            position=[r.title for r in person.roles], description=person.description, notes=person.notes,
            proof=self.proof(person.articles),
        )

    def _named(self, schema: str, entity_id: str, item: Organization | Place) -> Any:
        return self.make(schema, entity_id, name=item.name, alias=item.aliases, description=item.description,
                         notes=item.notes, proof=self.proof(item.articles))

    def _place(self, schema: str, place: Place) -> Any:
        proxy = self._named(schema, self.ids[place.id], place)
        kind = (place.kind or "").lower()
        if schema == "Address":
            proxy.add("full", place.name)
            if kind == "city":
                proxy.add("city", place.name)
        elif kind == "country":
            proxy.add("country", place.name)  # cleaned to its ISO code when the library knows the name
        if kind:
            proxy.add("summary", kind)
        return proxy

    def _document(self, doc: Document) -> Any:
        return self.make(
            "Contract", self.ids[doc.id], title=doc.name, name=doc.name, alias=doc.aliases, type=doc.kind,
            contractDate=ftm_date(doc.date), summary=[p.text for p in doc.provisions], notes=doc.notes,
            proof=self.proof(doc.articles),
        )

    def _event(self, event: Event) -> Any:
        start, end = ftm_interval(event.date)
        proxy = self.make(
            "Event", self.ids[event.id], name=event.title, date=start, startDate=start if end else None, endDate=end,
            involved=[self.ids[p] for p in event.participants if p in self.ids],
            description=f"{event.kind}, {event.status}", summary=event.reports[0].sentence if event.reports else None,
            notes=event.notes, proof=self.proof(event.articles),
        )
        if event.place and event.place in self.ids:
            place = next((p for p in self.briefing.places if p.id == event.place), None)
            if self.place_schema.get(event.place) == "Address":
                proxy.add("addressEntity", self.ids[event.place])
            if place is not None:
                proxy.add("location", place.name)
        return proxy

    def _quote(self, quote: Quote) -> Any:
        speaker = self.ids.get(quote.speaker or "") or self.ids.get(quote.speaker_organization or "")
        article = self.articles.get(quote.where.article)
        where = f"{quote.where.article} ¶{quote.where.paragraph}"
        return self.make(
            "Note", ftm_id("quote", quote.id), entity=speaker, description=quote.text,
            name=("quote" if quote.direct else "reported statement") + f" ({where})",
            summary=quote.cue, proof=self.proof(sorted({w.article for w in quote.sources})),
            sourceUrl=article.url if article else None,
        )

    def _mentions(self, item: Person | Organization | Place | Document) -> Iterator[Any]:
        by_article: dict[str, list[Mention]] = {}
        for mention in item.mentions:
            by_article.setdefault(mention.where.article, []).append(mention)
        schema = "Contract" if isinstance(item, Document) else (
            self.place_schema.get(item.id) if isinstance(item, Place) else type(item).__name__)
        for article_id, mentions in sorted(by_article.items()):
            if article_id not in self.articles:
                continue
            yield self.make(
                "Mention", ftm_id("mention", item.id, article_id), resolved=self.ids[item.id],
                document=ftm_id("src", article_id), name=sorted({m.text for m in mentions}),
                detectedSchema=schema,
            )


def briefing_to_ftm(briefing: Briefing) -> str:
    """The model as FtM entities, one JSON object a line."""
    lines = [json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True) for p in FtmExport(briefing).entities()]
    return "\n".join(lines) + ("\n" if lines else "")

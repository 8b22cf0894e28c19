"""What changed between two briefing models.

Both sides are the JSON export (`dossier.export.briefing_to_dict`), so the
same comparison serves a build (the previous build's model against this
one's) and `dossier diff OLD.json NEW.json` (two published dossiers).

Ids may change between builds as extraction and resolution improve, so an
entity is matched by id first, then by its folded name or title (with its
date, for events and documents), then, for events, by a report read from
the same paragraph: a renamed entity is not reported as removed and new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from dossier.resolve.names import fold

Item = dict[str, Any]

# Sections in the order a reader meets them, with their headings.
SECTIONS: dict[str, str] = {
    "sources": "New sources",
    "removed_sources": "Sources no longer in the dossier",
    "people": "New people",
    "roles": "New roles of known people",
    "organizations": "New organizations",
    "places": "New places",
    "events": "Events: new, moved or changed status",
    "quotes": "New quotes",
    "statements": "New statements (reported speech)",
    "documents": "New documents",
    "provisions": "New provisions of known documents",
}

PAGE_SECTIONS = {
    "people": "people", "organizations": "organizations", "places": "places", "events": "events",
    "documents": "documents",
}


@dataclass(slots=True, frozen=True, order=True)
class Cite:
    """A paragraph of an article, the provenance of a change."""

    article: str
    paragraph: int

    def anchor(self) -> str:  # as `Provenance.anchor`: citations link to the paragraph
        return f"p{self.paragraph}"


@dataclass(slots=True)
class Change:
    """One line of "What's new".

    `section` is a key of `SECTIONS`; `kind` is "new", "moved", "status" or
    "removed"; `entity` and `page` name the entity the line is about and its
    page in the Markdown tree ('people/x.md'; None when it has none, as for
    a removed source); `label` is its name or title; `detail` says what
    changed, in plain words; `before` and `after` are the old and new value
    of a moved or re-stated event; `cites` are the paragraphs that carry it.
    """

    section: str
    kind: str
    entity: str
    page: str | None
    label: str
    detail: str = ""
    before: str | None = None
    after: str | None = None
    speaker: str | None = None  # quotes and statements: the speaker's id, for a link
    cites: list[Cite] = field(default_factory=list)


@dataclass(slots=True)
class Changes:
    """The changes since a baseline.  `baseline` says what this dossier is
    compared with, in a few words ("the previous build"), and `note` more
    about it; `compared` is False when there is nothing to compare with
    (a first build)."""

    baseline: str
    compared: bool = True
    items: list[Change] = field(default_factory=list)
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.items)

    def section(self, name: str) -> list[Change]:
        return [c for c in self.items if c.section == name]

    def sections(self) -> list[tuple[str, str, list[Change]]]:
        """[(key, heading, changes)] for every section that has a change."""
        return [(key, title, self.section(key)) for key, title in SECTIONS.items() if self.section(key)]

    def is_new(self, entity_id: str) -> bool:
        """True when the entity itself is new (not a change of a known one)."""
        return any(c.entity == entity_id and c.kind == "new" and c.section in PAGE_SECTIONS for c in self.items)

    def about(self, entity_id: str) -> list[Change]:
        """Every change that names this entity (its new roles, provisions,
        a move or a new status)."""
        return [c for c in self.items if c.entity == entity_id]

    def is_new_role(self, person_id: str, title: str) -> bool:
        return any(c.section == "roles" and c.entity == person_id and _key(c.detail) == _key(title)
                   for c in self.items)

    def is_new_source(self, article_id: str) -> bool:
        return any(c.section == "sources" and c.entity == article_id for c in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline, "note": self.note, "compared": self.compared,
            "sections": {key: [asdict(c) for c in self.section(key)] for key in SECTIONS},
        }


def _key(text: str | None) -> str:
    return fold(text or "")


def _cites(items: Iterable[Item]) -> list[Cite]:
    seen: dict[tuple[str, int], Cite] = {}
    for x in items:
        if x.get("article") is not None and x.get("paragraph") is not None:
            seen.setdefault((x["article"], int(x["paragraph"])), Cite(x["article"], int(x["paragraph"])))
    return list(seen.values())


def match(
    old: list[Item], new: list[Item], keys: Callable[[Item], Iterable[Any]] | None = None,
) -> dict[str, Item]:
    """{new id: the old item it is}.  By id first; then, among the items
    left on both sides, by any of `keys` (folded names, title and date,
    report paragraphs): the first old item sharing a key."""
    out: dict[str, Item] = {}
    old_by_id = {x["id"]: x for x in old}
    left_new = []
    used: set[str] = set()
    for x in new:
        if x["id"] in old_by_id:
            out[x["id"]] = old_by_id[x["id"]]
            used.add(x["id"])
        else:
            left_new.append(x)
    if keys is None or not left_new:
        return out
    index: dict[Any, Item] = {}
    for x in old:
        if x["id"] not in used:
            for k in keys(x):
                index.setdefault(k, x)
    for x in left_new:
        for k in keys(x):
            hit = index.get(k)
            if hit is not None and hit["id"] not in used:
                out[x["id"]] = hit
                used.add(hit["id"])
                break
    return out


def _name_keys(x: Item) -> list[Any]:
    return [("name", k) for k in {_key(x.get("name")), *(_key(a) for a in x.get("aliases") or [])} if k]


def _event_keys(x: Item) -> list[Any]:
    keys: list[Any] = [("title-date", _key(x.get("title")), x.get("date"))]
    keys += [("report", r["article"], r["paragraph"], _key(r.get("sentence"))) for r in x.get("reports") or []]
    return keys


def _document_keys(x: Item) -> list[Any]:
    return [("name-date", k, x.get("date")) for _, k in _name_keys(x)] + _name_keys(x)


def _page(section: str, entity_id: str) -> str:
    return f"{PAGE_SECTIONS[section]}/{entity_id}.md"


def compare(old: Item, new: Item, *, baseline: str = "the previous build") -> Changes:
    """The changes from the model `old` to the model `new` (both as exported
    by `briefing_to_dict`)."""
    changes = Changes(baseline=baseline)
    add = changes.items.append
    new_articles = _sources(old, new, add)
    fresh = set(new_articles)

    people = match(old.get("people", []), new.get("people", []), _name_keys)
    for person in new.get("people", []):
        before = people.get(person["id"])
        if before is None:
            roles = [r["title"] for r in person.get("roles") or []]
            add(Change("people", "new", person["id"], _page("people", person["id"]), person["name"],
                       detail=roles[-1] if roles else "", cites=_cites(person.get("mentions") or [])[:3]))
            continue
        known = {_key(r["title"]) for r in before.get("roles") or []}
        for role in person.get("roles") or []:
            if _key(role["title"]) not in known:
                known.add(_key(role["title"]))
                add(Change("roles", "new", person["id"], _page("people", person["id"]), person["name"],
                           detail=role["title"], after=role.get("date"), cites=_cites([role])))

    for section in ("organizations", "places"):
        found = match(old.get(section, []), new.get(section, []), _name_keys)
        for item in new.get(section, []):
            if item["id"] not in found:
                add(Change(section, "new", item["id"], _page(section, item["id"]), item["name"],
                           detail=item.get("kind") or "", cites=_cites(item.get("mentions") or [])[:3]))

    _events(old, new, fresh, add)
    _quotes(old, new, add)
    _documents(old, new, add)
    return changes


def _sources(old: Item, new: Item, add: Callable[[Change], None]) -> list[str]:
    """New sources (and those no longer there); returns the new ones' ids."""
    def keys(a: Item) -> list[Any]:
        out: list[Any] = [("title", _key(a.get("title")), a.get("published"))]
        return out + ([("url", a["url"])] if a.get("url") else [])

    found = match(old.get("articles", []), new.get("articles", []), keys)
    fresh = []
    for article in new.get("articles", []):
        if article["id"] not in found:
            fresh.append(article["id"])
            add(Change("sources", "new", article["id"], None, article["title"], detail=article.get("source") or "",
                       after=article.get("published"),
                       cites=[Cite(article["id"], 1)] if article.get("paragraphs") else []))
    kept = {x["id"] for x in found.values()}
    for article in old.get("articles", []):
        if article["id"] not in kept:
            add(Change("removed_sources", "removed", article["id"], None, article["title"],
                       detail=article.get("published") or ""))
    return fresh


def _events(old: Item, new: Item, fresh: set[str], add: Callable[[Change], None]) -> None:
    found = match(old.get("events", []), new.get("events", []), _event_keys)
    for event in new.get("events", []):
        page = _page("events", event["id"])
        reports = event.get("reports") or []
        before = found.get(event["id"])
        if before is None:
            add(Change("events", "new", event["id"], page, event["title"], detail=event.get("status") or "",
                       after=event.get("date"), cites=_cites(reports)))
            continue
        known = {(r["article"], r["paragraph"]) for r in before.get("reports") or []}
        # The sources that changed it: reports not read before, else those that state the new value.
        added = [r for r in reports if (r["article"], r["paragraph"]) not in known or r["article"] in fresh]
        if before.get("date") != event.get("date"):
            why = [r for r in added if r.get("date") == event.get("date")] or added or \
                [r for r in reports if r.get("date") == event.get("date")]
            add(Change("events", "moved", event["id"], page, event["title"], detail="date",
                       before=before.get("date"), after=event.get("date"), cites=_cites(why)))
        if before.get("status") != event.get("status"):
            why = [r for r in added if r.get("status") == event.get("status")] or added or \
                [r for r in reports if r.get("status") == event.get("status")]
            add(Change("events", "status", event["id"], page, event["title"], detail="status",
                       before=before.get("status"), after=event.get("status"), cites=_cites(why)))


def _quotes(old: Item, new: Item, add: Callable[[Change], None]) -> None:
    for section in ("quotes", "statements"):
        known = {(q.get("article"), _key(q.get("text"))) for q in old.get(section, [])}
        known_ids = {q["id"] for q in old.get(section, [])}
        for q in new.get(section, []):
            # A report folded into a quotation (`same_as`) is a source of it, not a quotation of its own;
            # a quotation one of whose reports was known is not new.
            if q.get("same_as") or q["id"] in known_ids or (q.get("article"), _key(q.get("text"))) in known \
                    or any(o.get("id") in known_ids for o in q.get("other_sources") or []):
                continue
            speaker = q.get("speaker") or q.get("speaker_organization")
            add(Change(section, "new", q["id"], None, q.get("text") or "", speaker=speaker, after=q.get("date"),
                       cites=_cites([q])))


def _documents(old: Item, new: Item, add: Callable[[Change], None]) -> None:
    found = match(old.get("documents", []), new.get("documents", []), _document_keys)
    for doc in new.get("documents", []):
        page = _page("documents", doc["id"])
        sources = doc.get("provision_sources") or [{"text": t} for t in doc.get("provisions") or []]
        before = found.get(doc["id"])
        if before is None:
            add(Change("documents", "new", doc["id"], page, doc["name"], detail=doc.get("kind") or "",
                       after=doc.get("date"), cites=_cites(doc.get("mentions") or [])[:3]))
            continue
        known = {_key(t) for t in before.get("provisions") or []}
        for provision in sources:
            if _key(provision.get("text")) not in known:
                known.add(_key(provision.get("text")))
                add(Change("provisions", "new", doc["id"], page, doc["name"], detail=provision.get("text") or "",
                           cites=_cites([provision])))

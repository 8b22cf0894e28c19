"""People and organizations named in an article's furniture: bylines
("By First Last and First Last, Agency"), credit lines ("Reporting by ..."),
photo credits ("(Agency Photo/First Last)", "Pool Photo via Agency") and a
dateline on its own line ("Country CITY").

The recognizer reads these badly: a credit is no sentence, so "Agency
Photo" becomes an organization and a photographer is missed.  Here the form
of the credit says what each part is: the words around a slash or "via" are
names; a part of two to four capitalised words is a person unless a word of
it names a kind of organization ("News", "Press", "Images"); a part of one
word (or an acronym) is an organization, the agency.  What the recognizer
found inside these spans is replaced by what the form says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.extract.document import ArticleDoc
from dossier.extract.entities.organizations import acronym
from dossier.extract.entities.places import canonical_place
from dossier.extract.vocabulary import ORG_WORDS
from dossier.ingest.furniture import author_names, byline_names, credit_span
from dossier.model import Mention, Organization, Person, Place, Provenance, Role
from dossier.resolve.names import fold
from dossier.slug import unique_slug

# Words of a credit that say what kind of picture it is, not whose.
PICTURE_WORDS = frozenset({"pool", "file", "handout", "photo", "photos", "photograph", "photographs", "image",
                           "images", "picture", "pictures", "illustration", "video", "footage", "courtesy", "of",
                           "staff", "via", "by", "credit", "photographer"})
# Words that make a two-word credit an organization ("Getty Images").
AGENCY_WORDS = ORG_WORDS | {"images", "pictures", "photos", "media", "wire", "newswire", "agency", "studio"}
_PART = re.compile(r"[^/,:()\[\]]+")


@dataclass(slots=True)
class Credit:
    name: str
    kind: str  # "person" or "organization"
    where: Provenance
    role: Role | None = None  # "Agency writer", from "Agency writers A and B contributed ..."


# "Agency writers A in City and B contributed to this report": the role
# the line gives each of them.
STAFF_ROLE = re.compile(r"^(?P<org>(?:[A-Z][\w&.'’-]*\s+){1,5}?)(?P<role>writer|reporter|correspondent|photographer|"
                        r"journalist|staffer)s?\s+[A-Z]")


def _classify(words: list[str]) -> str | None:
    """'person', 'organization', or None for a part naming nobody."""
    if not words:
        return None
    if any(w.lower().strip(".") in AGENCY_WORDS for w in words) or len(words) == 1 or len(words) > 4:
        return "organization"
    if all(w[:1].isupper() and not w.isupper() for w in words):
        return "person"
    return "organization"


def _parts(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The names in a credit span: split at slashes, commas and brackets,
    then at "via" and "by"; picture words dropped from each end."""
    out: list[tuple[str, int, int]] = []
    for chunk in _PART.finditer(text, start, end):
        words = list(re.finditer(r"\S+", chunk.group(0)))
        piece: list[re.Match[str]] = []
        for word in [*words, None]:
            if word is not None and word.group(0).lower() not in ("via", "by"):
                piece.append(word)
                continue
            while piece and piece[0].group(0).lower() in PICTURE_WORDS:
                piece.pop(0)
            while piece and piece[-1].group(0).lower() in PICTURE_WORDS:
                piece.pop()
            if piece:
                a, b = chunk.start() + piece[0].start(), chunk.start() + piece[-1].end()
                out.append((text[a:b], a, b))
            piece = []
    return out


def find_credits(adoc: ArticleDoc) -> tuple[list[Credit], list[tuple[int, int, int]]]:
    """The people and organizations credits name, and the zones (paragraph,
    start, end) whose recognizer entities they replace."""
    credits: list[Credit] = []
    zones: list[tuple[int, int, int]] = []
    article = adoc.article
    for paragraph in article.paragraphs:
        text = paragraph.text
        spans: list[tuple[int, int]] = []
        if paragraph.kind == "caption":
            found = credit_span(text)
            if found is not None:
                spans = [found]
        elif paragraph.kind == "byline":
            spans = byline_names(text)
            zones.append((paragraph.number, 0, len(text)))
        staff = STAFF_ROLE.match(text) if paragraph.kind == "byline" else None
        for start, end in spans:
            zones.append((paragraph.number, start, end))
            for name, a, b in _parts(text, start, end):
                kind = _classify(name.split())
                if kind is None:
                    continue
                where = Provenance(article.id, paragraph.number, a, b)
                role = None
                if staff is not None and kind == "person" and a >= staff.end("role"):
                    title = f"{staff.group('org').strip()} {staff.group('role')}"
                    role = Role(title, Provenance(article.id, paragraph.number, 0, staff.end("role")),
                                date=article.published)
                credits.append(Credit(name, kind, where, role))
    if article.author and not any(p.kind == "byline" for p in article.paragraphs) and article.paragraphs:
        # An author given only in the metadata (front matter, the page's
        # meta tags): cited at the start of the text, the nearest place.
        for name in author_names(article.author):
            kind = _classify(name.split())
            if kind is not None:
                credits.append(Credit(name, kind, Provenance(article.id, 1, 0, 0)))
    return credits, zones


def _dateline_places(adoc: ArticleDoc) -> tuple[list[tuple[str, str, str | None, Provenance]], list[Credit]]:
    """The place (and country) of a dateline standing as its own paragraph,
    and the agency a dateline names."""
    dateline = adoc.article.dateline
    if dateline is None:
        return [], []
    paragraph = adoc.article.paragraph(dateline.paragraph)
    places: list[tuple[str, str, str | None, Provenance]] = []  # name, as written, kind, where
    agencies: list[Credit] = []
    text = paragraph.text
    for written in (dateline.place, dateline.region):
        if not written:
            continue
        m = re.search(re.escape(written), text, re.I)
        if m is None:
            continue
        if paragraph.kind == "dateline":
            name, kind = canonical_place(m.group(0))
            places.append((name, m.group(0), kind, Provenance(adoc.article.id, paragraph.number, m.start(), m.end())))
    if dateline.agency:
        m = re.search(r"\(" + re.escape(dateline.agency) + r"\)", text)
        if m is not None:
            agencies.append(Credit(dateline.agency, "organization",
                                   Provenance(adoc.article.id, paragraph.number, m.start() + 1, m.end() - 1)))
    return places, agencies


def _inside(where: Provenance, zones: list[tuple[int, int, int]]) -> bool:
    return any(where.paragraph == n and a <= where.start < b for n, a, b in zones)


def apply_credits(adoc: ArticleDoc, people: list[Person], organizations: list[Organization],
                  places: list[Place]) -> tuple[list[Person], list[Organization], list[Place]]:
    """People, organizations and places with those named in credits,
    bylines and a dateline line added, and the recognizer's readings of
    those spans replaced."""
    credits, zones = find_credits(adoc)
    dateline_places, agencies = _dateline_places(adoc)
    credits += agencies
    if adoc.article.dateline is not None and adoc.article.paragraph(adoc.article.dateline.paragraph).kind == "dateline":
        number = adoc.article.dateline.paragraph
        zones.append((number, 0, len(adoc.article.paragraph(number).text)))
    if not credits and not zones and not dateline_places:
        return people, organizations, places
    people = _without_zones(people, zones)
    organizations = _without_zones(organizations, zones)
    places = _without_zones(places, zones)
    taken = {x.id for x in (*people, *organizations, *places)}
    for credit in credits:
        if credit.kind == "person":
            person = _add(people, credit.name, credit.where, taken, lambda i, n: Person(id=i, name=n))
            if credit.role is not None and all(r.title != credit.role.title for r in person.roles):
                person.roles.append(credit.role)
        else:
            _add(organizations, credit.name, credit.where, taken, lambda i, n: Organization(id=i, name=n))
    for name, written, kind, where in dateline_places:
        place = _add(places, name, where, taken, lambda i, n: Place(id=i, name=n), written)
        place.kind = place.kind or kind
    return people, organizations, places


def _without_zones(entities: list, zones: list[tuple[int, int, int]]) -> list:  # type: ignore[type-arg]
    kept = []
    for entity in entities:
        entity.mentions = [m for m in entity.mentions if not _inside(m.where, zones)]
        if entity.mentions:
            kept.append(entity)
    return kept


def _abbreviates(short: str, long: str) -> bool:
    return len(short) >= 2 and " " in long and acronym(long) == short.replace(".", "")


def _agency_of(short: str, long: str) -> bool:
    """'Kyodo' in a dateline and 'Kyodo News' in a byline are one agency."""
    words, more = short.split(), long.split()
    return (len(more) > len(words) and more[:len(words)] == words
            and all(w.lower() in AGENCY_WORDS for w in more[len(words):]))


def _add(entities: list, name: str, where: Provenance, taken: set[str], make,  # type: ignore[no-untyped-def]
         written: str | None = None):
    """Add a mention of `name` (written `written`) to the entity of that
    name, or a new one."""
    key = fold(name)
    entity = next((e for e in entities if key in {fold(n) for n in (e.name, *e.aliases)}), None)
    if entity is None and isinstance(entities[0] if entities else None, Organization):
        # "AP" in a credit and "Associated Press" in the text are one.
        entity = next((e for e in entities if any(_abbreviates(a, b) or _agency_of(a, b) for n in (e.name, *e.aliases)
                                                   for a, b in ((name, n), (n, name)))), None)
        if entity is not None and name not in entity.aliases and name != entity.name:
            if _abbreviates(entity.name, name) or _agency_of(entity.name, name):  # the fuller name is shown
                entity.aliases.append(entity.name)
                entity.name = name
                entity.aliases = [a for a in entity.aliases if a != name]
            else:
                entity.aliases.append(name)
    if entity is None:
        entity = make(unique_slug(name, taken), name)
        entities.append(entity)
    entity.mentions.append(Mention(written or name, where))
    entity.mentions.sort(key=lambda m: m.where)
    return entity

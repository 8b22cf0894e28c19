"""Named entities: people, organizations and places from spaCy's entity
spans, grouped within one article."""

from __future__ import annotations

import re

from dossier.extract.document import ArticleDoc
from dossier.model import Mention, Organization, Person, Place
from dossier.slug import unique_slug

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def clean_name(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    text = re.sub(r"['\u2019]s$", "", text)
    return text.strip(" ,.;:\"'\u201c\u201d")


def extract_entities(adoc: ArticleDoc) -> tuple[list[Person], list[Organization], list[Place]]:
    people: dict[str, Person] = {}
    orgs: dict[str, Organization] = {}
    places: dict[str, Place] = {}
    taken: set[str] = set()
    for ent in adoc.doc.ents:
        name = clean_name(ent.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        mention = Mention(ent.text, adoc.span_where(ent))
        if ent.label_ in PERSON_LABELS:
            key = _person_key(name, people)
            if key not in people:
                people[key] = Person(id=unique_slug(name, taken), name=name)
            person = people[key]
            if len(name) > len(person.name):
                person.aliases.append(person.name)
                person.name = name
            elif name != person.name and name not in person.aliases:
                person.aliases.append(name)
            person.mentions.append(mention)
        elif ent.label_ in ORG_LABELS and ent.label_ != "NORP":
            org = orgs.setdefault(name.casefold(), Organization(id=unique_slug(name, taken), name=name))
            org.mentions.append(mention)
        elif ent.label_ in PLACE_LABELS:
            place = places.setdefault(name.casefold(), Place(id=unique_slug(name, taken), name=name))
            place.mentions.append(mention)
    return list(people.values()), list(orgs.values()), list(places.values())


def _person_key(name: str, people: dict[str, Person]) -> str:
    """Link a surname-only mention to the full name already seen."""
    last = name.split()[-1].casefold()
    for key, person in people.items():
        if person.name.split()[-1].casefold() == last:
            return key
    return name.casefold()

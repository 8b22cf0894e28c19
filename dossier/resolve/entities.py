"""Merging people, organizations and places across articles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from dossier.model import Briefing, Organization, Person, Place
from dossier.resolve.names import name_key, person_tokens, place_key, same_person_name, same_qualified_name
from dossier.slug import unique_slug

T = TypeVar("T", Person, Organization, Place)
IdMap = dict[tuple[str, str], str]  # (article id, local id) -> dossier id


def _names(item: Person | Organization | Place) -> list[str]:
    return [item.name, *item.aliases]


def _absorb(target: T, other: T) -> None:
    if len(other.name) > len(target.name) and isinstance(target, Person):
        target.aliases.append(target.name)
        target.name = other.name
    for name in _names(other):
        if name != target.name and name not in target.aliases:
            target.aliases.append(name)
    target.mentions.extend(other.mentions)
    if isinstance(target, Person) and isinstance(other, Person):
        target.roles.extend(other.roles)
    target.notes.extend(n for n in other.notes if n not in target.notes)


def _person_match(a: Person, b: Person) -> bool:
    if any(same_person_name(x, y) for x in _names(a) for y in _names(b)):
        return True
    return False


def _named_match(a: Organization | Place, b: Organization | Place) -> bool:
    key = place_key if isinstance(a, Place) else name_key
    keys_a = {key(n) for n in _names(a)}
    keys_b = {key(n) for n in _names(b)}
    return bool(keys_a & keys_b) or any(same_qualified_name(x, y) for x in keys_a for y in keys_b)


def _merge_group(
    parts: Sequence[Briefing], get: Callable[[Briefing], list[T]], match: Callable[[T, T], bool], id_map: IdMap,
    taken: set[str],
) -> list[T]:
    merged: list[T] = []
    for part in parts:
        article_id = part.articles[0].id
        for item in get(part):
            local_id = item.id
            target = next((m for m in merged if match(m, item)), None)
            if target is None:
                target = item
                target.id = unique_slug(item.name, taken)
                merged.append(target)
            else:
                _absorb(target, item)
            id_map[(article_id, local_id)] = target.id
    return merged


def _link_single_names(people: list[Person], id_map: IdMap) -> list[Person]:
    """A person known only by one name (a surname) joins the person with a
    full name ending in it: the only one, or the one named in the same
    articles most (Shinzo Abe rather than his father Shintaro Abe)."""
    full = [p for p in people if len(person_tokens(p.name)) >= 2]
    keep: list[Person] = []
    for person in people:
        tokens = person_tokens(person.name)
        if len(tokens) == 1:
            hits = [p for p in full if person_tokens(p.name)[-1] == tokens[0]]
            if len(hits) > 1:
                hits.sort(key=lambda p: (-len(set(p.articles) & set(person.articles)), -len(p.mentions)))
                hits = hits[:1]
            if len(hits) == 1:
                _absorb(hits[0], person)
                for key, value in id_map.items():
                    if value == person.id:
                        id_map[key] = hits[0].id
                continue
        keep.append(person)
    return keep


def merge_entities(
    parts: Sequence[Briefing], id_map: IdMap, taken: set[str]
) -> tuple[list[Person], list[Organization], list[Place]]:
    """People, organizations and places of all articles, merged; `id_map`
    gets (article id, local id) -> dossier id for each."""
    people = _link_single_names(_merge_group(parts, lambda b: b.people, _person_match, id_map, taken), id_map)
    organizations = _merge_group(parts, lambda b: b.organizations, _named_match, id_map, taken)
    places = _merge_group(parts, lambda b: b.places, _named_match, id_map, taken)
    return people, organizations, places

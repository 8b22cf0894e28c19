"""Merging people, organizations and places across articles.

Organizations and places are clustered over all articles at once: every
name of every one-article entity (its name and the aliases its article
states, "the Falklands, which Argentina calls the Malvinas") is a key, and entities that
share a key are one (union-find, so the names one article links join the
entities that other articles name either way, whatever the file order).
`dossier.resolve.names` says which names are the same by a general rule."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from dossier.model import Briefing, Organization, Person, Place
from dossier.resolve.copies import own
from dossier.resolve.memo import Memo
from dossier.resolve.names import (
    fold,
    name_key,
    organization_keys,
    person_token_tuple,
    place_keys,
    same_country_word,
    same_person_name,
    surname_bigrams,
)
from dossier.slug import unique_slug
from dossier.unionfind import UnionFind

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


N = TypeVar("N", Organization, Place)


class _Clusters(UnionFind):
    """Union-find that refuses to join two sets with different identities."""

    def __init__(self, identities: list[str | None]) -> None:
        super().__init__(len(identities))
        self.identities: dict[int, frozenset[str]] = {
            i: frozenset({x}) for i, x in enumerate(identities) if x is not None
        }

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        ids_a, ids_b = self.identities.get(a, frozenset()), self.identities.get(b, frozenset())
        if a == b or (ids_a and ids_b and ids_a != ids_b):
            return
        super().union(a, b)
        if ids_a | ids_b:
            self.identities[self.find(a)] = ids_a | ids_b


def _gazetteer_identity(item: Organization | Place) -> str | None:
    """The gazetteer's canonical name of the place an entity's name names."""
    return _place_identity(item.name)


@functools.lru_cache(maxsize=1 << 16)
def _place_identity(name: str) -> str | None:
    from dossier.extract.entities.gazetteer import lookup_place

    known = lookup_place(name)
    return fold(known[0]) if known else None


def _cluster_named(
    parts: Sequence[Briefing], get: Callable[[Briefing], list[N]], keys_of: Callable[[str], frozenset[str]],
    id_map: IdMap, taken: set[str], *, spell_out: bool = False,
    identity: Callable[[Organization | Place], str | None] = lambda item: None,
) -> list[N]:
    """Organizations or places of all articles, one per cluster of shared
    names; the result does not depend on the order of the articles.  Two
    entities whose `identity` differs (two different places of the
    gazetteer) are never joined, whatever names link them: a wrong alias in
    one article ("WASHINGTON (AP)") must not chain one city to another."""
    items = sorted(
        ((part.articles[0].id, item) for part in parts for item in get(part)), key=lambda x: (x[0], x[1].id)
    )
    identities = [identity(item) for _, item in items]
    named = tuple((tuple(_names(item)), ident) for (_, item), ident in zip(items, identities, strict=True))
    groups = _GROUPINGS.get((keys_of, spell_out, named),
                            lambda: _groups_of_names(items, identities, keys_of, spell_out))
    clusters = [[items[i] for i in group] for group in groups]
    merged: list[tuple[str, N, list[tuple[str, N]]]] = []
    for members in clusters:
        name = _consensus_name([item for _, item in members])
        merged.append((name, members[0][1], members))
    merged.sort(key=lambda x: (fold(x[0]), x[0], x[2][0][0], x[2][0][1].id))
    out: list[N] = []
    for name, first, members in merged:
        target = own(first)
        local_ids = [(article_id, item.id) for article_id, item in members]
        for _, item in members[1:]:
            _absorb(target, item)
        if target.name != name:
            target.aliases = [n for n in [target.name, *target.aliases] if n != name]
            target.name = name
        if isinstance(target, Place):
            kinds = Counter(item.kind for _, item in members if isinstance(item, Place) and item.kind)
            target.kind = max(sorted(kinds), key=lambda k: kinds[k]) if kinds else None
        target.id = unique_slug(name, taken)
        for key in local_ids:
            id_map[key] = target.id
        out.append(target)
    return out


# Clusters of organizations or places by what `_groups_of_names` reads of
# them: their names and identities (two keys a build).
_GROUPINGS: Memo[list[list[int]]] = Memo(limit=8)


def _groups_of_names(
    items: Sequence[tuple[str, Organization | Place]], identities: list[str | None],
    keys_of: Callable[[str], frozenset[str]], spell_out: bool,
) -> list[list[int]]:
    """The indexes of `items` that name one entity, one list per entity
    (see `_cluster_named`)."""
    links = _Clusters(identities)
    owner: dict[str, int] = {}
    by_rest: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for index, (_, item) in enumerate(items):
        for name in _names(item):
            for key in keys_of(name):
                links.union(owner.setdefault(key, index), index)
            words = name_key(name).split()
            if len(words) >= 2:
                by_rest[" ".join(words[1:])].append((words[0], index))
    # "Russia's Foreign Ministry" = "Russian Foreign Ministry": blocked by the
    # words after the first, then compared by distinct first words.
    for entries in by_rest.values():
        first_words: dict[str, int] = {}
        for word, index in entries:
            links.union(first_words.setdefault(word, index), index)
        distinct = sorted(first_words.items())
        for n, (word, index) in enumerate(distinct):
            for other_word, other in distinct[n + 1 :]:
                if same_country_word(word, other_word):
                    links.union(index, other)
    if spell_out:
        _join_acronyms(items, links)
    return links.groups()


def _join_acronyms(items: Sequence[tuple[str, Organization | Place]], links: _Clusters) -> None:
    """An organization one article names only by its acronym ("AP") is the
    one other articles name in full ("Associated Press"), when exactly one
    does: two full names with the same acronym leave it alone."""
    from dossier.extract.entities.organizations import acronym

    spelled: dict[str, set[int]] = defaultdict(set)
    for index, (_, item) in enumerate(items):
        for name in _names(item):
            if len(name.split()) >= 2 and len(short := acronym(name)) >= 2:
                spelled[short].add(links.find(index))
    for index, (_, item) in enumerate(items):
        for name in _names(item):
            short = name.replace(".", "")
            if _bare_acronym(name) and len(spelled.get(short, ())) == 1:
                links.union(index, next(iter(spelled[short])))


def _consensus_name(items: Sequence[Organization | Place]) -> str:
    """The name most articles give it, an acronym only when no article
    spells it out; on a tie, the fuller one."""
    counts = Counter(item.name for item in items)
    return max(sorted(counts), key=lambda n: (not _bare_acronym(n), counts[n], len(n.split()), len(n)))


def _bare_acronym(name: str) -> bool:
    return " " not in name and name.replace(".", "").isupper()


class _PersonIndex:
    """The people merged so far, found by what `same_person_name` needs two
    names to share: all their tokens, or (full names) a two-letter piece of
    the surname.  `candidates` returns a superset of the people a name can
    match, so asking `_person_match` of those alone, in order, finds the
    same person as asking it of every one."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self._names: list[set[str]] = []
        self._by_tokens: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self._by_surname: dict[str, set[int]] = defaultdict(set)
        self._surnames_by_bigram: dict[str, set[str]] = defaultdict(set)

    def add(self, person: Person) -> None:
        self.people.append(person)
        self._names.append(set())
        self.update(len(self.people) - 1)

    def update(self, index: int) -> None:
        """Index the names person `index` gained (it absorbed another)."""
        known = self._names[index]
        for name in _names(self.people[index]):
            if name in known:
                continue
            known.add(name)
            tokens = person_token_tuple(name)
            if not tokens:
                continue
            self._by_tokens[tokens].add(index)
            if _full_name(tokens):
                surname = tokens[-1]
                if surname not in self._by_surname:
                    for piece in surname_bigrams(surname):
                        self._surnames_by_bigram[piece].add(surname)
                self._by_surname[surname].add(index)

    def candidates(self, person: Person) -> list[int]:
        found: set[int] = set()
        for name in _names(person):
            tokens = person_token_tuple(name)
            found |= self._by_tokens.get(tokens, set())
            if _full_name(tokens):
                surnames = set().union(*(self._surnames_by_bigram.get(p, ()) for p in surname_bigrams(tokens[-1])))
                for surname in surnames:
                    found |= self._by_surname[surname]
        return sorted(found)


def _full_name(tokens: tuple[str, ...]) -> bool:
    """A name `same_person_name` compares by its parts, not only as a whole."""
    return len(tokens) >= 2 and len(tokens[0]) > 2


# Which person each one-article person joined (its index among the merged
# people, -1 for a new one), by the names of all of them in order: the
# matching reads nothing else.
_PEOPLE: Memo[list[int]] = Memo(limit=4)


def _merge_people(parts: Sequence[Briefing], id_map: IdMap, taken: set[str]) -> list[Person]:
    """Each article's people in turn join the first person merged so far
    that `_person_match` finds the same, else start a new one."""
    key = tuple(tuple(_names(item)) for part in parts for item in part.people)
    known = _PEOPLE.find(key)
    choices = known if known is not None else []
    index = _PersonIndex() if known is None else None  # the matching to make, not to repeat
    people: list[Person] = index.people if index is not None else []
    n = 0
    for part in parts:
        article_id = part.articles[0].id
        for item in part.people:
            if index is None:
                found = choices[n]
            else:
                found = next((i for i in index.candidates(item) if _person_match(index.people[i], item)), -1)
                choices.append(found)
            n += 1
            if found < 0:
                target = own(item)
                target.id = unique_slug(item.name, taken)
                if index is not None:
                    index.add(target)
                else:
                    people.append(target)
            else:
                target = people[found]
                _absorb(target, item)
                if index is not None:
                    index.update(found)
            id_map[(article_id, item.id)] = target.id
    if known is None:
        _PEOPLE.keep(key, choices)
    return people


def _link_single_names(people: list[Person], id_map: IdMap) -> list[Person]:
    """A person known only by one name (a surname) joins the person with a
    full name ending in it: the only one, or the one named in the same
    articles most (Shinzo Abe rather than his father Shintaro Abe)."""
    by_surname: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if len(tokens := person_token_tuple(p.name)) >= 2:
            by_surname[tokens[-1]].append(p)
    keys_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, value in id_map.items():
        keys_of[value].append(key)
    keep: list[Person] = []
    for person in people:
        tokens = person_token_tuple(person.name)
        if len(tokens) == 1:
            hits = list(by_surname.get(tokens[0], ()))
            if len(hits) > 1:
                hits.sort(key=lambda p: (-len(set(p.articles) & set(person.articles)), -len(p.mentions)))
                hits = hits[:1]
            if len(hits) == 1:
                _absorb(hits[0], person)
                if hits[0].id != person.id:
                    moved = keys_of.pop(person.id, [])
                    for key in moved:
                        id_map[key] = hits[0].id
                    keys_of[hits[0].id].extend(moved)
                continue
        keep.append(person)
    return keep


def merge_entities(
    parts: Sequence[Briefing], id_map: IdMap, taken: set[str]
) -> tuple[list[Person], list[Organization], list[Place]]:
    """People, organizations and places of all articles, merged; `id_map`
    gets (article id, local id) -> dossier id for each."""
    people = _link_single_names(_merge_people(parts, id_map, taken), id_map)
    organizations = _cluster_named(
        parts, lambda b: b.organizations, organization_keys, id_map, taken, spell_out=True
    )
    places = _cluster_named(parts, lambda b: b.places, place_keys, id_map, taken, identity=_gazetteer_identity)
    return people, organizations, places

"""The user's corrections to the extracted dossier: `dossier.yml` at the
project root (the `curation` option of the plugin in mkdocs.yml names
another file).

    people:
      - name: Shinzo Abe            # the entity: its name, an alias or its id
        merge: [Abe Shinzo]         # other entities that are the same one
        aliases: [Abe]              # names to add
        rename: Abe Shinzo          # the name to show instead
        roles:                      # roles to add ("date" optional, EDTF)
          - {title: Prime Minister, date: 2016-12-15}
        remove_roles: [Japanese leader]
        description: Prime Minister of Japan 2012-2020.
        notes: [Killed in 2022.]
        split:                      # move the mentions in these articles to a new entity
          - {name: Shintaro Abe, articles: [05-putin-nagato-hot-spring-summit]}
      - name: Vestnik Kavkaza
        exclude: true               # not a person: drop it
    organizations: [...]            # the same keys, without roles
    places: [...]
    events:                         # an event by its title or id (page name)
      - name: 2016-abe-putin-talks-in-nagato
        merge: [Putin's visit to Japan]   # reports of the same happening
        rename: Abe–Putin summit in Nagato
        id: abe-putin-summit-nagato       # pin the page name
        split:                      # reports of these articles are another happening
          - {name: Abe–Putin talks in Tokyo, articles: [06-tokyo-joint-economic-activities]}
      - name: Meeting
        exclude: true

Like nomenklatura's judgements, these decisions are kept apart from the
machine's clustering and re-applied on every build: the machine proposes
(`dossier review` lists its least certain merges), the curation file decides.

Every curated fact is marked `curated` in the model and on the pages.
Errors name the file, the line and what was expected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import CurationError
from dossier.model import Briefing, Event, Organization, Person, Place, Provenance, Role
from dossier.resolve.names import fold
from dossier.slug import slugify, unique_slug

SECTIONS = ("people", "organizations", "places", "events")
ENTITY_SECTIONS = ("people", "organizations", "places")
COMMON_KEYS = {"name", "merge", "aliases", "rename", "description", "notes", "exclude", "split"}
KEYS = {"people": COMMON_KEYS | {"roles", "remove_roles"}, "organizations": COMMON_KEYS, "places": COMMON_KEYS,
        "events": {"name", "merge", "rename", "id", "notes", "exclude", "split"}}


@dataclass(slots=True)
class Entry:
    """One item of a section, with the line of each of its keys."""

    section: str
    values: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)


def _value(node: yaml.Node) -> Any:
    return yaml.safe_load(yaml.serialize(node)) if node is not None else None


def load_curation(path: Path) -> list[Entry]:
    """Read and check the curation file; raise CurationError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except OSError as exc:
        raise CurationError(f"cannot read the curation file: {exc}", path=path) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CurationError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=path,
                            line=mark.line + 1 if mark else None) from exc
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise CurationError("expected a mapping with the keys people, organizations, places, events", path=path,
                            line=root.start_mark.line + 1)
    entries: list[Entry] = []
    for key_node, items in root.value:
        section = key_node.value
        line = key_node.start_mark.line + 1
        if section not in SECTIONS:
            raise CurationError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}", path=path,
                                line=line)
        if not isinstance(items, yaml.SequenceNode):
            raise CurationError(f"{section}: expected a list of entries ('- name: ...')", path=path, line=line)
        for item in items.value:
            entries.append(_entry(section, item, path))
    return entries


def _entry(section: str, node: yaml.Node, path: Path) -> Entry:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise CurationError(f"{section}: expected an entry with a 'name' key", path=path, line=line)
    entry = Entry(section, {}, line)
    for key_node, value_node in node.value:
        key = key_node.value
        key_line = key_node.start_mark.line + 1
        if key not in KEYS[section]:
            raise CurationError(f"{section}: unknown key {key!r}; expected one of {', '.join(sorted(KEYS[section]))}",
                                path=path, line=key_line)
        entry.values[key] = _value(value_node)
        entry.lines[key] = key_line
    _check(entry, path)
    return entry


def _check(entry: Entry, path: Path) -> None:
    v = entry.values

    def fail(key: str, expected: str) -> None:
        raise CurationError(f"{entry.section}: {key!r} {expected}", path=path, line=entry.lines.get(key, entry.line))

    if not isinstance(v.get("name"), str) or not v["name"].strip():
        raise CurationError(f"{entry.section}: expected a 'name' (the entity's name, an alias or its id)", path=path,
                            line=entry.line)
    for key in ("merge", "aliases", "notes", "remove_roles"):
        if key in v and not (isinstance(v[key], list) and all(isinstance(x, str) for x in v[key])):
            fail(key, "expected a list of names or texts")
    for key in ("rename", "description", "id"):
        if key in v and not isinstance(v[key], str):
            fail(key, "expected a text")
    if "id" in v and isinstance(v["id"], str) and slugify(v["id"]) != v["id"]:
        fail("id", f"expected a page name of lower-case letters, digits and '-' (such as {slugify(v['id'])!r})")
    if "exclude" in v and not isinstance(v["exclude"], bool):
        fail("exclude", "expected true or false")
    if "roles" in v:
        roles = v["roles"]
        if not isinstance(roles, list) or not all(
            isinstance(r, str)
            or (isinstance(r, dict) and isinstance(r.get("title"), str) and set(r) <= {"title", "date"})
            for r in roles
        ):
            fail("roles", "expected a list of titles or of {title, date}")
    if "split" in v:
        parts = v["split"]
        if not isinstance(parts, list) or not all(
            isinstance(p, dict) and isinstance(p.get("name"), str) and isinstance(p.get("articles"), list)
            for p in parts
        ):
            fail("split", "expected a list of {name, articles: [article ids]}")


Entity = Person | Organization | Place


def _group(briefing: Briefing, section: str) -> list[Any]:
    return getattr(briefing, section)


def _find(items: list[Entity], key: str) -> Entity | None:
    folded = fold(key)
    for item in items:
        if item.id == key or fold(item.name) == folded:
            return item
    return next((i for i in items if folded in {fold(a) for a in i.aliases}), None)


def apply_curation(briefing: Briefing, path: Path) -> None:
    """Apply the curation file at `path` to `briefing`, in place."""
    entries = load_curation(path)
    renamed: dict[str, str] = {}
    for entry in entries:
        if entry.section == "events":
            apply_event_entry(briefing, entry, path)
            continue
        items = _group(briefing, entry.section)
        target = _find(items, entry.values["name"])
        if target is None:
            raise CurationError(
                f"{entry.section}: no entity named {entry.values['name']!r}; expected a name, alias or id from the "
                "extracted dossier (see 'dossier extract')", path=path, line=entry.line,
            )
        _apply(briefing, entry, target, items, renamed, path)
    for quote in briefing.quotes:
        quote.speaker = renamed.get(quote.speaker, quote.speaker) if quote.speaker else None
        if quote.speaker_organization:
            quote.speaker_organization = renamed.get(quote.speaker_organization, quote.speaker_organization)
    for event in briefing.events:
        event.participants = list(dict.fromkeys(renamed.get(p, p) for p in event.participants))
        if event.place:
            event.place = renamed.get(event.place, event.place)
    if any(entry.section == "events" for entry in entries):
        from dossier.resolve.events import link_events_to_documents

        briefing.events.sort(key=lambda e: (e.date or "9999", e.id))
        link_events_to_documents(briefing.events, briefing.documents)


def _apply(briefing: Briefing, entry: Entry, target: Entity, items: list[Entity], renamed: dict[str, str],
           path: Path) -> None:
    v = entry.values
    if v.get("exclude"):
        items.remove(target)
        return
    for other_name in v.get("merge", []):
        other = _find(items, other_name)
        if other is None:
            raise CurationError(f"{entry.section}: 'merge' names {other_name!r}, which is not in the dossier",
                                path=path, line=entry.lines["merge"])
        if other is target:
            continue
        for name in [other.name, *other.aliases]:
            if name != target.name and name not in target.aliases:
                target.aliases.append(name)
        target.mentions.extend(other.mentions)
        target.mentions.sort(key=lambda m: m.where)
        if isinstance(target, Person) and isinstance(other, Person):
            target.roles.extend(other.roles)
        items.remove(other)
        renamed[other.id] = target.id
        target.curated = True
    for name in v.get("aliases", []):
        if name not in target.aliases and name != target.name:
            target.aliases.append(name)
            target.curated = True
    if "rename" in v:
        if target.name not in target.aliases:
            target.aliases.append(target.name)
        target.name = v["rename"]
        target.aliases = [a for a in target.aliases if a != target.name]
        target.curated = True
    if "description" in v:
        target.description = v["description"]
        target.curated = True
    for note in v.get("notes", []):
        if note not in target.notes:
            target.notes.append(note)
            target.curated = True
    if isinstance(target, Person):
        _apply_roles(target, v)
    for part in v.get("split", []):
        _split(briefing, entry, target, items, part, path)


def _apply_roles(person: Person, v: dict[str, Any]) -> None:
    remove = {fold(r) for r in v.get("remove_roles", [])}
    if remove:
        person.roles = [r for r in person.roles if fold(r.title) not in remove]
        person.curated = True
    for role in v.get("roles", []):
        title, date = (role, None) if isinstance(role, str) else (role["title"], role.get("date"))
        where = Provenance("", 0)  # stated by the user, not read in an article
        person.roles.append(Role(title, where, date=str(date) if date is not None else None, curated=True))
        person.curated = True


def _split(briefing: Briefing, entry: Entry, target: Entity, items: list[Entity], part: dict[str, Any],
           path: Path) -> None:
    articles = set(part["articles"])
    unknown = articles - {a.id for a in briefing.articles}
    if unknown:
        raise CurationError(f"{entry.section}: 'split' names unknown articles {sorted(unknown)}; expected article ids",
                            path=path, line=entry.lines["split"])
    taken = {i.id for group in ENTITY_SECTIONS for i in _group(briefing, group)}
    new = type(target)(id=unique_slug(part["name"], taken), name=part["name"], curated=True)
    moved: Callable[[Provenance], bool] = lambda where: where.article in articles  # noqa: E731
    new.mentions = [m for m in target.mentions if moved(m.where)]
    target.mentions = [m for m in target.mentions if not moved(m.where)]
    if isinstance(target, Person) and isinstance(new, Person):
        new.roles = [r for r in target.roles if moved(r.where)]
        target.roles = [r for r in target.roles if not moved(r.where)]
        for quote in briefing.quotes:
            if quote.speaker == target.id and moved(quote.where):
                quote.speaker = new.id
    items.append(new)
    target.curated = True


def _find_event(events: list[Event], key: str) -> Event | None:
    folded = fold(key)
    return next((e for e in events if e.id == key), None) or next(
        (e for e in sorted(events, key=lambda e: e.id) if fold(e.title) == folded), None)


def _precise(event: Event) -> str | None:
    dates = [r.date for r in event.reports if r.date]
    return min(dates, key=lambda d: (len(d) < 10, -len(d), d)) if dates else event.date


def apply_event_entry(briefing: Briefing, entry: Entry, path: Path) -> None:
    """One judgement on events: merge, split, rename, pin the id, add notes
    or exclude.  The machine's clustering never overrides it."""
    v = entry.values
    events = briefing.events
    target = _find_event(events, v["name"])
    if target is None:
        raise CurationError(
            f"events: no event titled {v['name']!r}; expected an event's title or id from the extracted dossier "
            "(see 'dossier extract' or 'dossier review')", path=path, line=entry.line,
        )
    if v.get("exclude"):
        events.remove(target)
        return
    for other_name in v.get("merge", []):
        other = _find_event(events, other_name)
        if other is None:
            raise CurationError(f"events: 'merge' names {other_name!r}, which is not an event of the dossier",
                                path=path, line=entry.lines["merge"])
        if other is target:
            continue
        target.reports = sorted([*target.reports, *other.reports], key=lambda r: r.where)
        target.participants.extend(p for p in other.participants if p not in target.participants)
        target.documents.extend(d for d in other.documents if d not in target.documents)
        target.place = target.place or other.place
        target.date = _precise(target)
        events.remove(other)
        target.curated = True
    taken = {e.id for e in events}
    for part in v.get("split", []):
        articles = set(part["articles"])
        unknown = articles - {a.id for a in briefing.articles}
        if unknown:
            raise CurationError(f"events: 'split' names unknown articles {sorted(unknown)}; expected article ids",
                                path=path, line=entry.lines["split"])
        moved = [r for r in target.reports if r.where.article in articles]
        if not moved or len(moved) == len(target.reports):
            raise CurationError(f"events: 'split' of {target.title!r} must take some of its reports and leave "
                                "some; its articles are " + ", ".join(target.articles),
                                path=path, line=entry.lines["split"])
        target.reports = [r for r in target.reports if r.where.article not in articles]
        new = Event(id="", title=part["name"], kind=target.kind, place=target.place,
                    participants=list(target.participants), reports=moved, documents=list(target.documents),
                    curated=True)
        new.date = _precise(new)
        new.status = moved[-1].status
        new.id = unique_slug(f"{(new.date or 'undated')[:4]} {new.title}", taken)
        target.date = _precise(target)
        events.append(new)
        target.curated = True
    if "rename" in v:
        target.title = v["rename"]
        target.curated = True
    if "id" in v:
        if v["id"] in taken - {target.id}:
            raise CurationError(f"events: 'id' {v['id']!r} is the id of another event", path=path,
                                line=entry.lines["id"])
        target.id = v["id"]
        target.curated = True
    for note in v.get("notes", []):
        if note not in target.notes:
            target.notes.append(note)
            target.curated = True

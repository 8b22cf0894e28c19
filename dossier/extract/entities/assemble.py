"""Named entities of one article: people (with roles and every mention),
organizations and places, with the alternative names the text states.

The recognizer's spans are the start; `people`, `places` and
`organizations` correct them with evidence from the text and gazetteers,
`roles` reads titles and appositives, `aliases` the naming patterns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dossier.extract.document import ArticleDoc
from dossier.extract.entities.aliases import stated_aliases
from dossier.extract.entities.credits import apply_credits
from dossier.extract.entities.gazetteer import capital_country, lookup_place
from dossier.extract.entities.headlines import headline_ranges, only_in
from dossier.extract.entities.media import in_attribution_slot
from dossier.extract.entities.organizations import (
    GENERIC_STARTS,
    OrgSpan,
    acronym,
    clean_org_text,
    expansions,
    find_organizations,
)
from dossier.extract.entities.people import PersonCluster, find_people
from dossier.extract.entities.places import PlaceSpan, canonical_place, find_places
from dossier.extract.entities.roles import RoleHit, roles_of_mentions
from dossier.extract.vocabulary import DOCUMENT_WORDS, EVENT_WORDS, LEGISLATURE_WORDS, ORG_WORDS, name_head
from dossier.model import Mention, Organization, Person, Place, Role
from dossier.resolve.names import fold
from dossier.slug import unique_slug


@dataclass(slots=True)
class _Group:
    """Spans that name one organization or place, in text order."""

    names: list[str] = field(default_factory=list)
    spans: list[PlaceSpan | OrgSpan] = field(default_factory=list)
    kind: str | None = None

    def keys(self) -> set[str]:
        return {fold(n) for n in self.names}


def _group(spans: list, key: Callable[[str], str]) -> list[_Group]:  # type: ignore[type-arg]
    groups: dict[str, _Group] = {}
    for span in sorted(spans, key=lambda s: s.start_char):
        k = key(span.name)
        group = groups.setdefault(k, _Group())
        if span.name not in group.names:
            group.names.append(span.name)
        written = clean_org_text(span.text)
        if written not in group.names and fold(written) != fold(span.name):
            group.names.append(written)
        group.spans.append(span)
        if getattr(span, "kind", None) and not group.kind:
            group.kind = span.kind
    return list(groups.values())


def _place_key(name: str) -> str:
    words = fold(name).split()
    if len(words) >= 2 and words[-1] in {"prefecture", "province", "county", "oblast", "strip"}:
        words = words[:-1]
    return " ".join(words)


AGENCY_SUFFIXES = frozenset({"news", "press"})
CORPORATE_SUFFIXES = frozenset({"inc", "corp", "ltd", "llc", "plc", "co", "ag", "sa", "nv", "gmbh", "limited"})


def _org_key(name: str) -> str:
    """'Apple Inc.' = 'Apple': a company with and without its legal form;
    'Meridian News' = 'Meridian': an agency with and without its media word."""
    words = fold(name).split()
    if len(words) >= 2 and (words[-1] in CORPORATE_SUFFIXES or words[-1] in AGENCY_SUFFIXES):
        words = words[:-1]
    return " ".join(words)


def _merge_acronyms(groups: list[_Group]) -> list[_Group]:
    """'UN' and 'United Nations', 'G7' and 'Group of Seven' are one."""
    out: list[_Group] = []
    for group in groups:
        target = None
        for other in out:
            if any(acronym(a) == _bare(b) and len(b) >= 2 for a in other.names for b in group.names) or any(
                acronym(b) == _bare(a) and len(a) >= 2 for a in other.names for b in group.names
            ):
                target = other
                break
        if target is None:
            out.append(group)
            continue
        _absorb(target, group)
    return out


def _bare(acronym_text: str) -> str:
    """'U.N.' -> 'UN', 'G-7' -> 'G7'."""
    return acronym_text.replace(".", "").replace("-", "")


def _absorb(target: _Group, other: _Group) -> None:
    for name in other.names:
        if name not in target.names:
            target.names.append(name)
    target.spans.extend(other.spans)
    target.kind = target.kind or other.kind


def _find_group(groups: list[_Group], name: str, canonical: Callable[[str], str]) -> _Group | None:
    keys = {fold(name), fold(canonical(name))}
    return next((g for g in groups if g.keys() & keys), None)


def _apply_aliases(adoc: ArticleDoc, groups: list[_Group], canonical: Callable[[str], str]) -> list[_Group]:
    for paragraph in adoc.article.paragraphs:
        for a, b in stated_aliases(paragraph.text):
            ga, gb = _find_group(groups, a, canonical), _find_group(groups, b, canonical)
            if ga is not None and gb is not None and ga is not gb:
                _absorb(ga, gb)
                groups = [g for g in groups if g is not gb]
            elif ga is not None and gb is None:
                _add_name(ga, b, canonical)
            elif gb is not None and ga is None:
                _add_name(gb, a, canonical)
    return groups


def _add_name(group: _Group, name: str, canonical: Callable[[str], str]) -> None:
    for n in (clean_org_text(name), canonical(name)):
        if n and n not in group.names:
            group.names.append(n)


def _heading_ranges(adoc: ArticleDoc) -> list[tuple[int, int]]:
    return [
        (start, start + len(p.text))
        for start, p in zip(adoc.starts, adoc.article.paragraphs, strict=True)
        if p.kind == "heading"
    ]


def extract_entities(adoc: ArticleDoc) -> tuple[list[Person], list[Organization], list[Place]]:
    doc = adoc.doc
    taken: set[str] = set()
    headlines = headline_ranges(adoc)
    clusters = [c for c in find_people(doc) if not only_in(headlines, [doc[s].idx for s, _ in c.mentions])]
    hits = roles_of_mentions(doc, [c.mentions for c in clusters])
    person_tokens = {i for c in clusters for s, e in c.mentions for i in range(s, e)}
    role_ranges = [(h.start_char, h.end_char) for hs in hits for h in hs]
    title_ranges = [(h.start_char, h.end_char) for hs in hits for h in hs if h.kind == "title"]

    def place_name(text: str) -> str:
        return canonical_place(text, islands_context=True)[0]

    place_spans = find_places(doc, person_tokens, role_ranges, _heading_ranges(adoc))
    place_groups = _apply_aliases(adoc, _group(place_spans, _place_key), place_name)
    clusters, hits = _people_named_as_places(adoc, clusters, hits, place_groups)
    clusters, hits, media_spans = _media_named_as_people(adoc, clusters, hits)

    people: list[Person] = []
    for cluster, roles in zip(clusters, hits, strict=True):
        name = cluster.name
        person = Person(id=unique_slug(name, taken), name=name)
        for full in cluster.full_names:
            if full != name and full not in person.aliases:
                person.aliases.append(full)
        for s, e in cluster.mentions:
            span = doc[s:e]
            person.mentions.append(Mention(span.text, adoc.span_where(span)))
        for hit in roles:
            person.roles.append(Role(hit.title, adoc.where(hit.start_char, hit.end_char), date=adoc.date))
        people.append(person)

    place_chars = {c for p in place_spans for c in range(p.start_char, p.end_char)}
    org_spans = find_organizations(doc, person_tokens, place_chars, title_ranges) + media_spans
    org_spans = [o for o in org_spans if not _listed_field_of_a_title(adoc.text, o, role_ranges)]
    org_groups = _apply_aliases(adoc, _merge_acronyms(_group(org_spans, _org_key)), clean_org_text)
    for group in org_groups:
        for name in list(group.names):
            group.names.extend(n for n in expansions(name) if n not in group.names)
    org_groups, place_groups = _places_named_as_organizations(org_groups, place_groups)
    org_groups = [g for g in org_groups if not any(_names_a_document_or_event(n) for n in g.names)]
    org_groups = _drop_person_name_parts(org_groups, people)
    org_groups = [g for g in org_groups if not only_in(headlines, [s.start_char for s in g.spans])]
    _qualify_congress(org_groups, place_groups, adoc.text)
    org_groups = _generic_institutions(org_groups)
    _qualify_ministries(adoc, org_groups, place_groups)

    places = [_place(adoc, g, taken) for g in place_groups]
    organizations = [_organization(adoc, g, taken) for g in org_groups]
    return apply_credits(adoc, people, organizations, places)


def _people_named_as_places(adoc: ArticleDoc, clusters: list[PersonCluster], hits: list[list[RoleHit]],
                            place_groups: list[_Group]) -> tuple[list[PersonCluster], list[list[RoleHit]]]:
    """A "person" without a role whose name the text gives to a place
    ("In Londonderry, which nationalists call Derry") is that place."""
    keys = {fold(n): g for g in place_groups for n in g.names}
    kept: list[tuple[PersonCluster, list[RoleHit]]] = []
    for cluster, roles in zip(clusters, hits, strict=True):
        group = keys.get(fold(cluster.name))
        if group is None or roles:
            kept.append((cluster, roles))
            continue
        for s, e in cluster.mentions:
            span = adoc.doc[s:e]
            group.spans.append(PlaceSpan(cluster.name, span.text, span.start_char, span.end_char))
    return [c for c, _ in kept], [r for _, r in kept]


def _listed_field_of_a_title(text: str, span: OrgSpan, role_ranges: list[tuple[int, int]]) -> bool:
    """"Energy and Investment Affairs" of "Minister for Maritime, Energy and
    Investment Affairs": a list item of a title, not an organization."""
    inside = any(a < span.start_char and span.end_char <= b for a, b in role_ranges)
    return inside and text[:span.start_char].rstrip().endswith(",")


def _media_named_as_people(adoc: ArticleDoc, clusters: list[PersonCluster], hits: list[list[RoleHit]]) -> tuple[
        list[PersonCluster], list[list[RoleHit]], list[OrgSpan]]:
    """A one-word "person" with no first name and no role, which the text
    cites as a source ("according to Meridian", "Tidewire reported"), is a
    news organization."""
    doc = adoc.doc
    kept: list[tuple[PersonCluster, list[RoleHit]]] = []
    media: list[OrgSpan] = []
    for cluster, roles in zip(clusters, hits, strict=True):
        one_word = all(e - s == 1 for s, e in cluster.mentions) and len(cluster.name.split()) == 1
        if roles or not one_word or lookup_place(cluster.name) is not None \
                or not any(in_attribution_slot(doc, s, e) for s, e in cluster.mentions):
            kept.append((cluster, roles))
            continue
        for s, e in cluster.mentions:
            span = doc[s:e]
            media.append(OrgSpan(span.text, span.text, span.start_char, span.end_char))
    return [c for c, _ in kept], [r for _, r in kept], media


def _places_named_as_organizations(org_groups: list[_Group], place_groups: list[_Group]) -> tuple[
        list[_Group], list[_Group]]:
    """An organization whose name (or its acronym, "UAE") is a place of the
    article or a country is that place: "the United Arab Emirates (UAE)"."""
    keys: dict[str, _Group] = {}
    for group in place_groups:
        for name in group.names:
            keys.setdefault(fold(name), group)
            if len(name.split()) >= 2:
                keys.setdefault(fold(acronym(name)), group)
    kept: list[_Group] = []
    for group in org_groups:
        target = next((keys[fold(n)] for n in group.names if fold(n) in keys), None)
        if target is None:
            country = next((n for n in group.names if (lookup_place(n) or ("", ""))[1] == "country"), None)
            if country is not None:
                target = _Group(kind="country")
                place_groups.append(target)
                _add_name(target, country, lambda n: canonical_place(n)[0])
        if target is None:
            kept.append(group)
        else:
            _absorb(target, group)
    return kept, place_groups


UNITED_STATES = re.compile(r"\b(?:U\.S\.|United States|American)")
US_PARTIES = re.compile(r"\b(?:Republicans?|Democrats?|Capitol Hill|White House|Washington)\b")


def _names_a_document_or_event(name: str) -> bool:
    """An acronym the text spells out as a treaty or a meeting: "UNFCCC"."""
    return " " in name and name_head(name) in DOCUMENT_WORDS | EVENT_WORDS


# "Intra-Afghan talks", "pro-Kremlin": a prefixed adjective, not a name.
PREFIXED_ADJECTIVE = re.compile(r"^(?:intra|inter|pan|anti|pro|post|pre|non|trans|cross)-\w+$", re.IGNORECASE)


def _drop_person_name_parts(org_groups: list[_Group], people: list[Person]) -> list[_Group]:
    """One-word "organizations" that are a word of a person's name in the
    same article (a given name or surname the recognizer mislabelled), and
    prefixed adjectives, are not organizations."""
    name_words = {fold(w) for p in people for n in (p.name, *p.aliases) for w in n.split() if len(w) > 1}
    kept: list[_Group] = []
    for group in org_groups:
        single = all(" " not in n for n in group.names)
        if single and any(fold(n) in name_words for n in group.names):
            continue
        if all(PREFIXED_ADJECTIVE.match(n) for n in group.names):
            continue
        kept.append(group)
    return kept


def _country_of(name: str) -> str | None:
    """The country a place name is, or is the capital of."""
    known = lookup_place(name)
    if known is None:
        return None
    if known[1] == "country":
        return known[0]
    return capital_country(known[0])


def _demonym(doc: Doc, country: str) -> str | None:
    """The adjective the article itself uses for `country` ("Chinese")."""
    for ent in doc.ents:
        t = ent.text
        if ent.label_ != "NORP" or " " in t:
            continue
        for stem in (t[:-1], t[:-2], t[:-3], t[:-3] + "a", t[:-3] + "e", t[:-3] + "y", t[:-2] + "o"):
            if len(stem) > 2 and (lookup_place(stem) or ("",))[0] == country:
                return t
    return None


def _qualify_ministries(adoc: ArticleDoc, org_groups: list[_Group], place_groups: list[_Group]) -> None:
    """"the Foreign Ministry" without a country: the one ministry of that
    kind the article names with its country ("Esland's Foreign Ministry"),
    else the country its paragraph names first."""
    bare = [g for g in org_groups if all(n.split()[0].lower() in GENERIC_STARTS and name_head(n) in ORG_WORDS
                                         and len(n.split()) >= 2 for n in g.names)]
    for group in bare:
        rest = {fold(n) for n in group.names}
        qualified = [g for g in org_groups if g is not group and g not in bare
                     and any(fold(n).endswith(" " + r) for n in g.names for r in rest)]
        if len(qualified) == 1:
            _absorb(qualified[0], group)
            org_groups.remove(group)
            continue
        first = min(group.spans, key=lambda sp: sp.start_char)
        number = adoc.paragraph_of(first.start_char)
        start = adoc.starts[number - 1]
        end = start + len(adoc.article.paragraphs[number - 1].text)
        spans = sorted((sp for g in place_groups for sp in g.spans if start <= sp.start_char < end),
                       key=lambda sp: sp.start_char)
        country = next((c for sp in spans if (c := _country_of(sp.name))), None)
        if country is None:
            continue
        qualifier = _demonym(adoc.doc, country) or country
        for name in list(group.names):
            group.names.append(f"{qualifier} {name}")


def _generic_institutions(org_groups: list[_Group]) -> list[_Group]:
    """"Parliament" alone is the one parliament the article names in full
    ("the Regional Parliament"); a legislature stays when the article names
    none in full ("the Senate"); another one-word kind of body ("the
    Cabinet") or a field ("Finance") does not say whose it is, and is no
    name to list."""
    kept: list[_Group] = []
    for group in org_groups:
        words = {n.lower() for n in group.names}
        if not all(" " not in w and w in ORG_WORDS | LEGISLATURE_WORDS | GENERIC_STARTS for w in words):
            kept.append(group)
            continue
        full = [g for g in org_groups if g is not group
                and any(n.lower().split()[-1] in words and " " in n for n in g.names)]
        if len(full) == 1:
            _absorb(full[0], group)
        elif not full and words & (LEGISLATURE_WORDS | {"house", "assembly", "diet"}):
            kept.append(group)  # "the Senate" of the story
    return kept


def _qualify_congress(org_groups: list[_Group], place_groups: list[_Group], text: str) -> None:
    """'Congress' in an article about the United States is its Congress:
    the United States is the country the article names most, or the
    article speaks of its parties or its capital."""
    if not UNITED_STATES.search(text) and not any("United States" in g.names for g in place_groups):
        return
    countries = [g for g in place_groups if g.kind == "country"]
    if countries and not US_PARTIES.search(text):
        top = max(countries, key=lambda g: len(g.spans))
        us = next((g for g in countries if "United States" in g.names), None)
        if us is None or len(us.spans) < len(top.spans):
            return
    for group in org_groups:
        if "Congress" in group.names and "United States Congress" not in group.names:
            group.names.append("United States Congress")


def _preferred(group: _Group) -> str:
    """The name to show: the longest of the names the text uses most."""
    counts = {n: 0 for n in group.names}
    for span in group.spans:
        counts[span.name] = counts.get(span.name, 0) + 1
    return max(group.names, key=lambda n: (counts.get(n, 0) > 0, counts.get(n, 0)))


def _mentions(adoc: ArticleDoc, group: _Group) -> list[Mention]:
    spans = sorted(group.spans, key=lambda s: s.start_char)
    return [Mention(s.text, adoc.where(s.start_char, s.end_char)) for s in spans]


def _place(adoc: ArticleDoc, group: _Group, taken: set[str]) -> Place:
    name = _preferred(group)
    if name.isupper():  # an acronym ("DPRK"): the gazetteer's name when the text gives it
        name = next((n for n in group.names if (lookup_place(n) or ("",))[0] == n), name)
    aliases = [n for n in group.names if n != name]
    return Place(id=unique_slug(name, taken), name=name, aliases=aliases, mentions=_mentions(adoc, group),
                 kind=group.kind)


def _organization(adoc: ArticleDoc, group: _Group, taken: set[str]) -> Organization:
    name = max(group.names, key=lambda n: (len(n.split()), len(n)))
    aliases = [n for n in group.names if n != name]
    return Organization(id=unique_slug(name, taken), name=name, aliases=aliases, mentions=_mentions(adoc, group))

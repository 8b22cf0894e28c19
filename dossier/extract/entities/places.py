"""Places in one article: spans named as places, with their canonical names.

Evidence besides the recognizer's GPE/LOC/FAC label: a gazetteer entry,
a feature word after the name ("the Habomai islets"), a place-type word
before it ("the village of Psarades", "his home prefecture of Yamaguchi"),
a dateline ("PSARADES, Greece —").  Adjectival uses ("U.S. plans"), names
inside titles, events and documents are not places."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dossier.extract.entities.gazetteer import fold_place, is_language, lookup_place
from dossier.extract.entities.media import in_attribution_slot
from dossier.extract.tokens import doc_text, token_table
from dossier.extract.vocabulary import (
    ADMIN_ABBREVIATIONS,
    ADMIN_UNIT_WORDS,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    GEO_FEATURES,
    ISLAND_GROUP_WORDS,
    LOCATIVE_PREPOSITIONS,
    ORG_WORDS,
    PLACE_TYPE_WORDS,
    REGNAL_TITLES,
    ROLE_HEADS,
    STRONG_ORG_WORDS,
    is_venue,
    name_head,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Lower-case words that never stand inside a place's name ("Newcastle upon Tyne" keeps "upon").
NOT_IN_PLACE_NAMES = frozenset({"at", "in", "with", "from", "to", "by", "and", "for"})
FACILITY_WORDS = frozenset({"plant", "station", "base", "airport", "dam", "mine", "refinery", "terminal", "reactor",
                            "shipyard", "cosmodrome", "spaceport"})
SITE_WORDS = frozenset({"complex", "facility", "site", "camp", "centre", "center", "installation", "port"})
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"})
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "far",
                     "central", "northeast", "northwest", "southeast", "southwest"})
# "PSARADES, Greece — ", "BRUSSELS (Reuters) - " at the start of a paragraph.
DATELINE = re.compile(
    r"(?:^|\n\n)([A-Z][A-Z.'\- ]+[A-Z.])(?:, [A-Z][\w. ]+)?(?: \([A-Z][\w.&' ]*\))? [\u2014\u2013-]+ "
)
# "Valmora December 15, 2016 -", "OSTRANY, Esland Dec. 15 (Agency)": a dateline glued to its date.
DATED_DATELINE = re.compile(
    r"(?:^|\n\n)([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2})(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?,? "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
)
ISLAND_WORDS = frozenset({"island", "islands", "islets"})
# Before a name the recognizer called an organization, these make it a place
# ("in Crimea", "off Hokkaido"); "at" and "to" do not ("at Google", "according to Reuters").
PLACE_PREPOSITIONS = frozenset({"in", "near", "off", "outside", "across", "around"})


@dataclass(slots=True)
class PlaceSpan:
    name: str  # canonical name
    text: str  # as written
    start_char: int
    end_char: int
    kind: str | None = None


def _title_case(text: str) -> str:
    """'MOSCOW' -> 'Moscow' (a dateline); an acronym ('DPRK') stays."""
    if text.isupper() and len(text) > 3 and "." not in text:
        titled = " ".join(w.capitalize() for w in text.split())
        if len(text) > 4 or " " in text or lookup_place(titled) is not None:
            return titled
    return text


def clean_place_text(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"['\u2019]s?$", "", text)
    text = re.sub(r"\s+(?:of|region)$", "", text)
    return text.strip(" ,;:\"'\u201c\u201d()")


def canonical_place(text: str, *, islands_context: bool = False) -> tuple[str, str | None]:
    """Canonical name and kind: 'the Russian Federation' -> 'Russia';
    'U.S.' -> 'United States'; 'Habomai islets' -> 'Habomai Islands'."""
    text_as_written = text.strip()
    text = _title_case(clean_place_text(text))
    words = text.split()
    if len(words) >= 2 and words[-1].lower() in ADMIN_ABBREVIATIONS:
        words[-1] = ADMIN_ABBREVIATIONS[words[-1].lower()]
        text = " ".join(words)
    if len(words) >= 2 and words[-1].lower() in ISLAND_GROUP_WORDS and words[-1] not in {"Group", "Chain"}:
        return " ".join(words[:-1]) + " Islands", "islands"  # not "the Wagner Group", a company
    if len(words) >= 2 and words[-1].lower() in ADMIN_UNIT_WORDS:
        return " ".join(words[:-1]) + " " + words[-1].capitalize(), "region"
    if re.fullmatch(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}", text):  # "U.S.", "US", "UAE": a country code
        import pycountry

        country = pycountry.countries.get(alpha_2=text.replace(".", "")) or pycountry.countries.get(
            alpha_3=text.replace(".", "")
        )
        if country is not None:
            return getattr(country, "common_name", None) or country.name, "country"
    known = lookup_place(text)
    if known is not None:
        return known
    if islands_context and _island_plural(words) and re.match(r"(?i)the\s", text_as_written):
        return " ".join([*words[:-1], words[-1][:-1]]) + " Islands", "islands"
    return text, None


def _island_plural(words: list[str]) -> bool:
    """'Kurils', 'Southern Kurils', 'Habomais': a chain named by its plural."""
    if not words or len(words) > 2 or (len(words) == 2 and words[0].lower() not in COMPASS):
        return False
    last = words[-1]
    return last.endswith("s") and not last.endswith(("ss", "es", "us")) and len(last) > 4 and last[0].isupper()


def _adjective_word(text: str) -> bool:
    """'Macedonian', 'Yugoslav', 'Hindi': a demonym or a language the
    recognizer took for a place."""
    if " " in text or lookup_place(text) is not None:
        return False
    return text.endswith(("ian", "ean", "ese", "ish", "slav", "ist")) or is_language(text)


def _in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _adjectival(span: Span) -> bool:
    """'U.S. plans', 'U.S. President': an abbreviation used as an adjective."""
    doc = span.doc
    return "." in span.text and span.end < len(doc) and doc[span.end].pos_ in {"NOUN", "PROPN", "ADJ"}


def _in_event_name(span: Span) -> bool:
    """"the Battle of Britain"; "the Law of the Sea": the end of a longer
    name (a word the gazetteer does not know)."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    before = doc[i - 1]
    return before.lower_ in EVENT_WORDS or (
        before.is_title and before.lower_ not in PLACE_TYPE_WORDS and not before.is_sent_start
        and lookup_place(clean_place_text(span.text)) is None)


def _adjective_use(span: Span) -> bool:
    """"this Atlantic port city", "a Nordic state": a one-word region name
    used as an adjective, between a determiner and a common noun."""
    doc = span.doc
    return len(span) == 1 and span.label_ == "LOC" and span.start > 0 and span.end < len(doc) \
        and doc[span.start - 1].lower_ in {"this", "that", "a", "an"} and doc[span.end].pos_ == "NOUN" \
        and doc[span.end].is_lower


def _known_place_here(ent: Span, clean: str, place_texts: set[str]) -> bool:
    """A gazetteer name the recognizer labelled otherwise is a place when the
    text also uses it as one, or when it is a country or region, or a city
    in a place's context ("off Hokkaido").  Many companies are named after
    towns ("Toyota", "Nokia"), hence the care."""
    known = lookup_place(clean)
    if known is None:
        return False
    if fold_place(clean) in place_texts or known[1] in {"country", "continent", "region"}:
        return True
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in EVENT_WORDS | {"talks", "meeting"}:
        return True  # "the Copenhagen summit": where it was held
    return _context_place(ent) or ent.label_ == "PERSON" or _listed_with_places(ent)


def _listed_with_places(ent: Span) -> bool:
    """"Valmora and Ostrany voted No": a name joined by "and" or a comma
    to a place is a place too."""
    if ent.text.replace(".", "").isupper():
        return False  # an acronym ("U.N.") beside a country
    root = ent.root
    near = [*root.conjuncts, root.head] if root.dep_ == "conj" else list(root.conjuncts)
    near += [c for c in root.children if c.dep_ == "appos"]  # "Valmora, Eastshire"
    near += [c for t in near for c in t.lefts if c.dep_ == "compound"]  # "Eastshire Pref."
    return any(t.ent_type_ in {"GPE", "LOC"} or lookup_place(t.text) is not None for t in near
               if not (ent.start <= t.i < ent.end))


def _comma_list_of_places(ent: Span) -> list[Span] | None:
    """"Valmora, North Eastshire" taken as one organization: a list of
    known places, each a place."""
    if "," not in ent.text:
        return None
    parts: list[Span] = []
    start = ent.start
    for t in ent:
        if t.text == ",":
            parts.append(ent.doc[start : t.i])
            start = t.i + 1
    parts.append(ent.doc[start : ent.end])
    if all(len(p) and lookup_place(p.text) is not None for p in parts):
        return parts
    if _listed_with_places(ent) and all(len(p) and all(t.is_title and t.pos_ == "PROPN" for t in p) for p in parts):
        return parts  # "toured Arva, Belin and Corra"
    return None


PLACE_HEADS = (PLACE_TYPE_WORDS | GEO_FEATURES | {"capital", "city-state", "enclave", "territory", "suburb",
                                                  "neighbourhood", "neighborhood", "settlement", "resort",
                                                  "residence", "retreat", "palace", "compound"}) - {
    "group", "chain", "range"}


ORG_APPOSITIVE_HEADS = frozenset({"company", "giant", "firm", "group", "producer", "maker", "operator", "carrier",
                                  "monopoly", "conglomerate", "lender", "insurer", "broadcaster", "newspaper",
                                  "agency", "party", "militia", "movement", "airline", "manufacturer", "bank",
                                  "organisation", "organization", "network", "outlet", "daily", "channel"})


def has_org_appositive(span: Span) -> bool:
    """"Gazprom, Russia's state-controlled gas giant": an organization the
    recognizer took for a place (never a name the gazetteer knows)."""
    return any(c.dep_ == "appos" and c.i >= span.end and c.lower_ in ORG_APPOSITIVE_HEADS
               for c in span.root.children) and lookup_place(clean_place_text(span.text)) is None


def hosts_an_event(span: Span) -> bool:
    """"the BRICS summit": an acronym before an event word is the grouping
    that holds it, not a place."""
    doc = span.doc
    return span.text.isupper() and len(span) == 1 and span.end < len(doc) \
        and doc[span.end].lower_ in EVENT_WORDS and lookup_place(span.text) is None


def has_place_appositive(span: Span) -> bool:
    """"Sentosa, a resort island off Singapore": the name's appositive is a
    kind of place."""
    return any(c.dep_ == "appos" and c.i >= span.end and c.lower_ in PLACE_HEADS for c in span.root.children)


def _occupied(span: Span) -> bool:
    """"the occupied West Bank", "annexed Crimea"."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in {"occupied", "annexed"} and before.dep_ == "amod"


def _compass_place(ent: Span) -> bool:
    """"the West Bank": a compass word and one more word the recognizer
    called a place, though the second is an organization word."""
    return ent.label_ in {"GPE", "LOC"} and len(ent) == 2 and ent[0].lower_ in COMPASS and ent[0].is_title


def _context_place(span: Span) -> bool:
    """A span labelled otherwise that its context shows is a place."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in GEO_FEATURES:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "of" and span.start >= 2 \
            and doc[span.start - 2].lower_ in PLACE_TYPE_WORDS:
        return True
    if has_place_appositive(span):
        return True
    if _occupied(span):
        return True
    if any(t.lower_ in ORG_WORDS for t in span) or span.text.isupper():
        return False
    if len(span) >= 2 and span[0].lower_ in COMPASS and span[0].is_title:
        return True  # "the West Bank", "the Middle East"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return True
    if before is not None and before.lower_ == "at" and span.start >= 2 \
            and doc[span.start - 2].lemma_ in FACILITY_WORDS | SITE_WORDS:
        return True  # "the nuclear complex at Ostrany" (not "at a company")
    return before is not None and before.lemma_ in {"annex", "invade", "occupy"}


def find_places(doc: Doc, person_tokens: set[int], skip_ranges: list[tuple[int, int]],
                heading_ranges: list[tuple[int, int]]) -> list[PlaceSpan]:
    table = token_table(doc)
    islands_context = bool(table.find(ISLAND_WORDS))
    place_texts = {fold_place(e.text) for e in doc.ents if e.label_ in PLACE_LABELS}
    org_texts = {fold_place(clean_place_text(e.text)) for e in doc.ents if e.label_ == "ORG"}
    out: list[PlaceSpan] = []
    covered: set[int] = set()
    deferred: list[Span] = []

    def add(span: Span, text: str | None = None) -> None:
        if text is None:
            text = span.text
            if span.start > 0 and doc[span.start - 1].lower_ == "the" and not text.lower().startswith("the "):
                text = "the " + text
        in_role = _in_ranges(span.start_char, span.end_char, skip_ranges)
        if in_role and lookup_place(clean_place_text(span.text)) is None:
            return
        name, kind = canonical_place(text, islands_context=islands_context)
        if not name or not any(c.isalpha() for c in name):
            return
        last, head = name.split()[-1].lower(), name_head(name)
        if last in EVENT_WORDS or last in DOCUMENT_WORDS or head in EVENT_WORDS or head in DOCUMENT_WORDS:
            return
        if name.lower() in COMPASS:
            return  # "the North": which one the text means is not in the name
        if re.fullmatch(r"[A-Z]{2,}s", name) or any(w in NOT_IN_PLACE_NAMES for w in name.split()):
            return  # "ICBMs"; "Brandt at the airport"
        out.append(PlaceSpan(name, span.text, span.start_char, span.end_char, kind))
        covered.update(range(span.start, span.end))

    datelines = _dateline_spans(doc)
    for span in datelines:
        add(span)
    for ent in doc.ents:
        if any(t.i in person_tokens or t.i in covered for t in ent):
            continue  # a person, or a part of a dateline ("LA" of "LA ROCHELLE")
        if "(" in ent.text:
            deferred.append(ent)
            continue
        listed = _comma_list_of_places(ent) if ent.label_ not in NUMERIC_LABELS else None
        if listed:
            for part in listed:
                add(part)
            continue
        feature = ent.end < len(doc) and doc[ent.end].lower_ in GEO_FEATURES and ent[0].text[:1].isupper() \
            and ent.label_ not in NUMERIC_LABELS
        if _adjective_word(clean_place_text(ent.text)):
            continue
        if any(t.lower_ in STRONG_ORG_WORDS for t in ent) and not (_occupied(ent) or _compass_place(ent)):
            continue
        if ent.label_ in NUMERIC_LABELS or _ends_an_organization_name(ent):
            continue
        admin = _admin_unit(doc, ent)
        if admin is not None:
            add(ent, (clean_place_text(ent.text) + " " + admin).strip())
            continue
        if feature and ent.label_ not in {"ORG"}:
            start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ in COMPASS else ent.start
            text = doc[start : ent.end + 1].text
            add(doc[start : ent.end + 1], text[0].upper() + text[1:])
            continue
        if ent.label_ in PLACE_LABELS:
            if _adjectival(ent) or _in_event_name(ent) or has_org_appositive(ent) or hosts_an_event(ent) \
                    or _adjective_use(ent):
                continue
            if fold_place(clean_place_text(ent.text)) in org_texts and any(t.lower_ in ORG_WORDS for t in ent):
                continue  # "the White House" the recognizer also calls an organization
            if _in_ranges(ent.start_char, ent.end_char, heading_ranges) and lookup_place(ent.text) is None:
                continue
            if ent[0].lower_ in COMPASS and ent.start >= 2 and doc[ent.start - 1].text in {"'s", "\u2019s"} \
                    and doc[ent.start - 2].ent_type_ == "GPE":
                add(doc[ent.start - 2 : ent.end])  # "Russia's Far East"
                continue
            if is_cited_source(ent):
                continue  # "according to Tidewire": a source, not a place
            if ent[-1].lower_ in STREET_WORDS and ent.start > 0 and doc[ent.start - 1].is_digit:
                add(doc[ent.start - 1 : ent.end], doc[ent.start - 1 : ent.end].text)  # "42 Harbour Street"
                continue
            add(ent)
        elif ent.label_ in {"ORG", "PERSON", "EVENT", "PRODUCT", "NORP"}:
            clean = clean_place_text(ent.text)
            if ent.label_ == "NORP" and not feature:
                continue
            if is_venue(clean):
                add(ent, re.split(r"\s+of\s+", clean)[0] if name_head(clean) != clean.split()[-1].lower() else clean)
            elif feature:
                add(doc[ent.start : ent.end + 1])
            elif ent.label_ != "NORP" and canonical_place(
                ("the " if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else "") + ent.text,
                islands_context=islands_context,
            )[1] == "islands":
                add(ent)
            elif _known_place_here(ent, clean, place_texts) and not any(t.lower_ in ORG_WORDS for t in ent):
                add(ent)
            elif ent.label_ != "NORP" and _context_place(ent):
                add(ent)
            elif ent.label_ in {"PERSON", "PRODUCT", "ORG"} and ent.start > 0 and doc[ent.start - 1].lower_ == "the" \
                    and len(ent) == 1 and ent.label_ != "ORG" and not _attributive(ent) \
                    and ent[0].lower_ not in ROLE_HEADS | REGNAL_TITLES:
                add(ent)
    for ent in deferred:
        known = {fold_place(p.name) for p in out} | {fold_place(p.text) for p in out}
        parts = _paren_parts(ent)
        if ent.label_ in PLACE_LABELS or any(fold_place(clean_place_text(p.text)) in known for p in parts):
            for part in parts:
                add(part)
    _add_pattern_places(doc, covered, add)
    _add_gazetteer_places(doc, covered, add)
    _add_facilities(doc, covered, add)
    _add_addresses(doc, covered, add)
    _add_feature_names(doc, covered, add)
    # A name already found as a place is one wherever the recognizer put it.
    names = {fold_place(p.name) for p in out}
    for ent in doc.ents:
        if ent.label_ in {"ORG", "PERSON"} and ent.start not in covered and not any(t.i in person_tokens for t in ent):
            if fold_place(clean_place_text(ent.text)) in names:
                add(ent)
    return out


ATTRIBUTIVE_HEADS = ORG_WORDS | {"regime", "era", "campaign", "camp", "presidency", "doctrine", "family", "years"}


def _attributive(ent: Span) -> bool:
    """"the Trump administration", "the Putin regime": a name before the
    noun it qualifies."""
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in ATTRIBUTIVE_HEADS


def _ends_an_organization_name(ent: Span) -> bool:
    """"Norway" in "the Labour Party of Norway", "Asia" in "the
    Council for Trade and Co-operation in Asia": part of the
    organization's name."""
    doc = ent.doc
    if ent.label_ == "GPE" and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" \
            and doc[ent.start - 2].lower_ in ORG_WORDS and doc[ent.start - 2].ent_type_ == "ORG":
        return True
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "in" and long_formal_name_before(doc, ent.start - 1)


def long_formal_name_before(doc: Doc, i: int) -> bool:
    """Whether an organization's name that lists its fields ("for Security
    and Co-operation") ends just before token `i`: the place after "in"
    completes it, unlike "the Permanent Court of Arbitration in Valmora"."""
    j = i
    while j > 0 and doc[j - 1].ent_type_ == "ORG":
        j -= 1
    words = doc[j:i]
    lower = {t.lower_ for t in words}
    return len(words) >= 3 and bool(lower & {"for", "of"}) and "and" in lower and doc[i - 1].is_alpha


def _dateline_spans(doc: Doc) -> list[Span]:
    text = doc_text(doc)
    found = [(m.start(1), m.end(1)) for m in DATELINE.finditer(text)]
    for m in DATED_DATELINE.finditer(text):
        place = m.group(1)
        if place.isupper() or lookup_place(place) is not None:
            found.append((m.start(1), m.end(1)))
    spans = (doc.char_span(a, b, alignment_mode="expand") for a, b in found)
    return [s for s in spans if s is not None]


def _add_facilities(doc: Doc, covered: set[int], add) -> None:  # type: ignore[no-untyped-def]
    """"the Fukushima Daiichi nuclear power plant": a name the recognizer
    missed, then a few lower-case words ending in a facility word."""
    for i in token_table(doc).find(FACILITY_WORDS):
        tok = doc[i]
        if tok.i in covered:
            continue
        j = tok.i
        while j > tok.i - 4 and j > 0 and doc[j - 1].is_lower and doc[j - 1].is_alpha:
            j -= 1
        k = j
        while k > 0 and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN" and not doc[k - 1].ent_type_:
            k -= 1
        if k < j and not any(i in covered for i in range(k, tok.i + 1)):
            span = doc[k : tok.i + 1]
            add(span, span.text)


def _add_feature_names(doc: Doc, covered: set[int], add) -> None:  # type: ignore[no-untyped-def]
    """"on Arva Island", "the Outer Islets": capitalised proper nouns and
    a capitalised feature word, which the recognizer left untagged."""
    table = token_table(doc)
    for i in table.find(GEO_FEATURES):
        if not table.title[i] or i in covered or table.ent_type[i] or i == 0:
            continue
        j = i
        while j > 0 and i - j < 3 and table.title[j - 1] and table.pos[j - 1] == "PROPN" and not table.ent_type[j - 1] \
                and (j - 1) not in covered and not doc[j - 1].is_sent_start:
            j -= 1
        if j < i:
            add(doc[j : i + 1], doc[j : i + 1].text)


STREET_WORDS = frozenset({"street", "avenue", "road", "boulevard", "lane"})


def _add_addresses(doc: Doc, covered: set[int], add) -> None:  # type: ignore[no-untyped-def]
    """"outside 12 Harbour Street": a house number, capitalised words and a
    street word, which the recognizer often leaves untagged."""
    table = token_table(doc)
    for i in table.find(STREET_WORDS):
        if not table.title[i] or i in covered:
            continue
        j = i
        while j > 0 and table.title[j - 1] and table.pos[j - 1] == "PROPN" and (j - 1) not in covered:
            j -= 1
        if j < i and j > 0 and doc[j - 1].like_num and doc[j - 1].is_digit:
            add(doc[j - 1 : i + 1], doc[j - 1 : i + 1].text)


def is_cited_source(ent: Span) -> bool:
    """A name the recognizer called a place, which the gazetteer does not
    know and the text cites as a source ("according to Tidewire")."""
    return lookup_place(clean_place_text(ent.text)) is None and in_attribution_slot(ent.doc, ent.start, ent.end)


def _add_gazetteer_places(doc: Doc, covered: set[int], add) -> None:  # type: ignore[no-untyped-def]
    """A known city the recognizer missed: "touched down at Ube"."""
    table = token_table(doc)
    for i in table.find(LOCATIVE_PREPOSITIONS):
        k = i + 1
        if k >= len(doc) or k in covered or table.ent_type[k] or not table.title[k] or table.pos[k] != "PROPN":
            continue
        if (k + 1 >= len(doc) or not table.title[k + 1]) and lookup_place(table.text[k]) is not None:
            add(doc[k : k + 1])


def _admin_unit(doc: Doc, ent: Span) -> str | None:
    """'Yamaguchi Prefecture' (any label), 'the prefecture of Yamaguchi'."""
    words = ent.text.split()
    if len(words) >= 2 and words[-1].lower() in ADMIN_ABBREVIATIONS:
        return ""
    if ent[-1].lower_ in ADMIN_UNIT_WORDS and ent[-1].is_title and len(ent) >= 2:
        return None if ent.label_ in PLACE_LABELS else ""
    i = ent.start - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in ADMIN_UNIT_WORDS:
        return doc[i - 1].text.capitalize()
    return None


def _paren_parts(ent: Span) -> list[Span]:
    doc = ent.doc
    parts: list[Span] = []
    start = ent.start
    for t in ent:
        if t.text in {"(", ")"}:
            if t.i > start:
                parts.append(doc[start : t.i])
            start = t.i + 1
    if start < ent.end:
        parts.append(doc[start : ent.end])
    return parts


def _add_pattern_places(doc: Doc, covered: set[int], add) -> None:  # type: ignore[no-untyped-def]
    table = token_table(doc)
    for i in table.find(PLACE_TYPE_WORDS):
        tok = doc[i]
        # "the prefecture of Yamaguchi" -> "Yamaguchi Prefecture"; "the village of Psarades".
        if tok.i + 2 < len(doc) and table.lower[tok.i + 1] == "of":
            j = tok.i + 2
            k = j
            while k < len(doc) and doc[k].is_title and k not in covered:
                k += 1
            if k > j and not any(i in covered for i in range(j, k)):
                span = doc[j:k]
                name = span.text + (" " + tok.text.capitalize() if tok.lower_ in ADMIN_UNIT_WORDS else "")
                add(span, name)

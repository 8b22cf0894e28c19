"""Organizations in one article: institutions, ministries, parties, media
and groupings, with their names made whole ("Group of" + "Seven") and
qualified ("Russia's Foreign Ministry", "the Greek parliament")."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dossier.extract.entities.gazetteer import is_known_place
from dossier.extract.entities.media import ends_in_media_word, in_attribution_slot, is_credit
from dossier.extract.entities.people import addresses_an_audience, leads_it, names_a_platform
from dossier.extract.entities.places import (
    has_org_appositive,
    hosts_an_event,
    is_cited_source,
    long_formal_name_before,
)
from dossier.extract.tokens import doc_text, token_table
from dossier.extract.vocabulary import (
    DOCUMENT_WORDS,
    EVENT_WORDS,
    LEGISLATURE_WORDS,
    ORG_WORDS,
    ROLE_MODIFIERS,
    STRONG_ORG_WORDS,
    is_venue,
    name_head,
)

# Institution names that need their country to be a name ("Foreign Ministry").
GENERIC_STARTS = frozenset({"foreign", "defence", "defense", "interior", "finance", "justice", "economy", "trade",
                            "ministry", "embassy", "parliament", "cabinet", "government", "army", "navy",
                            "central", "supreme", "constitutional", "national", "security", "health", "education",
                            "agriculture", "energy", "environment", "transport", "transportation", "labour", "labor",
                            "culture", "industry", "communications", "information", "home", "internal", "presidential"})
NUMBER_WORDS = {"two": 2, "three": 3, "seven": 7, "eight": 8, "twenty": 20, "five": 5, "four": 4, "six": 6,
                "nine": 9, "ten": 10}


@dataclass(slots=True)
class OrgSpan:
    name: str
    text: str
    start_char: int
    end_char: int


def clean_org_text(text: str) -> str:
    text = re.sub(r"^(?:the|The|a|an)\s+", "", text.strip())
    text = re.sub(r"['\u2019]s?$", "", text).strip()
    text = re.sub(r"\s+(?:party|of)$", "", text)
    return text.strip(" ,;:\"'\u201c\u201d()")


SPELLED = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine"}


# Abbreviations that start the names of many institutions ("U.N. Security
# Council", "EU Commission") and the full names they stand for.
ABBREVIATED_PREFIXES = {"U.N.": "United Nations", "UN": "United Nations", "U.S.": "United States",
                        "US": "United States", "EU": "European Union", "E.U.": "European Union"}


def expansions(name: str) -> list[str]:
    """Long forms of a name: 'G7' -> 'Group of Seven'; 'U.N. Security
    Council' -> 'United Nations Security Council'; 'U.N.' -> 'United Nations'."""
    m = re.fullmatch(r"G-?(\d{1,2})", name)
    if m:
        n = int(m.group(1))
        return [f"Group of {SPELLED.get(n, n)}"]
    first, _, rest = name.partition(" ")
    full = ABBREVIATED_PREFIXES.get(first)
    if full is None:
        return []
    return [f"{full} {rest}" if rest else full]


def acronym(name: str) -> str:
    """'Group of Seven' -> 'G7'; 'Asia-Pacific Economic Cooperation' -> 'APEC'."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    m = re.fullmatch(r"Group of (\w+)", name)
    if m:
        n = NUMBER_WORDS.get(m.group(1).lower(), m.group(1))
        return f"G{n}"
    return "".join(w[0] for w in words if w[0].isupper())


def _qualifier_start(doc: Doc, start: int) -> int:
    """Start of "Russia 's" or "Cuban" before a generic institution name."""
    if start >= 2 and doc[start - 1].text in {"'s", "\u2019s"} and doc[start - 2].ent_type_ == "GPE":
        i = start - 2
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        return i
    if start >= 1 and doc[start - 1].ent_type_ == "NORP":
        return start - 1
    return start


def find_organizations(doc: Doc, person_tokens: set[int], place_chars: set[int],
                       title_ranges: list[tuple[int, int]]) -> list[OrgSpan]:
    out: list[OrgSpan] = []
    joined = _joined_names(doc)
    for ent in doc.ents:
        if any(a < ent.start < b for a, b in joined.items()):
            continue  # the second half of a name joined to the one before
        if is_credit(ent):
            continue  # "Agency Photo", "Pool Photo": a credit line
        if len(ent) == 1 and ent[0].tag_ not in {"NNP", "NNPS"} and not ent[0].is_upper:
            continue  # a capitalised common word ("Writing by ...", "Ships sailed")
        if MODEL_DESIGNATION.search(ent.text) and not NUMBERED_GROUP.fullmatch(ent.text):
            continue  # a model of aircraft or missile ("a Xa-24 helicopter")
        if ent.label_ == "PERSON" and (addresses_an_audience(ent) or names_a_platform(ent) or leads_it(ent)
                                       or ends_in_media_word(ent) or has_org_appositive(ent)):
            pass  # a publication, a network or a party the recognizer took for a person
        elif ent.label_ in {"GPE", "LOC", "FAC"} and (has_org_appositive(ent) or hosts_an_event(ent)
                                                   or is_cited_source(ent)):
            pass  # "Valgas, the gas giant", "the BRICS summit", "according to Tidewire"
        elif ent.label_ != "ORG" and not any(t.lower_ in STRONG_ORG_WORDS for t in ent):
            continue
        elif ent.label_ not in {"ORG", "GPE", "LOC", "FAC"}:
            continue
        if any(t.i in person_tokens for t in ent) or ent.start_char in place_chars:
            continue
        if _indefinite(ent):
            continue  # "the goal of an African Economic Community": a kind, not a name
        start, end = ent.start, joined.get(ent.start, ent.end)
        while end > start and (doc[end - 1].text in {"'s", "\u2019s", "(", ")"} or doc[end - 1].is_punct):
            end -= 1
        if "(" in doc[start:end].text:
            end = next(t.i for t in doc[start:end] if t.text == "(")
        if end > start and doc[end - 1].lower_ == "of":
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and nxt.like_num and nxt.ent_type_ != "DATE":
                end += 1
            else:
                end -= 1
        elif end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].like_num \
                and doc[end + 1].ent_type_ != "DATE":
            end += 2  # "Group" + "of Seven"
        elif end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end - 1].lower_ in ORG_WORDS \
                and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B":
            end += 2  # "the Labour Party" + "of Norway"
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
        elif end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ in {"GPE", "LOC"} \
                and doc[end + 1].ent_iob_ == "B" and long_formal_name_before(doc, end):
            end += 2  # "the Council for Trade and Co-operation" + "in Asia"
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
        if end <= start:
            continue
        if doc[start].lower_ in GENERIC_STARTS or (doc[start].lower_ == "the" and start + 1 < end
                                                    and doc[start + 1].lower_ in GENERIC_STARTS):
            start = _qualifier_start(doc, start if doc[start].lower_ != "the" else start + 1)
        span = doc[start:end]
        if _inside_title(span, title_ranges):
            continue
        name = clean_org_text(span.text)
        if not name or not any(c.isalpha() for c in name) or not any(w[:1].isupper() for w in name.split()):
            continue  # no name at all ("the state news agency")
        last = name.split()[-1].lower()
        head = name_head(name)
        if last in EVENT_WORDS or last in DOCUMENT_WORDS or head in EVENT_WORDS or head in DOCUMENT_WORDS:
            continue  # an event or a document ("Convention on Climate Change")
        if (head.endswith(("ization", "isation")) and head not in ORG_WORDS) or is_venue(name):
            continue  # a process ("Finlandization of ..."), a venue ("Castle Buildings")
        if " " not in name and name.endswith(("ian", "ean", "ese", "ish")):
            continue  # a demonym ("Macedonian")
        if name.isupper() and _alone_on_its_line(doc, ent):
            continue  # a heading in capitals
        out.append(OrgSpan(name, span.text, span.start_char, span.end_char))
    out.extend(_legislatures(doc))
    out.extend(_numbered_groups(doc))
    out.extend(_untagged_sources(doc, person_tokens))
    taken = {c for o in out for c in range(o.start_char, o.end_char)} | place_chars
    out.extend(o for o in _untagged_names(doc, person_tokens, title_ranges) if o.start_char not in taken)
    return out


MODEL_DESIGNATION = re.compile(r"\b[A-Za-z]{1,4}-\d+[A-Za-z]*$")
NUMBERED_GROUP = re.compile(r"\bG-?(?:[2-9]|1\d|20)\b(?!-\w)")


def _numbered_groups(doc: Doc) -> list[OrgSpan]:
    """"the G-7 leaders", "G20": a group of countries named by its number,
    which the recognizer often leaves untagged when it is hyphenated."""
    out: list[OrgSpan] = []
    for m in NUMBERED_GROUP.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and not any(t.ent_type_ == "ORG" for t in span):
            out.append(OrgSpan(m.group(0), m.group(0), m.start(), m.end()))
    return out


def _untagged_sources(doc: Doc, person_tokens: set[int]) -> list[OrgSpan]:
    """"Baltwire reported", "according to Tidewire" when the recognizer
    tagged nothing: one capitalised proper noun cited as a source (not the
    object of "told", which is as often a person)."""
    table = token_table(doc)
    out: list[OrgSpan] = []
    for i in range(len(doc)):
        if table.ent_type[i] or not table.title[i] or table.pos[i] != "PROPN" or i in person_tokens:
            continue
        if (i > 0 and table.title[i - 1] and table.pos[i - 1] == "PROPN") or \
                (i + 1 < len(doc) and table.title[i + 1] and table.pos[i + 1] == "PROPN"):
            continue  # a word of a longer name
        if i > 0 and doc[i - 1].lemma_ == "tell":
            continue  # "told Lavrov": people are told things too
        if in_attribution_slot(doc, i, i + 1) and not is_known_place(table.text[i]):
            tok = doc[i]
            out.append(OrgSpan(tok.text, tok.text, tok.idx, tok.idx + len(tok)))
    return out


def _untagged_names(doc: Doc, person_tokens: set[int], title_ranges: list[tuple[int, int]]) -> list[OrgSpan]:
    """"a Baltic Ministerial Council" when the recognizer tagged nothing:
    capitalised words ending in an organization word."""
    table = token_table(doc)
    out: list[OrgSpan] = []
    for i in table.find(STRONG_ORG_WORDS):
        if not table.title[i] or table.ent_type[i] or i in person_tokens:
            continue
        start = i
        while start > 0 and i - start < 5 and table.title[start - 1] and table.ent_type[start - 1] in {"", "NORP"} \
                and table.pos[start - 1] in {"PROPN", "ADJ"} and (start - 1) not in person_tokens \
                and not doc[start - 1].is_sent_start:
            start -= 1
        if start < i and not _inside_title(doc[start : i + 1], title_ranges):
            span = doc[start : i + 1]
            out.append(OrgSpan(span.text, span.text, span.start_char, span.end_char))
    return out


def _joined_names(doc: Doc) -> dict[int, int]:
    """"the Social Democratic" + "and" + "Labour Party": a name that is not
    an organization by itself joined to the organization after it.  Start
    of the first -> end of the second."""
    ents = [e for e in doc.ents if e.label_ in {"ORG", "NORP"}]
    out: dict[int, int] = {}
    for first, second in itertools.pairwise(ents):
        words = [t for t in first if t.lower_ not in {"the", "and"}]
        if first[-1].lower_ == "and":
            joined = second.start == first.end
        else:
            joined = second.start == first.end + 1 and doc[first.end].lower_ == "and"
        if joined and second.label_ == "ORG" and words and words[-1].lower_ not in ORG_WORDS \
                and second[-1].lower_ in ORG_WORDS and all(t.is_title for t in words) \
                and second[0].lower_ != "the":
            out[first.start] = second.end
    return out


def _indefinite(ent: Span) -> bool:
    doc = ent.doc
    det = ent[0] if ent[0].lower_ in {"a", "an"} else doc[ent.start - 1] if ent.start > 0 else None
    if det is None or det.lower_ not in {"a", "an"} or det.head.i != ent.root.i:
        return False
    # "the goal of an African Economic Community": a kind of body hoped for;
    # "creates a Ministerial Council" names the body it creates.
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of"


def _alone_on_its_line(doc: Doc, ent: Span) -> bool:
    """A heading in capitals: the name's whole line is in capitals."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return line.isupper()


def _after_lower_case_modifiers(span: Span, title_start: int) -> bool:
    """Whether `span` starts its title, after lower-case words such as
    "acting" or "former" ("acting Cabinet Office chief of staff")."""
    doc = span.doc
    i = span.start
    while i > 0 and doc[i - 1].idx >= title_start and doc[i - 1].is_lower and doc[i - 1].lower_ in ROLE_MODIFIERS:
        i -= 1
    return doc[i].idx == title_start


def _inside_title(span: Span, title_ranges: list[tuple[int, int]]) -> bool:
    """An organization named inside a role title ("Chief Cabinet Secretary",
    "EU Enlargement Commissioner") is part of the title, unless it is the
    title's one-word qualifier ("Kremlin spokesman")."""
    for a, b in title_ranges:
        if a <= span.start_char and span.end_char <= b:
            # "Kremlin spokesman", "European Council President": the
            # organization the title is held in, named first.
            named_first = _after_lower_case_modifiers(span, a) and (
                (len(span) == 1 and span[0].lower_ not in ROLE_MODIFIERS) or span[-1].lower_ in ORG_WORDS)
            return not named_first
    return False


def _describes_another(span: Span) -> bool:
    """"the Grand Assembly, Esland's parliament"; "the lower
    house of Esland's parliament": a description of a body named nearby,
    not a name of its own."""
    doc = span.doc
    root = span.root
    if root.dep_ == "appos" and root.head.ent_type_ == "ORG":
        return True
    return span.start >= 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 1].head.lower_ in ORG_WORDS


def _legislatures(doc: Doc) -> list[OrgSpan]:
    """'the Greek parliament', "Macedonia's parliament"."""
    out: list[OrgSpan] = []
    for i in token_table(doc).find(LEGISLATURE_WORDS | {"ministry"}):
        tok = doc[i]
        if not tok.is_lower:
            continue
        first = i
        if tok.lower_ == "ministry" and i >= 2 and doc[i - 1].is_lower and doc[i - 1].lower_ in GENERIC_STARTS:
            first = i - 1  # "the Japanese foreign ministry"
        if first >= 1 and doc[first - 1].ent_type_ == "NORP":
            span = doc[first - 1 : i + 1]
        elif first >= 2 and doc[first - 1].text in {"'s", "\u2019s"} and doc[first - 2].ent_type_ == "GPE":
            span = doc[first - 2 : i + 1]
        else:
            continue
        if _describes_another(span):
            continue
        name = " ".join(w if w[:1].isupper() else w.capitalize() for w in span.text.split())
        out.append(OrgSpan(name if tok.lower_ == "ministry" else span.text, span.text, span.start_char,
                           span.end_char))
    return out

"""What a page puts around an article's text, told apart by its form:
site furniture (menus, share buttons, "ID : 123" lines, copyright lines),
a date printed above the text, bylines and credit lines, photo captions with
their credits, datelines.  Only shapes of text are used here, never names:
which words in a credit are a person and which an agency is decided where
the entities are extracted (`dossier.extract.entities.credits`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.ingest.dates import DATE_WITH_WEEKDAY, FULL_DATE, TIME, WEEKDAY_PREFIX, iso_date

# Words of a site's menus and buttons; a short line of only these is furniture.
INTERFACE_WORDS = frozenset("""
skip to main content text article navigation menu search share print email e-mail mail tweet post facebook twitter
x whatsapp linkedin reddit telegram copy link save saved bookmark close open home next previous prev back top more
read also related coverage stories story articles most popular viewed sign in out log login register subscribe
subscription newsletter newsletters follow us on this page comments comment comment(s) advertisement ad ads
sponsored listen audio video photos photo gallery watch min mins minute minutes reading time gift full screen
expand view all see trending latest news top headlines topics tags section sections accessibility settings
cookie cookies accept privacy policy terms of use contact about feedback report an error corrections english
edition
""".split())
_WORD = re.compile(r"[^\W\d_][\w'’()-]*|\d+")
FURNITURE_PATTERNS = [
    re.compile(r"^(?:story |article |news )?id\s*[:#]\s*[\w-]+$", re.I),  # "ID : 612954"
    re.compile(r"^(?:©|\(c\)|copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^(?:updated|published|posted|last updated)\s*:?\s*\d+\s+(?:min(?:ute)?s?|hours?)\s+ago$", re.I),
    re.compile(r"^\d+\s+(?:min(?:ute)?s?)\s+read$", re.I),
    re.compile(r"^(?:click|tap) here\b", re.I),
    re.compile(r"^(?:image|photo|video)\s*\d*\s*(?:of|/)\s*\d+$", re.I),  # "Photo 1 of 12"
]
BULLETS = "•·▪●■◆►‣-*–—"
MAX_FURNITURE_WORDS = 8


def is_furniture(text: str) -> bool:
    """A line a site adds around every article: menus, buttons, an id, a
    copyright line, or a lone bullet with a short name (the section or the
    agency the page files it under)."""
    text = text.strip()
    if not text:
        return True
    if len(text) <= 200 and any(p.search(text) for p in FURNITURE_PATTERNS):
        return True
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return len(text) <= 80  # a rule of dashes, a lone bullet
    if len(words) <= MAX_FURNITURE_WORDS and all(w in INTERFACE_WORDS or w.isdigit() for w in words):
        return True
    bullet = text[0] in BULLETS and text[1:2].isspace()
    return bullet and len(words) <= 4 and not re.search(r"[.!?,;:]$", text)


def bullet_label(text: str) -> str | None:
    """The name after a lone bullet ("• Kyodo News"), or None."""
    text = text.strip()
    if text[:1] in BULLETS and text[1:2].isspace() and len(text.split()) <= 5:
        return text[1:].strip() or None
    return None


# A date printed above the text: "date 2021-07-26", "Published: Jan. 22, 2019
# 10:30 JST", "Tuesday, 22 January 2019", maybe glued before the lead.
_DATE_LABEL = (r"(?:(?:date|dated|published|posted|first published|updated|last updated|last modified)"
               r"\s*:?\s*(?:on\s+)?)")
LEADING_DATE = re.compile(
    rf"^(?P<label>{_DATE_LABEL})?(?P<date>{WEEKDAY_PREFIX}{FULL_DATE}{TIME})\s*[|·•,;:—–-]?\s*", re.I)


@dataclass(slots=True)
class LeadingDate:
    iso: str
    text: str  # as written, label included
    rest: str  # what follows it on the line (a glued lead), maybe empty
    updated: bool  # an "Updated" date: the page's, less the article's than a plain one


def leading_date(text: str) -> LeadingDate | None:
    """A date printed at the start of a line above the text, and what
    follows it.  A date that opens a sentence of the lead ("Dec. 15, 2016
    was ...") is not one: it must stand alone, carry a label, or be
    followed by a capitalised word of a new sentence."""
    m = LEADING_DATE.match(text.strip())
    if m is None:
        return None
    iso = iso_date(m)
    if iso is None:
        return None
    rest = text.strip()[m.end():]
    if rest and not m.group("label") and not rest[:1].isupper() and rest[:1] not in "\"“'‘":
        return None
    label = (m.group("label") or "").lower()
    return LeadingDate(iso, m.group(0).strip(), rest, updated="updated" in label or "modified" in label)


# Bylines: "By First Last and First Last", "BY FIRST LAST, Agency", and the
# end-of-story credits of wire copy: "Reporting by ...; Editing by ...".
_PARTICLE = r"(?:de|del|da|dos|van|von|der|den|al|el|bin|ibn|la|le)"
_NAME = rf"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|{_PARTICLE})){{1,4}}"
BYLINE = re.compile(
    rf"^(?:By|BY)\s+(?P<names>{_NAME}(?:\s*(?:,|and|AND|&)\s*{_NAME})*)(?:\s*(?:,|\||/|–|—|-|in)\s*(?P<rest>.*))?$")
CREDIT_LINE = re.compile(
    r"^[(\[]?(?:(?:additional |further )?(?:reporting|writing|editing|compiled|written|text|photos?|video|graphics?)"
    r"(?: and \w+)?|produced|contributed)\s+by\s+[A-Z]", re.I)
# "Agency writers First Last in City and First Last contributed to this report."
CONTRIBUTED = re.compile(r"\bcontributed(?: reporting)?(?: to)? (?:this|the) (?:report|story|article)\.?$", re.I)
MAX_BYLINE_CHARS = 160
MAX_BYLINE_REST_WORDS = 8


def is_byline(text: str) -> bool:
    """A byline ("By First Last and First Last, Agency") or a credit line
    ("Reporting by ...; Editing by ...")."""
    text = text.strip()
    if len(text) > MAX_BYLINE_CHARS * 2:
        return False
    if CREDIT_LINE.match(text) or CONTRIBUTED.search(text):
        return True
    if bullet_label(text):
        return len(text.split()) <= 4 and not re.search(r"[.!?,;:]$", text)  # "• Agency News"
    m = BYLINE.match(text)
    if not m or len(text) > MAX_BYLINE_CHARS:
        return False
    if re.search(r"[.!?]$", text) and not re.search(r"\b[A-Z]\.$", text):
        return False  # a sentence ("By Monday the two sides had agreed.")
    return len((m.group("rest") or "").split()) <= MAX_BYLINE_REST_WORDS


def byline_names(text: str) -> list[tuple[int, int]]:
    """Character spans of the names a byline or credit line gives."""
    text_spans: list[tuple[int, int]] = []
    m = BYLINE.match(text.strip())
    offset = len(text) - len(text.lstrip())
    if m:
        parts = [(m.start("names") + offset, m.end("names") + offset)]
    elif bullet_label(text):
        label = bullet_label(text) or ""
        start = text.index(label)
        return [(start, start + len(label))]
    elif CONTRIBUTED.search(text):
        # Every name but the places reporters wrote from ("in Beijing").
        return [(n.start(), n.end()) for n in re.finditer(_NAME, text)
                if not re.search(r"\b(?:in|from|at)\s+$", text[max(0, n.start() - 6):n.start()])]
    else:
        parts = []
        for credit in re.finditer(r"\bby\s+(.+?)(?=;|\)|\]|$|\s+(?:and\s+)?(?:additional\s+)?"
                                  r"(?:reporting|writing|editing)\b)", text, re.I):
            parts.append((credit.start(1), credit.end(1)))
    for start, end in parts:
        for name in re.finditer(_NAME, text[start:end]):
            text_spans.append((start + name.start(), start + name.end()))
    return text_spans


def author_names(text: str) -> list[str]:
    """The names in an author field ("Kenji Tanaka and Anna Petrova"); none
    in "Staff and agencies"."""
    return [m.group(0) for m in re.finditer(_NAME, text)]


# Photo credits: "(AP Photo/First Last)", "(Sputnik Pool Photo via AP)",
# "Photo: First Last/Agency", "Pool Photo via Agency", "(Agency/First Last)".
_CAP = r"[A-Z][\w&.'’-]*"
_NAMES = rf"{_CAP}(?:[ -]{_CAP}){{0,4}}"
_SEP = r"\s*/\s*|\s+via\s+|\s*:\s*|\s+by\s+|\s*,\s*"
_PHOTO = r"(?:Photo(?:graph)?s?|Image|Picture|Illustration|Video|Footage)"
_CREDIT_BODY = rf"{_NAMES}(?:(?:{_SEP}){_NAMES})*"
PAREN_CREDIT = re.compile(rf"[(\[](?P<credit>{_CREDIT_BODY})[)\]]\s*$")
PLAIN_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?”\"’)])\s+)(?P<credit>(?:{_NAMES}\s+)?{_PHOTO}(?:{_SEP})?(?:{_CREDIT_BODY})?)\s*$")
LEADING_CREDIT = re.compile(rf"^(?P<credit>{_PHOTO}(?:\s+(?:by|credit))?\s*:\s*{_CREDIT_BODY})\s*(?:[|—–-]\s*)?")


def credit_span(text: str) -> tuple[int, int] | None:
    """Where a photo credit stands in a paragraph (at its end, or at its
    start as "Photo: ..."), or None.  A bracketed pair of names at the end
    is a credit only with a slash, "via" or a photo word in it: "(Reuters)"
    after a quote is an attribution, not a credit."""
    for pattern in (PAREN_CREDIT, PLAIN_CREDIT, LEADING_CREDIT):
        m = pattern.search(text)
        if m is None:
            continue
        credit = m.group("credit")
        if pattern is PAREN_CREDIT and not re.search(rf"/|\bvia\b|\b{_PHOTO}\b", credit):
            continue
        if pattern is PLAIN_CREDIT and not re.search(rf"\b{_PHOTO}\s*(?:/|:|via\b|by\b|$)", credit):
            continue
        return m.start("credit"), m.end("credit")
    return None


def is_caption(text: str) -> bool:
    """A photo caption: a paragraph carrying a photo credit."""
    return credit_span(text) is not None


# Datelines.  "TOKYO, Japan —", "MOSCOW (Reuters) -", "TOKYO, Dec. 16, 2016
# (Reuters) -" glued before the lead; "Japan TOKYO" (country, then the city
# in capitals) and "Tokyo December 15, 2016" (a city and a full date) on a
# line of their own or glued before the lead.
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]*[A-Z.](?:[ -][A-Z][A-Z.'’\-]*[A-Z.]){0,3}"
_TITLE_PLACE = r"[A-Z][a-z][\w.'’-]*(?:[ -][A-Z][a-z][\w.'’-]*){0,3}"
_SHORT_DATE = rf"(?:{FULL_DATE}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{{1,2}})"
WIRE_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE})(?:,\s*(?P<region>{_TITLE_PLACE}|{_CAPS_PLACE}))?"
    rf"(?:,?\s*(?P<date>{_SHORT_DATE}))?\s*(?:\((?P<agency>[A-Z][\w.&'’ -]{{0,40}})\))?\s*[—–-]{{1,2}}\s*")
COUNTRY_CITY = re.compile(rf"^(?P<region>{_TITLE_PLACE})\s+(?P<place>[A-Z]{{3,}}(?:[ -][A-Z]{{3,}}){{0,2}})\b")
CITY_DATE = re.compile(rf"^(?P<place>{_TITLE_PLACE}|{_CAPS_PLACE}),?\s+(?P<date>{FULL_DATE})\b\s*[—–-]?\s*")


@dataclass(slots=True)
class DatelineMatch:
    text: str  # as written
    end: int  # where it ends in the paragraph (the lead starts after)
    place: str
    region: str | None
    date: str | None
    agency: str | None
    standard: bool  # the wire form "CITY, Country —" the extractors read in the text


def find_dateline(text: str) -> DatelineMatch | None:
    """A dateline at the start of a paragraph (the whole of it when it
    stands on its own line)."""
    for pattern in (WIRE_DATELINE, COUNTRY_CITY, CITY_DATE):
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end():].strip()
        if pattern is COUNTRY_CITY and rest and not rest[:1].isupper():
            continue
        if pattern is CITY_DATE and rest and not rest[:1].isupper():
            continue
        if pattern is WIRE_DATELINE and not rest and not m.group("agency"):
            continue
        groups = m.groupdict()
        date = None
        if groups.get("date"):
            full = DATE_WITH_WEEKDAY.search(groups["date"])
            date = iso_date(full) if full else None
        return DatelineMatch(
            text=m.group(0).strip(), end=m.end() if rest else len(text), place=_place_name(m.group("place")),
            region=_place_name(groups["region"]) if groups.get("region") else None, date=date,
            agency=(groups.get("agency") or "").strip() or None, standard=pattern is WIRE_DATELINE,
        )
    return None


def _place_name(text: str) -> str:
    """'NEW YORK' -> 'New York'; a name already in mixed case stays."""
    text = text.strip(" ,.")
    if not text.isupper():
        return text
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in re.split(r" ", text))


# A headline: a short line without final punctuation (or a question), not a
# sentence of the lead.
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250


SMALL_WORDS = frozenset("a an and as at but by for from in into of off on or over per the to up via vs with".split())


def is_title_case(text: str) -> bool:
    """A Title Case line ("Russia Bars Entry To 63 From Japan"): every
    word but small ones capitalised, three words or more."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in SMALL_WORDS]
    return len(text.split()) >= 3 and len(words) >= 2 and all(w[0].isupper() for w in words)


ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Jr|Sr|Co|Inc|Ltd|Corp|Bros|No)\.)$")


def looks_like_title(text: str) -> bool:
    """A headline's shape: short, and not ending as a sentence or a clause
    does (a question or an exclamation may; "Jr." and "U.S." may)."""
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or len(text) > MAX_TITLE_CHARS:
        return False
    return not (re.search(r"[.;,:]$", text) and not ABBREVIATION_END.search(text))


# Cut-off text: the last paragraph stops without ending its sentence.
CUT_OFF_MIN_WORDS = 4


def cut_off(text: str) -> tuple[str, str] | None:
    """(what is kept, the broken tail) when the paragraph stops in the
    middle of a sentence.  Only the last word is dropped (it may be cut
    mid-word: "becau"); the words before it are the writer's, and the
    facts they state stand.  A short line without final punctuation (a
    tag, a name) is not cut text."""
    stripped = text.rstrip()
    if re.search(r"[.!?…:;\"'”’»)\]]$", stripped) or len(stripped.split()) < CUT_OFF_MIN_WORDS:
        return None
    if looks_like_title(stripped) and sum(w[:1].isupper() for w in stripped.split()) > len(stripped.split()) / 2:
        return None  # a headline of a related story
    kept, _, tail = stripped.rpartition(" ")
    return kept.rstrip(" ,;:-–—"), tail

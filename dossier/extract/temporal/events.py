"""Dated events: every clause that a temporal expression dates (a meeting, a
visit, a statement, a signing, a military or political act) becomes an
event with its date (EDTF), place, participants, status and the sentence
that reports it.  Undated happenings are left out: an event here is
something the text puts on the calendar."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.extract.document import ArticleDoc
from dossier.extract.temporal.clauses import Clause, clause_of, clause_roles, clause_tokens, span_of, subject_tokens
from dossier.extract.temporal.dates import Anchor, DateMention, edtf_bounds, find_dates, resolve
from dossier.extract.temporal.occasions import Occasion, find_occasions, news_day
from dossier.extract.tokens import sentences as doc_sentences
from dossier.model import Event, EventReport, Person, Place
from dossier.slug import unique_slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KINDS: list[tuple[str, set[str]]] = [
    ("signing", {"sign", "signing", "ink", "ratify", "conclude"}),
    ("anniversary", {"anniversary", "commemorate"}),
    ("summit", {"summit"}),
    ("forum", {"forum", "conference", "congress", "ceremony"}),
    ("talks", {"talk", "talks", "negotiation", "negotiate", "meeting", "meet", "session", "dinner", "lunch"}),
    ("visit", {"visit", "trip", "travel", "arrive", "land", "fly", "tour"}),
    ("military act", {"seize", "occupy", "invade", "annex", "attack", "war", "occupation", "bomb", "deploy"}),
    ("statement", {"say", "tell", "announce", "statement", "interview", "speech", "address", "remark", "comment",
                   "declare", "protest", "write", "publish", "release", "conference", "confirm", "warn",
                   "answer", "apologise", "apologize", "urge", "decline"}),
]
MEETING_KINDS = {"talks", "summit", "forum"}
GATHERING_NAME = re.compile(r"\b(?:Forum|Conference|Summit|Olympics|Games|Congress|Assembly|Meeting|Session|"
                            r"Dialogue|Council)\b")
LEADER_TITLES = re.compile(r"\b(?:president|prime minister|premier|chancellor|king|queen|leader|head of state)\b",
                           re.I)
SPOKEN = {"interview", "speech", "address", "announcement", "statement", "remark", "comment"}
PRONOUNS = {"he", "she", "him", "her", "his"}
SKIP_BEFORE = re.compile(r"\b(?:since|until|till|for the first time since|ever since)\s+(?:the\s+)?$", re.I)
QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’"}


@dataclass(slots=True)
class Located:
    """An entity mention as a character range of the parsed text."""

    start: int
    end: int
    id: str


def mention_ranges(adoc: ArticleDoc, items: Iterable[Person | Place]) -> list[Located]:
    out: list[Located] = []
    for item in items:
        for mention in item.mentions:
            if mention.where.article != adoc.article.id:
                continue
            base = adoc.starts[mention.where.paragraph - 1]
            out.append(Located(base + mention.where.start, base + mention.where.end, item.id))
    out.sort(key=lambda m: m.start)
    return out


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (a quote left open runs to
    the end of its paragraph)."""
    out: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n\n"):
        i = 0
        while i < len(paragraph):
            close = QUOTE_PAIRS.get(paragraph[i])
            if close is None or (paragraph[i] == "‘" and i > 0 and paragraph[i - 1].isalpha()):
                i += 1
                continue
            j = paragraph.find(close, i + 1)
            if close == "’":
                while j != -1 and j + 1 < len(paragraph) and paragraph[j + 1].isalpha():
                    j = paragraph.find(close, j + 1)
            end = j if j != -1 else len(paragraph)
            out.append((offset + i, offset + end + 1))
            i = end + 1
        offset += len(paragraph) + 2
    return out


def _inside(pos: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _kind_of(token: Token) -> str | None:
    for kind, words in KINDS:
        if token.lemma_.lower() in words or token.lower_ in words:
            return kind
    return None


def event_kind(clause: Clause) -> str:
    """What happened, read from the clause's main word first, then from the
    words nearest to it."""
    main = clause.main
    if main is not None and (kind := _kind_of(main)):
        return kind
    pivot = main.i if main is not None else 0
    for token in sorted(clause.tokens, key=lambda t: abs(t.i - pivot)):
        if kind := _kind_of(token):
            return kind
    return "event"


COLLECTIVE = re.compile(r"\b(?:they|their|them|both leaders|the leaders|the two(?:\s+\w+)?\s+(?:leaders|men|ministers|"
                        r"presidents)|the two(?=\s+(?:to|agreed|met|will|would|are|were|have|had)\b))\b", re.I)
STATES = {"serve", "be", "remain", "live", "work", "stay", "have", "lie", "hold_office"}


def clause_root(doc: Doc, mention: DateMention) -> Token | None:
    """The token heading the date expression in the parse."""
    span = span_of(doc, mention.start, mention.end)
    return span.root if span is not None and len(span) else None


def _group(events: list[Event], people: list[Located], before: int, leaders: set[str]) -> list[str]:
    """Who "the two leaders" are: the people of the last event with several,
    else the last two leaders (or people) named."""
    earlier = next((e for e in reversed(events) if len(e.participants) >= 2), None)
    if earlier is not None:
        return list(earlier.participants)
    named: list[str] = []
    pool = [p for p in people if p.end <= before]
    if len({p.id for p in pool if p.id in leaders}) >= 2:
        pool = [p for p in pool if p.id in leaders]
    for located in reversed(pool):
        if located.id not in named:
            named.append(located.id)
        if len(named) == 2:
            break
    return named if len(named) == 2 else []


def _collective(clause: Clause) -> bool:
    """The clause's actors are a group named before ("the two leaders",
    "they", "their meeting")."""
    subject = subject_tokens(clause.verb) if clause.head is None else [
        t for t in clause.tokens if t.dep_ in ("poss", "nsubj")]
    if not subject:
        return False
    last = subject[-1]
    following = last.doc[last.i + 1].text if last.i + 1 < len(last.doc) else ""
    return bool(COLLECTIVE.search(" ".join([*(t.text for t in subject), following])))


def _participants(clause: Clause, people: list[Located], text: str) -> list[str]:
    chars = {t.i for t in clause.tokens}
    spans = [(t.idx, t.idx + len(t)) for t in clause.tokens]
    subject = subject_tokens(clause.verb) if clause.head is None else []
    spans += [(t.idx, t.idx + len(t)) for t in subject if t.i not in chars]
    out: list[str] = []
    for located in people:
        if any(a <= located.start < b for a, b in spans) and located.id not in out:
            out.append(located.id)
    if not out and clause.head is not None and clause.head.lemma_.lower() in SPOKEN:
        root = clause.head.sent.root
        for located in people:
            if any(t.idx <= located.start < t.idx + len(t) for t in subject_tokens(root)):
                out.append(located.id)
    pronoun = next((t for t in subject if t.lower_ in PRONOUNS), None)
    if pronoun is not None:
        before = [p for p in people if p.end <= pronoun.idx]
        if before and before[-1].id not in out:
            out.insert(0, before[-1].id)
    return out


def _place(clause: Clause, places: list[Located]) -> str | None:
    spans = {t.idx: t for t in clause.tokens}
    candidates: list[tuple[int, str]] = []
    for located in places:
        token = spans.get(located.start)
        if token is None:
            continue
        head = token
        while head.dep_ == "compound" and head.head is not head:
            head = head.head
        preposition = head.head.lower_ if head.dep_ == "pobj" else ""
        rank = 0 if preposition in ("in", "at") else 1 if preposition in ("to", "near", "from") else 2
        candidates.append((rank, located.id))
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1] if candidates and candidates[0][0] < 2 else None


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else name


def _title(clause: Clause, mention: DateMention, kind: str, participants: list[str], place: str | None,
           names: dict[str, str]) -> str:
    where = f" in {names[place]}" if place and place in names else ""
    if kind in MEETING_KINDS and len(participants) >= 2:
        who = "–".join(_surname(names.get(p, p)) for p in participants[:3])
        forum = next((t for t in clause.tokens if t.ent_type_ == "EVENT" and GATHERING_NAME.search(
            t.sent.text[t.idx - t.sent.start_char:][:80])), None)
        at = ""
        if forum is not None:
            ent = next((e for e in forum.doc.ents if e.start <= forum.i < e.end), None)
            at = f" at {ent.text}" if ent is not None else ""
        noun = "talks" if kind == "talks" else kind
        return f"{who} {noun}{at}{where}"
    skip = set(range(mention.start, mention.end))
    if clause.head is not None:
        words = [t.text_with_ws for t in clause.tokens if t.idx not in skip]
        while words and words[0].strip().lower() in ("the", "a", "an", "its", "their"):
            words.pop(0)
        return tidy_title(" ".join("".join(words).split()[:16]), kind)
    words = []
    subject = subject_tokens(clause.verb)
    clause_ids = {t.i for t in clause.tokens}
    if subject and not any(t.i in clause_ids for t in subject):
        words.extend(t.text for t in subject if t.dep_ not in ("punct", "appos") and t.lower_ not in ("who", "which"))
    dropped = {t.i for a in clause.tokens if a.dep_ in ("appos", "parataxis") for t in a.subtree}
    tokens = [t for t in clause.tokens if t.i not in dropped]
    while tokens and (tokens[-1].dep_ in ("cc", "punct") or tokens[-1].lower_ in ("and", "but")):
        tokens.pop()
    for token in tokens:
        if token.idx in skip or token.dep_ == "punct" or token.lower_ in ("who", "which", "that", "when"):
            continue
        if token.dep_ == "prep" and all(c.idx in skip for c in token.children):
            continue
        words.append(token.text)
    return tidy_title(" ".join(words[:16]) + (" …" if len(words) > 16 else ""), kind)


def tidy_title(title: str, kind: str) -> str:
    """Clause words made a title: no dateline, no leading "After"/"When",
    no preposition left hanging where the date was."""
    title = re.sub(r"^(?:[A-Z][A-Z.'’-]+\s+)+(?=[A-Z][a-z])", "", title.strip())
    title = re.sub(r"^(?:After|Before|Since|When|While|As|Until|Once)\s+", "", title)
    title = re.sub(r"\s+([,.;:’'])", r"\1", title)
    title = re.sub(r"\s+(?:for|in|on|at|by|of|from|since|during|until)(?=[,.;:]|\s*…|$)", "", title)
    title = title.strip(" ,;:-–—")
    return title[:1].upper() + title[1:] if title else kind.capitalize()


def extract_events(
    adoc: ArticleDoc, anchor: Anchor, people: list[Person], places: list[Place],
    skip_ranges: list[tuple[int, int]], taken: set[str],
) -> tuple[list[Event], dict[int, str], dict[int, tuple[int, int]]]:
    """Events dated in the article; also the value each date mention
    resolved to (by its start character), for documents, and the clause
    (character range) each report stands for, by `id()` of the report."""
    doc = adoc.doc
    text = adoc.text
    quotes = quoted_ranges(text)
    person_at = mention_ranges(adoc, people)
    place_at = mention_ranges(adoc, places)
    names = {p.id: p.name for p in people} | {p.id: p.name for p in places}
    dateline = _dateline_place(adoc, place_at)
    leaders = {p.id for p in people if any(LEADER_TITLES.search(r.title) for r in p.roles)}
    previous: str | None = None
    resolved: dict[int, str] = {}
    events: list[Event] = []
    clauses: dict[int, tuple[int, int]] = {}
    verbs: dict[int, int] = {}  # the clause's verb (token index) of each report
    dated: list[tuple[DateMention, str]] = []
    for mention in find_dates(text):
        clause = clause_of(doc, mention.start, mention.end)
        value = resolve(mention, anchor, clause.future, previous)
        if value is None:
            continue
        resolved[mention.start] = value
        dated.append((mention, value))
        previous = value
        if _inside(mention.start, quotes) or _inside(mention.start, skip_ranges):
            continue
        if SKIP_BEFORE.search(text[max(0, mention.start - 30):mention.start]) and not re.match(
                r"\s*,\s*when\b", text[mention.end:mention.end + 8]):
            continue
        if mention.kind == "war_end" and re.search(r"\b(?:after|since|before|until)\s+$",
                                                     text[max(0, mention.start - 12):mention.start]):
            continue
        if clause.verb is None:
            continue
        if mention.kind == "year_range" or _in_period(text, mention):
            continue  # "the budget for 2021 to 2027": a period of validity, not an event's date
        participants = _participants(clause, person_at, text)
        if clause.head is None and clause.verb.lemma_.lower() in STATES:
            continue
        if re.match(r"\s+being\b", text[mention.end:mention.end + 7]):
            continue
        root = clause_root(doc, mention)
        if root is not None and root.dep_ in ("nsubj", "nsubjpass"):
            continue  # "2019 will be a turning point": the year is talked about, not an event's date
        if not participants and _collective(clause):
            participants = _group(events, person_at, clause.start_char, leaders)
        sent = doc[clause.verb.i].sent
        if not participants:
            participants = _people_of_sentence(sent, person_at, quotes)
        in_lead = adoc.paragraph_of(sent.start_char) <= _lead_number(adoc) + 1
        if not participants and in_lead and _same_day(value, anchor):
            # The day's news told in the lead: its people are the lead's.
            participants = _people_of_lead(adoc, person_at, quotes)
        place = _place(clause, place_at)
        if place is None and dateline and sent.start_char == adoc.starts[dateline[1] - 1] and _same_day(value, anchor):
            place = dateline[0]
        kind = event_kind(clause)
        status = clause.status
        bounds = edtf_bounds(value)
        if anchor.earliest is not None and bounds is not None and bounds[1] < anchor.earliest:
            status = "held"
        title = _title(clause, mention, kind, participants, place, names)
        if participants and re.match(r"^(?:He|She)\b", title):
            title = _surname(names.get(participants[0], participants[0])) + title[title.index(" "):]
        action, actor, target = clause_roles(clause)
        report = EventReport(
            where=adoc.where(sent.start_char, sent.end_char), sentence=sent.text.strip(), status=status,
            date=value, date_text=mention.text, action=action, actor=actor, target=target,
        )
        start = min(clause.start_char, mention.start)
        if clause.head is None and clause.verb.dep_ in ("acl", "relcl"):
            start = min(start, clause.verb.head.left_edge.idx)  # "the declaration, signed in Moscow on ..."
        clauses[id(report)] = (start, max(clause.end_char, mention.end))
        verbs[id(report)] = clause.verb.i
        events.append(Event(
            id=unique_slug(title, taken), title=title, kind=kind, date=value, place=place,
            participants=participants, status=status, reports=[report],
        ))
    merged = merge_within_article(events, verbs)
    _continue_in_next_sentence(adoc, merged, person_at, set(resolved))
    day = news_day(_lead_dates(adoc, dated), anchor)
    if day is not None:
        for occasion in find_occasions(doc, dated, skip_ranges, quotes, adoc.paragraph_of, day):
            event = _occasion_event(adoc, occasion, day, person_at, place_at, names, taken)
            if event is None:
                continue
            report = event.reports[0]
            host = next((e for e in merged if e.date == day and e.kind in GATHERINGS | {"signing"}
                         and event.participants and set(event.participants) <= set(e.participants)), None)
            host = host or next((e for e in merged if e.date == day and e.reports[0].date_text is None
                                 and set(e.participants) == set(event.participants)), None)
            if host is not None:
                host.reports.append(report)  # words said at the day's meeting belong to it
                continue
            clauses[id(report)] = (occasion.sentence.start_char, occasion.sentence.end_char)
            verbs[id(report)] = occasion.verb.i
            merged.append(event)
    for event in merged:
        if event.kind in MEETING_KINDS and len(event.participants) >= 2 and "–" not in event.title:
            # Merged reports named who met: "Abe–Putin talks in Sochi" reads better than the clause.
            who = "–".join(_surname(names.get(p, p)) for p in event.participants[:3])
            where = f" in {names[event.place]}" if event.place in names else ""
            event.title = f"{who} {event.kind}{where}"
    return merged, resolved, clauses


def _occasion_event(adoc: ArticleDoc, occasion: Occasion, day: str, people: list[Located], places: list[Located],
                    names: dict[str, str], taken: set[str]) -> Event | None:
    """An event for an occasion of the news day, titled by who held it; None
    when nobody named holds it ("the pledge was set out in a statement",
    "the two governments said in a statement": the day's meeting speaking)."""
    verb = occasion.verb
    clause = Clause(verb, clause_tokens(verb), False, "held")
    participants = _occasion_participants(occasion, people)
    if participants:
        who = "–".join(_surname(names.get(p, p)) for p in participants[:3])
    else:
        subject = [t for t in subject_tokens(verb) if t.dep_ not in ("punct", "appos", "relcl")]
        if occasion.kind != "statement" or not subject or not any(
                t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "NORP") for t in subject):
            return None
        who = " ".join(t.text for t in subject[:6])
        who = who[:1].upper() + who[1:]
    sent = occasion.sentence
    report = EventReport(where=adoc.where(sent.start_char, sent.end_char), sentence=sent.text.strip(),
                         status="held", date=day, date_text=None)
    title = f"{who} {occasion.kind}".strip()
    return Event(id=unique_slug(title, taken), title=title, kind="statement", date=day,
                 place=_place(clause, places), participants=participants, status="held", reports=[report])


WITH_WHOM = {"phone call", "protest", "interview"}


def _occasion_participants(occasion: Occasion, people: list[Located]) -> list[str]:
    """Who held the occasion: the people its subject names (a pronoun is the
    person named last before it); for a call, a protest or an interview,
    also the people it was with ("lodged a protest with the ambassador")."""
    verb = occasion.verb
    tokens = subject_tokens(verb)
    if occasion.kind in WITH_WHOM:
        tokens += [t for c in verb.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree]
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    out: list[str] = []
    for located in people:
        if any(a <= located.start < b for a, b in spans) and located.id not in out:
            out.append(located.id)
    pronoun = next((t for t in subject_tokens(verb) if t.lower_ in PRONOUNS), None)
    if pronoun is not None and not out:
        before = [p for p in people if p.end <= pronoun.idx]
        if before:
            out.append(before[-1].id)
    return out


PERIOD = re.compile(r"\s*(?:-|–|to|through|until|and)\s*(?:1[0-9]|20)\d\d\b")


def _in_period(text: str, mention: DateMention) -> bool:
    """A year that opens or closes a span of years ("2021 to 2027", "2021-27")."""
    if mention.kind != "year":
        return False
    after = text[mention.end:mention.end + 12]
    before = text[max(0, mention.start - 14):mention.start]
    return bool(PERIOD.match(after) or re.match(r"\s*[-–]\d\d\b", after)
                or re.search(r"(?:1[0-9]|20)\d\d\s*(?:-|–|to|through|until)\s*$", before))


def _people_of_sentence(sent: Span, people: list[Located], quotes: list[tuple[int, int]]) -> list[str]:
    """The people a sentence names outside quotations: those of a clause
    that names nobody ("The accord was announced on Tuesday by Zarif")."""
    out: list[str] = []
    for located in people:
        if sent.start_char <= located.start < sent.end_char and not _inside(located.start, quotes) \
                and located.id not in out:
            out.append(located.id)
    return out


def _lead_number(adoc: ArticleDoc) -> int:
    """The paragraph number of the lead (the first that is not a heading or a title line)."""
    for paragraph in adoc.article.paragraphs[:4]:
        if paragraph.kind != "heading" and len(paragraph.text.split()) >= 8:
            return paragraph.number
    return 1


def _lead_dates(adoc: ArticleDoc, dated: list[tuple[DateMention, str]]) -> list[str]:
    """The dates of the lead: the first body paragraph (among the first
    four) that dates anything, so a headline or a byline line is passed over."""
    for paragraph in adoc.article.paragraphs[:4]:
        if paragraph.kind == "heading" or len(paragraph.text.split()) < 8:
            continue
        values = [v for m, v in dated if adoc.paragraph_of(m.start) == paragraph.number]
        if values:
            return values
    return []


def _people_of_lead(adoc: ArticleDoc, people: list[Located], quotes: list[tuple[int, int]]) -> list[str]:
    number = _lead_number(adoc)
    start = adoc.starts[number - 1]
    end = start + len(adoc.article.paragraphs[number - 1].text)
    out: list[str] = []
    for located in people:
        if start <= located.start < end and not _inside(located.start, quotes) and located.id not in out:
            out.append(located.id)
    return out


CONTINUED = {"signing", "talks", "summit", "visit", "forum"}


def _continue_in_next_sentence(adoc: ArticleDoc, events: list[Event], people: list[Located],
                               dated: set[int]) -> None:
    """News leads name the act and the date; the next sentence often names
    who did it ("... signed an agreement on Sunday." / "Kotzias and Dimitrov
    signed the document in Psarades."): an undated next sentence with the
    same verb adds its people and a report to the event."""
    sentences = doc_sentences(adoc.doc)
    for event in events:
        if event.kind not in CONTINUED:
            continue
        first = event.reports[0].where
        start = adoc.starts[first.paragraph - 1] + first.start
        index = next((i for i, s in enumerate(sentences) if s.start_char <= start < s.end_char), None)
        if index is None or index + 1 >= len(sentences):
            continue
        verbs = {t.lemma_.lower() for t in sentences[index] if t.pos_ == "VERB"}
        following = sentences[index + 1]
        if any(following.start_char <= d < following.end_char for d in dated):
            continue
        same = next((t for t in following if t.pos_ == "VERB" and t.lemma_.lower() in verbs
                     and t.lemma_.lower() not in ("say", "tell", "be", "have")), None)
        if same is None or same.lemma_.lower() not in VERBS_OF[event.kind]:
            continue
        chars = [(t.idx, t.idx + len(t)) for t in same.subtree]
        added = [p.id for p in people if any(a <= p.start < b for a, b in chars)]
        if not added:
            continue
        event.participants.extend(p for p in added if p not in event.participants)
        event.reports.append(EventReport(
            where=adoc.where(following.start_char, following.end_char), sentence=following.text.strip(),
            status=event.status, date=None, date_text=None,
        ))


VERBS_OF = {"signing": {"sign", "ink", "conclude"}, "talks": {"meet", "talk", "hold"}, "summit": {"meet", "hold"},
            "visit": {"visit", "arrive", "travel", "land"}, "forum": {"attend", "address", "open"}}


def _dateline_place(adoc: ArticleDoc, places: list[Located]) -> tuple[str, int] | None:
    for located in places:
        number = adoc.paragraph_of(located.start)
        if number > 3:
            return None
        if located.start == adoc.starts[number - 1]:
            return located.id, number
    return None


def _same_day(value: str, anchor: Anchor) -> bool:
    bounds = edtf_bounds(value)
    return anchor.day is not None and bounds is not None and bounds[0] <= anchor.day <= bounds[1]


def _narrower(a: str | None, b: str | None) -> bool:
    ba, bb = edtf_bounds(a), edtf_bounds(b)
    return bool(ba and bb and (ba[1] - ba[0]) < (bb[1] - bb[0]))


def merge_within_article(events: list[Event], verbs: dict[int, int] | None = None) -> list[Event]:
    """One event per happening: reports of the same date with the same
    participants (and no conflicting place) become one event."""
    out: list[Event] = []
    for event in events:
        same = next((e for e in out if _same_happening(e, event, verbs or {})), None)
        if same is None:
            out.append(event)
            continue
        named_nobody = not same.participants
        same.reports.extend(event.reports)
        same.place = same.place or event.place
        same.participants.extend(p for p in event.participants if p not in same.participants)
        if _narrower(event.date, same.date):
            same.date = event.date
        if same.kind == "event" or (event.kind in MEETING_KINDS and same.kind not in GATHERINGS):
            same.kind, same.title = event.kind, event.title
        elif event.participants and named_nobody:
            same.title = event.title  # the title of the report that names who
    return out


GATHERINGS = {"talks", "summit", "forum", "visit"}


def _same_happening(a: Event, b: Event, verbs: dict[int, int]) -> bool:
    ba, bb = edtf_bounds(a.date), edtf_bounds(b.date)
    overlap = bool(ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1])
    if overlap and a.kind in GATHERINGS and b.kind in GATHERINGS:
        if a.date == b.date and not b.participants and not b.place:
            return True  # "after Friday's meeting": the meeting already reported
        if a.date == b.date and (not a.participants or not b.participants) and (
                not a.place or not b.place or a.place == b.place) and ba and (ba[1] - ba[0]).days > 31:
            return True  # "a presidential visit ... this year" and "Putin to visit Japan this year"
        # One gathering reported twice: the same place, or the same people and no other place.
        if a.place and a.place == b.place and (not a.participants or not b.participants
                                               or set(a.participants) & set(b.participants)):
            return True
        if set(a.participants) == set(b.participants) and a.participants and not (
                a.place and b.place and a.place != b.place) and a.date == b.date:
            return True
    if a.date != b.date:
        ba, bb = edtf_bounds(a.date), edtf_bounds(b.date)
        va, vb = verbs.get(id(a.reports[-1])), verbs.get(id(b.reports[0]))
        same_clause = va is not None and va == vb  # two dates of one clause ("in May this year")
        if not (same_clause and ba and bb and ba[0] <= bb[1] and bb[0] <= ba[1]):
            return False
    if a.place and b.place and a.place != b.place:
        return False
    if set(a.participants) != set(b.participants):
        return False
    if not a.participants:
        return a.reports[-1].sentence == b.reports[0].sentence
    return True

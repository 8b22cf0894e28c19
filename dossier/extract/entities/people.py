"""People in one article: which spans name a person, and which mentions
("Shinzo Abe", "Abe", "Mr. Abe", "Vladimir") name the same one.

The recognizer's PERSON spans are the start; they are cleaned (titles and
possessives taken off, "Abe-Putin" split), checked against evidence that the
span is a place ("the Habomai islets", a gazetteer city), and completed with
spans the recognizer labelled otherwise but the text shows are people (a
known surname, a title before, a role in apposition)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from dossier.extract.entities.gazetteer import is_known_place, lookup_place
from dossier.extract.entities.media import ends_in_media_word, is_credit
from dossier.extract.entities.places import has_org_appositive, has_place_appositive
from dossier.extract.entities.roles import appositive_roles, is_role_head, title_before
from dossier.extract.tokens import doc_text, token_table
from dossier.extract.vocabulary import (
    ADMIN_ABBREVIATIONS,
    DOCUMENT_WORDS,
    EVENT_WORDS,
    GEO_FEATURES,
    HONORIFICS,
    ORG_WORDS,
    PLACE_TYPE_WORDS,
    PLURAL_ROLE_HEADS,
    REGNAL_TITLES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from dossier.resolve.names import fold, same_person_name

# Labels under which a known surname is still read as the person ("Lavrov"
# tagged as an organization, "Scholz" as a place); dates, numbers and the
# like are not.
OTHER_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LAW",
                               "LANGUAGE", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"})
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "DATE", "TIME",
                               "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LANGUAGE", "PRODUCT"})


@dataclass(slots=True)
class PersonCluster:
    """Mentions (token ranges) of one person in one article."""

    full_names: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions)

    @property
    def name(self) -> str:
        return max(self.full_names, key=lambda n: (len(n.split()), self.full_names.count(n), -self.full_names.index(n)))

    def keys(self, position: int) -> set[str]:
        out: set[str] = set()
        for n in self.full_names:
            parts = fold(n).split()
            if parts:
                out.add(parts[position])
        return out


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin",
                            "ibn", "al", "el", "dos", "das", "ter", "ten", "zu", "y"})


def _extend_particles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """"Ursula von der" + "Leyen": a name that ends on a particle goes on;
    "Ms. von der Leyen": particles before a surname belong to it."""
    while end < len(doc) and doc[end - 1].lower_ in NAME_PARTICLES and (
        doc[end].is_title or doc[end].lower_ in NAME_PARTICLES
    ):
        end += 1
    first = start
    while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and (
            doc[start - 1].is_lower or _starts_sentence(doc, start - 1)):  # "Von der Leyen said"
        start -= 1
    if start < first:  # "Ana Paula" + "dos Santos": the given names before the particles
        while start > 0 and first - start < 6 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ in {"", "PERSON"} and doc[start - 1].lower_ not in NAME_STOPS:
            start -= 1
    return start, end


def _starts_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or doc[i - 1].text in {'"', "\u201c", "(", "\u2014"}


def _extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name the recognizer cut short: a hyphenated given name ("Moon Jae"
    + "-in"), or the last part of a three-part name left untagged ("Lee
    Hsien" + "Loong")."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    if end < len(doc) and doc[end - 1].whitespace_ == " " and _name_part(doc, end) \
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and doc[end].tag_ != "NNPS" \
            and not (end + 1 < len(doc) and _name_part(doc, end + 1)):
        end += 1  # the recognizer's name modifies the word after it: one name
    return start, end


def _name_part(doc: Doc, i: int) -> bool:
    """An untagged capitalised proper noun that is no title, organization,
    place or event word."""
    tok = doc[i]
    low = tok.lower_
    return (tok.is_title and tok.pos_ == "PROPN" and not tok.ent_type_ and not tok.is_sent_start
            and low not in NAME_STOPS and not is_known_place(tok.text))


NAME_STOPS = ORG_WORDS | GEO_FEATURES | PLACE_TYPE_WORDS | EVENT_WORDS | DOCUMENT_WORDS | ROLE_HEADS | HONORIFICS


def is_demonym_plural(text: str) -> bool:
    """'Africans', 'Kenyans', 'Europeans': people of a place, not a person."""
    low = text.lower()
    if " " in low or not low.endswith("ans"):
        return False
    stem = low[:-1]  # "african"
    # africa(n), europe(an), iran(ian), ukrain(ian)e, ital(ian)y, mexic(an)o
    places = (stem[:-1], stem[:-2], stem[:-3], stem[:-3] + "e", stem[:-3] + "y", stem[:-2] + "o")
    return any((lookup_place(s) or ("", ""))[1] in {"country", "continent", "region"} for s in places if len(s) > 2)


# Not "call", "comment" or "react": "called on Putin to ..." is about a person.
PLATFORM_VERBS = frozenset({"write", "post", "say", "announce", "tweet", "share", "publish", "appear", "confirm",
                            "declare", "add", "note", "broadcast", "stream"})
# Role heads whose "of X" names what they lead ("the leader of Fremad"), unlike
# "a lawyer of X" or "an adviser of X".
LEADING_HEADS = frozenset({"leader", "president", "head", "chairman", "chairwoman", "chairperson", "chair", "chief",
                           "director", "founder", "secretary-general", "general-secretary"})


def names_a_platform(span: Span) -> bool:
    """"wrote on Twitter", "posted on Telegram": a network or medium the
    recognizer took for a person."""
    doc = span.doc
    if len(span) != 1 or span.start == 0:
        return False
    prep = doc[span.start - 1]
    return prep.lower_ in {"on", "via"} and span.root.head.i == prep.i and prep.head.lemma_ in PLATFORM_VERBS \
        and not _in_a_longer_name(span)


def _in_a_longer_name(span: Span) -> bool:
    """A word that is also part of a person's longer name in the article."""
    word = span.text
    return any(e.label_ == "PERSON" and len(e) > 1 and word in {t.text for t in e} for e in span.doc.ents)


def leads_it(span: Span) -> bool:
    """"the leader of Fremad", "president of Sinn Fein": what a role heads
    is an organization, not a person."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or span.root.head.i != span.start - 1:
        return False
    head = doc[span.start - 1].head
    return head.lower_ in LEADING_HEADS and not _in_a_longer_name(span)


# Appositive heads that make a name a work, a vehicle or a thing.
WORK_HEADS = frozenset({"song", "anthem", "hymn", "poem", "book", "novel", "film", "movie", "album", "play", "opera",
                        "painting", "ship", "vessel", "carrier", "submarine", "aircraft", "plane", "jet", "missile",
                        "rocket", "satellite", "newspaper", "magazine", "website", "app", "programme", "program",
                        "show", "series", "operation", "slogan", "motto"})


def _not_a_person(span: Span) -> bool:
    """Evidence in the text that a PERSON span names something else."""
    letters = [c for c in span.text if c.isalpha()]
    if len(letters) > 3 and span.text.isupper():
        return True  # a dateline or a heading in capitals ("LE BOURGET")
    if has_place_appositive(span) or is_demonym_plural(span.text) or has_org_appositive(span):
        return True  # "Palm Key, a resort island"; "Valgas, a gas producer"
    if is_credit(span) or ends_in_media_word(span):
        return True  # "Agency Photo", "Harbor Press"
    if span[-1].lower_ in ADMIN_ABBREVIATIONS or span[-1].lower_ + "." in ADMIN_ABBREVIATIONS:
        return True  # "Kaminoshima Pref."
    doc = span.doc
    if len(span) == 1 and span.start > 0 and span.end < len(doc) and doc[span.start - 1].lower_ in {"a", "an"} \
            and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower:
        return True  # "an Eslandic missile": an adjective
    if any(c.dep_ == "appos" and c.i >= span.end and c.lower_ in WORK_HEADS for c in span.root.children):
        return True  # "Over the Hills, the old song of farewell"
    if any(t.is_title and t.pos_ in {"ADP", "CCONJ", "SCONJ", "DET"} and t.lower_ not in NAME_PARTICLES
           for t in span):
        return True  # "Doctors Without Borders", "Friends of the Earth"
    return names_a_platform(span) or leads_it(span)


def _strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take titles off the front and a possessive off the end of a name."""
    while end > start and (doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019"} or doc[end - 1].is_punct):
        end -= 1
    while start < end - 1:
        low = doc[start].lower_
        if low in HONORIFICS or low in ROLE_HEADS or low in PLURAL_ROLE_HEADS or low in ROLE_MODIFIERS:
            if low in REGNAL_TITLES and end - start == 2:
                break
            start += 1
        else:
            break
    return start, end


def _looks_like_name(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    capitalised = all(t.text[:1].isupper() or t.text == "-" for t in words)
    return bool(words) and capitalised and not any(t.lower_ in ORG_WORDS for t in words)


def _is_geo_feature_name(doc: Doc, start: int, end: int) -> bool:
    """"the Habomai islets", "the Kuril chain": a name followed by a feature word."""
    return end < len(doc) and doc[end].lower_ in GEO_FEATURES


def _candidate_spans(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Person name spans (token ranges) and rejected PERSON spans that are
    places."""
    names: list[tuple[int, int]] = []
    places: list[tuple[int, int]] = []
    for ent in doc.ents:
        start, end = _strip_titles(doc, ent.start, ent.end)
        if start >= end:
            continue
        if ent.label_ == "PERSON":
            start, end = _extend_name(doc, *_extend_particles(doc, start, end))
            if _is_geo_feature_name(doc, start, end) or addresses_an_audience(doc[start:end]):
                continue
            if _not_a_person(doc[start:end]):
                continue
            if "\n" in doc[start:end].text:
                continue
            names.append((start, end))
        elif (ent.label_ not in NOT_PERSON_LABELS or ent.label_ in {"GPE", "LOC", "FAC"}) and end - start >= 2 \
                and _looks_like_name(doc[start:end]):
            span = doc[start:end]
            before = doc[start - 1] if start > 0 else None
            has_title = start > ent.start or (before is not None and (
                before.lower_ in HONORIFICS or (before.is_title and is_role_head(before))))
            has_role = any(True for _ in appositive_roles(span)) or _followed_by_who(doc, end)
            if (has_title or has_role) and not is_known_place(span.text):
                names.append((start, end))
    names.extend(_untagged_after_title(doc))
    names.extend(_untagged_before_role(doc))
    # A name made whole ("Ana Paula dos Santos") holds the pieces the recognizer tagged.
    names = [(s, e) for s, e in names if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in names)]
    return names, places


def _followed_by_who(doc: Doc, end: int) -> bool:
    """"Tomas Brandt, who set the award aside": "who" is said of people,
    so a two- or three-word name the recognizer took for an organization
    is a person."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who" \
        and doc[end + 1].head.head.i == end - 1 and doc[end - 1].pos_ == "PROPN"


def _untagged_before_role(doc: Doc) -> list[tuple[int, int]]:
    """"Amara Diallo Kone, chairperson of ..." when the recognizer tagged
    nothing: two to four capitalised proper nouns with a role in apposition."""
    table = token_table(doc)
    out: list[tuple[int, int]] = []
    for i in table.find(ROLE_HEADS):
        head = doc[i].head
        if doc[i].dep_ != "appos" or head.i >= i or head.i + 1 >= len(doc) or doc[head.i + 1].text != ",":
            continue
        start = head.i + 1
        while start > 0 and start > head.i - 4 and table.title[start - 1] and table.pos[start - 1] == "PROPN" \
                and not table.ent_type[start - 1] and table.lower[start - 1] not in NAME_STOPS:
            start -= 1
        if not is_known_place(doc[start : head.i + 1].text) and (
                head.i + 1 - start >= 2 or (start == head.i and _lone_name(doc, head.i))):
            out.append((start, head.i + 1))
    return out


def _lone_name(doc: Doc, i: int) -> bool:
    """"Suharyo, the Coordinating Minister": a single name with a role in
    apposition, not a word of a longer capitalised phrase."""
    tok = doc[i]
    return tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ in {"", "PERSON", "ORG"} \
        and tok.lower_ not in NAME_STOPS and (i == 0 or not doc[i - 1].is_title or doc[i - 1].is_sent_start)


def _untagged_after_title(doc: Doc) -> list[tuple[int, int]]:
    """"President Xi Jinping" when the recognizer tagged nothing: capitalised
    proper nouns right after a capitalised title or an honorific."""
    table = token_table(doc)
    out: list[tuple[int, int]] = []
    for i in table.find(TITLE_WORDS):
        if not table.title[i] and table.lower[i] not in HONORIFICS:
            continue
        j = i + 1
        while j < len(doc) and j - i <= 3 and table.title[j] and table.pos[j] == "PROPN" and not table.ent_type[j]:
            j += 1
        if j < len(doc) and table.title[j]:
            continue  # runs on into a longer capitalised phrase: not clearly a name
        least = 1 if table.lower[i] in HONORIFICS else 2
        if j - (i + 1) >= least and not is_known_place(doc[i + 1 : j].text):
            out.append((i + 1, j))
    return out


TITLE_WORDS = ROLE_HEADS | HONORIFICS
AUDIENCE = frozenset({"readers", "viewers", "listeners", "subscribers", "audience"})


def addresses_an_audience(span: Span) -> bool:
    """"Vestnik Kavkaza invites our readers": a publication, not a person."""
    head = span.root.head
    return span.root.dep_ == "nsubj" and any(
        c.dep_ in {"dobj", "dative"} and c.lower_ in AUDIENCE for c in head.children
    )


def _is_pair(doc: Doc, start: int, end: int) -> bool:
    """"Abe-Putin": two capitalised words joined by a hyphen."""
    tokens = doc[start:end]
    return len(tokens) == 3 and tokens[1].text in {"-", "\u2013"} and tokens[0].is_title and tokens[2].is_title


def _name_text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


@lru_cache(maxsize=4096)
def _folded_words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


def _same_without_first_name(a: str, b: str) -> bool:
    """"Ana Lucia Ferraz" and "Lucia Ferraz": a name of two words or more
    that is a longer one without its first part."""
    short, long = sorted((_folded_words(a), _folded_words(b)), key=len)
    return 2 <= len(short) < len(long) and long[-len(short):] == short


def _by_middle_name(clusters: list[PersonCluster], key: str) -> PersonCluster | None:
    """"Lula" of "Luiz Inacio Lula da Silva": a middle name of one person only."""
    hits = [c for c in clusters if any(key in _middle_names(n) for n in c.full_names)]
    return hits[0] if len(hits) == 1 else None


def _middle_names(name: str) -> list[str]:
    parts = fold(name).split()
    return [p for p in parts[1:-1] if p not in NAME_PARTICLES and len(p) > 2]


def _choose(clusters: list[PersonCluster], key: str, position: int) -> PersonCluster | None:
    hits = [c for c in clusters if key in c.keys(position)]
    if not hits:
        return None
    # Several people share the word ("Kim Jong Un", "Kim Yong Chol"): the
    # first named is the one the article is about.
    return min(hits, key=lambda c: c.first)


def find_people(doc: Doc) -> list[PersonCluster]:
    """Clusters of person mentions in one parsed article."""
    spans, _ = _candidate_spans(doc)
    clusters: list[PersonCluster] = []
    singles: list[tuple[int, int]] = []
    pairs = [(s, e) for s, e in spans if _is_pair(doc, s, e)]
    for start, end in sorted(set(spans) - set(pairs)):
        words = [t for t in doc[start:end] if not t.is_punct]
        if len(words) < 2 or words[0].lower_ in NAME_PARTICLES:
            singles.append((start, end))  # a surname alone, "von der Leyen" too
            continue
        text = _name_text(doc, start, end)
        target = next((c for c in clusters if any(same_person_name(text, n) or _same_without_first_name(text, n)
                                                  for n in c.full_names)), None)
        if target is None:
            target = PersonCluster()
            clusters.append(target)
        target.full_names.append(text)
        target.mentions.append((start, end))
    for start, end in pairs:
        halves = [(start, start + 1), (start + 2, start + 3)]
        if all(_choose(clusters, fold(doc[s:e].text), -1) for s, e in halves):
            singles.extend(halves)
        else:
            target = PersonCluster([_name_text(doc, start, end)], [(start, end)])
            clusters.append(target)
    pending: list[tuple[int, int]] = []
    for start, end in singles:
        key = fold(doc[end - 1].text)
        target = _choose(clusters, key, -1) or _choose(clusters, key, 0) or _by_middle_name(clusters, key)
        if target is not None:
            target.mentions.append((start, end))
        else:
            pending.append((start, end))
    table = token_table(doc)
    place_words = {fold(table.text[i - 1]) for i in table.find(GEO_FEATURES) if i > 0}
    for start, end in pending:
        text = doc[start:end].text
        if is_known_place(text) or _preceded_by_article(doc, start) or fold(text) in place_words:
            continue
        target = next(
            (c for c in clusters if not c.full_names and fold(text) in {fold(doc[s:e].text) for s, e in c.mentions}),
            None,
        )
        if target is None:
            target = PersonCluster()
            clusters.append(target)
        target.mentions.append((start, end))
    clusters = _merge_stated_nicknames(doc, clusters)
    _add_surname_mentions(doc, clusters)
    for c in clusters:
        if not c.full_names:
            s, e = c.mentions[0]
            c.full_names.append(_name_text(doc, s, e))
        c.mentions.sort()
    clusters.sort(key=lambda c: c.first)
    return clusters


NICKNAME = re.compile(
    r",?\s+(?:(?:better|also|widely|popularly|commonly|universally)\s+)?(?:known|referred\s+to)\s+as\s+"
    r"|,?\s+(?:nicknamed|dubbed)\s+|\s+\((?:known\s+as\s+)?(?=[A-Z][\w'\u2019-]*\))"
)
NICKNAME_WORDS = re.compile(r"[\"\u201c]?([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})")


def _merge_stated_nicknames(doc: Doc, clusters: list[PersonCluster]) -> list[PersonCluster]:
    """"Tomas Brandt Jr., better known as Tommy": the name the text ties to a
    full name is that person's, wherever it stands."""
    text = doc_text(doc)
    for cluster in clusters:
        for s, e in list(cluster.mentions):
            if not cluster.full_names or e - s < 2:
                continue
            end = doc[e - 1].idx + len(doc[e - 1])
            cue = NICKNAME.match(text, end)
            named = NICKNAME_WORDS.match(text, cue.end()) if cue else None
            if named is None:
                continue
            nickname = named.group(1)
            key = fold(nickname)
            if any(key == fold(n) for n in cluster.full_names):
                continue
            for other in clusters:
                texts = {fold(doc[a:b].text) for a, b in other.mentions} | {fold(n) for n in other.full_names}
                if other is not cluster and key in texts:
                    cluster.mentions.extend(other.mentions)
                    other.mentions = []
            cluster.full_names.append(nickname)
    return [c for c in clusters if c.mentions]


def _preceded_by_article(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ == "the"


NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


def _in_longer_ent(doc: Doc, i: int) -> bool:
    """A word of a longer name ("the Battle of Smith"), not a name alone
    that the recognizer mislabelled ("Suharyo" as a building)."""
    tok = doc[i]
    return tok.ent_iob_ == "I" or (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I")


def _add_surname_mentions(doc: Doc, clusters: list[PersonCluster]) -> None:
    """Mentions the recognizer missed or mislabelled ("Lavrov" as an
    organization): a capitalised word equal to a known surname."""
    taken = {i for c in clusters for s, e in c.mentions for i in range(s, e)}
    surnames: dict[str, PersonCluster] = {}
    for c in clusters:
        if c.full_names:
            for key in c.keys(-1):
                surnames.setdefault(key, c)
        else:
            for s, e in c.mentions:
                surnames.setdefault(fold(doc[s:e].text), c)
    # A given name alone ("Abiy, who won ...") where one person has it; only
    # where the tagger reads it as a proper noun (not "Will", "Mark" at a
    # sentence start).
    given: dict[str, list[PersonCluster]] = {}
    for c in clusters:
        for n in c.full_names:
            parts = fold(n).split()
            for part in ([parts[0]] if len(parts) >= 2 and len(parts[0]) > 2 else []) + _middle_names(n):
                if c not in given.get(part, []):
                    given.setdefault(part, []).append(c)
    table = token_table(doc)
    folded_surnames = {k: v for k, v in surnames.items()}
    for i, text in enumerate(table.text):
        if not table.title[i] or i in taken or (table.ent_type[i] in OTHER_NAME_LABELS
                                                 and (table.ent_type[i] in NUMERIC_LABELS or _in_longer_ent(doc, i))):
            continue
        if i + 1 < len(table.title) and table.title[i + 1] and table.pos[i + 1] == "PROPN":
            continue  # part of a longer name ("East Asia" is not Mike East)
        key = text.lower()
        if key not in folded_surnames:
            key = fold(text)
            if key not in folded_surnames:
                hits = given.get(key, [])
                if len(hits) == 1 and table.pos[i] == "PROPN" and key not in surnames \
                        and (not table.ent_type[i] or not is_known_place(text)):
                    hits[0].mentions.append((i, i + 1))
                continue
        if table.ent_type[i] in {"GPE", "LOC", "NORP"} and is_known_place(text):
            continue
        tok = doc[i]
        cluster = _choose(clusters, key, -1) or surnames[key]
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (prev is not None and prev.i not in taken and prev.is_title and not prev.ent_type_ and prev.pos_ == "PROPN"
                and not cluster.full_names):
            cluster.full_names.append(doc[prev.i : tok.i + 1].text)
            cluster.mentions.append((prev.i, tok.i + 1))
        else:
            start = _extend_particles(doc, tok.i, tok.i + 1)[0]
            if any(k in taken for k in range(start, tok.i)):
                start = tok.i
            cluster.mentions.append((start, tok.i + 1))


def role_heads_in(span: Span) -> bool:
    return any(is_role_head(t) for t in span)


__all__ = ["PersonCluster", "find_people", "title_before"]

"""Roles as the text states them, found around a name:

- a title before the name: "former Russian Ambassador to Japan Alexander Panov";
- an appositive, after or before: "Valentina Matviyenko, chair of the
  Federation Council", "Japan's ambassador, Toyohisa Kozuki";
- a past role: "Kishida served as foreign minister" (stated as "former ...").

Everything is read from the parse spaCy already made (tokens and the
dependency arcs), so no text is parsed twice."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dossier.extract.tokens import sentence_starts, token_table
from dossier.extract.vocabulary import (
    HONORIFICS,
    KINSHIP,
    PLURAL_ROLE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_NOISE,
)

JOINERS = frozenset({"of", "to", "for", "in", "at"})
SERVE_FORMS = frozenset({"served", "serving", "serves", "serve"})
POSSESSIVE = frozenset({"'s", "\u2019s"})
APPOSITIVE_PREPOSITIONS = frozenset({"of", "to", "for", "in", "at"})
PAST_MARKERS = frozenset({"then", "former", "ex"})
AS = frozenset({"as"})
# Verbs whose "as <role>" gives the subject the role ("acting as special
# representatives", "won a third term as president", "resigned as minister").
LEFT_VERBS = frozenset({"resign", "step", "quit", "retire"})
AS_VERBS = frozenset({"act", "work", "elect", "re-elect", "reelect", "appoint", "name", "nominate", "win", "remain",
                      "stay", "continue", "return", "take", "join", "swear", "confirm", "install", "reappoint",
                      "start", "begin", "run", "choose", "select", "designate", "hire", "replace", "succeed",
                      "secure", *LEFT_VERBS})
NAME_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
# Verbs that give the role after "as" to their object, when they have one.
OBJECT_AS_VERBS = frozenset({"appoint", "name", "nominate", "choose", "select", "designate", "hire", "install",
                             "reappoint", "elect", "re-elect", "reelect", "confirm", "replace"})
GENERIC_LEADERS = frozenset({"leader", "head", "chief"})
PLURAL_ONLY = frozenset(w for w in PLURAL_ROLE_HEADS if w not in ROLE_HEADS)


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token `i`."""
    starts = sentence_starts(doc)
    n = bisect.bisect_right(starts, i) - 1
    return starts[n], starts[n + 1] if n + 1 < len(starts) else len(doc)


@dataclass(slots=True)
class RoleHit:
    """A role found in the text: its words and where they are."""

    title: str
    start_char: int
    end_char: int
    counterpart_of: int | None = None  # token index of the possessor ("his") for "counterpart"
    plural: bool = False
    kind: str = "appositive"  # "title" (before the name), "appositive" or "past"


def is_role_head(token: Token) -> bool:
    low = token.lower_
    return low in ROLE_HEADS or low in PLURAL_ROLE_HEADS


def _title_token(token: Token) -> bool:
    if token.is_punct or token.like_num:
        return False
    if token.lower_ in HONORIFICS:
        return False
    if token.is_title or token.is_upper:
        # "IAEA chief": an acronym the tagger read as a verb is still a name.
        return token.lower_ not in {"the", "a", "an"} and (token.pos_ != "VERB" or token.ent_type_ == "ORG")
    return token.lower_ in ROLE_HEADS or token.lower_ in ROLE_MODIFIERS or token.lower_ in PLURAL_ROLE_HEADS


def title_before(doc: Doc, start: int, blocked: set[int]) -> RoleHit | None:
    """The title run ending just before token `start` ("Kremlin spokesman")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in HONORIFICS:
        return None
    complement = i >= 2 and doc[i].is_lower and doc[i].is_alpha and doc[i - 1].lower_ == "of" \
        and is_role_head(doc[i - 2]) and i not in blocked and (i - 1) not in blocked
    if complement:
        i -= 2  # "chief of staff Ilse Varga": the head and its lower-case complement
    while i >= 0 and i not in blocked:
        tok = doc[i]
        if "\n" in tok.text:
            break
        if tok.lower_ in JOINERS or tok.text in POSSESSIVE or tok.text == "-":
            if i - 1 >= 0 and (i - 1) not in blocked and _title_token(doc[i - 1]) and i + 1 < start:
                i -= 1
                continue
            break
        if not _title_token(tok):
            break
        i -= 1
    first = i + 1
    while first < start and (doc[first].lower_ in JOINERS or doc[first].text in POSSESSIVE or doc[first].text == "-"):
        first += 1
    if first >= start:
        return None
    # The head may be followed by its complement: "Ambassador to Japan", "Secretary of State".
    heads = [k for k in range(first, start) if is_role_head(doc[k])]
    if not heads:
        return None
    last = heads[-1]
    if last != start - 1 and not (doc[last + 1].lower_ in JOINERS and (complement or all(
        doc[k].is_title or doc[k].is_upper for k in range(last + 2, start)
    )) and last + 2 < start):
        return None
    # Sentence-initial capitalised words that are not part of a title ("Later").
    while first < start - 1 and not _heads_title(doc[first]) and doc[first].pos_ in {
        "ADV", "SCONJ", "ADP", "VERB", "AUX", "PRON", "DET"
    }:
        first += 1
    span = doc[first:start]
    plural = doc[last].lower_ in PLURAL_ROLE_HEADS and doc[last].lower_ not in ROLE_HEADS
    return RoleHit(_clean_title(span), span.start_char, span.end_char, plural=plural, kind="title")


def _heads_title(token: Token) -> bool:
    return is_role_head(token) or token.lower_ in ROLE_MODIFIERS or token.ent_type_ in {"NORP", "GPE", "ORG"}


ABBREVIATED_TITLES = {"sen.": "Senator", "rep.": "Representative", "gov.": "Governor", "gen.": "General",
                      "lt.": "Lieutenant", "col.": "Colonel", "adm.": "Admiral", "sgt.": "Sergeant",
                      "capt.": "Captain", "pres.": "President", "amb.": "Ambassador", "supt.": "Superintendent",
                      "insp.": "Inspector", "cmdr.": "Commander"}


def _clean_title(span: Span) -> str:
    text = span.text
    if text.lower().startswith(("then-", "then ", "ex-")):
        text = "former " + text.split("-", 1)[1] if text[:3].lower() == "ex-" or text[4] == "-" else \
            "former " + text[5:]  # "then-prime minister": a past role
    words = [ABBREVIATED_TITLES.get(w.lower(), w) for w in text.split()]
    for n, word in enumerate(words):
        if word.lower() in JOINERS:
            break  # "chairman of the Joint Chiefs of Staff" keeps its plural
        if word.lower() in PLURAL_ROLE_HEADS and word.lower() not in ROLE_HEADS:
            words[n] = word[: len(PLURAL_ROLE_HEADS[word.lower()])]
    return " ".join(words)


def _appositive_phrase(head: Token) -> tuple[int, int, bool] | None:
    """Token range [a, b) of the role phrase headed by `head`, without
    determiners, relative clauses and the like; and whether it is marked as
    past ("then Russia's president")."""
    if not is_role_head(head) or head.lower_ in KINSHIP:
        return None
    left = [c for c in head.lefts if c.dep_ not in {"det", "punct", "cc", "prep", "relcl", "advmod"}]
    a = min((c.left_edge.i for c in left), default=head.i)
    b = head.i + 1
    for c in head.rights:
        if c.i != b:
            break
        if c.dep_ == "prep" and c.lower_ in APPOSITIVE_PREPOSITIONS:
            b = c.right_edge.i + 1
        elif c.text == "-" and not head.doc[c.i - 1].whitespace_:
            b = c.i + 1
        elif c.dep_ in {"compound", "amod"} or c.text in {"d'affaires"}:
            b = c.right_edge.i + 1
        else:
            break
    doc = head.doc
    b = _glued_end(doc, b)
    # A second appositive or a relative clause ends the role: "president of
    # Sinn Fein, the political wing of ...", "minister of X, who led ...".
    b = _role_end(doc, head.i + 1, b)
    while a < head.i and ((doc[a].lower_ in ROLE_NOISE and doc[a].ent_type_ not in NAME_LABELS) or doc[a].is_punct):
        a += 1  # not "New" of "a New York Democrat"
    past = a > 0 and doc[a - 1].lower_ in PAST_MARKERS
    return a, b, past


def _capitalised_list_end(doc: Doc, k: int) -> int | None:
    """End of "Irrigation and Electricity" after the comma at `k` in
    "Minister of Water, Irrigation and Electricity": capitalised items up
    to a last one after "and"."""
    j = k + 1
    while j < len(doc) and (doc[j].is_title or doc[j].text == ","):
        j += 1
    if j == k + 1 or j + 1 >= len(doc) or doc[j].lower_ != "and" or not doc[j + 1].is_title:
        return None
    j += 1
    while j < len(doc) and doc[j].is_title:
        j += 1
    return j


def _parenthesis_end(doc: Doc, k: int) -> int | None:
    """End of a short capitalised aside, "(South Asia)", and of the
    preposition phrase after it: "director general (South Asia) at the
    Foreign Office"."""
    close = next((j for j in range(k + 1, min(k + 6, len(doc))) if doc[j].text == ")"), None)
    if close is None or close == k + 1 or not all(t.is_title or t.is_upper for t in doc[k + 1 : close]):
        return None
    end = close + 1
    if end < len(doc) and doc[end].lower_ in APPOSITIVE_PREPOSITIONS:
        end = max(end + 1, doc[end].right_edge.i + 1)
    return end


def _role_end(doc: Doc, start: int, b: int) -> int:
    """A second appositive or a relative clause ends the role ("president of
    Sinn Fein, the political wing of ...", "minister of X, who led ..."),
    except a list of capitalised fields or a short aside in parentheses."""
    k = start
    while k < b:
        text = doc[k].text
        if text == "," and (end := _capitalised_list_end(doc, k)) is not None:
            b, k = max(b, end), end
            continue
        if text == "(" and (end := _parenthesis_end(doc, k)) is not None:
            b, k = max(b, end), end
            continue
        if text in {",", ";", "(", "\u2014", "\u2013"}:
            return k
        k += 1
    if b < len(doc) and doc[b].text == "(" and (end := _parenthesis_end(doc, b)) is not None:
        return end
    return b


def _glued_end(doc: Doc, b: int) -> int:
    """Extend over hyphenated words: "under-secretary-general"."""
    while b < len(doc) and not doc[b - 1].whitespace_ and (doc[b].text == "-" or doc[b - 1].text == "-"):
        b += 1
    return b


APPOSITIVE_WORD_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})


def _misparsed_appositive(name: Span) -> RoleHit | None:
    """"Suharyo, a former special forces general, ...": an appositive the
    parser split ("forces" as its head); the role head is the last word
    before the closing comma, after adjectives and nouns only."""
    doc = name.doc
    k = name.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in {"a", "an", "the"}:
        return None
    j = k + 2
    while j < len(doc) and j < k + 9 and doc[j].pos_ in APPOSITIVE_WORD_POS and not doc[j].is_punct:
        j += 1
    if j < len(doc) and doc[j].text in {",", ".", ";"} and j > k + 2 and is_role_head(doc[j - 1]):
        span = doc[k + 2 : j]
        return RoleHit(_clean_title(span), span.start_char, span.end_char)
    return None


def appositive_roles(name: Span) -> list[RoleHit]:
    """Roles in apposition to a name, after it or before it."""
    doc = name.doc
    root = name.root
    heads: list[Token] = [c for c in root.children if c.dep_ == "appos" and c.i >= name.end]
    if root.dep_ == "appos" and root.head.i < name.start:
        heads.append(root.head)
    # "Tim Cook, who is Apple's chief executive"
    for clause in root.children:
        if clause.dep_ == "relcl" and clause.lemma_ == "be" and clause.i >= name.end:
            heads.extend(c for c in clause.children if c.dep_ == "attr")
    heads.extend(c for h in heads if h.lower_ in KINSHIP for c in h.conjuncts if c.i > h.i and is_role_head(c))
    # "a Massachusetts Democrat and frequent critic of ...": the parser hangs
    # the role on the noun after "and".
    heads.extend(c for h in list(heads) if not is_role_head(h) for c in h.lefts
                 if c.dep_ in {"nmod", "compound"} and is_role_head(c) and any(k.dep_ == "cc" for k in c.rights))
    misparsed = None if any(is_role_head(h) for h in heads) else _misparsed_appositive(name)
    out: list[RoleHit] = [_kinship_hit(h) for h in heads if _kin_of_role(h) is not None]  # type: ignore[arg-type]
    for head in heads:
        if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN" and doc[head.i + 1].text[:1].isupper() \
                and head.i >= name.end:
            continue  # "..., the senior cleric Yusuf Karim": the title of the name after it
        phrase = _appositive_phrase(head)
        if phrase is None:
            continue
        a, b, past = phrase
        if a >= b:
            continue
        span = doc[a:b]
        text = _clean_title(span)
        if past and not text.lower().startswith("former"):
            text = "former " + text
        hit = RoleHit(text, span.start_char, span.end_char)
        if head.lower_ == "counterpart":
            owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
            hit.counterpart_of = owner.i if owner is not None else head.i
        out.append(hit)
    if misparsed is not None:
        out.append(misparsed)
    return out


def _kin_of_role(head: Token) -> Token | None:
    """"His son-in-law and senior adviser, X": a kinship word joined to a
    role is stated as a role too (a kinship word alone is not)."""
    kin = head.head
    if head.dep_ == "conj" and kin.i < head.i and kin.lower_ in KINSHIP and is_role_head(head):
        return kin
    return None


def _kinship_hit(head: Token) -> RoleHit:
    kin = _kin_of_role(head)
    assert kin is not None
    doc = head.doc
    span = doc[kin.i : _glued_end(doc, kin.i + 1)]
    return RoleHit(span.text, span.start_char, span.end_char)


def past_roles(name: Span) -> list[RoleHit]:
    """"X served as foreign minister", "after serving as ..." -> "former ..."."""
    doc = name.doc
    _, sent_end = sentence_bounds(doc, name.start)
    table = token_table(doc)
    out: list[RoleHit] = []
    for k in range(name.end, sent_end):
        if table.ent_type[k] == "PERSON":
            break
        if table.lower[k] not in SERVE_FORMS or k + 1 >= sent_end or table.lower[k + 1] != "as":
            continue
        tok = doc[k]
        if tok.lemma_ == "serve":
            if tok.tag_ not in {"VBD", "VBN"} and not any(t.lower_ == "after" for t in doc[max(0, tok.i - 2) : tok.i]):
                continue
            i = tok.i + 2
            j = i
            while j < sent_end and (doc[j].lower_ in ROLE_MODIFIERS or is_role_head(doc[j]) or doc[j].is_title):
                j += 1
            while j > i and not is_role_head(doc[j - 1]):
                j -= 1
            if j > i:
                span = doc[i:j]
                out.append(RoleHit("former " + span.text, span.start_char, span.end_char, kind="past"))
            break
    return out


def roles_of_mentions(doc: Doc, mentions: list[list[tuple[int, int]]]) -> list[list[RoleHit]]:
    """Roles for each person, given each person's mentions (token ranges).

    Counterparts are resolved against the other person's role in the same
    sentence ("Kono ... his Russian counterpart, Sergei Lavrov" -> "Russian
    counterpart (foreign minister)"), and a plural title is shared by the
    names it lists ("Prime Ministers Alexis Tsipras and Zoran Zaev")."""
    blocked = {i for ms in mentions for s, e in ms for i in range(s, e)}
    owner = {s: n for n, ms in enumerate(mentions) for s, _ in ms}
    found: list[list[RoleHit]] = [[] for _ in mentions]
    placed: list[tuple[int, int, RoleHit]] = []  # (person, mention start, hit)
    for n, ms in enumerate(mentions):
        for s, e in ms:
            span = doc[s:e]
            hits = []
            before = title_before(doc, s, blocked)
            if before is not None:
                hits.append(before)
            hits.extend(appositive_roles(span))
            hits.extend(past_roles(span))
            for hit in hits:
                placed.append((n, s, hit))
    placed = [_nearest_owner(doc, n, s, hit, mentions) for n, s, hit in placed]
    token_owner = {i: (n, s) for n, ms in enumerate(mentions) for s, e in ms for i in range(s, e)}
    placed.extend((n, s, hit) for n, s, hit in as_roles(doc, token_owner))
    placed.extend((n, s, hit) for n, s, hit in shared_plural_description(doc, token_owner))
    for n, s, hit in placed:
        if hit.plural:
            _share_plural(doc, n, s, hit, mentions, owner, found)
        if hit.counterpart_of is not None:
            hit.title = _resolve_counterpart(doc, n, s, hit, placed)
        found[n].append(hit)
    for n, hit in described_roles(doc, found, blocked):
        found[n].append(hit)
    return [collapse_roles(hits) for hits in found]


def as_roles(doc: Doc, token_owner: dict[int, tuple[int, int]]) -> list[tuple[int, int, RoleHit]]:
    """"Abe, who won a third term as president of the ruling party";
    "Morgulov and Mori acting as special representatives": a role after
    'as', given to the verb's subject and the names joined to it."""
    out: list[tuple[int, int, RoleHit]] = []
    for i in token_table(doc).find(AS):
        tok = doc[i]
        if tok.dep_ != "prep":
            continue
        head = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if head is None or not is_role_head(head):
            continue
        verb = tok.head
        if verb.pos_ == "NOUN" and verb.dep_ in {"dobj", "pobj"}:
            verb = verb.head  # "won a third term as president"
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_ not in AS_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if (subject is None or subject.tag_ in {"WP", "WDT"}) and verb.dep_ in {"relcl", "acl"}:
            subject = verb.head
        if verb.lemma_ in OBJECT_AS_VERBS:
            # "Tanaka named Mori as her chief cabinet secretary": the role is the object's.
            subject = next((c for c in verb.children if c.dep_ in {"dobj", "oprd"}), subject)
        if subject is None or subject.i not in token_owner:
            continue
        phrase = _appositive_phrase(head)
        if phrase is None:
            continue
        a, b, _ = phrase
        span = doc[a:b]
        title = ("former " if verb.lemma_ in LEFT_VERBS else "") + _clean_title(span)
        for person in [subject, *subject.conjuncts]:
            if person.i in token_owner:
                n, s = token_owner[person.i]
                out.append((n, s, RoleHit(title, span.start_char, span.end_char)))
    return out


def shared_plural_description(doc: Doc, token_owner: dict[int, tuple[int, int]]) -> list[tuple[int, int, RoleHit]]:
    """"the Russian and Japanese leaders, Vladimir Putin and Shinzo Abe":
    each name takes its own adjective with the shared head."""
    out: list[tuple[int, int, RoleHit]] = []
    for i in token_table(doc).find(PLURAL_ONLY):
        tok = doc[i]
        low = tok.lower_
        if tok.i < 3 or tok.i + 2 >= len(doc):
            continue
        if doc[tok.i + 1].text != "," or doc[tok.i - 2].lower_ != "and":
            continue
        first_adj, second_adj = doc[tok.i - 3], doc[tok.i - 1]
        if not (first_adj.ent_type_ == "NORP" and second_adj.ent_type_ == "NORP"):
            continue
        first = token_owner.get(tok.i + 2)
        if first is None:
            continue
        j = tok.i + 2
        while j < len(doc) and token_owner.get(j) == first:
            j += 1
        if j + 1 >= len(doc) or doc[j].lower_ != "and" or (j + 1) not in token_owner:
            continue
        second = token_owner[j + 1]
        singular = PLURAL_ROLE_HEADS[low]
        for owner, adj in ((first, first_adj), (second, second_adj)):
            out.append((owner[0], owner[1], RoleHit(f"{adj.text} {singular}", adj.idx, tok.idx + len(tok))))
    return out


def _fits(title: str, adjective: str, head: str) -> bool:
    """Whether "the <adjective> <head>" can describe someone titled `title`."""
    words = title.split()
    return adjective in words and (head in GENERIC_LEADERS or words[-1].lower() == head)


def described_roles(doc: Doc, found: list[list[RoleHit]], blocked: set[int]) -> list[tuple[int, RoleHit]]:
    """"Abe addressed the Russian leader by his first name": a definite
    description with a nationality goes to the one person whose stated
    roles carry the same nationality."""
    out: list[tuple[int, RoleHit]] = []
    table = token_table(doc)
    for i in table.find(ROLE_HEADS):
        if i < 2 or table.lower[i - 2] != "the" or table.ent_type[i - 1] != "NORP":
            continue
        tok = doc[i]
        nxt = tok.i + 1
        if nxt < len(doc) and (nxt in blocked or (doc[nxt].text == "," and nxt + 1 in blocked)):
            continue  # a title or appositive of a name, read already
        adjective = doc[tok.i - 1].text
        owners = [n for n, hits in enumerate(found) if any(_fits(h.title, adjective, tok.lower_) for h in hits)]
        if len(owners) == 1:
            out.append((owners[0], RoleHit(f"{adjective} {tok.text}", doc[tok.i - 1].idx, tok.idx + len(tok))))
    return out


def _nearest_owner(
    doc: Doc, n: int, s: int, hit: RoleHit, mentions: list[list[tuple[int, int]]]
) -> tuple[int, int, RoleHit]:
    """An appositive belongs to the name just before it: the parser sometimes
    hangs "Fumio Kishida, Japan's foreign minister" on an earlier name."""
    if hit.kind != "appositive" or hit.start_char < doc[s].idx:
        return n, s, hit
    best = (n, s)
    for other, ms in enumerate(mentions):
        for st, en in ms:
            if doc[st].idx > doc[best[1]].idx and doc[en - 1].idx + len(doc[en - 1]) <= hit.start_char:
                best = (other, st)
    return best[0], best[1], hit


def _share_plural(
    doc: Doc, n: int, s: int, hit: RoleHit, mentions: list[list[tuple[int, int]]], owner: dict[int, int],
    found: list[list[RoleHit]],
) -> None:
    ends = {st: en for ms in mentions for st, en in ms}
    end = ends[s]
    while end < len(doc):
        j = end
        while j < len(doc) and doc[j].text in {",", "and"}:
            j += 1
        if j == end or j not in owner:
            return
        found[owner[j]].append(RoleHit(hit.title, hit.start_char, hit.end_char, kind=hit.kind))
        end = ends[j]


def _strip_nationality(doc: Doc, hit: RoleHit) -> str:
    span = doc.char_span(hit.start_char, hit.end_char, alignment_mode="expand")
    if span is None:
        return hit.title.lower()
    words = [t for t in span if t.ent_type_ not in {"NORP", "GPE"} and t.text not in POSSESSIVE]
    return " ".join(t.text for t in words).lower()


def _resolve_counterpart(doc: Doc, n: int, s: int, hit: RoleHit, placed: list[tuple[int, int, RoleHit]]) -> str:
    sent_start, _ = sentence_bounds(doc, s)
    best: tuple[int, RoleHit] | None = None
    for other_n, other_s, other in placed:
        if other_n == n or other.counterpart_of is not None:
            continue
        if not (sent_start <= other_s < s):
            continue
        if best is None or other_s > best[0]:
            best = (other_s, other)
    if best is None:
        return hit.title
    return f"{hit.title} ({_strip_nationality(doc, best[1])})"


def _role_tokens(title: str) -> set[str]:
    from dossier.resolve.names import fold

    return {w for w in fold(title).split() if w not in {"the", "of", "a", "an", "to", "for", "in", "at", "s"}}


def collapse_roles(hits: list[RoleHit]) -> list[RoleHit]:
    """Near-duplicates collapse to the most specific one, at the place it was
    first stated: "Russian President" and "President" are one role; "foreign
    minister" and "former foreign minister" are two."""
    out: list[RoleHit] = []
    for hit in sorted(hits, key=lambda h: h.start_char):
        words = _role_tokens(hit.title)
        if not words:
            continue
        for n, kept in enumerate(out):
            other = _role_tokens(kept.title)
            if ("former" in words) != ("former" in other):
                continue
            if words <= other:
                break
            if other < words:
                out[n] = RoleHit(hit.title, kept.start_char, kept.end_char, kind=kept.kind) \
                    if kept.start_char < hit.start_char else hit
                break
        else:
            out.append(hit)
    return out

"""Who is speaking: from a reporting verb to the person (or organization)
it attributes words to.

A subject token is mapped to a person through the entity extractor's
mentions (character overlap), then through name matching for names the
extractor missed.  "he"/"she" are resolved to the most recent person who was
the *subject* of a clause with a compatible gender (not simply the last name
mentioned), and each resolution teaches that person's gender.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossier.extract.document import ArticleDoc
from dossier.extract.quotes.speech_verbs import ACCORDING, SPEECH_VERBS
from dossier.extract.vocabulary import ROLE_HEADS
from dossier.model import Mention, Organization, Person
from dossier.slug import unique_slug

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

PRONOUN_REACH = 300  # tokens: how far back "she" looks for a subject known to be a woman
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# When the reporting verb has no subject of its own ("..., adding, ..."), climb
# through these relations to the clause that has one.
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp", "prep", "acl", "ccomp", "relcl", "dep"})
PRONOUN_GENDER = {"he": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "lady": "f", "dame": "f", "queen": "f",
    "princess": "f",
}
_ROLE_PREFIX = r"(?:chair|spokes|congress|business|council|states|country)?"
_GENDERED_ROLE = re.compile(
    rf"\b(?:(?P<f>{_ROLE_PREFIX}woman|wife|mother|daughter|sister|queen|princess|duchess|actress|widow)"
    rf"|(?P<m>{_ROLE_PREFIX}man|husband|father|son|brother|king|prince|duke|widower))\b",
    re.I,
)
# Named-entity labels that are not people: a capitalised subject so labelled is
# no speaker the entity extractor overlooked.
_NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC"})
# A head noun for a group, an office or a document rather than a person.
STATEMENT_HEADS = frozenset({"statement", "communique", "release", "announcement", "letter", "report", "post"})


def _is_main_clause(verb: Token) -> bool:
    """A sentence's main verb, a verb joined to it, or a reporting verb: the
    subjects that stay salient ("Panov said ..."), unlike the subject of an
    embedded clause ("... possible for Abe to agree")."""
    if verb.dep_ == "ROOT" or verb.lower_ in SPEECH_VERBS:
        return True
    return verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def token_indices(doc: Doc, attr: int, values: Iterable[str]) -> list[int]:
    """Indices of the tokens whose `attr` (spacy.attrs.LOWER, DEP, ...) is one
    of `values`, found on the doc's arrays: no Token object is made for the
    others, which keeps a pass over a long article cheap."""
    import numpy

    column = doc.to_array(attr).reshape(-1)
    hashes = numpy.array([doc.vocab.strings[v] for v in values], dtype=column.dtype)
    return [int(i) for i in numpy.nonzero(numpy.isin(column, hashes))[0]]


def _is_reported(verb: Token) -> bool:
    """The clause of a parenthetical attribution ("Trump, he added, is not a
    factor"): its subject is what was said about, not who is speaking."""
    return any(c.dep_ == "parataxis" and c.lower_ in SPEECH_VERBS for c in verb.children)


def _glued(token: Token) -> list[Token]:
    """The tokens written without a space around `token`: a hyphenated name
    is one word of text but several tokens."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text == "-" or doc[start].text == "-"):
        start -= 1
    end = token.i
    while end + 1 < len(doc) and not doc[end].whitespace_ and (doc[end].text == "-" or doc[end + 1].text == "-"):
        end += 1
    return list(doc[start:end + 1])


def _inside(ranges: list[tuple[int, int]], char: int) -> bool:
    n = bisect.bisect_right(ranges, (char, float("inf"))) - 1
    return n >= 0 and ranges[n][0] <= char < ranges[n][1]


@dataclass(slots=True)
class Speaker:
    person: str | None = None
    organization: str | None = None

    def __bool__(self) -> bool:
        return bool(self.person or self.organization)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip(".,'\u2019")


@dataclass(slots=True)
class SpeakerIndex:
    """Token-level lookups for one article: which token names which person
    or organization, and who was the subject of each clause so far."""

    adoc: ArticleDoc
    people: list[Person]
    organizations: list[Organization]
    person_at: dict[int, str] = field(default_factory=dict)  # token index -> person id
    org_at: dict[int, str] = field(default_factory=dict)  # token index -> organization id
    by_name: dict[str, set[str]] = field(default_factory=dict)  # folded name word -> person ids
    by_first: dict[str, set[str]] = field(default_factory=dict)  # first word of a name of 3+ words or 2 -> ids
    gender: dict[str, str] = field(default_factory=dict)  # person id -> "m" / "f"
    quoted: list[tuple[int, int]] = field(default_factory=list)  # doc char ranges inside quotation marks
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (token index, person id), in order
    _subject_keys: list[int] = field(default_factory=list)
    org_subjects: list[tuple[int, str]] = field(default_factory=list)  # (token index, organization id)

    def __post_init__(self) -> None:
        doc = self.adoc.doc
        for person in self.people:
            for mention in person.mentions:
                self._mark(self.person_at, mention.where, person.id)
            for name in [person.name, *person.aliases]:
                words = [fold(w) for w in name.split()]
                words = [w for w in words if w and w not in HONORIFIC_GENDER]
                if words:
                    self.by_name.setdefault(words[-1], set()).add(person.id)
                    self.by_name.setdefault(" ".join(words), set()).add(person.id)
                if len(words) >= 2:  # "Wang said", "Ri said": names written family name first
                    self.by_first.setdefault(words[0], set()).add(person.id)
            for role in person.roles:
                self._learn_from_text(person.id, role.title)
        for org in self.organizations:
            for mention in org.mentions:
                self._mark(self.org_at, mention.where, org.id)
        self._learn_from_honorifics(doc)
        self._track_subjects(doc)

    # ------------------------------------------------------------ building
    def _mark(self, table: dict[int, str], where, entity_id: str) -> None:
        if where.article != self.adoc.article.id or where.paragraph > len(self.adoc.starts):
            return
        base = self.adoc.starts[where.paragraph - 1]
        span = self.adoc.doc.char_span(base + where.start, base + where.end, alignment_mode="expand")
        if span is None:
            return
        for token in span:
            table.setdefault(token.i, entity_id)

    def _learn_from_text(self, person_id: str, text: str) -> None:
        m = _GENDERED_ROLE.search(text)
        if m and person_id not in self.gender:
            self.gender[person_id] = "f" if m.group("f") else "m"

    def _learn_from_honorifics(self, doc: Doc) -> None:
        from spacy.attrs import LOWER

        words = [*HONORIFIC_GENDER, *(w + "." for w in HONORIFIC_GENDER)]
        for i in token_indices(doc, LOWER, words):
            token = doc[i]
            g = HONORIFIC_GENDER[token.lower_.rstrip(".")]
            if i + 1 >= len(doc):
                continue
            nxt = token.nbor(1)
            if nxt.text == ".":
                if nxt.i + 1 >= len(doc):
                    continue
                nxt = nxt.nbor(1)
            pid = self.person_at.get(nxt.i)
            if pid and pid not in self.gender:
                self.gender[pid] = g

    def _track_subjects(self, doc: Doc) -> None:
        from spacy.attrs import DEP

        quoted = sorted(self.quoted)
        for i in token_indices(doc, DEP, SUBJECT_DEPS):
            token = doc[i]
            if not _is_main_clause(token.head):
                continue
            if _inside(quoted, token.idx) or _is_reported(token.head):
                continue  # words someone said, not the story's own subjects
            org = self.org_at.get(token.i)
            if org is not None:
                self.org_subjects.append((token.i, org))
            pid = self._person_of(token) or self._nominal(token)
            if pid is None and token.lower_ in ("he", "she"):
                pid = self.resolve_pronoun(token.lower_, token.i)
                if pid is not None:
                    self.gender.setdefault(pid, PRONOUN_GENDER[token.lower_])
            if pid is not None:
                self.subjects.append((token.i, pid))
                self._subject_keys.append(token.i)

    # ------------------------------------------------------------ lookups
    def _person_of(self, token: Token) -> str | None:
        """The person a subject token names: by mention, then by name."""
        pid = self.person_at.get(token.i)
        if pid:
            return pid
        word = _glued(token)
        if len(word) > 1:  # "Okafor-Ellis", which the tokenizer splits at the hyphen
            pid = next((self.person_at[t.i] for t in word if t.i in self.person_at), None)
            ids = self.by_name.get(fold("".join(t.text for t in word)))
            if pid or (ids and len(ids) == 1):
                return pid or next(iter(ids))
        for child in token.children:  # "Dmitry Peskov" with the head on the first name
            if child.dep_ in ("compound", "flat", "appos") and child.i in self.person_at:
                return self.person_at[child.i]
        if token.pos_ == "NOUN":  # "his counterpart from the islands, John Silk, ...": the name set off by commas
            doc = token.doc
            for t in token.subtree:
                if t.dep_ == "appos" and t.i > token.i and t.i in self.person_at and doc[t.left_edge.i - 1].text == ",":
                    return self.person_at[t.i]
        if token.pos_ == "PROPN" or token.text[:1].isupper():
            names = [t for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"] or [token]
            full = fold(" ".join(t.text for t in names))
            for key in (full, fold(token.text)):
                ids = self.by_name.get(key)
                if ids and len(ids) == 1:
                    return next(iter(ids))
            ids = self.by_first.get(fold(token.text))
            if len(names) == 1 and ids and len(ids) == 1 and fold(token.text) not in self.by_name:
                return next(iter(ids))  # the first word of one person's name, and no one's last
        return None

    def resolve_pronoun(self, pronoun: str, before: int) -> str | None:
        """The latest subject before token `before` whose gender fits.

        "he" takes the nearest subject not known to be a woman; "she" takes
        the nearest subject of unknown gender in the same paragraph, else
        looks a little further back for a subject known to be a woman (news
        marks women with "Ms." or a role such as "spokeswoman" more often than
        it marks men), else the nearest subject of unknown gender."""
        want = PRONOUN_GENDER.get(pronoun)
        n = bisect.bisect_left(self._subject_keys, before)
        fallback: str | None = None
        doc = self.adoc.doc
        here = self.adoc.paragraph_of(doc[min(before, len(doc) - 1)].idx)
        for i, pid in reversed(self.subjects[:n]):
            g = self.gender.get(pid)
            if g == want or (g is None and (want != "f" or self.adoc.paragraph_of(doc[i].idx) == here)):
                return pid
            if g is None and fallback is None:
                fallback = pid
            if before - i > PRONOUN_REACH:
                break
        return fallback

    def resolve_it(self, before: int) -> str | None:
        """'it said': the latest organization that was a subject, if near."""
        for i, org in reversed(self.org_subjects):
            if i < before:
                return org if before - i <= PRONOUN_REACH // 3 else None
        return None

    def speaker_of_subject(self, token: Token) -> Speaker:
        """Map the subject of a reporting verb to a speaker."""
        low = token.lower_
        if low in PRONOUN_GENDER:
            return Speaker(person=self.resolve_pronoun(low, token.i + 1))
        if low == "it":  # "the ministry said in a statement ... it said"
            return Speaker(organization=self.resolve_it(token.i))
        pid = self._person_of(token)
        if pid:
            return Speaker(person=pid)
        for child in token.children:  # "the spokesman, Dmitry Peskov"
            if child.dep_ == "appos":
                pid = self._person_of(child)
                if pid:
                    return Speaker(person=pid)
        org = self._org_in(token) or self._org_by_noun(token)
        if org:
            return Speaker(organization=org)
        return Speaker(person=self._nominal(token))

    def _org_by_noun(self, token: Token) -> str | None:
        """'the ministry said': the organization named last before, whose
        name holds that noun ("the Foreign Ministry")."""
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        noun = fold(token.text)
        named = {o.id for o in self.organizations if noun in fold(o.name).split()}
        for i in range(token.i - 1, -1, -1):
            if self.org_at.get(i) in named:
                return self.org_at[i]
        return None

    def _org_in(self, token: Token) -> str | None:
        for t in token.subtree:
            if t.i in self.org_at:
                return self.org_at[t.i]
        return None

    def _nominal(self, token: Token) -> str | None:
        """'the minister', 'the top diplomat': a person already named, by a
        role that holds the noun, else the latest subject nearby."""
        if token.pos_ != "NOUN" or token.lower_ not in ROLE_HEADS:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None  # "an official said", "his spokesman said": someone else
        found = self._by_role(token.lower_, token.i)
        if found is None:
            n = bisect.bisect_left(self._subject_keys, token.i)
            if n and token.i - self._subject_keys[n - 1] <= PRONOUN_REACH // 3:
                found = self.subjects[n - 1][1]
        return found

    def _by_role(self, noun: str, before: int) -> str | None:
        """'the spokesman said': the latest subject whose role holds the noun."""
        holders = {p.id for p in self.people if any(noun in fold(r.title).split() for r in p.roles)}
        if not holders:
            return None
        n = bisect.bisect_left(self._subject_keys, before)
        for _, pid in reversed(self.subjects[:n]):
            if pid in holders:
                return pid
        return next(iter(holders)) if len(holders) == 1 else None

    def speaker_of_verb(self, verb: Token, *, discover: bool = False) -> Speaker:
        """The speaker a reporting verb attributes to: its subject, or the
        subject of the clause it hangs from ("..., adding, ..."), or the
        object of "according to".  With `discover` (a direct quote's verb), a
        name the entity extractor missed next to the verb becomes a person."""
        if verb.lower_ == ACCORDING:
            for prep in verb.children:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = self.speaker_of_subject(obj)
                        return found or self._adjacent(verb, after=True)
            return self._adjacent(verb, after=True)
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if own:  # the verb's own subject, even when it names no one ("a senior official said")
            found = self.speaker_of_subject(own[0])
            return found or Speaker(person=self._unlisted_person(own[0]) if discover else None)
        joined = self._named_after_and(verb)
        if joined:
            return joined
        token = verb
        for _ in range(5):
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    found = self.speaker_of_subject(child)
                    if found:
                        return found
            if token.dep_ not in CLIMB_DEPS or token.head is token:
                break
            token = token.head
        quoted = sorted(self.quoted)
        for child in verb.lefts:  # 'X, asked about it, said:' parsed with X the subject of "asked"
            if child.dep_ not in ("ccomp", "advcl", "parataxis") or _inside(quoted, child.idx):
                continue
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.i < child.i and not _inside(quoted, subject.idx):
                    found = self.speaker_of_subject(subject)
                    if found.person:
                        return found
        if not verb.lower_.startswith(("tell", "told")):  # the object of "told" is the audience
            for child in verb.rights:  # inverted, parsed as an object: '"...?" wondered her neighbour, X'
                if child.dep_ in ("dobj", "attr") and child.i - verb.i <= 3:
                    found = self.speaker_of_subject(child)
                    if found:
                        return found
        return self._adjacent(verb, after=False, discover=discover)

    def _named_after_and(self, verb: Token) -> Speaker:
        """"X summoned the envoy, and Minister Y, attending talks, called it
        ...": the parser may hang Y on the first verb, leaving the second
        without a subject; the name right after the "and" is its subject."""
        if verb.dep_ != "conj":
            return Speaker()
        doc = verb.doc
        cc = next((c for c in reversed(list(verb.head.children)) if c.dep_ == "cc" and c.i < verb.i), None)
        if cc is None:
            return Speaker()
        for i in range(cc.i + 1, min(cc.i + 6, verb.i)):
            if i in self.person_at:
                return Speaker(person=self.person_at[i])
            if doc[i].pos_ != "PROPN":
                break  # only a title may stand between "and" and the name
        return Speaker()

    def _adjacent(self, verb: Token, after: bool, discover: bool = False) -> Speaker:
        """When the parse gives no usable subject: a name right after the
        verb ("said Zaev") or right before it ("Zaev, the minister, said")."""
        doc = verb.doc
        ahead = range(verb.i + 1, min(len(doc), verb.i + 5))
        for i in ahead:
            if doc[i].is_punct and doc[i].text not in (".",):
                break
            if i in self.person_at:
                return Speaker(person=self.person_at[i])
            if i in self.org_at and after:
                return Speaker(organization=self.org_at[i])
        if after:
            return Speaker()
        following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None  # '"...," said Bright Ofori.'
        if discover and following is not None and following.pos_ == "PROPN":
            head = following
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            pid = self._unlisted_person(head)
            if pid:
                return Speaker(person=pid)
        for i in range(verb.i - 1, max(-1, verb.i - 4), -1):
            if doc[i].is_punct:
                break
            if i in self.person_at:
                return Speaker(person=self.person_at[i])
            if doc[i].lower_ in ("he", "she"):
                return Speaker(person=self.resolve_pronoun(doc[i].lower_, i + 1))
        return Speaker()

    def _unlisted_person(self, token: Token) -> str | None:
        """A name the entity extractor missed, as the subject of a reporting
        verb ("Bright Ofori said"): the capitalised proper nouns ending at
        `token`, after any title ("Councillor"), two words at least (one
        after an honorific), tagged as no place or organization.  It becomes
        a person of the article, with this mention."""
        if token.pos_ != "PROPN" or token.i in self.org_at:
            return None
        doc = token.doc
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1
        words = list(doc[start:token.i + 1])
        if start > 0 and doc[start - 1].pos_ == "DET":
            return None  # "the Strategic Concept says": a thing, not a person
        honorific = start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFIC_GENDER
        while words and (words[0].lower_ in ROLE_HEADS or words[0].lower_.rstrip(".") in HONORIFIC_GENDER):
            honorific = True
            words = words[1:]
        if not words or len(words) > 4 or (len(words) < 2 and not honorific):
            return None
        if not all(w.is_alpha and w.text[:1].isupper() and w.text[1:2].islower() for w in words):
            return None
        if any(w.i in self.person_at for w in words):
            return None
        if not honorific and any(w.ent_type_ in _NOT_PERSON_LABELS for w in words):
            return None  # a title says person louder than the recognizer's label ("Councillor X")
        span = doc[words[0].i:words[-1].i + 1]
        known = self.by_name.get(fold(span.text))
        if known and len(known) == 1:
            return next(iter(known))
        person = Person(id=unique_slug(span.text, {p.id for p in self.people}), name=span.text)
        person.mentions.append(Mention(span.text, self.adoc.span_where(span)))
        self.people.append(person)
        for w in words:
            self.person_at[w.i] = person.id
        self.by_name.setdefault(fold(words[-1].text), set()).add(person.id)
        self.by_name.setdefault(fold(span.text), set()).add(person.id)
        return person.id

    def note_speaker(self, token_i: int, person_id: str) -> None:
        """A resolved speaker is salient from here on."""
        n = bisect.bisect_right(self._subject_keys, token_i)
        if n and self._subject_keys[n - 1] == token_i:
            return
        self._subject_keys.insert(n, token_i)
        self.subjects.insert(n, (token_i, person_id))

"""Documents: treaties, declarations, joint statements, agreements, plans,
memoranda, acts.  One `Document` per document an article names, whatever
names it uses ("the Japan-Soviet Joint Declaration", "the 1956
declaration"), with its date and what the article says it provides."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from dossier.extract.document import ArticleDoc
from dossier.extract.temporal.dates import Anchor, find_dates, resolve
from dossier.extract.tokens import sentences
from dossier.model import Document, Mention, Provision

HEADS = {
    "treaty": "treaty", "declaration": "declaration", "agreement": "agreement", "accord": "agreement",
    "statement": "statement", "communique": "statement", "communiqué": "statement", "act": "act", "plan": "plan",
    "blueprint": "plan", "memorandum": "memorandum", "convention": "treaty", "protocol": "treaty",
    "charter": "treaty", "pact": "treaty", "amendments": "amendments", "deal": "agreement", "document": "document",
    "accords": "agreement", "agreements": "agreement", "treaties": "treaty", "protocols": "treaty",
    "resolution": "resolution", "concept": "plan", "strategy": "plan",
}
# Words that name a document only by pointing back at one already named.
ANAPHORIC = {"document", "deal"}
# Names never run across a paragraph break: a space or tab joins their words, not "\n".
_S = r"[^\S\n]+"
_UPPER = r"[A-Z][\w’'.]*(?:-[A-Z][\w’'.]*)*"
_UPPERS = _UPPER + r"(?:" + _S + _UPPER + r")*"
_HEAD_UP = r"(?:Treaty|Declaration|Agreements?|Accords?|Statement|Communiqu[eé]|Act|Plan|Memorandum|Convention|" \
           r"Protocol|Charter|Pact|Amendments|Resolution|Concept|Strategy)\b(?:" + _S + r"\d{1,5}\b)?" \
           r"(?!" + _S + r"(?:Centre|Center|Hall|Building|Palace|Complex|Room|Hotel|Square|Park)\b)"
_HEAD_LOW = r"(?:treaty|declaration|agreement|accord|statement|communiqu[eé]|plan|blueprint|memorandum|amendments|" \
            r"resolution|document|deal|protocols?|pact|charter)"
_YEARISH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)" + _S \
           + r")?(?:1[5-9]\d\d|20\d\d)"
# A title's list of subjects: "of Peace, Friendship and Cooperation"; a bare "and" only before an abstract noun
# ("of Friendship and Cooperation"), not before the next clause ("the Treaty of Rome and Germany ...").
_TITLE_LIST = r"(?:(?:," + _S + _UPPERS + r")+" + _S + r"and" + _S + _UPPERS + r"|" + _S + r"and" + _S \
              + r"(?=[A-Z]\w*(?:tion|ship|ity|ance|ence|ment|ness)\b)" + _UPPERS + r")?"
_ESTABLISHING = r"(?:establishing|creating|founding|instituting|setting" + _S + r"up)"
NAMED = re.compile(
    r"(?:\b(?:1[5-9]\d\d|20\d\d)" + _S + r")?(?:" + _UPPER + _S + r"){0,5}" + _HEAD_UP
    + r"(?:" + _S + r"(?:of|on)" + _S + r"(?:the" + _S + r")?(?:" + _YEARISH + r"|" + _UPPERS + _TITLE_LIST + r"))*"
    + r"(?:" + _S + r"(?i:" + _ESTABLISHING + r")" + _S + r"(?:the" + _S + r")?" + _UPPERS + r")?")
# Lowercase words that qualify a document's kind as nouns do ("government", "neutrality", "partnership"):
# by their endings, so no list of subjects is needed.
_NOUNLIKE = r"[a-z]+(?:ment|ity|tion|sion|ship|ance|ence)"
# "the memorandum of Jan. 27, 1960", "the declaration of 1993": the date is part of the name.
_DATE_TAIL = r"[^\S\n]+of[^\S\n]+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[^\S\n]+" \
             r"\d{1,2},?[^\S\n]+)?(?:1[5-9]\d\d|20\d\d)\b"
DESCRIBED = re.compile(
    r"\b(?P<det>(?i:the|a|an|its|their|that|this))?[^\S\n]*(?P<quals>(?:(?:1[5-9]\d\d|20\d\d|[\w]+-point|joint|"
    r"constitutional|revised|accession|trilateral|[A-Z][\w’'.]*(?:-[A-Z][\w’'.]*)*|economic|cooperation|security|"
    r"peace|trade|nuclear|climate|free|arms|ceasefire|interim|final|comprehensive|landmark|historic|bilateral|"
    r"multilateral|(?<=\d{4}[^\S\n])[a-z]+|" + _NOUNLIKE + r")[^\S\n]+){0,4})"
    r"(?P<head>" + _HEAD_LOW + r")\b(?!\s+(?:talks|negotiations|issue|process|question|dispute|partner|"
    r"signing|framework|basis))(?P<tail>[^\S\n]+(?:(?:on|for)[^\S\n]+(?!Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|the basis|its\b|their\b|his\b|her\b|our\b|this\b|that\b|a\b|an\b|the sidelines|behalf)"
    r"(?:the[^\S\n]+)?[a-z][\w-]*(?:[^\S\n]+(?!(?:at|in|on|with|and|by|from|to|after|before|during|has|have|is|"
    r"was|were|are|which|that|who|but|or|as)\b)(?:the[^\S\n]+)?[\w-]+){0,3}|" + _ESTABLISHING + _S
    + r"(?:the" + _S + r")?" + _UPPERS + r")|" + _DATE_TAIL + r")?")
# A full stop after a word of three letters or more ends a sentence ("Wednesday. The"), where "U.S." or
# "Gen." does not.
SENTENCE_BREAK = re.compile(r"(?<=[a-z]{3})\.\s+")
GENERIC_TAIL = re.compile(r"\b(?:issues?|questions?|matters?|problems?|disputes?|differences|situation)$", re.I)
SIGNED_IN = re.compile(r"[^\S\n]*,?[^\S\n]*(?:signed|concluded|adopted|reached)[^\S\n]+in[^\S\n]+"
                       r"(?P<year>1[5-9]\d\d|20\d\d)\b")
# Qualifiers that make a described document one particular document ("the joint statement", "the accession
# protocols"), where "a bilateral agreement" stays a kind.
SPECIFIC_QUALS = {"joint", "constitutional", "accession", "trilateral"}
LEADING_NOISE = {"the", "under", "in", "at", "a", "an", "its", "their", "this", "that", "after", "before", "since",
                 "by", "and", "but", "with", "of", "on", "to", "when", "while", "as", "both", "signed"}
PROVISION_CUES = re.compile(
    r"\b(?P<cue>calls? for|called for|stipulates?|stipulated|provides? for|provided for|provides? that|provided that|"
    r"commits?|committed|promised|promises|obliges?|obliged|envisages?|requires?|required|forbids?|forbid|"
    r"(?:agreed|undertook|promised) to|names?|named|confirmed that|declares?|says?)\b", re.I)
SIGN_VERBS = {"sign", "adopt", "issue", "conclude", "ink", "seal", "release", "present", "agree", "approve",
              "ratify", "hand", "set"}


@dataclass(slots=True)
class DocMention:
    start: int
    end: int
    text: str
    name: str
    head: str
    year: str | None
    specific: bool


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in LEADING_NOISE:
        words.pop(0)
    return " ".join(words).strip(" ,.;:")


def _year_of(text: str) -> str | None:
    date = _date_of(text)
    return date[:4] if date else None


def _date_of(text: str) -> str | None:
    """The date written in a document's name ("Tokyo Declaration of October
    1993" -> 1993-10)."""
    for mention in find_dates(text):
        if mention.get("y"):
            return resolve(mention, Anchor())
    return None


def find_document_mentions(text: str) -> list[DocMention]:
    found: list[DocMention] = []
    for m in NAMED.finditer(text):
        name = _clean_name(m.group(0))
        if not name or (name.split()[-1].lower() not in HEADS and not re.search(_HEAD_UP, name)):
            continue
        start = m.start() + m.group(0).find(name.split()[0])
        broken = list(SENTENCE_BREAK.finditer(name))
        if broken:  # "Wednesday. The Agreement": the name starts after the full stop
            start += broken[-1].end()
            name = _clean_name(name[broken[-1].end():])
            start = text.find(name, start) if name else start
        if len(name.split()) < 2:
            continue
        head = next(HEADS[w.lower()] for w in reversed(re.findall(r"[A-Za-zé]+", name)) if w.lower() in HEADS)
        found.append(DocMention(start, start + len(name), name, name, head, _year_of(name), True))
    for m in DESCRIBED.finditer(text):
        if any(f.start <= m.start("head") < f.end for f in found):
            continue
        quals_text, quals_start = m.group("quals"), m.start("quals")
        det = m.group("det")
        broken = list(SENTENCE_BREAK.finditer(quals_text))
        if broken:  # "Wednesday. The agreement": only what follows the full stop
            quals_start += broken[-1].end()
            quals_text = quals_text[broken[-1].end():]
            det = None
        quals = quals_text.split()
        dropped = 0
        while quals and quals[0].lower() in LEADING_NOISE:
            dropped += 1
            det = det or quals[0]
            quals.pop(0)
        tail = (m.group("tail") or "").strip()
        head_word = m.group("head").lower()
        year = next((q for q in quals if re.fullmatch(r"\d{4}", q)), None) or (_year_of(tail) if tail else None)
        if tail and GENERIC_TAIL.search(tail):
            tail = ""  # "agreement on the territorial issues": what it is about, not which document
        signed_in = SIGNED_IN.match(text, m.end())
        if signed_in and not year:
            year = signed_in.group("year")  # "a security cooperation agreement signed in 2001"
        named_by = [q for q in quals if q[0].isupper()]
        specific = bool(year or tail or named_by or any(q.endswith("-point") or q in SPECIFIC_QUALS for q in quals))
        if any(re.search(r"['’]s?$", q) for q in quals):
            specific = False  # "Israel's agreement (to ...)": its consent, not a document's name
        if head_word == "deal" and not year and not tail and named_by and all("-" in q for q in named_by):
            specific = False  # "the X-Y deal": what the parties agreed, told before the document is named
        if head_word == "treaty" and "peace" in quals and not any("-" in q for q in named_by):
            continue  # "a peace treaty" is the goal of talks; "the X-Y peace treaty" is one between X and Y
        if not (det or quals):
            continue
        start = m.start("head")
        if quals:
            start = quals_start + len(" ".join(quals_text.split()[:dropped])) + (1 if dropped else 0)
        end = m.end("tail") if tail else m.end("head")
        if m.group("tail") and not tail:
            end = m.end("head")
        name = text[start:end].strip()
        found.append(DocMention(start, end, text[m.start():end], name, HEADS[head_word], year, specific))
    found.sort(key=lambda d: d.start)
    return found


def _tokens(name: str) -> set[str]:
    words = set(re.sub(r"[^\w]+", " ", name.casefold().replace("’", "").replace("'", "")).split())
    return {w for w in words if not w.isdigit() and w not in ("the", "of", "on", "for", "a", "an", "and")}


def _key_words(mention: DocMention) -> set[str]:
    return _tokens(mention.name) - {mention.head, *HEADS}


def _parties(name: str) -> set[str]:
    """The parties a name pairs ("Egypt-Israel Peace Treaty" -> egyp, isra):
    word stems, so that "Japan-Soviet" and "Soviet-Japanese" are the same pair."""
    pairs = re.findall(r"\b[A-Z][\w.]*(?:-[A-Z][\w.]*)+", name)
    return {part.casefold()[:4] for pair in pairs for part in pair.split("-")}


def _proper(name: str) -> list[str] | None:
    """The words of a proper name ("Joint Plan of Action" -> joint, plan,
    action); None for a description ("the 1956 declaration")."""
    words = [w for w in re.findall(r"[\w’'.-]+", name) if not w.isdigit()]
    if not words or any(w[0].islower() and w not in ("of", "on", "the", "and", "for") for w in words):
        return None
    return [_pair(w) for w in words if w not in ("of", "on", "the", "and", "for")]


def _pair(word: str) -> str:
    """"Japan-Soviet" and "Soviet-Japanese" are the same pair of parties."""
    parts = word.casefold().split("-")
    return "-".join(sorted(p[:4] for p in parts)) if len(parts) > 1 else word.casefold()


def _contiguous(short: list[str], long: list[str]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def named_apart(names: list[str], others: list[str]) -> bool:
    """True when the names say two documents are different: they pair
    different parties ("Israel-Jordan" and "Egypt-Israel" peace treaties), or
    all are proper names and none is a part of another ("Joint Plan of
    Action", "Joint Comprehensive Plan of Action")."""
    mine = set().union(*map(_parties, names))
    theirs = set().union(*map(_parties, others))
    if mine and theirs and mine != theirs:
        return True
    words = [w for w in map(_proper, names) if w is not None]
    known = [w for w in map(_proper, others) if w is not None]
    if not words or not known:
        return False
    return not any(_contiguous(a, b) or _contiguous(b, a) for a in words for b in known)


def _matches(document: Document, head: str, mention: DocMention) -> bool:
    if mention.head not in (head, "document") and not (head == "plan" and mention.head == "plan"):
        return False
    year = (document.date or "")[:4] or _year_of(document.name)
    if mention.year and year and mention.year != year:
        return False
    names = [document.name, *document.aliases]
    if mention.specific and named_apart([mention.name], names):
        return False
    mine = _key_words(mention)
    theirs = set().union(*(_tokens(n) for n in names)) - set(HEADS)
    if not mine:
        return bool(mention.year and year == mention.year) or not mention.specific
    if not theirs:
        return False
    return mine <= theirs or theirs <= mine or len(mine & theirs) >= 2


# A second name the text gives the same document: "X, also known as Y", "X, or the Y", "X (Y)", "what many call
# X and which is formally titled Y".
_W = r"[^\S\n]+"
_ALSO = r"(?:(?:also|formally|officially|sometimes|often|widely|commonly|better)" + _W + r")?"
_CALLED = r"(?:known|called|referred" + _W + r"to|titled|named|dubbed)(?:" + _W + r"as)?"
APPOSITION = re.compile(
    r"^[^\S\n]*(?:,[^\S\n]*" + _ALSO + r"(?:" + _CALLED + r"|formally|officially|or)" + _W
    + r"|,?[^\S\n]*(?:(?:and|but)" + _W + r")?(?:which|that)" + _W + r"(?:is|was)" + _W + _ALSO + _CALLED + _W
    + r"|\([^\S\n]*)(?:the" + _W + r")?$", re.I)


def _loosely(document: Document, head: str, mention: DocMention) -> bool:
    """A document known so far only by its kind and year ("the 1956
    declaration") and a name with the same kind and no other year."""
    if mention.head != head:
        return False
    year = (document.date or "")[:4] or None
    if mention.year and year and mention.year != year:
        return False
    theirs = set().union(*(_tokens(n) for n in [document.name, *document.aliases])) - set(HEADS)
    mine = _key_words(mention)
    return bool((not theirs and year and mention.specific) or (not mine and mention.year and not year))


def extract_documents(adoc: ArticleDoc) -> tuple[list[Document], list[tuple[int, int, str]]]:
    """The documents an article names, and where (start, end, document id)
    each mention is in the parsed text."""
    text = adoc.text
    documents: list[Document] = []
    heads: dict[str, str] = {}
    spans: list[tuple[int, int, str]] = []
    last: Document | None = None
    mentions = _outside_headlines(adoc, find_document_mentions(text))
    for n, mention in enumerate(mentions):
        following = mentions[n + 1] if n + 1 < len(mentions) else None
        if not mention.specific and following is not None and following.specific and re.fullmatch(
                r"[^\S\n]*,[^\S\n]*(?:the[^\S\n]+)?", text[mention.end:following.start]):
            continue  # "an interim deal, the Joint Plan of Action,": the name that follows says which
        target = None
        if last is not None and spans and APPOSITION.match(text[spans[-1][1]:mention.start]):
            target = last  # "the nuclear deal, formally the Joint Comprehensive Plan of Action,": one document
        elif mention.specific or mention.year:
            target = next((d for d in reversed(documents) if _matches(d, heads[d.id], mention)), None)
            if target is None:
                target = next((d for d in reversed(documents) if _loosely(d, heads[d.id], mention)), None)
        else:
            # "the agreement", "the deal": the most talked-about document of that kind so far.
            fitting = [d for d in documents if heads[d.id] == mention.head or mention.head in ANAPHORIC
                       or (mention.head == "agreement" and heads[d.id] == "agreement")]
            if last is not None and last in fitting and len(fitting) == 1:
                target = last
            elif fitting:
                target = max(reversed(fitting), key=lambda d: len(d.mentions))
        if target is None and not mention.specific and _signed_on_a_date(adoc, mention):
            # "signed an agreement on Sunday": a document, named later for where it was signed.
            target = Document(id=f"doc-{len(documents) + 1}", name=f"{mention.name.capitalize()} signed",
                              kind=mention.head, notes=[UNNAMED_NOTE])
            heads[target.id] = mention.head
            documents.append(target)
        if target is None:
            if not mention.specific or mention.head in ANAPHORIC:
                continue
            target = Document(id=f"doc-{len(documents) + 1}", name=mention.name, kind=mention.head)
            heads[target.id] = mention.head
            documents.append(target)
        elif mention.specific and (_better_name(mention.name, target.name) or UNNAMED_NOTE in target.notes):
            target.notes = [n for n in target.notes if n != UNNAMED_NOTE]
            target.aliases.append(target.name)
            target.name = mention.name
        elif mention.specific and mention.name != target.name and mention.name not in target.aliases:
            target.aliases.append(mention.name)
        written = _date_of(mention.name) if mention.year else None
        if written and (not target.date or (len(written) > len(target.date) and written.startswith(target.date))):
            target.date = written
        target.mentions.append(Mention(mention.text.strip(), adoc.where(mention.start, mention.end)))
        spans.append((mention.start, mention.end, target.id))
        last = target
    return _name_later(documents, spans, heads)


def _headline_ranges(adoc: ArticleDoc) -> list[tuple[int, int]]:
    """Lines in headline case: most words capitalised and no full stop at the end."""
    out = []
    for paragraph, start in zip(adoc.article.paragraphs, adoc.starts, strict=True):
        words = [w for w in paragraph.text.split() if len(w) > 3 and w[0].isalpha()]
        if not words or paragraph.text.rstrip().endswith((".", "?", "!", ":", '"', "”")):
            continue
        if sum(w[0].isupper() for w in words) / len(words) >= 0.7:
            out.append((start, start + len(paragraph.text)))
    return out


def _outside_headlines(adoc: ArticleDoc, mentions: list[DocMention]) -> list[DocMention]:
    """A headline capitalises every word, so "Talks Amid Stalled Peace Treaty"
    names no document: a name read in a headline counts only when the body
    names it too."""
    headlines = _headline_ranges(adoc)
    if not headlines:
        return mentions
    body = " ".join(adoc.text[a:b] for a, b in _complement(headlines, len(adoc.text))).casefold()
    return [m for m in mentions
            if not any(a <= m.start < b for a, b in headlines) or m.name.casefold() in body]


def _complement(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, at = [], 0
    for a, b in sorted(ranges):
        out.append((at, a))
        at = b
    out.append((at, length))
    return out


def _name_later(documents: list[Document], spans: list[tuple[int, int, str]],
                heads: dict[str, str]) -> tuple[list[Document], list[tuple[int, int, str]]]:
    """"... signed an agreement on Wednesday." then "The agreement
    establishing the X ...": a lead's unnamed document is the one document
    of its kind the article names after it."""
    for unnamed in [d for d in documents if UNNAMED_NOTE in d.notes]:
        later = [d for d in documents[documents.index(unnamed) + 1:]
                 if UNNAMED_NOTE not in d.notes and heads[d.id] == heads[unnamed.id]]
        others = [d for d in documents if d is not unnamed and heads[d.id] == heads[unnamed.id]]
        if len(later) != 1 or len(others) != 1 or later[0].date or any(
                _year_of(n) for n in (later[0].name, *later[0].aliases)):
            continue  # a document dated by its name is an earlier one, not the one signed in the lead
        named = later[0]
        named.mentions = sorted([*unnamed.mentions, *named.mentions],
                                key=lambda m: (m.where.paragraph, m.where.start))
        named.date = named.date or unnamed.date
        spans = [(a, b, named.id if i == unnamed.id else i) for a, b, i in spans]
        documents.remove(unnamed)
    return documents, spans


UNNAMED_NOTE = "The sources do not name this document; its name here says where it was signed."
SIGNED = {"sign", "ink", "conclude"}


def _signed_on_a_date(adoc: ArticleDoc, mention: DocMention) -> bool:
    from dossier.extract.temporal.clauses import span_of

    span = span_of(adoc.doc, mention.start, mention.end)
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ != "dobj" or root.head.lemma_.lower() not in SIGNED:
        return False
    verb = root.head
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "neg" or c.lower_ in ("will", "would", "to")
                                              for c in verb.children):
        return False  # "would not sign a peace treaty": no document was signed
    sent = root.sent
    return any(d.kind in ("weekday", "day", "day_dmy", "deictic", "month_year") for d in find_dates(sent.text))


def _better_name(new: str, old: str) -> bool:
    """A proper name (capitalized) beats a description; then the longer."""
    def caps(s: str) -> int:
        return sum(1 for w in s.split() if w[:1].isupper())
    return (caps(new), len(new)) > (caps(old), len(old)) and not re.match(r"^\d{4}\s", new)


def date_documents(adoc: ArticleDoc, documents: list[Document], spans: list[tuple[int, int, str]],
                   resolved: dict[int, str]) -> None:
    """A document's date from the clause that says it was signed, adopted
    or issued on a date ("signed in Moscow on Oct. 19, 1956")."""
    from dossier.extract.temporal.clauses import clause_of

    by_id = {d.id: d for d in documents}
    text = adoc.text
    for start, value in sorted(resolved.items()):
        mention = next((m for m in find_dates(text[start:start + 40]) if m.start == 0), None)
        if mention is None:
            continue
        clause = clause_of(adoc.doc, start, start + mention.end)
        verb = clause.verb
        if verb is None or verb.lemma_.lower() not in SIGN_VERBS:
            continue
        region = [(t.idx, t.idx + len(t)) for t in clause.tokens]
        if verb.dep_ in ("acl", "relcl"):
            region += [(t.idx, t.idx + len(t)) for t in verb.head.subtree]
        for a, _b, doc_id in spans:
            if any(x <= a < y for x, y in region):
                document = by_id[doc_id]
                if not document.date or (len(value) > len(document.date) and value.startswith(document.date)):
                    document.date = value
    date_by_anniversary(text, documents, spans)


ANNIVERSARY_OF = re.compile(r"\banniversary\s+of\s+(?:the\s+)?(?:signing\s+of\s+(?:the\s+)?)?", re.I)


def date_by_anniversary(text: str, documents: list[Document], spans: list[tuple[int, int, str]]) -> None:
    """"Japan marks Feb. 7, the anniversary of the Shimoda treaty": a
    document dated only by its year was signed on that month and day."""
    by_id = {d.id: d for d in documents}
    for mention in find_dates(text):
        if mention.kind not in ("day", "day_dmy", "day_of") or mention.get("y"):
            continue
        near = ANNIVERSARY_OF.search(text, mention.end, mention.end + 40)
        if near is None or not re.fullmatch(r"[,\s]*(?:the|its|his|her|their)?\s*(?:\d+\w*\s+)?",
                                            text[mention.end:near.start()]):
            continue
        doc_id = next((i for a, _b, i in spans if a == near.end()), None)
        document = by_id.get(doc_id or "")
        if document is None or not document.date or not re.fullmatch(r"\d{4}", document.date):
            continue
        value = resolve(mention, Anchor(year=int(document.date), day=dt.date(int(document.date), 12, 31)),
                        future=False)
        if value and value.startswith(document.date):
            document.date = value


def extract_provisions(adoc: ArticleDoc, documents: list[Document], spans: list[tuple[int, int, str]]) -> None:
    """What the article says each document provides: the words after a cue
    ("calls for", "stipulates", "under which ... agreed to") in a sentence
    naming the document, and the list items under a heading about it."""
    by_id = {d.id: d for d in documents}
    doc = adoc.doc
    text = adoc.text
    ordered = sorted(spans)
    starts = [a for a, _b, _i in ordered]
    for sent in sentences(doc):
        first = bisect.bisect_left(starts, sent.start_char)
        if first == len(starts) or starts[first] >= sent.end_char:
            continue
        a, b, doc_id = ordered[first]
        rest = text[b:sent.end_char]
        cue = PROVISION_CUES.search(rest)
        under = re.match(r"\s*(?:Under|In)\s+(?:the|its|that|this)\b", text[sent.start_char:a + 1])
        reach = 30 if cue is not None and cue.group("cue").lower().startswith("say") else 90
        if cue is not None and cue.start() < reach and not re.search(r"\bbut\b|\bsaid\b|\bthis\b",
                                                                     rest[:cue.start()]):
            provision = _object_of_cue(adoc, text, b + cue.start(), b + cue.end()) or rest[cue.end():]
            label = cue.group("cue")
            negated = re.search(r"\b(?:did|does|do)\s+not\s*$", rest[:cue.start()])
            if negated:
                label = f"does not {label}"
        elif under is not None and rest.lstrip(" ,").strip():
            # "Under the treaty, signed on Sept. 8, 1951, Japan renounced ...": what follows the date.
            provision = re.sub(r"^(?:signed|adopted|concluded|issued|agreed)\b[^,]*,\s*", "", rest.lstrip(" ,"))
            label = "under"
        else:
            continue
        provision = re.split(r"[;:]|\s[—–]\s|, (?:but|while|which means|their|its|although|though|whereas)\b",
                             provision)[0].strip(" ,.\"“”\n")
        if len(provision.split()) < 3:
            continue
        start = text.find(provision, b)
        by_id[doc_id].provisions.append(Provision(provision, adoc.where(start, start + len(provision)), label))
    _list_provisions(adoc, documents, spans)


OBJECT_DEPS = {"dobj", "prep", "xcomp", "ccomp", "attr", "pobj", "oprd", "dative", "advcl"}


def _object_of_cue(adoc: ArticleDoc, text: str, start: int, end: int) -> str | None:
    """The words the cue governs ("provides for [the handover of ... after
    a treaty is signed]"), read from the parse; None when it gives nothing."""
    from dossier.extract.temporal.clauses import span_of

    span = span_of(adoc.doc, start, end)
    if span is None or not len(span):
        return None
    verb = span[0]
    parts = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i >= span.end - 1]
    for token in span[1:]:
        parts += [c for c in token.children if c.dep_ in OBJECT_DEPS and c.i >= span.end]
    if not parts:
        return None
    last = max(t.right_edge.i for t in parts)
    words = text[span.end_char:adoc.doc[last].idx + len(adoc.doc[last])]
    return words if len(words.split()) >= 3 else None


def _list_provisions(adoc: ArticleDoc, documents: list[Document], spans: list[tuple[int, int, str]]) -> None:
    paragraphs = adoc.article.paragraphs
    by_id = {d.id: d for d in documents}
    for n, paragraph in enumerate(paragraphs):
        if paragraph.kind != "heading" or not re.search(r"\b(provides?|says|terms|calls for)\b", paragraph.text, re.I):
            continue
        if not re.search(_HEAD_LOW, paragraph.text, re.I):
            continue
        base = adoc.starts[n]
        before = [s for s in spans if s[0] < base]
        if not before:
            continue
        target = by_id[before[-1][2]] if not [s for s in spans if base <= s[0] < base + len(paragraph.text)] else \
            by_id[next(s for s in spans if base <= s[0] < base + len(paragraph.text))[2]]
        for item in paragraphs[n + 1:]:
            if item.kind != "item":
                break
            start = adoc.starts[item.number - 1]
            target.provisions.append(Provision(item.text.strip(" ;."), adoc.where(start, start + len(item.text)),
                                               "provides"))

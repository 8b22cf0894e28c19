"""The briefing model: plain, typed classes, every fact carrying its provenance.

The model is what every stage hands to the next one: ingest fills `Article`,
extract and resolve fill the entities, render and pdf only read it.  Ids are
stable slugs (see `dossier.slug`), so pages and exports can be diffed between
builds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MODEL_VERSION = 1


@dataclass(slots=True, frozen=True, order=True)
class Provenance:
    """Where a fact was read: article id, 1-based paragraph number, and the
    character span inside that paragraph's text (``end`` is exclusive)."""

    article: str
    paragraph: int
    start: int = 0
    end: int = 0

    def anchor(self) -> str:
        return f"p{self.paragraph}"

    def __reduce__(self) -> tuple[type[Provenance], tuple[str, int, int, int]]:
        # Pickled as a constructor call: a build unpickles hundreds of thousands
        # (the extraction cache), and a frozen dataclass's own __setstate__ is slow.
        return (Provenance, (self.article, self.paragraph, self.start, self.end))


PARAGRAPH_KINDS = ("text", "heading", "item", "caption", "byline", "dateline")
# Paragraphs that are not the article's report: a photo caption names people
# but reports no event; a byline or a credit names who wrote or photographed;
# a dateline on its own line gives where (and maybe when) it was filed.
FURNITURE_KINDS = frozenset({"caption", "byline", "dateline"})


@dataclass(slots=True)
class Paragraph:
    number: int
    text: str
    kind: str = "text"  # one of PARAGRAPH_KINDS


@dataclass(slots=True)
class Dateline:
    """Where (and maybe when) the article was filed, as its dateline says
    ("TOKYO, Dec. 16, 2016 (Reuters) -").  `paragraph` is the paragraph that
    holds it and `end` where it ends in that paragraph's text (the whole
    paragraph when the dateline stands on its own line)."""

    text: str
    paragraph: int
    end: int
    place: str | None = None  # as a name: "Tokyo"
    region: str | None = None  # the country or state after it: "Japan"
    date: str | None = None  # ISO date when the dateline gives day, month and year
    agency: str | None = None  # "(Reuters)"


@dataclass(slots=True)
class Article:
    id: str
    title: str
    path: str
    paragraphs: list[Paragraph]
    published: str | None = None  # ISO date (EDTF level 0) or None when unknown
    date_inferred: bool = False
    date_evidence: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    format: str = "txt"
    encoding: str = "utf-8"
    dateline: Dateline | None = None
    furniture: list[str] = field(default_factory=list)  # site lines dropped while reading (menus, share buttons)
    truncated: str | None = None  # the last, maybe broken, word dropped when the text is cut off mid-sentence
    duplicate_of: str | None = None  # the kept article's id, when this one is a near-duplicate of it

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]


@dataclass(slots=True)
class Mention:
    """One place in an article where an entity is named."""

    text: str
    where: Provenance


@dataclass(slots=True)
class Role:
    """A role as the text states it ("former Russian Ambassador to Japan"),
    dated by the article that states it."""

    title: str
    where: Provenance
    date: str | None = None
    curated: bool = False


@dataclass(slots=True)
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None
    notes: list[str] = field(default_factory=list)
    curated: bool = False

    @property
    def articles(self) -> list[str]:
        return sorted({m.where.article for m in self.mentions})


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    description: str | None = None
    notes: list[str] = field(default_factory=list)
    curated: bool = False

    @property
    def articles(self) -> list[str]:
        return sorted({m.where.article for m in self.mentions})


@dataclass(slots=True)
class Place:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    kind: str | None = None  # "country", "region", "city", "islands", ...
    description: str | None = None
    notes: list[str] = field(default_factory=list)
    curated: bool = False

    @property
    def articles(self) -> list[str]:
        return sorted({m.where.article for m in self.mentions})


@dataclass(slots=True)
class Quote:
    """Words attributed to a speaker.  ``direct`` is False for indirect speech
    ("Panov said that ...").  ``speaker`` is a person id; an organization that
    speaks (a ministry statement) goes in ``speaker_organization``."""

    id: str
    text: str
    where: Provenance
    speaker: str | None = None
    speaker_organization: str | None = None
    direct: bool = True
    cue: str | None = None  # the reporting verb: "said", "told reporters", ...
    date: str | None = None
    # The same words of the same speaker reported by other articles (or
    # this quote's words within a longer report of them), each as read
    # there: resolve folds them into this one (`dossier.resolve.quotes`).
    also: list[Quote] = field(default_factory=list)

    @property
    def sources(self) -> list[Provenance]:
        """Every paragraph that reports these words: this one, then the others'."""
        return [self.where, *(q.where for q in self.also)]

    @property
    def latest(self) -> str | None:
        """The newest date of any report of these words."""
        return max((q.date for q in (self, *self.also) if q.date), default=None)


@dataclass(slots=True)
class EventReport:
    """What one article says about an event."""

    where: Provenance
    sentence: str
    status: str  # held, scheduled, expected, proposed, cancelled
    date: str | None = None
    date_text: str | None = None
    # The clause read as who did what to what: the lemma of the word naming
    # what happened ("seize", "summit"), its doer ("Soviet troops") and what
    # it was done to ("the four islands"); used for cross-article titles.
    action: str | None = None
    actor: str | None = None
    target: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    title: str
    kind: str  # meeting, summit, talks, visit, forum, signing, anniversary, ...
    date: str | None = None  # EDTF
    place: str | None = None  # a place id
    participants: list[str] = field(default_factory=list)  # person ids
    status: str = "held"
    reports: list[EventReport] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # document ids
    notes: list[str] = field(default_factory=list)
    curated: bool = False
    # The weakest link that holds the merged reports together (see
    # `dossier review`); None for an event reported once.
    confidence: float | None = None

    @property
    def articles(self) -> list[str]:
        return sorted({r.where.article for r in self.reports})


@dataclass(slots=True)
class Provision:
    text: str
    where: Provenance
    cue: str | None = None  # "calls for", "stipulates", ...
    # The same provision as other sources word it, each with its citation.
    variants: list[Provision] = field(default_factory=list)

    @property
    def sources(self) -> list[Provenance]:
        """Every citation of the provision: its own and its variants'."""
        return sorted({self.where, *(v.where for v in self.variants)})


@dataclass(slots=True)
class Document:
    id: str
    name: str
    kind: str  # treaty, declaration, joint statement, agreement, plan, memorandum
    aliases: list[str] = field(default_factory=list)
    date: str | None = None  # EDTF
    provisions: list[Provision] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # event ids
    notes: list[str] = field(default_factory=list)
    curated: bool = False
    signed_at: str | None = None  # a place id, when a source says where it was signed

    @property
    def articles(self) -> list[str]:
        return sorted({m.where.article for m in self.mentions})


@dataclass(slots=True, frozen=True)
class EventCandidate:
    """Two events the resolver kept apart although some evidence joins them:
    a candidate merge for a person to judge (`dossier review`)."""

    first: str  # event ids
    second: str
    score: float
    reason: str  # why they were kept apart


@dataclass(slots=True)
class Briefing:
    """The whole dossier model."""

    articles: list[Article] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # inputs skipped, with reasons
    event_candidates: list[EventCandidate] = field(default_factory=list)  # merges the resolver did not make
    # Near-duplicates of kept articles (`Article.duplicate_of`): listed with
    # the article they copy, never extracted, counted or cited themselves.
    duplicates: list[Article] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    # {kept article id: its copies} for `duplicates` of that length, built on
    # first use (every source page asks).
    _copies: tuple[int, dict[str, list[Article]]] = field(
        default=(0, {}), init=False, repr=False, compare=False
    )

    def copies_of(self, article_id: str) -> list[Article]:
        if self._copies[0] != len(self.duplicates):
            index: dict[str, list[Article]] = {}
            for copy in self.duplicates:
                index.setdefault(copy.duplicate_of or "", []).append(copy)
            self._copies = (len(self.duplicates), index)
        return self._copies[1].get(article_id, [])

    def index(self) -> dict[str, Any]:
        """Every entity by id, for templates that follow cross-references."""
        out: dict[str, Any] = {}
        for group in (self.people, self.organizations, self.places, self.events, self.documents):
            for item in group:
                out[item.id] = item
        return out

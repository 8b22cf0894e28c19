"""What the people pages show besides the model itself: each person's
current role, roles in date order, and who is mentioned alongside them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dossier.model import Briefing, Person, Provenance, Role


def dated_roles(person: Person) -> list[Role]:
    """Roles oldest first; undated ones (and curated ones) last."""
    return sorted(person.roles, key=lambda r: (r.date is None, r.date or "", r.where))


@dataclass(slots=True)
class RoleLine:
    """One title given to a person, however many sources give it (at 1,000
    articles a prime minister's page listed "Prime Minister" 700 times)."""

    title: str  # as the oldest source states it
    first: str | None  # the date (EDTF) of the oldest source stating it
    last: str | None  # of the newest
    wheres: list[Provenance] = field(default_factory=list)
    curated: bool = False

    @property
    def date(self) -> str | None:
        """The dates of the sources stating it: one date, or from the first
        to the last (an EDTF interval)."""
        if self.first is None or self.last is None or self.first == self.last:
            return self.first or self.last
        return f"{self.first.split('/')[0]}/{self.last.split('/')[-1]}"


def role_lines(person: Person) -> list[RoleLine]:
    """The person's roles, one line per title (case aside), oldest first."""
    lines: dict[str, RoleLine] = {}
    for role in dated_roles(person):
        line = lines.get(role.title.casefold())
        if line is None:
            line = lines[role.title.casefold()] = RoleLine(role.title, role.date, role.date)
        elif role.date is not None:
            line.last = role.date
        if role.where.article:
            line.wheres.append(role.where)
        line.curated = line.curated or role.curated
    return list(lines.values())


def current_role(person: Person) -> str:
    """The role stated last (by the article's date); among roles of that
    date, a formal title ("Prime Minister") before a description
    ("Japanese leader") and anything before a past role."""
    if not person.roles:
        return ""
    latest = max((r.date or "" for r in person.roles), default="")
    candidates = [r for r in person.roles if (r.date or "") == latest] or person.roles

    def rank(role: Role) -> tuple[bool, bool]:
        words = role.title.split()
        head = next((words[n - 1] for n, w in enumerate(words) if n and w in {"of", "to", "for", "in", "at"}),
                    words[-1])
        return (words[0].lower() == "former", not head[:1].isupper())

    return min(candidates, key=rank).title


def people_rows(briefing: Briefing) -> list[dict[str, Any]]:
    quotes = Counter(q.speaker for q in briefing.quotes if q.speaker)
    return [
        {"person": p, "role": current_role(p), "sources": len(p.articles), "quotes": quotes.get(p.id, 0)}
        for p in briefing.people
    ]


Paragraphs = dict[str, set[tuple[str, int]]]


def mentioned_paragraphs(briefing: Briefing) -> Paragraphs:
    """{person id: the (article, paragraph) pairs that name them}, for `co_mentioned`."""
    return {p.id: {(m.where.article, m.where.paragraph) for m in p.mentions} for p in briefing.people}


def co_mentioned(
    briefing: Briefing, person: Person, limit: int = 10, paragraphs: Paragraphs | None = None,
) -> list[tuple[Person, int]]:
    """People named in the same paragraphs, most often first.  Pass
    `paragraphs` (`mentioned_paragraphs`) when asking for every person."""
    if paragraphs is None:
        paragraphs = mentioned_paragraphs(briefing)
    mine = paragraphs[person.id]
    counts: list[tuple[Person, int]] = []
    for other in briefing.people:
        if other.id == person.id:
            continue
        shared = mine & paragraphs[other.id]
        if shared:
            counts.append((other, len(shared)))
    counts.sort(key=lambda pair: (-pair[1], pair[0].name))
    return counts[:limit]


AGE = re.compile(r"\b(\d{1,3})-year-old\b")


def stated_ages(person: Person) -> list[tuple[int, int, list[Provenance]]]:
    """(age, year, where stated) for each age a role states ("a 72-year-old
    diplomat"), the year being the article's: the age is as of that date.
    One entry per age and year, however many sources state it."""
    out: dict[tuple[int, int], list[Provenance]] = {}
    for role in person.roles:
        m = AGE.search(role.title)
        year = (role.date or "")[:4]
        if m and year.isdigit():
            out.setdefault((int(m.group(1)), int(year)), []).append(role.where)
    return [(age, year, wheres) for (age, year), wheres in out.items()]

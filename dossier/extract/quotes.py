"""Quotations and reported speech, attributed to people or organizations."""

from __future__ import annotations

from dossier.extract.document import ArticleDoc
from dossier.model import Organization, Person, Quote


def extract_quotes(adoc: ArticleDoc, people: list[Person], organizations: list[Organization]) -> list[Quote]:
    """Direct and indirect quotes of one article; speakers are ids of
    `people` (or `organizations`)."""
    return []

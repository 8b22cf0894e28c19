"""The article's date, dated events and documents."""

from __future__ import annotations

from dossier.extract.document import ArticleDoc
from dossier.model import Document, Event, Organization, Person, Place


def infer_article_date(adoc: ArticleDoc) -> None:
    """Set the article's date from its text when metadata gave none."""


def extract_temporal(
    adoc: ArticleDoc, people: list[Person], places: list[Place], organizations: list[Organization]
) -> tuple[list[Event], list[Document]]:
    return [], []

"""Merging the same document named in several articles."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.model import Briefing, Document
from dossier.resolve.entities import IdMap
from dossier.slug import unique_slug


def merge_documents(parts: Sequence[Briefing], id_map: IdMap, taken: set[str]) -> list[Document]:
    out: list[Document] = []
    for part in parts:
        article_id = part.articles[0].id
        for document in part.documents:
            new_id = unique_slug(document.name, taken)
            id_map[(article_id, document.id)] = new_id
            document.id = new_id
            out.append(document)
    return out

"""Resolve: merge the one-article models into the dossier's model, giving
every entity a dossier-wide id and rewriting references to it."""

from __future__ import annotations

from dossier.resolve.memo import clear_memos
from dossier.resolve.merge import merge_briefings
from dossier.resolve.quotes import fold_quotes

__all__ = ["clear_memos", "fold_quotes", "merge_briefings"]

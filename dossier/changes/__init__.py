"""What changed: between two models (`compare`), and between this build
and the previous one or a date (`build_changes`, the "What's new" page,
the PDF's first section, the Atom feed and `dossier diff`)."""

from __future__ import annotations

from dossier.changes.compare import SECTIONS, Change, Changes, Cite, compare

__all__ = ["SECTIONS", "Change", "Changes", "Cite", "compare"]

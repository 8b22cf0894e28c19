"""Render: the model into Markdown pages through Jinja templates.

`render_pages` returns {path: markdown}; the MkDocs plugin serves those as
virtual files and `dossier render --out DIR` writes them to a folder."""

from __future__ import annotations

from dossier.render.environment import make_environment
from dossier.render.pages import render_pages

__all__ = ["make_environment", "render_pages"]

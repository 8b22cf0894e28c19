"""The Jinja environment: the user's `templates/` folder first, then the
built-in templates (same name overrides), StrictUndefined, and every printed
value escaped as Markdown text unless a filter made it `Md`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from dossier.render import filters
from dossier.render.markdown import md_escape

BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _finalize(value: Any) -> Any:
    return md_escape("" if value is None else value)


def _finalize_html(value: Any) -> Any:
    return "" if value is None else value


def make_environment(user_templates: Path | None = None, *, html: bool = False) -> jinja2.Environment:
    """The page templates' environment; with `html`, the print templates'
    one instead: values are HTML-escaped (autoescape) rather than Markdown-escaped."""
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None and user_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(user_templates)))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        finalize=_finalize_html if html else _finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # One environment per build: a template file edited meanwhile is seen by the next build.  Checking
        # every template's modification time at each of thousands of includes cost seconds per build.
        auto_reload=False,
    )
    filters.install(env)
    # `{% if event is meeting %}`: the events that get a meeting brief (PDF).
    from dossier.pdf.brief import is_meeting

    env.tests["meeting"] = is_meeting
    return env

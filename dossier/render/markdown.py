"""Text that must stay text inside Markdown.

Every value a template prints goes through `md_escape` (the environment's
`finalize`) unless it is already `Md`: so article text, names and metadata
show as the characters they are, whatever HTML, Markdown, Jinja or pymdown
syntax they hold.
"""

from __future__ import annotations

import html
import re


class Md(str):
    """A string that is already safe Markdown (built by our own filters)."""

    __slots__ = ()


# Characters Python-Markdown lets a backslash escape and that mean something
# anywhere in a line ('|' is added by the tables extension).
_INLINE = re.compile(r"([\\`*_{}\[\]()#!|])")
# Block markers that only matter at the start of a line.
_LEADING = re.compile(r"^([-+.])")
_WS = re.compile(r"\s+")


def md_escape(value: object) -> Md:
    """Plain text -> Markdown that renders as that text, on one line."""
    if isinstance(value, Md):
        return value
    text = _WS.sub(" ", str(value)).strip()
    text = _INLINE.sub(r"\\\1", text)
    text = _LEADING.sub(r"\\\1", text)
    # '<', '>' and '&' become entities: no raw HTML, no autolinks.
    text = html.escape(text, quote=False)
    # A leading ordered-list marker ("1986. ") would start a list.
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return Md(text)


def html_text(value: object) -> Md:
    """Plain text -> HTML text, for values placed inside raw HTML blocks."""
    return Md(html.escape(_WS.sub(" ", str(value)).strip(), quote=True))


def md_unescape_plain(value: str) -> str:
    """The plain text of an escaped value (for tests and titles)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", value))

"""Text that must stay text inside Markdown.

Every value a template prints goes through `md_escape` (the environment's
`finalize`) unless it is already `Md`: so article text, names and metadata
show as the characters they are, whatever HTML, Markdown, Jinja or pymdown
syntax they hold.
"""

from __future__ import annotations

import functools
import html
import re


class Md(str):
    """A string that is already safe Markdown (built by our own filters)."""

    __slots__ = ()


# Characters Python-Markdown lets a backslash escape and that mean something
# anywhere in a line ('|' is added by the tables extension).
_INLINE = re.compile(r"([\\`*_{}#!|])")
# Characters that extensions a user may turn on read as syntax where a
# backslash does not help (arithmatex reads "\(" and "\[" as maths, "$x$"
# too; tilde, caret and keys read "~", "^", "++"): numeric references.
_REFERENCED = re.compile(r"[()\[\]$~^+]")
_EMOJI = re.compile(r":(?=[\w+-]+:)")  # ":smile:" -> an emoji image, from a CDN by default
_MARK = re.compile(r"=(?==)")  # "==text==" -> <mark>
# Block markers that only matter at the start of a line.
_LEADING = re.compile(r"^([-.])")
# Block markers of extensions ("??? note" details, ": " definitions): a
# backslash does not escape them, a numeric reference does.
_LEADING_REFERENCED = re.compile(r"^[?:%]")
_WS = re.compile(r"\s+")
# C0 controls are never text, and Python-Markdown marks its placeholders with
# STX/ETX: a value holding "\x02wzxhzdk:0\x03" would pull stashed HTML in.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ORDERED = re.compile(r"^(\d+)\.")


def md_escape(value: object) -> Md:
    """Plain text -> Markdown that renders as that text, on one line."""
    if isinstance(value, Md):
        return value
    text = str(value)
    return _escape_short(text) if len(text) <= _MEMO_LENGTH else _escape(text)


# Names, labels and dates are printed thousands of times: their escaped form
# is kept.  Paragraphs and quotations are printed once or twice: not kept.
_MEMO_LENGTH = 200


# What any step below changes anywhere in a line, and at its start: most
# names, dates and sentences hold none of it, and are printed as they are.
_CHANGED_ANYWHERE = re.compile(r"[\\`*_{}#!|()\[\]$~^+<>&:=\x00-\x1f\x7f]|\s(?<! )|  ")
_CHANGED_AT_START = re.compile(r"[-.?:%\d]")


def _escape(text: str) -> Md:
    if _CHANGED_ANYWHERE.search(text) is None:
        plain = text.strip(" ")
        if _CHANGED_AT_START.match(plain) is None:
            return Md(plain)
    text = _WS.sub(" ", _CONTROL.sub(" ", text)).strip()
    # '<', '>' and '&' become entities first: no raw HTML, no autolinks, and
    # the references added below stay as written.
    text = html.escape(text, quote=False)
    text = _INLINE.sub(r"\\\1", text)
    text = _REFERENCED.sub(lambda m: f"&#{ord(m.group())};", text)
    text = _EMOJI.sub("&#58;", text)
    text = _MARK.sub("&#61;", text)
    text = _LEADING.sub(r"\\\1", text)
    text = _LEADING_REFERENCED.sub(lambda m: f"&#{ord(m.group())};", text)
    # A leading ordered-list marker ("1986. ") would start a list.
    text = _ORDERED.sub(r"\1\\.", text)
    return Md(text)


_escape_short = functools.lru_cache(maxsize=1 << 15)(_escape)


def html_text(value: object) -> Md:
    """Plain text -> HTML text, for values placed inside raw HTML blocks."""
    return Md(html.escape(_WS.sub(" ", _CONTROL.sub(" ", str(value))).strip(), quote=True))


def md_unescape_plain(value: str) -> str:
    """The plain text of an escaped value (for tests and titles)."""
    return html.unescape(re.sub(r"\\(.)", r"\1", value))

"""Values printed by templates stay text in Markdown."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.render.markdown import Md, md_escape

HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }} {% raw %}",
    "!!! warning \"admonition\"",
    "--8<-- \"/etc/passwd\"",
    "# not a heading",
    "1986. not a list",
    "- not a list",
    "a | b | c",
    "*emphasis* _under_ `code`",
    "<https://example.org>",
    "&amp; stays &amp;",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escape_renders_as_the_same_text(text: str) -> None:
    html = markdown.markdown(str(md_escape(text)), extensions=["tables", "attr_list"])
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<h1" not in html and "<li" not in html and "<em" not in html and "<code" not in html
    # The visible text is the original text.
    import html as html_lib
    import re

    visible = html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip()
    assert visible == text


def test_markdown_escape_leaves_md_alone() -> None:
    link = Md("[x](y.md)")
    assert md_escape(link) is link


def test_markdown_escape_folds_newlines() -> None:
    assert "\n" not in md_escape("a\n\n# b")


@pytest.mark.parametrize("text", ["??? Vladimir Putin", "???+ note", ": a definition", "% comment"])
def test_markdown_escape_extension_block_markers_stay_text(text: str) -> None:
    html = markdown.markdown(
        "Term\n\n" + str(md_escape(text)), extensions=["pymdownx.details", "def_list", "admonition"]
    )
    assert "<details" not in html and "<dl" not in html and "<summary" not in html
    assert text in __import__("html").unescape(html)


def _escape_every_step(text: str) -> str:
    """`_escape` without its shortcut for text no step changes."""
    import html as html_module

    from dossier.render import markdown as m

    text = m._WS.sub(" ", m._CONTROL.sub(" ", text)).strip()
    text = html_module.escape(text, quote=False)
    text = m._INLINE.sub(r"\\\1", text)
    text = m._REFERENCED.sub(lambda x: f"&#{ord(x.group())};", text)
    text = m._EMOJI.sub("&#58;", text)
    text = m._MARK.sub("&#61;", text)
    text = m._LEADING.sub(r"\\\1", text)
    text = m._LEADING_REFERENCED.sub(lambda x: f"&#{ord(x.group())};", text)
    return m._ORDERED.sub(r"\1\\.", text)


# Letters, digits (Arabic-Indic too), every character a step changes, and whitespace of every kind.
_CHARACTERS = list("ab Z1٣é.-?:%=&<>()[]$~^+*_`{}#!|\\\t\n\r\x0b\x85\u00a0\u2009\x00\x02\x7f")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=12))
def test_markdown_escape_shortcut_gives_what_every_step_gives(text: str) -> None:
    from dossier.render.markdown import _escape

    assert _escape(text) == _escape_every_step(text)

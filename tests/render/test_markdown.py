"""Values printed by templates stay text in Markdown."""

from __future__ import annotations

import markdown
import pytest

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

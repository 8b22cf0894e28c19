"""Property tests: random bytes and Unicode text through decoding, the
readers, slugs, Markdown escaping and extraction.  Nothing crashes with
anything but a clear IngestError, text stays text, and every provenance
points inside its paragraph."""

from __future__ import annotations

import dataclasses
import html
import re
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import IngestError
from dossier.ingest import load_articles
from dossier.ingest.decode import decode_bytes
from dossier.ingest.formats import READERS
from dossier.model import Article, Paragraph, Provenance
from dossier.render.markdown import html_text, md_escape
from dossier.slug import slugify

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news (names, quotes, dates, reporting verbs) mixed
# with arbitrary Unicode, so that extraction has something to find.
NEWSY = st.sampled_from([
    "Vladimir Putin", "Shinzo Abe", "Prime Minister", "President", "said", "told reporters", "“", "”", '"', "'",
    "on September 2, 2016", "in Tokyo", "Vladivostok", "the 1956 Joint Declaration", "will meet", "met", ".", ",",
    "\n", "\n\n", "(", ")", "Mr.", "Japan", "Russia", "next year", "in May", "the Kremlin", "-", "—", "#", "*",
    # Syntax of Markdown extensions: it must come out as text.
    "~~", "~", "==", "^^", "^", "++", "+", ":smile:", ":", "$", "$$", "[", "]", "\\", "{", "}", "{++", "++}",
    "[TOC]", "[^1]", "*[HTML]:", "```", "!!!", "???", "--8<--", "|", "<", ">", "&", "&amp;", "&#x3C;", "1.", "\t",
])
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=30)), max_size=60).map(" ".join)

# Every Markdown extension a user could turn on: escaped text must come out
# as the same text, whatever it holds.
EXTENSIONS = [
    "tables", "attr_list", "md_in_html", "admonition", "footnotes", "abbr", "def_list", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.magiclink", "pymdownx.tilde", "pymdownx.caret",
    "pymdownx.mark", "pymdownx.betterem", "pymdownx.emoji", "pymdownx.critic", "pymdownx.keys",
    "pymdownx.arithmatex", "pymdownx.inlinehilite", "pymdownx.highlight", "pymdownx.tasklist",
]  # not smartsymbols: it turns "1/2" into "½" (text, not markup)
ALLOWED_TAGS = {"p"}


def plain(text: str) -> str:
    """What an escaped value shows: control characters dropped, white space folded."""
    return re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", " ", text)).strip()


class TagsAndText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


@SETTINGS
@given(st.binary(max_size=2000))
def test_property_decode_bytes_gives_text_or_a_clear_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, Path("random.txt"))
    except IngestError as exc:
        assert exc.path == "random.txt" and "expected" in exc.message
        return
    assert isinstance(decoded.text, str) and decoded.text.strip()


@SETTINGS
@given(TEXT, st.sampled_from(sorted(READERS)))
def test_property_readers_give_article_or_a_clear_error(text: str, suffix: str) -> None:
    reader = READERS[suffix]
    try:
        article = reader(Path(f"a{suffix}"), text, "a")
    except IngestError as exc:
        assert "expected" in exc.message
        return
    for number, paragraph in enumerate(article.paragraphs, 1):
        assert paragraph.number == number
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert "\n" not in paragraph.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_property_load_articles_never_raises_for_a_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".txt", ".md", ".html"):
            Path(folder, f"random{suffix}").write_bytes(data)
        result = load_articles([folder])
        assert len(result.articles) + len(result.problems) == 3


@SETTINGS
@given(st.text())
def test_property_slugify_is_safe_and_stable(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug), slug
    assert len(slug) <= 61
    assert slug not in {"con", "prn", "aux", "nul", "index", ".", ".."}
    assert slugify(text) == slug


@SETTINGS
@given(TEXT | st.text())
def test_property_md_escape_renders_as_the_same_text(text: str) -> None:
    rendered = markdown.markdown(md_escape(text), extensions=EXTENSIONS)
    parsed = TagsAndText()
    parsed.feed(rendered)
    assert set(parsed.tags) <= ALLOWED_TAGS, rendered
    assert parsed.text.strip() == plain(text)


@SETTINGS
@given(TEXT | st.text())
def test_property_html_text_holds_no_markup(text: str) -> None:
    escaped = html_text(text)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert html.unescape(escaped) == plain(text)


def provenances(value: Any) -> Iterator[Provenance]:
    if isinstance(value, Provenance):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from provenances(getattr(value, f.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from provenances(item)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_property_extraction_provenance_points_inside_the_paragraph(texts: list[str]) -> None:
    from dossier.extract import extract_articles
    from dossier.ingest.formats import clean_line

    paragraphs = [Paragraph(n, t) for n, t in enumerate((clean_line(t) for t in texts if clean_line(t)), 1)]
    if not paragraphs:
        return
    article = Article(id="a", title="Random", path="a.txt", paragraphs=paragraphs)
    [briefing] = extract_articles([article])
    for where in provenances(briefing):
        assert where.article == "a"
        assert 1 <= where.paragraph <= len(paragraphs), where
        text = paragraphs[where.paragraph - 1].text
        assert 0 <= where.start <= where.end <= len(text), (where, text)

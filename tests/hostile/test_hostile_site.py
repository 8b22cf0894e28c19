"""A real site build of the hostile corpus: nothing from an article runs,
includes a file, links with a dangerous scheme or leaves the output folder;
every broken file is reported and the rest is built."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.hostile.corpus import NOTES, PROBLEMS, PWNED

pytestmark = pytest.mark.slow

SAFE_SCHEMES = ("http:", "https:", "mailto:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    return pages


def test_hostile_site_runs_no_script_from_an_article(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    for page in html_pages(project / "site"):
        doc = parse(page)
        for script in doc.scripts:
            assert PWNED not in script, f"{page}: an article's script is in the page"
        for tag, attrs in doc.tags:
            handlers = [name for name in attrs if name.startswith("on")]
            assert not handlers, f"{page}: <{tag}> has event handler attributes {handlers}"
            assert tag not in FORBIDDEN_TAGS, f"{page}: <{tag}> element"
            if tag == "meta":
                assert attrs.get("http-equiv", "").lower() != "refresh", f"{page}: meta refresh"
            if tag == "script" and "src" in attrs:
                assert not re.match(r"(?:[a-z]+:)?//", attrs["src"]), f"{page}: script from {attrs['src']}"


def test_hostile_site_links_no_dangerous_scheme(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    for page in html_pages(project / "site"):
        for tag, attrs in parse(page).tags:
            for name, value in attrs.items():
                if name not in URL_ATTRIBUTES:
                    continue
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*:)", value)
                assert scheme is None or scheme.group(1).lower() in SAFE_SCHEMES, (
                    f"{page}: <{tag} {name}={value!r}>"
                )
                is_link = tag == "a" or (tag == "link" and attrs.get("rel") in ("canonical", "alternate"))
                if name != "href" or not is_link:  # a link may lead out; nothing may load from outside
                    assert not re.match(r"\s*(?:https?:)?//", value), f"{page}: <{tag} {name}={value!r}> loads"


def test_hostile_site_shows_hostile_text_as_text(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    page = project / "site" / "sources" / "script-injection" / "index.html"
    text = " ".join(parse(page).text)
    for shown in (
        "<script>document.documentElement.dataset.pwned='body'</script>",
        "onerror=\"document.documentElement.dataset.pwned='img'\"",
        "[the full story](javascript:document.documentElement.dataset.pwned='mdlink')",
        '--8<-- "/etc/passwd"',
        '!!! warning "Injected admonition"',
        "{{ config }}",
        "Evil Times",
        "javascript:document.documentElement.dataset.pwned='url'",
    ):
        assert shown in text, f"{shown!r} is not shown as text on the source page"
    title = " ".join(parse(page).text)
    assert "<script>document.documentElement.dataset.pwned='title'</script> Putin" in title


def test_hostile_site_includes_no_file_and_makes_no_block(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    for page in html_pages(project / "site"):
        html = page.read_text(encoding="utf-8")
        assert "root:x:0:0" not in html, f"{page}: /etc/passwd was included"
        assert "site_url: https://dossier.example/" not in html, f"{page}: mkdocs.yml was included"
        assert "A hand-written page" not in html or page.parent.name == "about", f"{page}: docs/about.md included"
        for tag, attrs in parse(page).tags:
            classes = attrs.get("class", "").split()
            assert "admonition" not in classes, f"{page}: an article made an admonition"
            assert not (tag == "details"), f"{page}: an article made a details block"


def test_hostile_site_search_index_holds_text_not_markup(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = doc.get(field, "")
            assert not re.search(r"<(?:script|img|svg|iframe|a)\b", value, re.I), f"{doc['location']}: {value!r}"


def test_hostile_site_writes_only_the_output_folder(hostile_build: tuple[Path, dict, dict]) -> None:
    _, before, after = hostile_build
    cache = "project/.dossier-cache"  # the documented cache folder beside mkdocs.yml, the one other output
    assert {k: v for k, v in after.items() if k != cache and not k.startswith(cache + "/")} == before, (
        "the build wrote or changed files outside the site folder and the cache folder"
    )


def test_hostile_site_pages_have_safe_stable_names(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    site = project / "site"
    sources = sorted(p.name for p in (site / "sources").iterdir() if p.is_dir())
    assert "con_" in sources and "index_" in sources and "a-b" in sources and "a-b-2" in sources
    assert "etc-passwd" in sources
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        assert re.fullmatch(r"[a-z0-9_./-]+", rel), f"unsafe name in the site: {rel!r}"
        assert path.resolve().is_relative_to(site.resolve())


def test_hostile_site_lists_every_broken_file(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    overview = " ".join(parse(project / "site" / "index.html").text)
    for name, expected in PROBLEMS.items():
        assert re.search(re.escape(name) + r"(?::\d+)?: [^\n]*" + re.escape(expected), overview), (
            f"{name} is not listed with {expected!r} on the overview"
        )
    sources = " ".join(parse(project / "site" / "sources" / "index.html").text)
    for title in ("Putin and Abe: a file name in Cyrillic", "Putin and Abe meet in Vladivostok", "Putin meets Abe"):
        assert title in sources, f"{title!r} was not built"


def test_hostile_site_source_page_shows_assumed_encoding(hostile_build: tuple[Path, dict, dict]) -> None:
    project, _, _ = hostile_build
    pages = {p.parent.name: " ".join(parse(p).text) for p in (project / "site" / "sources").glob("*/index.html")}
    russian = pages["russian-cp1251"]
    assert "cp1251" in russian and "assumed" in russian
    assert "Владимир Путин" in russian
    assert "安倍晋三首相" in pages["japanese-sjis"]
    assert "byte-order mark" in pages["bom"] and "assumed" not in pages["bom"]
    assert set(NOTES) <= {f"{name.replace('-', ' ')}.txt" for name in pages}

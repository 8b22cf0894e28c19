"""Pages reused from the previous render (`mkdocs serve`) are exactly the
pages a fresh render makes, after edits of every kind; and an edit to one
article re-renders few pages."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from dossier.changes.compare import compare
from dossier.export import briefing_to_dict
from dossier.model import Briefing
from dossier.pipeline import build_briefing
from dossier.render import make_environment, render_pages
from dossier.render.forked import can_fork
from dossier.render.page_memo import PageMemo, Reads, Tracked, tracked
from dossier.settings import Settings
from tests.conftest import REPO

REALNEWS = REPO / "tests" / "realnews"
QUOTE = '\n\n"We will come back to the table in the spring," said Maria Keller, a government spokeswoman.\n'


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"})


def _append_quote(folder: Path) -> None:
    path = _articles(folder)[0]
    path.write_text(path.read_text(encoding="utf-8") + QUOTE, encoding="utf-8")


def _reword_a_paragraph(folder: Path) -> None:
    path = next(p for p in _articles(folder) if p.suffix == ".txt" and p != _articles(folder)[0])
    text = path.read_text(encoding="utf-8")
    assert " the " in text
    path.write_text(text.replace(" the ", " a ", 1), encoding="utf-8")


def _insert_a_paragraph(folder: Path) -> None:  # every later paragraph is renumbered
    path = next(p for p in _articles(folder) if p.suffix == ".md")
    lines = path.read_text(encoding="utf-8").split("\n\n")
    middle = len(lines) // 2
    lines.insert(middle, "Officials from both governments met again in Geneva on Tuesday, a spokesman said.")
    path.write_text("\n\n".join(lines), encoding="utf-8")


def _remove_an_article(folder: Path) -> None:
    _articles(folder)[-1].unlink()


def _add_a_copy(folder: Path) -> None:  # a near-duplicate: set aside, listed on its article's page
    path = _articles(folder)[2]
    shutil.copy(path, folder / f"zz-copy-of-{path.name}")


def _add_an_article(folder: Path) -> None:
    shutil.copy(REALNEWS / "14-karabakh-ceasefire-statement.md", folder / "14-karabakh-ceasefire-statement.md")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("a quote appended", _append_quote),
    ("a paragraph reworded", _reword_a_paragraph),
    ("a paragraph inserted", _insert_a_paragraph),
    ("an article removed", _remove_an_article),
    ("a copy added", _add_a_copy),
    ("an article added", _add_an_article),
]


@pytest.fixture(scope="module")
def edited_briefings(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Briefing]]:
    """The briefing of most of the real-news articles, then after each of
    `EDITS` in turn."""
    folder = tmp_path_factory.mktemp("articles")
    for path in _articles(REALNEWS)[:-1]:
        shutil.copy(path, folder / path.name)
    out = [("first", build_briefing([folder]))]
    for name, edit in EDITS:
        edit(folder)
        out.append((name, build_briefing([folder])))
    return out


def _check(briefings: list[tuple[str, Briefing]], settings: list[Settings], *, processes: int = 1,
           templates: Path | None = None) -> list[int]:
    """Render every briefing in turn with one memo, each compared with a
    fresh render; the pages reused at each step."""
    env = make_environment(templates)
    memo = PageMemo()
    first_model = briefing_to_dict(briefings[0][1])
    reused = []
    for (name, briefing), setting in zip(briefings, settings, strict=True):
        changes = compare(first_model, briefing_to_dict(briefing), baseline="the first build")
        kept = render_pages(briefing, setting, env, changes, memo=memo, processes=processes)
        fresh = render_pages(briefing, setting, make_environment(templates), changes)
        assert list(kept) == list(fresh), name
        for path, text in fresh.items():
            assert kept[path] == text, f"{name}: {path} differs from a fresh render"
        reused.append(memo.reused)
    return reused


def test_reused_pages_are_the_pages_a_fresh_render_makes(edited_briefings: list[tuple[str, Briefing]]) -> None:
    settings = [Settings(title="T")] * len(edited_briefings)
    reused = _check(edited_briefings, settings)
    assert reused[0] == 0
    # Each edit leaves most pages as they were, and changes some.
    pages = len(render_pages(edited_briefings[-1][1], settings[0], make_environment(None)))
    for (name, _), count in zip(edited_briefings[1:], reused[1:], strict=True):
        assert 0 < count < pages, name


def test_a_changed_setting_or_as_of_date_is_seen(edited_briefings: list[tuple[str, Briefing]]) -> None:
    briefings = [edited_briefings[0]] * 4
    settings = [
        Settings(title="T"), Settings(title="Another title"),
        Settings(title="Another title", as_of="2021-08-01"), Settings(title="Another title", as_of="2019-01-01"),
    ]
    reused = _check(briefings, settings)
    assert reused[1] > 0 and reused[2] > 0


def test_a_user_template_reading_anything_is_rendered_again_when_that_changes(
    edited_briefings: list[tuple[str, Briefing]], tmp_path: Path,
) -> None:
    """A person page of the user's that prints how many sources the dossier
    has: every person page depends on the list of articles."""
    builtin = (REPO / "dossier" / "templates" / "pages" / "person.md.j2").read_text(encoding="utf-8")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "person.md.j2").write_text(
        builtin + "\nOne of {{ briefing.articles|length }} sources; {{ entities|length }} entities.\n",
        encoding="utf-8",
    )
    settings = [Settings(title="T")] * len(edited_briefings)
    _check(edited_briefings, settings, templates=tmp_path)


@pytest.mark.skipif(not can_fork(), reason="forked rendering is for platforms that fork")
def test_reads_recorded_in_forked_processes_serve_the_next_render(
    edited_briefings: list[tuple[str, Briefing]],
) -> None:
    settings = [Settings(title="T")] * len(edited_briefings)
    assert _check(edited_briefings, settings, processes=2)[1] > 0


def test_a_new_environment_renders_every_page(seed_briefing: Briefing) -> None:
    memo = PageMemo()
    settings = Settings(title="T")
    env = make_environment(None)
    render_pages(seed_briefing, settings, env, memo=memo)
    render_pages(seed_briefing, settings, env, memo=memo)
    assert memo.reused > 0
    render_pages(seed_briefing, settings, make_environment(None), memo=memo)
    assert memo.reused == 0


@dataclasses.dataclass
class _Thing:
    name: str
    tags: list[str]

    def tagged(self, tag: str) -> bool:
        return tag in self.tags


def test_tracked_records_each_kind_of_read() -> None:
    reads = Reads()
    shared = tracked({"thing": _Thing("a", ["x"]), "table": {"k": 1}}, reads)
    thing, table = shared["thing"], shared["table"]
    assert thing.name == "a" and thing.tagged("x") and table["k"] == 1 and "k" in table
    assert table.get("missing", 2) == 2 and len(table) == 1
    with pytest.raises(AttributeError):
        thing.missing  # noqa: B018
    assert set(reads) == {
        ("thing", "attr", "name"), ("thing", "call", "tagged", ("x",), ()), ("table", "item", "k"),
        ("table", "in", "k"), ("table", "call", "get", ("missing", 2), ()), ("table", "whole"),
        ("thing", "attr", "missing"),
    }
    unhashable = Reads()
    Tracked("thing", _Thing("a", ["x"]), unhashable).tagged(["x"])  # a list argument
    assert list(unhashable) == [("thing", "call", "tagged", (["x"],), ())]


def test_an_equal_table_in_another_order_is_a_change() -> None:
    env = make_environment(None)
    memo = PageMemo()
    page = [("p.md", "pages/x.md.j2", {})]
    memo.remember(env, {"table": {"a": 1, "b": 2}}, page, lambda n: ("text", _reads_whole("table")), {})
    assert memo.kept(env, {"table": {"a": 1, "b": 2}}, page) == {0: "text"}
    assert memo.kept(env, {"table": {"b": 2, "a": 1}}, page) == {}


def _reads_whole(name: str) -> Reads:
    reads = Reads()
    len(Tracked(name, {}, reads))
    return reads

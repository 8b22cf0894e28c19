"""Rendering in two processes (dossier/render/forked.py, used by `mkdocs
serve` rebuilds): the same pages as one process, and on any failure the
caller renders alone, so errors are the same too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.errors import RenderError
from dossier.model import Briefing
from dossier.render import forked, make_environment, render_pages
from dossier.settings import Settings


def test_forked_render_split_returns_every_result_in_order() -> None:
    items = list(range(450))
    parent = os.getpid()
    assert forked.render_split(items, lambda n: f"{n}:{os.getpid() == parent}") == [
        f"{n}:{n % 2 == 0}" for n in items
    ], "every other item rendered by the child, all in order"
    assert forked.render_split(items[:10], str) is None, "too few to be worth a process"


@pytest.mark.parametrize("where", ["child", "parent"])
def test_forked_render_split_gives_up_when_either_process_fails(where: str) -> None:
    parent = os.getpid()

    def render(n: int) -> str:
        in_parent = os.getpid() == parent
        if (n == 301 and not in_parent and where == "child") or (n == 300 and in_parent and where == "parent"):
            raise ValueError("broken template")
        return str(n)

    assert forked.render_split(list(range(400)), render) is None


def test_forked_split_render_pages_are_the_pages_one_process_renders(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(title="Seed dossier", subtitle="Split render", as_of=None)
    env = make_environment(None)
    alone = render_pages(seed_briefing, settings, env)
    monkeypatch.setattr(forked, "SPLIT_MIN", 2)
    split = render_pages(seed_briefing, settings, env, split=True)
    assert list(split) == list(alone) and split == alone


def test_forked_split_render_reports_a_template_error_as_one_process_does(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    templates = tmp_path / "templates" / "pages"
    templates.mkdir(parents=True)
    (templates / "place.md.j2").write_text("# {{ item.no_such_field.x }}\n", encoding="utf-8")
    settings = Settings(title="Seed dossier", subtitle="Split render", as_of=None)
    env = make_environment(templates.parent)
    monkeypatch.setattr(forked, "SPLIT_MIN", 2)
    with pytest.raises(RenderError) as alone:
        render_pages(seed_briefing, settings, env)
    with pytest.raises(RenderError) as split:
        render_pages(seed_briefing, settings, env, split=True)
    assert str(split.value) == str(alone.value) and "places/" in str(split.value)

"""Pages rendered by forked processes too (`mkdocs serve`): the same pages,
the same errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.errors import RenderError
from dossier.model import Briefing
from dossier.render import make_environment, render_pages
from dossier.render.forked import can_fork, render_all
from dossier.settings import Settings

pytestmark = pytest.mark.skipif(not can_fork(), reason="forked rendering is for platforms that fork")


def test_forked_render_gives_the_serial_pages(seed_briefing: Briefing) -> None:
    env = make_environment(None)
    serial = render_pages(seed_briefing, Settings(title="T"), env)
    for processes in (2, 3):
        forked = render_pages(seed_briefing, Settings(title="T"), env, processes=processes)
        assert list(forked) == list(serial) and forked == serial


def test_forked_render_raises_the_first_failing_page_like_a_serial_render(
    seed_briefing: Briefing, tmp_path: Path,
) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "source.md.j2").write_text("{{ article.no_such_field }}\n", encoding="utf-8")
    (tmp_path / "pages" / "place.md.j2").write_text("{{ item.no_such_field }}\n", encoding="utf-8")
    env = make_environment(tmp_path)
    with pytest.raises(RenderError) as serial:
        render_pages(seed_briefing, Settings(title="T"), env)
    with pytest.raises(RenderError) as forked:
        render_pages(seed_briefing, Settings(title="T"), env, processes=2)
    assert str(forked.value) == str(serial.value) and "sources/" in str(serial.value)


def test_a_rendering_process_that_dies_is_made_up_for_here() -> None:
    parent = os.getpid()

    def render_one(n: int) -> str:
        if os.getpid() != parent and n == 3:
            os._exit(1)  # the forked process dies before it answers
        return f"page {n}"

    assert render_all(7, render_one, processes=2) == [f"page {n}" for n in range(7)]
    assert render_all(1, render_one, processes=4) == ["page 0"]
    assert render_all(0, render_one, processes=2) == []


def test_the_callers_work_meanwhile_is_done_once_whatever_the_processes() -> None:
    calls: list[int] = []
    for processes in (1, 2, 3):
        assert render_all(5, str, processes, meanwhile=lambda n=processes: calls.append(n)) == list("01234")
    assert calls == [1, 2, 3]


def test_the_forked_processes_are_joined_when_the_callers_work_fails() -> None:
    import multiprocessing

    def fails() -> None:
        raise OSError("disk full")

    def big(n: int) -> str:
        return str(n) * 200_000  # more than a pipe holds: the forked process waits until it is read

    with pytest.raises(OSError, match="disk full"):
        render_all(6, big, 2, meanwhile=fails)
    assert not [p for p in multiprocessing.active_children() if p.name == "dossier-render"]

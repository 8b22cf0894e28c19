"""`mkdocs serve --dirty` keeps work from one rebuild to the next
(dossier/publish/reuse.py): after each change (an article, a template, the
model "What's new" compares with), the served folder is the site a fresh
`mkdocs serve` of the same project makes, in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dossier.export import ModelWriter, briefing_to_dict, dumps_indented
from dossier.pipeline import build_briefing
from dossier.publish.reuse import ServeReuse
from dossier.publish.site import build_site
from tests.conftest import SEEDS
from tests.publish.test_incremental import _edit, _project, _tree

SECOND_EDIT = '\n\n"The text is not final," said Tomas Brenner, an adviser to the talks.\n'
FRESH_SERVE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url="http://127.0.0.1:8000/")
config.plugins.on_shutdown()
"""


def _fresh_serve(project: Path, site: Path) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-c", FRESH_SERVE, str(project / "mkdocs.yml"), str(site)], check=True,
                   capture_output=True)
    return _tree(site)


@pytest.mark.slow
def test_serve_dirty_rebuilds_after_each_change_match_a_fresh_serve(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = _project(tmp_path / "project")
    build_site(project / "mkdocs.yml", workers=1)  # the published model "What's new" compares with
    served = tmp_path / "served"
    first = True

    def rebuild() -> None:
        nonlocal first
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(served))  # serve reloads it
        if first:
            config.plugins.on_startup(command="serve", dirty=True)
            first = False
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)

    def changes(name: str = "Ines Marlow") -> list[str]:
        page = (served / "whats-new" / "index.html").read_text(encoding="utf-8")
        return [line for line in page.splitlines() if name in line]

    try:
        rebuild()
        assert not changes()
        _edit(project)  # a new person, quoted
        rebuild()
        assert changes(), "What's new shows the edit, compared with the published model"
        assert _tree(served) == _fresh_serve(project, tmp_path / "fresh-1")
        override = project / "templates" / "pages" / "place.md.j2"
        override.parent.mkdir(parents=True)
        builtin = Path(__file__).resolve().parents[2] / "dossier" / "templates" / "pages" / "place.md.j2"
        override.write_text(builtin.read_text(encoding="utf-8") + "\nPlace page of this dossier.\n", encoding="utf-8")
        rebuild()
        tree = _tree(served)
        assert any(b"Place page of this dossier." in html for path, html in tree.items() if path.startswith("places/"))
        assert tree == _fresh_serve(project, tmp_path / "fresh-2")
        # `dossier build` meanwhile (in a process of its own) publishes a model that has the first edit.
        subprocess.run([sys.executable, "-m", "dossier", "-q", "-f", str(project / "mkdocs.yml"), "build", "-j", "1"],
                       check=True, capture_output=True)
        held = project / "articles" / "held.md"
        held.write_text(held.read_text(encoding="utf-8") + SECOND_EDIT, encoding="utf-8")
        rebuild()
        assert changes("Tomas Brenner") and not changes(), "compared with the new published model"
        assert _tree(served) == _fresh_serve(project, tmp_path / "fresh-3")
    finally:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)  # MkDocs keeps these plugin instances
        config.plugins.on_shutdown()
        config.plugins["material/search"].search_index_prev = None  # type: ignore[attr-defined]


def test_model_writer_writes_what_dumps_indented_writes(seed_briefing: object) -> None:
    writer = ModelWriter()
    model = briefing_to_dict(build_briefing([SEEDS]))
    assert writer.dumps(model) == dumps_indented(model)
    model["people"][0]["name"] += " Jr."  # one entry changed, the others reused
    model["events"].append({"id": "odd", "values": [float("nan"), 1e-05, 2.5e-07, {"1": None}], "empty": {}})
    model["version"] = 2
    assert writer.dumps(model) == dumps_indented(model)
    # Keys that orjson writes the same way only for the same value; what it refuses falls back.
    model["events"].extend([{"n": 1}, {"n": 1.0}, {"n": True}, {"n": 2**70}, {"s": "\ud800"}, {1: "int key"}])
    assert writer.dumps(model) == dumps_indented(model)
    assert writer.dumps({}) == dumps_indented({}) and writer.dumps({"a": [], "b": [[]]}) == dumps_indented(
        {"a": [], "b": [[]]}
    )


def test_page_environment_is_kept_until_a_user_template_changes(tmp_path: Path) -> None:
    reuse = ServeReuse()
    templates = tmp_path / "templates"
    env = reuse.page_environment(templates)
    assert reuse.page_environment(templates) is env
    (templates / "pages").mkdir(parents=True)
    (templates / "pages" / "place.md.j2").write_text("# {{ item.name }}\n", encoding="utf-8")
    changed = reuse.page_environment(templates)
    assert changed is not env and changed.get_template("pages/place.md.j2").render(item={"name": "X"}) == "# X\n"
    assert reuse.page_environment(templates) is changed
    (templates / "pages" / "place.md.j2").write_text("# {{ item.name }}!\n", encoding="utf-8")
    assert reuse.page_environment(templates) is not changed


def test_warm_up_loads_the_pipeline_once_in_the_background() -> None:
    from dossier.extract import nlp

    nlp._load_nlp.cache_clear()
    reuse = ServeReuse()
    reuse.warm_up(nlp.DEFAULT_MODEL)
    first = reuse._warming
    reuse.warm_up(nlp.DEFAULT_MODEL)
    assert first is not None and reuse._warming is first  # once per session
    reuse.wait_warm(timeout=120)
    assert not first.is_alive()
    info = nlp._load_nlp.cache_info()
    assert info.currsize == 1 and info.misses == 1
    nlp.load_nlp(nlp.DEFAULT_MODEL)  # the build's call finds it loaded
    assert nlp._load_nlp.cache_info().hits == info.hits + 1


def test_a_failed_background_load_is_left_to_the_build_that_needs_it() -> None:
    from dossier.errors import ConfigError
    from dossier.publish.reuse import _load_quietly

    def fails(model: str) -> None:
        raise ConfigError(f"spaCy model {model!r} is not installed")

    _load_quietly(fails, "missing")  # no exception on the background thread


def test_a_collection_after_a_rebuild_is_called_off_when_the_next_one_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import threading

    collected = threading.Event()
    monkeypatch.setattr(gc, "collect", lambda *args: collected.set() or 0)
    reuse = ServeReuse()
    reuse.collect_later(delay=0.05)
    assert collected.wait(timeout=10)  # it runs when nothing starts meanwhile
    collected.clear()
    reuse.collect_later(delay=0.3)
    reuse.rebuilding()  # the next rebuild starts first
    assert not collected.wait(timeout=0.6)

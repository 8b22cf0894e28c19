"""Golden files: the rendered Markdown of the seed dossier.

After a deliberate change to templates or extraction, regenerate with

    .venv/bin/python -m pytest tests/render/test_golden.py --update-golden

and review the diff of tests/golden/ before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from dossier.model import Briefing
from dossier.render import make_environment, render_pages
from dossier.settings import Settings

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "seed"


def _rendered(briefing: Briefing) -> dict[str, str]:
    settings = Settings(title="Seed dossier", subtitle="Golden-file test", as_of=None)
    env = make_environment(None)  # built-in templates only
    return {p: c for p, c in render_pages(briefing, settings, env).items() if p.endswith(".md")}


def test_golden_seed_pages_match(seed_briefing: Briefing, update_golden: bool) -> None:
    pages = _rendered(seed_briefing)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, content in pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    expected = {str(p.relative_to(GOLDEN)): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "pages added or removed; rerun with --update-golden and review"
    for path, content in pages.items():
        assert content == expected[path], f"{path} differs from its golden file; rerun with --update-golden"


def test_golden_render_is_deterministic(seed_briefing: Briefing) -> None:
    assert _rendered(seed_briefing) == _rendered(seed_briefing)

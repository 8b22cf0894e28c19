"""A real MkDocs build of a small project: the timeline's SVG reaches the
HTML intact, event and document pages exist and the as-of setting counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import mkdocs_build, mkdocs_yml

ARTICLE = """\
---
title: "Leaders agree to meet again"
date: 2016-09-03
---

# Leaders agree to meet again

VLADIVOSTOK — Prime Minister Shinzo Abe and President Vladimir Putin held talks in Vladivostok on Friday.

Putin will visit Yamaguchi on Dec. 15, Abe said. The 1956 Joint Declaration calls for the return of two islands.
"""


@pytest.mark.slow
def test_timeline_site_builds_with_svg_and_pages(make_project: Callable[..., Path]) -> None:
    config = mkdocs_yml(pdf="false", as_of='"2016-09-03"')
    site = mkdocs_build(make_project({"talks.md": ARTICLE}, config=config), strict=True)
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert timeline.count("<svg") >= 1 and "<circle" in timeline
    assert "As of 3 September 2016" in timeline or "as of 3 September 2016" in timeline
    assert (site / "events" / "index.html").exists() and (site / "documents" / "index.html").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Coming up" in home and "Yamaguchi" in home
    assert any(p.name == "index.html" for p in (site / "documents").rglob("*") if "declaration" in str(p))

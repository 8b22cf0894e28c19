"""`mkdocs serve` re-renders the generated pages when an article changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _fetch(url)
        if page is not None and needle in page:
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_serve_rerenders_after_article_edit(make_project: Callable[..., Path]) -> None:
    article = "Talks\n\nTalks\n\nJohn Smith met Jane Doe in Paris.\n"
    project = make_project({"talks.txt": article})
    (project / "templates" / "pages").mkdir(parents=True)
    port = _free_port()
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen(
        [str(mkdocs), "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/sources/talks/"
        assert _wait_for(url, "John Smith met Jane Doe", 120), "the served source page never appeared"
        (project / "articles" / "talks.txt").write_text(
            article.replace("in Paris", "in Geneva on a rainy Tuesday"), encoding="utf-8"
        )
        assert _wait_for(url, "in Geneva on a rainy Tuesday", 120), "the page was not re-rendered after the edit"
        (project / "templates" / "pages" / "sources.md.j2").write_text(
            "# Sources\n\nA user template overrides this page.\n", encoding="utf-8"
        )
        assert _wait_for(
            f"http://127.0.0.1:{port}/sources/", "A user template overrides this page", 120
        ), "the page was not re-rendered after a template edit"
        assert not (project / "docs" / "sources").exists(), "serve must not write into docs/"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

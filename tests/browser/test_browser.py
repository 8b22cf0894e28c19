"""The built site in headless Chromium: pages load, search finds a person,
nothing from the hostile corpus runs, and no request leaves 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.cdp import Chromium
from tests.hostile.corpus import hostile_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = {
    "/": "Hostile dossier",
    "/people/": "People",
    "/people/vladimir-putin/": "Vladimir Putin",
    "/sources/": "Sources",
    "/sources/script-injection/": "<script>document.documentElement.dataset.pwned='title'</script> Putin",
    "/sources/hostile-page/": "Putin and Abe meet in Vladivostok",
    "/sources/russian-cp1251/": "Путин и Абэ во Владивостоке",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile site on http://127.0.0.1:<free port>."""
    project, _, _ = hostile_site(tmp_path_factory)
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


PWNED = "document.documentElement.dataset.pwned || ''"
LOADED = "document.readyState === 'complete' && !!document.querySelector('article h1, h1')"


def test_browser_pages_load_search_finds_a_person_and_nothing_leaves(served_site: str, chromium: str) -> None:
    browser = Chromium(chromium)
    with browser:
        for path, heading in PAGES.items():
            session = browser.open(served_site + path)
            assert browser.wait_for(session, LOADED), f"{path} did not load"
            h1 = browser.evaluate(session, "document.querySelector('article h1, h1').textContent")
            assert heading in h1, f"{path}: heading {h1!r}"
            assert browser.evaluate(session, PWNED) == "", f"{path}: a hostile script ran"
            assert browser.evaluate(session, "document.title"), f"{path}: no title"

        session = browser.open(served_site + "/?q=Panov")
        found = browser.wait_for(
            session,
            "Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href).join(' ')",
            timeout=60,
        )
        assert found and "/people/alexander-panov/" in found, f"search for Panov found {found!r}"

        # Searching for the payloads renders their text in the results: it must stay text.
        for query in ("Injected", "Vladivostok", "Evil"):
            session = browser.open(f"{served_site}/?q={query}")
            shown = browser.wait_for(session, "document.querySelectorAll('.md-search-result__item').length", 60)
            assert shown, f"search for {query!r} found nothing"
            assert browser.evaluate(session, PWNED) == "", f"a hostile script ran in the results for {query!r}"
        assert not browser.dialogs()

    urls = browser.page_urls
    assert any(url.endswith("/search/search_index.json") for url in urls), "the net log shows no search request"
    outside = sorted({url for url in urls if urlsplit(url).hostname != "127.0.0.1"})
    assert not outside, f"requests left 127.0.0.1: {outside}"


def test_browser_cdp_client_sees_requests_that_leave(served_site: str, chromium: str, tmp_path: Path) -> None:
    """The check above can fail: a page that loads an outside image shows
    up in the net log."""
    browser = Chromium(chromium)
    with browser:
        session = browser.open(served_site + "/")
        browser.wait_for(session, LOADED)
        browser.evaluate(
            session,
            "new Promise(r => { const i = new Image(); i.onload = i.onerror = () => r(1);"
            " i.src = 'http://outside.example/x.png'; document.body.appendChild(i); })",
        )
    assert "http://outside.example/x.png" in browser.page_urls

"""The built site under its own strict Content-Security-Policy, served the
way the README's hosting section says: every page loads, the theme's scripts
run, search works, and Chromium reports no CSP violation and no console
error.  A control run without the build's hashes shows the check can fail."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.cdp import Chromium
from tests.hostile.corpus import hostile_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["/", "/whats-new/", "/people/", "/people/vladimir-putin/", "/timeline/", "/events/", "/sources/",
         "/sources/script-injection/", "/sources/hostile-page/", "/quotes/"]
READY = "document.readyState === 'complete' && typeof __md_scope !== 'undefined'"
STRIPPED = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"


class PolicyHandler(http.server.SimpleHTTPRequestHandler):
    policy = ""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path, policy: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = type("Handler", (PolicyHandler,), {"policy": policy})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project, _, _ = hostile_site(tmp_path_factory)
    return project / "site"


@pytest.fixture(scope="module")
def policy_site(site: Path) -> Iterator[str]:
    server, url = serve(site, (site / "csp.txt").read_text(encoding="utf-8").strip())
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def test_csp_policy_is_strict(site: Path) -> None:
    policy = (site / "csp.txt").read_text(encoding="utf-8").strip()
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "*" not in policy
    assert "http" not in policy, "nothing from other hosts"
    assert policy in (site / "csp-nginx.conf").read_text(encoding="utf-8")
    assert policy in (site / "_headers").read_text(encoding="utf-8")


def test_csp_pages_run_under_the_policy_without_violation(policy_site: str, chromium: str) -> None:
    browser = Chromium(chromium)
    with browser:
        for path in PAGES:
            session = browser.open(policy_site + path)
            assert browser.wait_for(session, READY), f"{path}: the theme's inline scripts did not run"
            assert browser.evaluate(session, "document.querySelector('article h1, h1') !== null"), path
        session = browser.open(policy_site + "/?q=Panov")
        found = browser.wait_for(
            session, "Array.from(document.querySelectorAll('.md-search-result__item a')).map(a => a.href).join(' ')",
            timeout=60,
        )
        assert found and "/people/alexander-panov/" in found, f"search under the policy found {found!r}"
        browser.evaluate(session, "1")  # collect the last events
        errors = browser.errors()
    assert not errors, "errors under the policy:\n" + "\n".join(errors)


def test_csp_check_fails_without_the_hashes(site: Path, chromium: str) -> None:
    """The same pages with a policy that does not allow the theme's inline
    scripts: Chromium reports the violations and the test sees them."""
    server, url = serve(site, STRIPPED)
    try:
        browser = Chromium(chromium)
        with browser:
            session = browser.open(url + "/")
            browser.wait_for(session, "document.readyState === 'complete'")
            browser.evaluate(session, "new Promise(r => setTimeout(r, 300))")
            errors = browser.errors()
    finally:
        server.shutdown()
        server.server_close()
    assert any("Content Security Policy" in e for e in errors), errors

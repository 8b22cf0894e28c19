"""The README's sample server configuration (hosting/nginx.conf) under a
real nginx: its own check passes, a reader needs the password, every page
carries the build's Content-Security-Policy, and the PDFs, the search index
and the feed are served with their types."""

from __future__ import annotations

import base64
import hashlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier.publish.site import build_site
from tests.changes.articles import HELD, PLANNED
from tests.conftest import REPO, mkdocs_yml, write_project

pytestmark = pytest.mark.slow

SAMPLE = REPO / "hosting" / "nginx.conf"
USER, PASSWORD = "reader", "correct horse battery staple"


def find_nginx() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_config(site: Path, work: Path, port: int) -> Path:
    """The sample, with its paths and port made this test's, inside a main
    configuration that runs nginx in the foreground as one process."""
    sample = SAMPLE.read_text(encoding="utf-8")
    for placeholder in ("listen 80;", "/srv/dossier/site", "/etc/nginx/dossier.htpasswd"):
        assert placeholder in sample, f"hosting/nginx.conf no longer has {placeholder!r}: update this test"
    digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    (work / "htpasswd").write_text(f"{USER}:{{SHA}}{digest}\n", encoding="utf-8")
    (work / "dossier.conf").write_text(
        sample.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/dossier/site", str(site))
        .replace("/etc/nginx/dossier.htpasswd", str(work / "htpasswd")), encoding="utf-8",
    )
    main = work / "nginx.conf"
    main.write_text(
        f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {work}/nginx.pid;\n"
        f"error_log {work}/error.log warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
        f"  client_body_temp_path {work}/body;\n  include {work}/dossier.conf;\n}}\n", encoding="utf-8",
    )
    return main


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    nginx = find_nginx()
    if nginx is None:
        pytest.skip("nginx not found (install Debian's 'nginx' package: 'make nginx' as root)")
    root = tmp_path_factory.mktemp("hosting")
    project = write_project(root / "project", {"01-planned.md": PLANNED, "02-held.md": HELD},
                            config=mkdocs_yml(site_url="https://dossier.example.org/"))
    site = build_site(project / "mkdocs.yml")
    work = root / "nginx"
    work.mkdir()
    port = _free_port()
    config = server_config(site, work, port)
    check = subprocess.run([nginx, "-t", "-c", str(config), "-p", str(work)], capture_output=True, text=True,
                           timeout=60)
    assert check.returncode == 0, f"nginx -t rejects the sample: {check.stderr}"
    server = subprocess.Popen([nginx, "-c", str(config), "-p", str(work)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"nginx stopped: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", site
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fetch(url: str, *, password: str | None = PASSWORD) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if password is not None:
        token = base64.b64encode(f"{USER}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_nginx_sample_asks_for_the_password(nginx_site: tuple[str, Path]) -> None:
    base, _ = nginx_site
    assert fetch(base + "/", password=None)[0] == 401
    assert fetch(base + "/", password="wrong")[0] == 401
    assert fetch(base + "/pdf/dossier.pdf", password=None)[0] == 401


def test_nginx_sample_sends_the_policy_with_every_page(nginx_site: tuple[str, Path]) -> None:
    base, site = nginx_site
    policy = (site / "csp.txt").read_text(encoding="utf-8").strip()
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    for path in ("/", "/whats-new/", "/people/clara-voss/", "/timeline/", "/no-such-page/"):
        status, headers, body = fetch(base + path)
        assert status == (404 if "no-such" in path else 200), path
        assert headers.get("Content-Security-Policy") == policy, f"{path}: policy header {headers}"
        assert headers.get("X-Content-Type-Options") == "nosniff"
        assert b"<html" in body


def test_nginx_sample_serves_pdfs_search_and_feed(nginx_site: tuple[str, Path]) -> None:
    base, _ = nginx_site
    status, headers, body = fetch(base + "/pdf/dossier.pdf")
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    status, headers, body = fetch(base + "/search/search_index.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json") and b"Clara Voss" in body
    status, headers, body = fetch(base + "/feed.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml") and b"<feed" in body
    status, headers, _ = fetch(base + "/briefing.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")

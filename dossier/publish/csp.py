"""A strict Content-Security-Policy for the built site, and the files that
give it to a web server.

The policy allows nothing from other hosts, and no inline script or style
but those the built pages contain, each allowed by its SHA-256 hash (the
theme's small inline scripts).  It is computed from the finished site at
build time, so it always matches the pages it protects, and written as:

    site/csp.txt          the policy, one line
    site/csp-nginx.conf   `add_header Content-Security-Policy ...` for nginx (`include` it)
    site/_headers         the same header for hosts that read a _headers file
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

POLICY_FILE = "csp.txt"
NGINX_FILE = "csp-nginx.conf"
HEADERS_FILE = "_headers"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_STYLE_ATTR = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_HANDLER = re.compile(r"""<[a-zA-Z][^>]*?\son[a-z]+\s*=""")
# Script types a browser runs; others (application/json, ...) are data.
_RUNS = {"", "text/javascript", "application/javascript", "module"}


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


class InlineCode:
    """The inline scripts, style elements and style attributes of pages."""

    def __init__(self) -> None:
        self.scripts: set[str] = set()
        self.styles: set[str] = set()
        self.style_attributes: set[str] = set()
        self.handlers: list[str] = []  # pages with inline event handlers (onclick=...): no hash allows them

    def add_page(self, html: str, name: str) -> None:
        for attrs, body in _SCRIPT.findall(html):
            kind = _TYPE.search(attrs)
            if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUNS):
                continue
            self.scripts.add(_hash(body))
        self.styles.update(_hash(body) for body in _STYLE.findall(html))
        for double, single in _STYLE_ATTR.findall(html):
            self.style_attributes.add(_hash(double or single))
        if _HANDLER.search(_SCRIPT.sub("", html)):
            self.handlers.append(name)


def inline_code(site_dir: Path) -> InlineCode:
    found = InlineCode()
    for page in sorted(site_dir.rglob("*.html")):
        found.add_page(page.read_text(encoding="utf-8", errors="replace"), str(page.relative_to(site_dir)))
    return found


def content_security_policy(site_dir: Path) -> str:
    """The policy for the site in `site_dir`: same origin only, inline code
    by hash.  Images may be `data:` URIs (the theme's icons, the timeline)."""
    found = inline_code(site_dir)
    scripts = " ".join(["'self'", *sorted(found.scripts)])
    styles = ["'self'", *sorted(found.styles)]
    if found.style_attributes:
        styles += ["'unsafe-hashes'", *sorted(found.style_attributes)]
    return "; ".join([
        "default-src 'none'",
        f"script-src {scripts}",
        f"style-src {' '.join(styles)}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ])


def write_policy_files(site_dir: Path) -> str:
    """Write the policy for web servers into the site folder; returns it."""
    policy = content_security_policy(site_dir)
    (site_dir / POLICY_FILE).write_text(policy + "\n", encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(
        "# Written by dossier build: the Content-Security-Policy of this site's pages.\n"
        f'add_header Content-Security-Policy "{policy}" always;\n', encoding="utf-8",
    )
    (site_dir / HEADERS_FILE).write_text(f"/*\n  Content-Security-Policy: {policy}\n", encoding="utf-8")
    return policy

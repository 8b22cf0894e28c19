"""The Atom feed of "What's new" (`feed.xml`), for readers who follow a
dossier in a feed reader.

Feeds need absolute links, so there is one only when `site_url` is set.
Each change is an entry whose id is derived from what changed, so a feed
reader shows a change once however often the site is rebuilt; dates come
from the articles (never the clock), so builds stay reproducible.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from dossier.changes import SECTIONS, Change, Changes
from dossier.model import Briefing

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
NO_FEED_REASON = (
    "there is no Atom feed because `site_url` is not set in mkdocs.yml: a feed needs the site's address for its "
    "links"
)


def page_url(site_url: str, md_path: str, *, directory_urls: bool) -> str:
    """The address of a page of the Markdown tree once built."""
    stem = md_path[: -len(".md")] if md_path.endswith(".md") else md_path
    if directory_urls:
        rel = "" if stem == "index" else (stem[: -len("/index")] + "/" if stem.endswith("/index") else stem + "/")
    else:
        rel = stem + ".html"
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", rel)


def _title(change: Change, names: dict[str, str]) -> str:
    label = change.label if len(change.label) <= 90 else change.label[:89] + "…"
    if change.section == "roles":
        return f"{change.label}: new role, {change.detail}"
    if change.section == "provisions":
        return f"{change.label}: new provision"
    if change.kind == "moved":
        return f"{change.label}: moved from {change.before or 'no date'} to {change.after or 'no date'}"
    if change.kind == "status":
        return f"{change.label}: {change.before or 'no status'} → {change.after}"
    if change.section in ("quotes", "statements"):
        who = names.get(change.speaker or "", "Unattributed")
        return f"{who}: “{label}”" if change.section == "quotes" else f"{who}, reported: {label}"
    heading = SECTIONS[change.section]
    return f"{heading.split(':')[0].removesuffix('s')}: {label}" if change.kind == "new" else f"{heading}: {label}"


def atom_feed(
    changes: Changes, briefing: Briefing, *, title: str, site_url: str, directory_urls: bool,
) -> str:
    """The feed as XML text: one entry per change."""
    def url(md_path: str) -> str:
        return page_url(site_url, md_path, directory_urls=directory_urls)

    published = {a.id: a.published for a in briefing.articles}
    labels = {a.id: f"S{n}" for n, a in enumerate(briefing.articles, 1)}
    names = {k: getattr(v, "name", None) or getattr(v, "title", "") for k, v in briefing.index().items()}
    dates = sorted(d[:10] for d in published.values() if d)
    newest = dates[-1] if dates else "1970-01-01"

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{title}: what's new"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = url("whats-new.md")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=url(FEED_PATH))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=url("whats-new.md"))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = f"Changes since {changes.baseline}"
    for change in changes.items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        key = "\0".join(str(x) for x in (change.section, change.kind, change.entity, change.detail, change.after))
        page = change.page or ("sources/" + change.entity + ".md" if change.section == "sources" else "whats-new.md")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _title(change, names)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url("whats-new.md") + "#" + hashlib.sha1(
            key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=url(page))
        days = sorted(published[c.article][:10] for c in change.cites if published.get(c.article))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{days[-1] if days else newest}T00:00:00Z"
        summary = change.detail if change.section not in ("quotes", "statements") else change.label
        cited = ", ".join(f"{labels.get(c.article, c.article)} ¶{c.paragraph}" for c in change.cites)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = "; ".join(x for x in (summary, cited) if x) or None
        for c in change.cites:
            ET.SubElement(entry, f"{{{ATOM}}}link", rel="related",
                          href=url(f"sources/{c.article}.md") + f"#p{c.paragraph}")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

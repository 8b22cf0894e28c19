"""The Atom feed's addresses and entries, without a build."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dossier.changes import Change, Changes, Cite
from dossier.model import Article, Briefing, Paragraph
from dossier.publish.feed import ATOM, atom_feed, page_url


def test_feed_page_urls_follow_use_directory_urls() -> None:
    assert page_url("https://x.org/d", "people/a.md", directory_urls=False) == "https://x.org/d/people/a.html"
    assert page_url("https://x.org/d/", "people/a.md", directory_urls=True) == "https://x.org/d/people/a/"
    assert page_url("https://x.org/", "index.md", directory_urls=True) == "https://x.org/"
    assert page_url("https://x.org/", "sources/index.md", directory_urls=True) == "https://x.org/sources/"


def test_feed_entries_are_escaped_dated_and_stable() -> None:
    article = Article(id="a1", title="T", path="a1.txt", paragraphs=[Paragraph(1, "x")], published="2020-05-04")
    model = Briefing(articles=[article])
    change = Change("events", "status", "talks", "events/talks.md", "Talks <script>alert(1)</script>",
                    detail="status", before="expected", after="cancelled", cites=[Cite("a1", 1)])
    changes = Changes(baseline="the previous build", items=[change])
    text = atom_feed(changes, model, title="D & co", site_url="https://x.org/", directory_urls=False)
    assert "<script>" not in text
    feed = ET.fromstring(text)
    entry = feed.find(f"{{{ATOM}}}entry")
    assert entry is not None
    assert entry.findtext(f"{{{ATOM}}}title") == "Talks <script>alert(1)</script>: expected → cancelled"
    assert entry.findtext(f"{{{ATOM}}}updated") == "2020-05-04T00:00:00Z"
    hrefs = [link.get("href") for link in entry.findall(f"{{{ATOM}}}link")]
    assert hrefs == ["https://x.org/events/talks.html", "https://x.org/sources/a1.html#p1"]
    again = atom_feed(changes, model, title="D & co", site_url="https://x.org/", directory_urls=False)
    assert again == text, "the same changes give the same feed"

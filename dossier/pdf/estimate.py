"""How many pages a brief will take, guessed from its print HTML before it
is laid out.

A brief must fit its page budget; when it runs over, it is made again with
tighter limits (fewer quotes, context entries, cited paragraphs) and laid
out again.  At scale nearly every brief's first version runs over (at 1,000
articles, 27 of 28), so laying it out only to learn that wastes a layout
per brief.  What shrinks with the limits is the text, so the text predicts
the pages: on the 1,000-article benchmark's 55 brief layouts, pages =
2.24 + characters / 3,280 (the characters of the body's text, spaces
collapsed), within about a page (root mean square error 0.33 page).  A
version predicted to run more than `MARGIN` page over the budget is not laid
out; the first one predicted to fit (or within the margin) is, and a brief
that still runs over is shortened again as before, so a wrong guess costs a
layout, never the budget.  Print templates of one's own (larger type) make
the guess low, which only means more layouts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

FIXED_PAGES = 2.2  # title block, facts table, headings, the annex's page break
CHARS_PER_PAGE = 3300
MARGIN = 0.8  # pages over the budget a guess may be and the version still be laid out

_TAG = re.compile(r"<[^>]*>")
_HEAD = re.compile(r"<head\b.*?</head>", re.S | re.I)


def text_length(page_html: str) -> int:
    """Characters of the text a reader sees: no tags, entities read, spaces collapsed."""
    body = _HEAD.sub(" ", page_html)
    return len(" ".join(html.unescape(_TAG.sub(" ", body)).split()))


def estimated_pages(page_html: str) -> float:
    return FIXED_PAGES + text_length(page_html) / CHARS_PER_PAGE


def first_fitting(first: str, make_html: Callable[[int], str], budget: int, tries: int) -> tuple[int, str]:
    """(the try, its HTML): the first of `tries` versions of a brief
    (`first`, then `make_html(try)`, each tighter) not predicted to run over
    `budget` by more than `MARGIN`; the last one when every one is."""
    page_html = first
    for attempt in range(tries - 1):
        if attempt:
            page_html = make_html(attempt)
        if estimated_pages(page_html) < budget + MARGIN:
            return attempt, page_html
    return tries - 1, make_html(tries - 1)

"""A plain-text article read as a person reads it.

Two layouts are read: the seed's (a title line, the title repeated, then
paragraphs between blank lines) and text as people save it from a web page:
site furniture first and last, maybe no title line, a date printed above or
glued before the lead, a byline, a dateline, photo captions with credits,
wire copy hard-wrapped, text cut off at the end (mid-word).  The title is the first
short line without final punctuation; a long first paragraph is the lead,
never the title.  What is dropped (furniture, a cut-off tail) is kept on the
article, so the source page can say what was left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.ingest.furniture import (
    DatelineMatch,
    LeadingDate,
    bullet_label,
    byline_names,
    cut_off,
    find_dateline,
    is_byline,
    is_caption,
    is_furniture,
    leading_date,
    looks_like_title,
)
from dossier.ingest.layout import split_lines
from dossier.model import Dateline

# How far into the file a date, a title, a byline or a dateline is looked for.
HEAD_BLOCKS = 8
# A line of this many words above the headline is a section label.
SECTION_WORDS = 2
# A furniture line that opens a list of other stories ("Related Coverage",
# "Most Read"): the headlines under it are furniture too.
LIST_HEADER = re.compile(r"\b(?:related|more|most|popular|recommended|also|trending|latest|read next)\b", re.I)


@dataclass(slots=True)
class PlainArticle:
    title: str | None
    paragraphs: list[tuple[str, str]]  # (text, kind)
    published: str | None = None
    date_evidence: str | None = None
    dateline: Dateline | None = None
    author: str | None = None
    source: str | None = None
    furniture: list[str] = field(default_factory=list)
    truncated: str | None = None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_plain(text: str) -> PlainArticle:
    blocks = [(_clean(b.text), b.alone) for b in split_lines(text)]
    blocks = [(t, alone) for t, alone in blocks if t]
    out = PlainArticle(title=None, paragraphs=[])
    kept = _drop_furniture(blocks, out)
    kept = _take_leading_date(kept, out)
    title_at, kept = _title_index(kept, out)
    if title_at is not None:
        out.title = kept[title_at][0]
        rest = kept[:title_at] + kept[title_at + 1:]
        # The seed's layout repeats the title as the first paragraph.
        if title_at < len(rest) and rest[title_at][0] == out.title:
            del rest[title_at]
        kept = rest
    out.paragraphs = _kinds(kept, out)
    _cut_tail(out)
    return out


def _drop_furniture(blocks: list[tuple[str, bool]], out: PlainArticle) -> list[tuple[str, bool]]:
    kept: list[tuple[str, bool]] = []
    in_list = False
    lead_seen = False
    for text, alone in blocks:
        label = bullet_label(text)
        if label and not LIST_HEADER.search(text) and not is_furniture(label):
            # Before the lead, a bullet with the agency the page files the
            # story under: a credit, kept (as a byline) for the agency it
            # names.  After it, an item of a list in the text.
            if not lead_seen:
                out.source = out.source or label
            kept.append((text, alone))
            continue
        if is_furniture(text):
            out.furniture.append(text)
            in_list = in_list or bool(LIST_HEADER.search(text))
            continue
        if in_list and looks_like_title(text) and not re.search(r"[.!?]$", text):
            out.furniture.append(text)  # a headline in a list of other stories
            continue
        in_list = False
        lead_seen = lead_seen or len(text.split()) >= 15
        kept.append((text, alone))
    return kept


def _take_leading_date(blocks: list[tuple[str, bool]], out: PlainArticle) -> list[tuple[str, bool]]:
    """The date printed above the text (the first plain one; an "updated"
    date only when there is no other), removed from the text."""
    found: list[tuple[int, LeadingDate]] = []
    for i, (text, _alone) in enumerate(blocks[:HEAD_BLOCKS]):
        date = leading_date(text)
        if date is not None:
            found.append((i, date))
        if len(text.split()) > 40:
            break  # the lead: what follows is the article's text
    if not found:
        return blocks
    i, date = next(((i, d) for i, d in found if not d.updated), found[0])
    out.published = date.iso
    out.date_evidence = f"the date printed above the text, “{date.text}”"
    blocks = list(blocks)
    for j, d in found:
        if d.rest:
            blocks[j] = (d.rest, blocks[j][1])
        else:
            blocks[j] = ("", True)
            out.furniture.append(d.text)
    return [b for b in blocks if b[0]]


def _title_index(blocks: list[tuple[str, bool]], out: PlainArticle) -> tuple[int | None, list[tuple[str, bool]]]:
    """The headline: the first block before the lead that is a short line
    without final punctuation and not a dateline, byline or caption.  Lines
    of one or two words before another headline-like line are the site's
    section menu ("World", "Business"): furniture."""
    kept = list(blocks)
    i = 0
    while i < min(len(kept), HEAD_BLOCKS):
        text = kept[i][0]
        dateline = find_dateline(text)
        if (dateline is not None and dateline.end >= len(text)) or is_byline(text) or is_caption(text):
            i += 1
            continue
        j = next((j for j in range(i + 1, len(kept)) if not is_byline(kept[j][0])), len(kept))
        following = kept[j][0] if j + 1 < len(kept) else ""
        if (following and len(text.split()) <= SECTION_WORDS and looks_like_title(text) and following != text
                and looks_like_title(following) and find_dateline(following) is None):
            out.furniture.append(text)
            del kept[i]
            continue
        return (i if looks_like_title(text) else None), kept
    return None, kept


def _kinds(blocks: list[tuple[str, bool]], out: PlainArticle) -> list[tuple[str, str]]:
    """Each block's kind; a dateline before the lead is recorded, and one
    in a form the extractors do not read in running text is set apart
    as its own paragraph."""
    paragraphs: list[tuple[str, str]] = []
    lead_seen = False
    authors: list[str] = []
    for text, _alone in blocks:
        if is_caption(text):
            paragraphs.append((text, "caption"))
            continue
        if lead_seen and bullet_label(text) is not None:
            paragraphs.append((text[1:].strip(), "item"))
            continue
        if is_byline(text) and (not lead_seen or len(text) < 300):
            paragraphs.append((text, "byline"))
            authors += [text[a:b] for a, b in byline_names(text)] if not lead_seen else []
            continue
        if not lead_seen:
            dateline = find_dateline(text)
            if dateline is not None:
                text = _place_dateline(text, dateline, paragraphs, out)
                if not text:
                    continue
            lead_seen = len(text.split()) >= 8
        paragraphs.append((text, "text"))
    if authors:
        out.author = ", ".join(dict.fromkeys(authors))
    return paragraphs


def _place_dateline(text: str, found: DatelineMatch, paragraphs: list[tuple[str, str]], out: PlainArticle) -> str:
    """Record the dateline; return the text left for the lead paragraph."""
    standalone = found.end >= len(text)
    if out.dateline is None:
        number = len(paragraphs) + 1
        out.dateline = Dateline(
            text=found.text, paragraph=number, end=len(text) if standalone or not found.standard else found.end,
            place=found.place, region=found.region, date=found.date, agency=found.agency,
        )
    if standalone or not found.standard:
        # A dateline on its own line, or glued in a form the extractors
        # would read as part of the lead's first name: its own paragraph.
        paragraphs.append((text[:found.end].strip() if not standalone else text, "dateline"))
        return "" if standalone else text[found.end:].strip()
    return text


def mark_furniture(paragraphs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], Dateline | None]:
    """Captions, bylines and a dateline among the text paragraphs of an
    article read from another format (Markdown, a web page)."""
    out: list[tuple[str, str]] = []
    dateline: Dateline | None = None
    lead_seen = False
    for text, kind in paragraphs:
        if kind == "text" and is_caption(text):
            kind = "caption"
        elif kind == "text" and is_byline(text) and (not lead_seen or (len(text) < 300 and not bullet_label(text))):
            kind = "byline"
        elif kind == "text" and not lead_seen:
            found = find_dateline(text)
            if found is not None and found.standard and found.end < len(text):
                dateline = Dateline(text=found.text, paragraph=len(out) + 1, end=found.end, place=found.place,
                                    region=found.region, date=found.date, agency=found.agency)
            lead_seen = len(text.split()) >= 8
        out.append((text, kind))
    return out, dateline


def _cut_tail(out: PlainArticle) -> None:
    """Text cut off at the end: its last, maybe broken, word is dropped."""
    texts = [i for i, (_t, kind) in enumerate(out.paragraphs) if kind == "text"]
    if not texts or texts[-1] != len(out.paragraphs) - 1:
        return
    last = texts[-1]
    if len(texts) == 1:
        return  # a one-paragraph article is kept whole
    found = cut_off(out.paragraphs[last][0])
    if found is None:
        return
    kept, tail = found
    out.truncated = tail
    if kept:
        out.paragraphs[last] = (kept, "text")
    else:
        del out.paragraphs[last]

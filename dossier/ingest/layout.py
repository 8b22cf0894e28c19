"""From a plain-text file's lines to its paragraphs, as a person reads them.

Text copied from a web page puts one paragraph on a line; wire copy is
hard-wrapped at a fixed width (about 60 to 80 characters) with no blank line
between paragraphs, so there a line is not a paragraph.  The wrap width is
found from the lines themselves, and a wrapped file's paragraphs end where a
line stops short of the width (its next word would have fitted: the writer
broke the line, not the wrapper), where the next line is indented, or at a
blank line.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from dossier.ingest.furniture import BYLINE, SMALL_WORDS, WIRE_DATELINE, is_title_case

# Sentence-final punctuation, closing quotes and brackets after it included.
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"'”’][.!?]$")
# A file is hard-wrapped when most of its lines that run on into another
# line are this close to the longest of them.
WRAP_SHARE = 0.5
NEAR_WIDTH = 0.75
MIN_WRAPPED_LINES = 4
MAX_WRAP_WIDTH = 120
# A paragraph this long is running text: the head of the file (headline,
# byline) is over.
HEAD_WORDS = 15


@dataclass(slots=True)
class Block:
    """A paragraph candidate: its text and whether it stood alone between
    blank lines (a title or a heading does; a line inside a run may not)."""

    text: str
    alone: bool = True


def wrap_width(lines: list[str]) -> int | None:
    """The width the file's text was wrapped at, or None when it was not
    wrapped: lines followed by another line (not a blank one) that are
    mostly near one common maximum length."""
    pairs = [(a.rstrip(), b) for a, b in itertools.pairwise(lines) if a.strip() and b.strip()]
    running = [len(a) for a, _ in pairs]
    if len(running) < MIN_WRAPPED_LINES:
        return None
    # A wrapper breaks lines mid-sentence; lines that are paragraphs (a web
    # copy of short paragraphs) end as sentences do.
    if sum(1 for a, _ in pairs if SENTENCE_END.search(a)) > len(pairs) / 2:
        return None
    longest = sorted(running)
    # The 90th percentile, so that one overlong line (a URL) does not set it.
    width = longest[min(len(longest) - 1, int(len(longest) * 0.9))]
    if width > MAX_WRAP_WIDTH or width < 30:
        return None
    near = sum(1 for n in running if NEAR_WIDTH * width <= n <= width + 2)
    if near / len(running) < WRAP_SHARE:
        return None
    # Wrapped text is never much longer than its width; real paragraphs on
    # one line are (a web copy of 300-character lines is not wrapped).
    if statistics.median(running) > width:
        return None
    # The width is the longest length several lines reach: a title line
    # above the text, not wrapped, may be a little longer.
    counts = Counter(running)
    return max(n for n in running if n <= width + 2 and (counts[n] >= 2 or n == width))


def _breaks_after(line: str, following: str, width: int, in_head: bool) -> bool:
    """Whether a paragraph ends after `line` in text wrapped at `width`;
    `in_head`: no paragraph of running text has been read yet (a headline
    may stand there)."""
    if following[:1].isspace() and not line[:1].isspace():
        return True  # the next line is indented: a new paragraph
    stripped = line.rstrip()
    if BYLINE.match(following.strip()) or WIRE_DATELINE.match(following.strip()):
        return True
    last_word = stripped.split()[-1].lower() if stripped.split() else ""
    if in_head and is_title_case(stripped) and last_word not in SMALL_WORDS and not is_title_case(following.strip()):
        return True  # a headline above wrapped text
    first_word = following.split()[0] if following.split() else ""
    if len(stripped) + 1 + len(first_word) <= width:
        return True  # the next word would have fitted on this line
    return bool(SENTENCE_END.search(stripped)) and len(stripped) < 0.6 * width


# A line this long that stops mid-sentence runs on into the next line,
# even in text that is not wrapped at one width.
RUN_ON_CHARS = 60


def _runs_on(line: str, following: str) -> bool:
    """In text not wrapped at one width (each line a paragraph, as a web
    copy has it), whether `line` is still a sentence broken by hand before
    `following`: it does not end a sentence, and the next line goes on in
    lower case, or the line is long and ends with a lower-case word or a
    comma.  A headline, a menu or a byline line does not run on."""
    if not following or SENTENCE_END.search(line) or BYLINE.match(following) or WIRE_DATELINE.match(following):
        return False
    if following[:1].islower() or following[:1].isdigit():
        return True
    return len(line) >= RUN_ON_CHARS and bool(re.search(r"(?:\b[a-z][\w'’-]*|,)$", line))


def _join(text: str, line: str) -> str:
    """Two wrapped lines as one: a compound broken after its hyphen
    ("anti-\nRussian") is joined back without a space."""
    if not text:
        return line
    if re.search(r"[^\W\d_]-$", text) and line[:1].isalpha():
        return text + line
    return text + " " + line


def split_lines(text: str) -> list[Block]:
    """Paragraph candidates of a plain-text file: blank lines always
    separate them; inside a run of lines, each line is one unless the file
    is hard-wrapped (wrapped lines are joined) or a line is a sentence
    broken by hand (see `_runs_on`)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    lines = text.split("\n")
    width = wrap_width(lines)
    blocks: list[Block] = []
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        if width is None:
            current = ""
            for line, following in zip(run, [*run[1:], ""], strict=True):
                current = _join(current, line.strip())
                if not following or not _runs_on(line.strip(), following.strip()):
                    blocks.append(Block(current, alone=len(run) == 1))
                    current = ""
        else:
            current = ""
            for line, following in zip(run, [*run[1:], ""], strict=True):
                current = _join(current, line.strip())
                in_head = all(len(b.text.split()) < HEAD_WORDS for b in blocks)
                if not following or _breaks_after(line, following, width, in_head):
                    blocks.append(Block(current, alone=len(run) == 1))
                    current = ""
        run.clear()

    for line in lines:
        if line.strip():
            run.append(line.rstrip())
        else:
            flush()
    flush()
    return blocks

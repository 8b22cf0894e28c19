"""A brief's pages guessed from its print HTML: the versions sure to run
over the budget are not laid out, and a brief that fits is left whole."""

from __future__ import annotations

from dossier.model import Briefing
from dossier.pdf import BRIEF_PAGES, BRIEF_TRIES, _brief_html
from dossier.pdf.estimate import CHARS_PER_PAGE, estimated_pages, first_fitting, text_length
from dossier.settings import Settings


def _page(chars: int) -> str:
    words = "word " * (chars // 5)
    return f"<html><head><style>{'x' * 5000}</style></head><body><p>{words}</p></body></html>"


def test_estimate_text_length_counts_what_a_reader_sees() -> None:
    html = '<html><head><title>long title</title></head><body><p class="x">a &amp;  b</p>\n\n<p>c</p></body></html>'
    assert text_length(html) == len("a & b c")


def test_estimate_first_fitting_skips_versions_sure_to_run_over() -> None:
    made: list[int] = []
    sizes = [CHARS_PER_PAGE * 12, CHARS_PER_PAGE * 7, CHARS_PER_PAGE * 3, CHARS_PER_PAGE * 2]

    def make(attempt: int) -> str:
        made.append(attempt)
        return _page(sizes[attempt])

    tries, html = first_fitting(make(0), make, 6, len(sizes))
    assert tries == 2 and estimated_pages(html) < 6
    assert made == [0, 1, 2]  # the tighter ones are not even made


def test_estimate_first_fitting_keeps_a_brief_near_its_budget() -> None:
    """Within the margin the brief is laid out as it is: a guess never cuts a brief that may fit."""
    near = _page(int(CHARS_PER_PAGE * 4))
    assert 6 <= estimated_pages(near) < 7
    assert first_fitting(near, lambda n: _page(10), 6, BRIEF_TRIES) == (0, near)


def test_estimate_sample_brief_is_not_shortened(briefing: Briefing, settings: Settings) -> None:
    html = _brief_html(briefing, settings, "vladivostok-eef", 0)
    assert first_fitting(html, lambda n: _brief_html(briefing, settings, "vladivostok-eef", n),
                         BRIEF_PAGES[1], BRIEF_TRIES)[0] == 0

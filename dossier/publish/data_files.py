"""The site's data files besides its pages: the model it was built from
(`briefing.json`, the `dossier extract --format json` export, for
`dossier diff` and other tools) and the Atom feed of its changes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from dossier.changes import Changes
from dossier.model import Briefing
from dossier.publish.feed import FEED_PATH, NO_FEED_REASON, atom_feed
from dossier.settings import Settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("dossier")

BRIEFING_JSON = "briefing.json"


def site_data_files(
    briefing_json: str, changes: Changes, briefing: Briefing, settings: Settings, config: MkDocsConfig,
) -> dict[str, str]:
    """{path in the site: content}."""
    out = {BRIEFING_JSON: briefing_json + "\n"}
    if config.site_url:
        out[FEED_PATH] = atom_feed(changes, briefing, title=settings.title, site_url=config.site_url,
                                   directory_urls=bool(config.use_directory_urls))
    else:
        log.info("dossier: %s", NO_FEED_REASON)
    return out

"""Settings shared by the CLI and the MkDocs plugin.

They live in `mkdocs.yml` under `plugins: - dossier:` (see
`dossier.publish.config.DossierPluginConfig` for each option's meaning); the
CLI reads the same file, so there is one place to configure a dossier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dossier.extract.nlp import DEFAULT_MODEL


@dataclass(slots=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)
    articles: list[str] = field(default_factory=lambda: ["seeds"])
    templates: str = "templates"
    curation: str = "dossier.yml"
    model: str = DEFAULT_MODEL
    title: str = "Briefing dossier"
    subtitle: str = ""
    as_of: str | None = None  # ISO date; default: the newest article's date
    marking: str = ""
    prepared_by: str = ""
    pdf: bool = True
    past_briefs: bool = False  # briefs for meetings before the as-of date too
    pdf_sources: str = "list"  # the dossier PDF's sources: "list", "separate" (+ sources.pdf) or "inline"
    pdf_quotes_per_speaker: int | None = 15  # quotations per speaker in the dossier PDF; None: all
    pdf_entries: int | None = 30  # entries per section of the dossier PDF; None: all
    workers: int | None = None  # processes for extraction and PDFs; None: one per CPU
    cache: bool = True  # keep extraction results and PDFs in .dossier-cache/ between builds
    site_url: str | None = None  # mkdocs.yml's site_url: the Atom feed needs it
    since: str | None = None  # ISO date: "What's new" lists what the articles published since then added

    def path(self, value: str) -> Path:
        p = Path(value)
        return p if p.is_absolute() else self.root / p

    @property
    def article_paths(self) -> list[Path]:
        return [self.path(a) for a in self.articles]

    @property
    def templates_dir(self) -> Path:
        return self.path(self.templates)

    @property
    def curation_path(self) -> Path:
        return self.path(self.curation)

    @property
    def cache_dir(self) -> Path | None:
        """Where extraction results and PDFs are kept between builds."""
        from dossier.cache import CACHE_DIR

        return self.root / CACHE_DIR if self.cache else None

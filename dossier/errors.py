"""One small error tree.  Every message names the file (and line or paragraph
where there is one), what was found, and what was expected."""

from __future__ import annotations

from pathlib import Path


class DossierError(Exception):
    """Base of every error dossier raises for a user's mistake or bad input."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message


class ConfigError(DossierError):
    """The configuration (mkdocs.yml plugin options, dossier.yml) is wrong."""


class IngestError(DossierError):
    """An article file cannot be read as an article."""


class ExtractError(DossierError):
    """An extraction stage failed on an article (reported, and fatal only
    under --strict)."""


class CurationError(ConfigError):
    """The curation file is malformed or refers to unknown entities."""


class RenderError(DossierError):
    """A template failed (missing variable, syntax error in a user template)."""


class BuildError(DossierError):
    """The site or PDF build failed; the previous output is left in place."""

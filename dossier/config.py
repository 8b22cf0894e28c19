"""Reading the dossier's settings from mkdocs.yml (the plugin's options)."""

from __future__ import annotations

import datetime
from pathlib import Path

from dossier.errors import ConfigError
from dossier.settings import Settings


def settings_from_plugin(plugin_config: object, config_file: str | Path | None, site_name: str | None) -> Settings:
    get = plugin_config.__getitem__  # type: ignore[attr-defined]
    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    return Settings(
        root=root,
        articles=list(get("articles")),
        templates=get("templates"),
        curation=get("curation"),
        model=get("model"),
        title=get("title") or site_name or "Briefing dossier",
        subtitle=get("subtitle"),
        as_of=_iso(get("as_of")),
        marking=get("marking"),
        prepared_by=get("prepared_by"),
        pdf=get("pdf"),
        past_briefs=get("past_briefs"),
        pdf_sources=get("pdf_sources"),
        pdf_quotes_per_speaker=_limit(get("pdf_quotes_per_speaker"), "pdf_quotes_per_speaker"),
        pdf_entries=_limit(get("pdf_entries"), "pdf_entries"),
        workers=get("workers"),
        cache=get("cache"),
        since=_iso(get("since")),
    )


def _limit(value: int, name: str) -> int | None:
    """A PDF limit: a count, or 0 for none (None)."""
    if value < 0:
        raise ConfigError(f"the `{name}` option is {value}; expected a count, or 0 for no limit")
    return value or None


def _iso(value: object) -> str | None:
    """An unquoted YAML date (`as_of: 2019-01-22`) arrives as a date: the settings keep ISO text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value  # type: ignore[return-value]


def load_settings(config_file: str | Path = "mkdocs.yml") -> Settings:
    """Settings from the `dossier` plugin entry of a mkdocs.yml; defaults
    when the file does not exist."""
    path = Path(config_file)
    if not path.exists():
        return Settings()
    from mkdocs import exceptions
    from mkdocs.config import load_config

    try:
        config = load_config(str(path))
    except exceptions.ConfigurationError as exc:
        raise ConfigError(f"invalid configuration: {exc}", path=path) from exc
    plugin = config.plugins.get("dossier")
    if plugin is None:
        raise ConfigError("the 'dossier' plugin is not listed under 'plugins'; expected '- dossier'", path=path)
    return settings_from_plugin(plugin.config, path, config.site_name)

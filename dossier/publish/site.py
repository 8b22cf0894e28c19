"""Building the site: pages from the pipeline, and an atomic `mkdocs build`
that replaces the old site only when the new one is complete."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from dossier.errors import BuildError
from dossier.model import Briefing
from dossier.pipeline import build_briefing
from dossier.render import make_environment, render_pages
from dossier.render.assets import asset_files
from dossier.settings import Settings

log = logging.getLogger("dossier")


def site_briefing(settings: Settings, *, strict: bool = False) -> Briefing:
    """The briefing the site's pages and PDFs are built from."""
    return build_briefing(
        settings.article_paths, model=settings.model, strict=strict, curation=settings.curation_path
    )


def generate_pages(settings: Settings, *, strict: bool = False, briefing: Briefing | None = None) -> dict[str, str]:
    """Every generated file of the site: {path: content}.  Pass `briefing`
    to render one already built (the plugin renders the PDFs from it too)."""
    if briefing is None:
        briefing = site_briefing(settings, strict=strict)
    env = make_environment(settings.templates_dir)
    pages = render_pages(briefing, settings, env)
    pages.update(asset_files())
    return pages


def build_site(config_file: Path, *, strict: bool = False) -> Path:
    """`mkdocs build` into a temporary folder beside the site folder, then
    swap it in.  On failure the previous site stays as it was."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        config = load_config(str(config_file), strict=strict)
    except exceptions.ConfigurationError as exc:
        raise BuildError(f"invalid configuration: {exc}", path=config_file) from exc
    plugin = config.plugins.get("dossier")
    if plugin is not None and strict:
        plugin.config["strict"] = True
    site_dir = Path(config.site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    config.site_dir = str(staging)
    try:
        build(config)
    except (exceptions.MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"site build failed, the previous site is left as it was: {exc}", path=config_file) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o755)
    replace_dir(staging, site_dir)
    return site_dir


def replace_dir(new: Path, target: Path) -> None:
    """Put `new` where `target` is, as close to atomically as the file
    system allows: the old folder is moved aside, then removed."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

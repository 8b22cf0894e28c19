"""The `dossier` MkDocs plugin.

It builds the briefing model from the configured articles and adds the
rendered pages as generated (virtual) files in `on_files`: nothing is written
into `docs/`, so `mkdocs serve` does not loop.  Under `mkdocs serve` it also
watches the articles, the user templates and the curation file.
"""

from __future__ import annotations

import dataclasses
import logging
from contextlib import ExitStack
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from dossier.changes.snapshot import build_changes
from dossier.config import settings_from_plugin
from dossier.errors import DossierError
from dossier.executor import SerialExecutor, make_executor, worker_count
from dossier.export import briefing_to_dict, dumps_indented
from dossier.pdf import PendingPdfs, site_pdfs, start_site_pdfs
from dossier.progress import Stage, current
from dossier.publish.config import DossierPluginConfig
from dossier.publish.data_files import site_data_files
from dossier.publish.incremental import GeneratedPage, IncrementalSite, full_build_reason, quiet_dirty_warning
from dossier.publish.reuse import ServeReuse, paused_gc
from dossier.settings import Settings

log = logging.getLogger("mkdocs.plugins.dossier")

ASSET_CSS = "assets/dossier.css"


class DossierPlugin(BasePlugin[DossierPluginConfig]):
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.generated: dict[str, str] = {}
        self.command: str | None = None  # "serve" under `mkdocs serve`; None when built by `dossier build`
        self._site_stage = ExitStack()  # the "site" stage of the progress report: from on_files to the end
        self._stage: Stage | None = None
        self._pdfs: PendingPdfs | None = None  # PDFs made in worker processes while MkDocs builds the pages
        self.briefing_json = ""  # the model this build publishes as briefing.json
        # Incremental builds (publish/incremental.py): set by `dossier build`; made here under `mkdocs serve --dirty`.
        self.incremental: IncrementalSite | None = None
        self.dirty = False
        self._served: IncrementalSite | None = None  # the previous build under `mkdocs serve --dirty`
        self._reuse: ServeReuse | None = None  # under `mkdocs serve`: what one rebuild keeps for the next
        self._gc_paused = ExitStack()  # under `mkdocs serve`: no cyclic garbage collection while building

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this instance across `mkdocs serve` rebuilds.
        self.command = command
        self.dirty = dirty
        self._reuse = ServeReuse() if command == "serve" else None

    def wait_ready(self, timeout: float | None = None) -> None:
        """Under `mkdocs serve`: until what a build started in the
        background for the next rebuild is done (loading the extractor,
        collecting garbage)."""
        if self._reuse is not None:
            self._reuse.wait_warm(timeout)

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for later builds in the same process: forget the command.
        if self._reuse is not None:
            self._reuse.rebuilding()
        self.command = None
        self.dirty = False
        self._served = self.incremental = None
        self._reuse = None
        self._gc_paused.close()
        quiet_dirty_warning(False)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = settings_from_plugin(self.config, config.config_file_path, config.site_name)
        self.settings.site_url = config.site_url or None
        if ASSET_CSS not in [str(x) for x in config.extra_css]:
            config.extra_css.append(ASSET_CSS)
        if self.command == "serve":
            self.incremental = None
            if self.dirty:  # `mkdocs serve --dirty`: rebuilds render only the pages that changed
                exact = full_build_reason(config) is None
                previous = self._served.manifest if self._served is not None else None
                self.incremental = IncrementalSite(config.site_dir, previous) if exact else None
                quiet_dirty_warning(exact)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._reuse is not None:  # resumed in on_post_build or on_build_error
            self._reuse.rebuilding()
            self._gc_paused.enter_context(paused_gc())

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        assert self.settings is not None
        settings = self.settings
        if settings.pdf and self.command == "serve":
            # PDFs take seconds per page: not at every live reload.  Pages then offer no download link.
            settings = dataclasses.replace(settings, pdf=False)
        files = self._add_generated_files(files, config, settings)
        if config.nav is None:
            config.nav = default_nav(files, self.generated)
        self._stage = self._site_stage.enter_context(
            current().stage("site", total=len(files.documentation_pages()), unit="pages")
        )
        if self.incremental is not None:
            self.incremental.watch(files, config)
        return files

    def _add_generated_files(self, files: Files, config: MkDocsConfig, settings: Settings) -> Files:
        """The model built, its pages rendered and added to `files` with its
        data files and PDFs."""
        from dossier.publish.site import generate_pages, site_briefing, site_cache

        reuse = self._reuse
        try:
            briefing = site_briefing(settings, strict=self.config.strict)
            model = briefing_to_dict(briefing)
            changes = build_changes(briefing, settings, model=model,
                                    parsed=reuse.parsed_models if reuse is not None else None)
            pdfs: dict[str, bytes] = {}
            if settings.pdf:
                executor = make_executor(settings.workers)
                if isinstance(executor, SerialExecutor):
                    pdfs = site_pdfs(briefing, settings, changes, cache=site_cache(settings))
                else:  # started before the pages are rendered; written into the site in on_post_build
                    self._pdfs = start_site_pdfs(briefing, settings, changes, executor=executor,
                                                 cache=site_cache(settings))
                    pdfs = dict.fromkeys(self._pdfs.paths, b"")
            env = reuse.page_environment(settings.templates_dir) if reuse is not None else None
            # Under serve the other cores are idle (no PDFs): they render pages too, while this process,
            # its own share done, writes the model.
            processes = worker_count(settings.workers) if reuse is not None else 1

            def write_model() -> None:
                self.briefing_json = reuse.model_writer.dumps(model) if reuse is not None else dumps_indented(model)

            self.generated = generate_pages(settings, strict=self.config.strict, briefing=briefing, changes=changes,
                                            env=env, processes=processes, meanwhile=write_model,
                                            memo=reuse.page_memo if reuse is not None else None)
        except DossierError as exc:
            raise PluginError(str(exc)) from exc
        for path, data in site_data_files(self.briefing_json, changes, briefing, settings, config).items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=data, inclusion=InclusionLevel.NOT_IN_NAV))
        for path, pdf in sorted(pdfs.items()):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=pdf, inclusion=InclusionLevel.NOT_IN_NAV))
        from dossier.render.pages import NAV_SECTIONS

        in_nav = {path for _, path in NAV_SECTIONS}
        for path, content in sorted(self.generated.items()):
            if files.get_file_from_path(path) is not None:
                log.info("dossier: docs/%s is written by hand; it replaces the generated page", path)
                continue
            inclusion = InclusionLevel.INCLUDED if path in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(GeneratedPage.generated(config, path, content=content, inclusion=inclusion))
        return files

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        if self._reuse is not None:  # MkDocs makes the theme's environment anew every build
            env.bytecode_cache = self._reuse.theme_bytecode
        return env

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.incremental is not None:
            skipped = self.incremental.plan(files, nav, config)
            if self._stage is not None:
                self._stage.advance(skipped)
                if skipped:
                    self._stage.note(f"{skipped} unchanged")
            search = config.plugins.get("material/search")
            if hasattr(search, "search_index_prev"):
                # Its own merge for dirty reloads assumes one changed page; the index is merged in on_post_build.
                search.search_index_prev = None  # type: ignore[union-attr]
        return nav

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._stage is not None:
            self._stage.advance()
        if self.incremental is not None:
            self.incremental.rendered(page, output)
        return None

    @event_priority(-100)  # after the search plugin wrote its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The finished site: the Content-Security-Policy its pages need,
        written for the web server; the PDFs made meanwhile in worker
        processes; then this build's model, kept for the next build's
        "What's new".  The policy and the model are prepared while the
        workers finish the PDFs; the model is kept only once they are done
        (a failed build must not change what the next one compares with).
        A `mkdocs serve` preview writes neither: no web server reads the
        policy there, and scanning every page took a second per rebuild at
        1,000 articles."""
        from dossier.changes.snapshot import prepare_model
        from dossier.publish.csp import write_policy_files

        assert self.settings is not None
        self._end_site_stage()
        self._gc_paused.close()
        pending, self._pdfs = self._pdfs, None
        keep = None
        try:
            if self.command != "serve":
                write_policy_files(Path(config.site_dir))
                if self.briefing_json:
                    keep = prepare_model(self.briefing_json, self.settings)
            if pending is not None:
                try:
                    pdfs = pending.result()
                except DossierError as exc:
                    raise PluginError(str(exc)) from exc
                for path, pdf in pdfs.items():
                    (Path(config.site_dir) / path).write_bytes(pdf)
        except BaseException:
            if keep is not None:
                keep.discard()
            raise
        if self.incremental is not None:
            self.incremental.finish(config)
            if self.command == "serve":
                self._served = self.incremental
        if self._reuse is not None:  # the next rebuild follows an edit: the extractor is ready for it
            self._reuse.warm_up(self.settings.model)
            self._reuse.collect_later()  # what the rebuild left, while the author reads the preview
        if keep is not None:
            keep.commit()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_site_stage()
        self._gc_paused.close()
        if self.incremental is not None:
            self.incremental.close()
            self._served = None  # what is in the served folder now is unknown: the next rebuild is full
        if self._pdfs is not None:  # let the workers finish before the build's folder is removed
            pending, self._pdfs = self._pdfs, None
            try:
                pending.result()
            except Exception as exc:  # the build failed already: report its error, not this one
                log.debug("dossier: PDFs of a failed build: %s", exc)

    def _end_site_stage(self) -> None:
        self._stage = None
        self._site_stage.close()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        assert self.settings is not None
        for path in [*self.settings.article_paths, self.settings.templates_dir, self.settings.curation_path]:
            if Path(path).exists():
                server.watch(str(path))
        return server


def default_nav(files: Files, generated: dict[str, str]) -> list[dict[str, str] | str]:
    """The small sidebar: the section index pages, then hand-written pages.
    Per-entity pages stay out of it (index pages link to them): a sidebar of
    thousands of pages makes Material builds slow and huge."""
    from dossier.render.pages import NAV_SECTIONS

    nav: list[dict[str, str] | str] = [{title: path} for title, path in NAV_SECTIONS if path in generated]
    for file in files.documentation_pages():
        if file.src_uri not in generated and file.generated_by is None:
            nav.append(file.src_uri)
    return nav

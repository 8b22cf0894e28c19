"""The `dossier` command line.

    dossier extract [PATH ...] --format json|text|ftm
    dossier render --out DIR [PATH ...]
    dossier [-q | -v] build [--strict] [--jobs N] [--no-cache]
    dossier pdf [--meeting EVENT_ID | --upcoming] [--out PATH] [PATH ...]
    dossier check [PATH ...]
    dossier review [PATH ...] [--limit N]
    dossier diff OLD.json NEW.json [--format text|json]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.console import configure_logging
from dossier.errors import DossierError
from dossier.progress import NORMAL, QUIET, VERBOSE, cpu_seconds, make_reporter, reporting

if TYPE_CHECKING:
    from dossier.model import Briefing
    from dossier.settings import Settings

log = logging.getLogger("dossier")


def _settings(args: argparse.Namespace) -> Settings:
    from dossier.config import load_settings

    settings = load_settings(args.config_file)
    if getattr(args, "paths", None):
        settings.articles = [str(Path(p).resolve()) for p in args.paths]
    if getattr(args, "jobs", None) is not None:
        settings.workers = args.jobs
    if getattr(args, "no_cache", False):
        settings.cache = False
    return settings


def _briefing(args: argparse.Namespace, settings: Settings, *, curation: bool = True) -> Briefing:
    from dossier.pipeline import build_briefing
    from dossier.publish.site import make_executor, site_cache

    return build_briefing(
        settings.article_paths, model=settings.model, strict=args.strict,
        curation=settings.curation_path if curation else None,
        cache=site_cache(settings), executor=make_executor(settings.workers),
    )


def cmd_extract(args: argparse.Namespace) -> int:
    from dossier.export import briefing_to_json

    settings = _settings(args)
    briefing = _briefing(args, settings, curation=False)
    if args.format == "json":
        sys.stdout.write(briefing_to_json(briefing) + "\n")
    elif args.format == "ftm":
        from dossier.export_ftm import briefing_to_ftm

        sys.stdout.write(briefing_to_ftm(briefing))
    else:
        for person in briefing.people:
            roles = "; ".join(r.title for r in person.roles)
            print(f"person  {person.name}" + (f" ({roles})" if roles else ""))
        for org in briefing.organizations:
            print(f"org     {org.name}")
        for place in briefing.places:
            print(f"place   {place.name}")
        for event in briefing.events:
            print(f"event   {event.date or '?'}  {event.title}")
        for doc in briefing.documents:
            print(f"doc     {doc.date or '?'}  {doc.name}")
        for quote in briefing.quotes:
            reports = f" ({len(quote.also) + 1} reports)" if quote.also else ""
            print(f"quote   {quote.speaker or '?'}: {quote.text[:80]}{reports}")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from dossier.publish.site import generate_pages
    from dossier.publish.write import write_tree

    settings = _settings(args)
    settings.pdf = False  # a Markdown tree has no PDFs: no links to them
    pages = generate_pages(settings, strict=args.strict)
    write_tree(pages, Path(args.out))
    print(f"wrote {len(pages)} files to {args.out}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from dossier.publish.site import build_site

    site = build_site(Path(args.config_file), strict=args.strict, workers=args.jobs, cache=not args.no_cache,
                      delete_later=True)
    if args.verbosity > QUIET:
        print(f"site built in {site}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from dossier.changes.snapshot import build_changes
    from dossier.pdf import write_pdfs
    from dossier.publish.site import make_executor, site_cache

    settings = _settings(args)
    briefing = _briefing(args, settings)
    out = Path(args.out) if args.out else settings.root / "pdf"
    changes = None if args.meeting or args.upcoming else build_changes(briefing, settings)
    written = write_pdfs(briefing, settings, out, meeting=args.meeting, upcoming=args.upcoming, changes=changes,
                         executor=make_executor(settings.workers), cache=site_cache(settings))
    for path in written:
        print(f"wrote {path}")
    if not written:
        print("no meeting after the as-of date: no brief written")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from dossier.ingest.checks import check_articles, report_lines

    settings = _settings(args)
    report = check_articles(settings.article_paths)
    for line in report_lines(report):
        print(line)
    return 0 if report.ok else 1


def cmd_review(args: argparse.Namespace) -> int:
    from dossier.pipeline import build_briefing

    settings = _settings(args)
    briefing = build_briefing(
        settings.article_paths, model=settings.model, strict=args.strict, curation=settings.curation_path
    )
    merged = sorted((e for e in briefing.events if e.confidence is not None and not e.curated),
                    key=lambda e: (e.confidence, e.id))
    events = {e.id: e for e in briefing.events}
    apart = [c for c in briefing.event_candidates if c.first in events and c.second in events]
    print(f"{len(merged)} events merge reports of several articles; the least certain first "
          "(score of the weakest link; 1.0 is the least the resolver accepts).")
    print("To undo a merge, add to the curation file an 'events' entry with 'split'; to join two events, 'merge'.")
    for event in merged[: args.limit]:
        print(f"\n{event.confidence:.2f}  {event.id}  {event.title}  ({event.date or 'undated'})")
        for report in event.reports:
            sentence = " ".join(report.sentence.split())
            sentence = sentence if len(sentence) <= 100 else sentence[:99].rsplit(" ", 1)[0] + " …"
            print(f"      {report.where.article} ¶{report.where.paragraph}  {report.date or '?'}  {report.status}:"
                  f" {sentence}")
    print(f"\n{len(apart)} pairs of events were kept apart although some evidence joins them; the closest first:")
    for candidate in apart[: args.limit]:
        first, second = events[candidate.first], events[candidate.second]
        print(f"{candidate.score:.2f}  {first.id} ({first.date or 'undated'})  /  {second.id} "
              f"({second.date or 'undated'}): {candidate.reason}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from dossier.changes import compare
    from dossier.changes.report import changes_json, changes_text
    from dossier.changes.snapshot import read_model

    old, new = read_model(Path(args.old)), read_model(Path(args.new))
    changes = compare(old, new, baseline=args.old)
    sys.stdout.write(changes_json(changes) if args.format == "json" else changes_text(changes, new))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier", description="Turn a folder of news articles into a briefing dossier."
    )
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)"
    )
    loud = parser.add_mutually_exclusive_group()
    loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=VERBOSE, default=NORMAL,
                      help="also print details (what each stage decided)")
    loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=QUIET,
                      help="print warnings and errors only: no progress, no summary")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_speed_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="processes for extraction and PDFs (default: the `workers` option, else one per CPU)")
        p.add_argument("--no-cache", action="store_true",
                       help="neither read nor write .dossier-cache/ (the `cache` option)")

    p = sub.add_parser("extract", help="print the briefing model extracted from articles")
    p.add_argument("paths", nargs="*", help="article files or folders (default: the configured articles)")
    p.add_argument("--format", choices=["json", "text", "ftm"], default="json",
                   help="json: the briefing model; ftm: FollowTheMoney entities, one a line; text: a summary")
    p.add_argument("--strict", action="store_true", help="fail on the first bad file instead of skipping it")
    add_speed_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("render", help="write the dossier's Markdown pages to a folder")
    p.add_argument("paths", nargs="*", help="article files or folders (default: the configured articles)")
    p.add_argument("--out", required=True, help="folder to write the Markdown tree into")
    p.add_argument("--strict", action="store_true")
    add_speed_options(p)
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("build", help="build the site (and PDFs) from mkdocs.yml")
    p.add_argument("--strict", action="store_true", help="fail on warnings and on bad article files")
    add_speed_options(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("pdf", help="write the whole dossier, or meeting briefs, as PDF")
    p.add_argument("paths", nargs="*", help="article files or folders (default: the configured articles)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--meeting", metavar="EVENT_ID", help="write a 2-6 page brief for this event instead")
    which.add_argument("--upcoming", action="store_true", help="write a brief for each meeting after the as-of date")
    p.add_argument("--out", help="output folder, or a .pdf file for a single PDF (default: pdf/ beside mkdocs.yml)")
    p.add_argument("--strict", action="store_true", help="fail on the first bad article file")
    add_speed_options(p)
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser(
        "check", help="list every problem of the article files (exit status 1 if there is one); builds nothing"
    )
    p.add_argument("paths", nargs="*", help="article files or folders (default: the configured articles)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "review", help="list the least certain event merges, for a person to confirm or undo in the curation file"
    )
    p.add_argument("paths", nargs="*", help="article files or folders (default: the configured articles)")
    p.add_argument("--limit", type=int, default=20, help="how many events to list (default: 20)")
    p.add_argument("--strict", action="store_true", help="fail on the first bad article file")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser(
        "diff", help="print what changed between two briefing models (a build's briefing.json, or extract's JSON)"
    )
    p.add_argument("old", metavar="OLD.json", help="the earlier model")
    p.add_argument("new", metavar="NEW.json", help="the later model")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_diff)
    return parser


# Commands that show progress and a closing summary (the others print their result).
REPORTED = {"build", "pdf", "render"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    once = configure_logging(args.verbosity)
    shown = args.verbosity if args.command in REPORTED else QUIET
    reporter = make_reporter(shown, sys.stderr)
    wall, cpu = time.perf_counter(), cpu_seconds()
    try:
        with reporting(reporter):
            status = int(args.func(args) or 0)
    except DossierError as exc:
        print(f"dossier: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    if shown > QUIET:
        lines = reporter.summary_lines(time.perf_counter() - wall, cpu_seconds() - cpu)
        if once.hidden:
            lines.append(f"  ({once.hidden} repeated third-party warning(s) not shown)")
        print("dossier: summary\n" + "\n".join(lines), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

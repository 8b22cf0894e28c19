"""Whole `dossier build` at scale: cold, then warm after one article changed.

    .venv/bin/python benchmarks/build_scale.py [--articles N] [--corpus DIR] [--workers W] [--compare]
                                              [--serve] [--dirty]

Makes a project of N articles (default 1,000) from the development corpus:
article i keeps the header and lead paragraph of corpus article i mod 13 and
draws each later paragraph from the whole corpus (a seeded choice), so the N
articles are distinct texts of the corpus's length that share too little to
be folded as copies by the near-duplicate detector (keeping every other
paragraph of the source, as an earlier version did, made them copies).  Then prints, each measured in a fresh
process:

1. the floor: spaCy's own `nlp.pipe` over the same texts, in one process
   and with `n_process` = the number of workers;
2. with `--compare`, the extraction both ways it can use two cores: spaCy's
   `n_process` (parsing in workers, dossier's extraction in this process)
   against a process pool running parse and extraction (what the build
   uses), with the peak memory of each (all processes);
3. `dossier build` cold (empty cache), then warm after one article was
   edited: wall time, CPU time (all processes) and peak memory (the sum of
   the resident memory of the build's processes, sampled every 0.1 s) per
   stage and in total;
4. with `--serve`, what `mkdocs serve` does: its first build, then the
   rebuilds after each of three edits of an article (each edit once serve's
   background work after a build is done: loading the extractor after the
   first, collecting garbage after each); with `--dirty`, the same for `mkdocs serve --dirty` (which renders
   only the pages that changed).

It prints figures; it is not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
MKDOCS_YML = """\
site_name: Scale benchmark
docs_dir: docs
site_dir: site
theme:
  name: material
  font: false
plugins:
  - search
  - dossier:
      articles: [articles]
markdown_extensions:
  - tables
  - attr_list
  - toc:
      permalink: true
"""


# -- the corpus -------------------------------------------------------------

def _blocks(text: str) -> list[str]:
    return [b for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]


def _split(path: Path) -> tuple[list[str], list[str]]:
    """(header blocks, body paragraphs) of a corpus article: the title lines
    of a .txt file, the front matter of a .md file."""
    blocks = _blocks(path.read_text(encoding="utf-8"))
    if path.suffix == ".md" and blocks[0].startswith("---"):
        head = 1
        while head < len(blocks) and not blocks[head - 1].rstrip().endswith("---"):
            head += 1
        while head < len(blocks) and blocks[head].startswith("#"):
            head += 1
        return blocks[:head], blocks[head:]
    return blocks[:2], blocks[2:]


def make_corpus(corpus: Path, count: int, out: Path) -> list[Path]:
    """`count` distinct articles in `out` (see the module's docstring)."""
    sources = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md") and not p.name.startswith("README"))
    parts = [_split(p) for p in sources]
    pool = [para for _, body in parts for para in body[1:] if not para.lstrip().startswith(("#", "|", "-", "*"))]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(count):
        src = sources[i % len(sources)]
        head, body = parts[i % len(sources)]
        rng = random.Random(i)
        mixed = [para if j == 0 or i < len(sources) else rng.choice(pool) for j, para in enumerate(body)]
        path = out / f"{i:05d}-{src.stem[:40]}{src.suffix}"
        path.write_text("\n\n".join(head + mixed) + "\n", encoding="utf-8")
        written.append(path)
    return written


def make_project(corpus: Path, count: int, root: Path) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "about.md").write_text("# About\n\nA benchmark dossier.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    make_corpus(corpus, count, root / "articles")
    return root


# -- measuring processes ----------------------------------------------------

def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split())
        except OSError:
            pass
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class MemorySampler(threading.Thread):
    """Samples the resident memory of this process and all its descendants
    (worker processes, the fork server) every `every` seconds."""

    def __init__(self, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.samples: list[tuple[float, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.is_set():
            self.samples.append((time.perf_counter(), sum(_rss_mb(p) for p in _tree(me))))
            self.stop.wait(self.every)

    def peak(self, start: float = 0.0, end: float = float("inf")) -> float:
        return max((mb for t, mb in self.samples if start <= t <= end), default=0.0)


def _in_child(args: list[str]) -> dict:
    """Run this script with `args` in a fresh process; its JSON result."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"benchmark step {args[0]} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- steps, each run in its own process -------------------------------------

def _texts(project: Path) -> tuple[list, list[str]]:
    from dossier.extract.document import joined_text
    from dossier.extract.nlp import parseable
    from dossier.ingest import load_articles

    articles = load_articles([project / "articles"]).articles
    return articles, [parseable(joined_text(a)) for a in articles]


def step_floor(project: Path, n_process: int) -> dict:
    """spaCy's nlp.pipe alone over the articles' texts."""
    from dossier.extract.nlp import BATCH_SIZE, load_nlp
    from dossier.progress import cpu_seconds

    _, texts = _texts(project)
    nlp = load_nlp()
    list(nlp.pipe(texts[:4], batch_size=BATCH_SIZE))
    sampler = MemorySampler()
    sampler.start()
    wall, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process):
        pass
    result = {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu, "peak_mb": 0.0,
              "words": sum(len(t.split()) for t in texts)}
    sampler.stop.set()
    sampler.join()
    result["peak_mb"] = sampler.peak()
    return result


def step_extract(project: Path, how: str, workers: int) -> dict:
    """The whole extraction on `workers` cores: 'n_process' (spaCy's
    workers parse, this process extracts) or 'pool' (dossier's executor)."""
    from dossier import extract
    from dossier.executor import ProcessExecutor
    from dossier.extract.nlp import load_nlp
    from dossier.progress import cpu_seconds

    articles, _ = _texts(project)
    load_nlp()
    sampler = MemorySampler()
    sampler.start()
    wall, cpu = time.perf_counter(), cpu_seconds()
    if how == "n_process":
        parts = [extract.extract_article(adoc) for adoc in extract.parse_articles(articles, n_process=workers)]
    else:
        parts = extract.extract_articles(articles, executor=ProcessExecutor(workers))
    result = {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu, "articles": len(parts)}
    sampler.stop.set()
    sampler.join()
    result["peak_mb"] = sampler.peak()
    return result


def step_build(project: Path, workers: int) -> dict:
    """`dossier build` in this process, as the command runs it."""
    from dossier.console import configure_logging
    from dossier.progress import QUIET, Reporter, cpu_seconds, reporting
    from dossier.publish.site import build_site

    configure_logging(QUIET)
    reporter = Reporter(QUIET)
    sampler = MemorySampler()
    sampler.start()
    starts: list[float] = []
    wall, cpu = time.perf_counter(), cpu_seconds()
    with reporting(reporter):
        build_site(project / "mkdocs.yml", workers=workers, delete_later=True)
    total = {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu}
    sampler.stop.set()
    sampler.join()
    # Stages ran one after the other from `wall` on: their windows follow from their durations.
    t = wall
    stages = []
    for s in reporter.stages:
        starts.append(t)
        stages.append({"name": s.name, "wall": s.wall, "cpu": s.cpu, "count": s.count, "unit": s.unit,
                       "note": s.note, "peak_mb": sampler.peak(t, t + s.wall + 0.1)})
        t += s.wall
    total["peak_mb"] = sampler.peak()
    pdf_dir = project / "site" / "pdf"
    from pypdf import PdfReader

    total["pdfs"] = {p.name: [p.stat().st_size, len(PdfReader(p).pages)] for p in sorted(pdf_dir.glob("*.pdf"))}
    return {"stages": stages, "total": total}


REBUILDS = ("rebuild", "rebuild 2", "rebuild 3")


def step_serve(project: Path, dirty: bool) -> dict:
    """What `mkdocs serve` (`--dirty`: `mkdocs serve --dirty`) does: a first
    build (no PDFs), then, after each of three edits of an article (each of
    another kind and article: `edit_one_article`), the rebuild it triggers;
    all timed."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from dossier.console import configure_logging
    from dossier.progress import QUIET, Reporter, cpu_seconds, reporting

    configure_logging(QUIET)
    site = Path(tempfile.mkdtemp(prefix="dossier-serve-"))
    out = {}
    config = None
    try:
        for n, name in enumerate(("first", *REBUILDS)):
            if name != "first":
                # An author takes longer to edit than serve's background work after a build (loading the
                # extractor, collecting garbage) takes.
                config.plugins["dossier"].wait_ready()
                edit_one_article(project, n - 1)
            reporter = Reporter(QUIET)
            wall, cpu = time.perf_counter(), cpu_seconds()
            with reporting(reporter):
                config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))  # serve reloads it
                if name == "first":
                    config.plugins.on_startup(command="serve", dirty=dirty)
                build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
            out[name] = {"wall": time.perf_counter() - wall, "cpu": cpu_seconds() - cpu, "peak_mb": 0.0,
                         "stages": {s.name: round(s.wall, 2) for s in reporter.stages}}
    finally:
        if config is not None:
            config.plugins.on_shutdown()
        shutil.rmtree(site, ignore_errors=True)
    return out


# -- the report ---------------------------------------------------------------

def _row(name: str, r: dict, extra: str = "") -> str:
    return f"  {name:<34} {r['wall']:8.1f} s wall {r['cpu']:8.1f} s CPU {r['peak_mb']:8.0f} MB peak  {extra}"


def print_build(title: str, build: dict) -> None:
    from dossier.progress import counted

    print(title)
    for s in build["stages"]:
        what = counted(s["count"], s["unit"]) if s["unit"] else ""
        print(_row(s["name"], s, ", ".join(x for x in (what, s["note"]) if x)))
    print(_row("total", build["total"]))


def edit_one_article(project: Path, kind: int = 0) -> Path:
    """Edit one article as an author would; `kind` picks the edit (and the
    article): 0 appends a new quote and its speaker (the dossier PDF's
    content changes, as after most real edits), 1 rewords a sentence of
    another article (its first " the " becomes " this ": the offsets of what
    follows move), 2 appends a paragraph naming a new person and a place to
    a third."""
    articles = sorted((project / "articles").iterdir())
    victim = articles[[len(articles) // 2, len(articles) // 4, 3 * len(articles) // 4][kind % 3]]
    text = victim.read_text(encoding="utf-8").rstrip("\n")
    if kind % 3 == 0:
        text += "\n\n\"We will return to the table in the spring,\" said Maria Keller, a government spokeswoman.\n"
    elif kind % 3 == 1:
        text = text.replace(" the ", " this ", 1) + "\n"
    else:
        text += ("\n\nOfficials of both governments met again in Geneva on Tuesday, said Anna Lindqvist, a spokeswoman "
                 "for the foreign ministry.\n")
    victim.write_text(text, encoding="utf-8")
    return victim


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=None, help="default: one per available CPU")
    parser.add_argument("--compare", action="store_true", help="also compare spaCy's n_process with the pool")
    parser.add_argument("--serve", action="store_true", help="also time a mkdocs serve rebuild after an edit")
    parser.add_argument("--dirty", action="store_true", help="also time a mkdocs serve --dirty rebuild after an edit")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--step", nargs=3, help=argparse.SUPPRESS)  # internal: run one step in this process
    args = parser.parse_args()
    if args.step:
        name, project, arg = args.step
        steps = {"floor": lambda: step_floor(Path(project), int(arg)),
                 "pool": lambda: step_extract(Path(project), "pool", int(arg)),
                 "n_process": lambda: step_extract(Path(project), "n_process", int(arg)),
                 "build": lambda: step_build(Path(project), int(arg)),
                 "serve": lambda: step_serve(Path(project), arg == "dirty")}
        print(json.dumps(steps[name]()))
        return

    from dossier.executor import available_cpus

    workers = args.workers or available_cpus()
    root = args.keep or Path(tempfile.mkdtemp(prefix="dossier-scale-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    project = make_project(args.corpus, args.articles, root)
    print(f"{args.articles} articles in {project / 'articles'}; {workers} worker(s) on {available_cpus()} CPU(s); "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    try:
        one = _in_child(["--step", "floor", str(project), "1"])
        print(f"spaCy nlp.pipe floor, {one['words']:,} words:")
        print(_row("1 process", one, f"{one['words'] / one['wall']:,.0f} words/s"))
        if workers > 1:
            many = _in_child(["--step", "floor", str(project), str(workers)])
            print(_row(f"n_process={workers}", many, f"{many['words'] / many['wall']:,.0f} words/s"))
        if args.compare and workers > 1:
            print(f"whole extraction on {workers} cores:")
            for how in ("n_process", "pool"):
                r = _in_child(["--step", how, str(project), str(workers)])
                label = "spaCy n_process, extract here" if how == "n_process" else "process pool (the build's)"
                print(_row(label, r))
        cold = _in_child(["--step", "build", str(project), str(workers)])
        print_build("dossier build, cold (empty cache):", cold)
        pdfs = cold["total"]["pdfs"]
        briefs = [v for n, v in pdfs.items() if n.startswith("brief-")]
        print("  PDFs: " + ", ".join(f"{n} {s / 1e6:.1f} MB, {pages} pages" for n, (s, pages) in pdfs.items()
                                     if not n.startswith("brief-"))
              + f"; {len(briefs)} briefs of {min((p for _, p in briefs), default=0)}-"
              + f"{max((p for _, p in briefs), default=0)} pages")
        edited = edit_one_article(project)
        warm = _in_child(["--step", "build", str(project), str(workers)])
        print_build(f"dossier build, warm (one article changed: {edited.name}):", warm)
        for command, wanted in (("serve", args.serve), ("serve --dirty", args.dirty)):
            if not wanted:
                continue
            serve = _in_child(["--step", "serve", str(project), command.removeprefix("serve").strip(" -") or "-"])
            print(f"mkdocs {command} (no PDFs): the first build, then the rebuild after each of {len(REBUILDS)} "
                  "edits of an article:")
            for name, r in serve.items():
                stages = ", ".join(f"{k} {v:.2f} s" for k, v in r["stages"].items())
                print(f"  {name:<34} {r['wall']:8.1f} s wall {r['cpu']:8.1f} s CPU  ({stages})")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

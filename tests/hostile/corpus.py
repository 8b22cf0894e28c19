"""The hostile corpus: text that tries to execute, include files or leave
the output folder (static files in `corpus/`), and broken files that must be
reported and skipped (made here: binary, other encodings, 20 MB, ...)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import mkdocs_yml

CORPUS = Path(__file__).resolve().parent / "corpus"

# What a hostile payload does when it runs: the browser test looks for it.
PWNED = "pwned"

_PROSE = (
    "Russian President Vladimir Putin and Japanese Prime Minister Shinzo Abe met again on Friday, and officials "
    "from both sides said the talks on the islands had been frank and useful. "
)
RUSSIAN = (
    "Путин и Абэ во Владивостоке\n\nПрезидент России Владимир Путин встретился с премьер-министром Японии Синдзо Абэ "
    "во Владивостоке. Стороны обсудили мирный договор и совместную хозяйственную деятельность на Курильских островах.\n"
)
JAPANESE = (
    "安倍首相とプーチン大統領\n\n安倍晋三首相とプーチン大統領はウラジオストクで会談し、北方領土での共同経済活動について協議した。"
    "両首脳は平和条約の締結に向けて努力することで一致した。\n"
)
ENGLISH = "Putin meets Abe\n\nVladimir Putin met Shinzo Abe in Vladivostok on September 2, 2016.\n"


def broken_files() -> dict[str, bytes]:
    """File name -> bytes of every broken input; each is reported (or read
    with a note) and none stops the others."""
    twenty_mb = b"A twenty megabyte article\n\n" + b"Putin met Abe. " * (20 * 1024 * 1024 // 15)
    return {
        "empty.txt": b"",
        "blank.md": b"\n\n   \n\t\n",
        "title only.txt": b"Just a title and nothing else\n",
        "title only.md": b"---\ntitle: Only a title\n---\n\n# Only a title\n",
        "report.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "nul bytes.txt": b"A title\n\nSome text\x00\x00\x00 with NUL bytes in it.\n",
        "random bytes.txt": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "bom.txt": b"\xef\xbb\xbf" + ENGLISH.encode(),
        "utf16.txt": ENGLISH.encode("utf-16"),
        "utf16 no bom.txt": ENGLISH.encode("utf-16-le"),
        "russian cp1251.txt": RUSSIAN.encode("cp1251"),
        "japanese sjis.txt": JAPANESE.encode("shift_jis"),
        "bad yaml.md": b"---\ntitle: [unclosed\nauthor: x\n---\n\nSome text.\n",
        "unclosed front matter.md": b"---\ntitle: Never closed\n\nSome text.\n",
        "not a date.md": b"---\ntitle: Wrong type\ndate: next Tuesday\n---\n\nPutin met Abe.\n",
        "impossible date.md": b"---\ntitle: Impossible date\ndate: 2016-02-30\n---\n\nPutin met Abe.\n",
        "list title.md": b"---\ntitle: [a, b]\n---\n\nPutin met Abe.\n",
        "python tag.md": b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n\nPutin met Abe.\n",
        "sign in.html": b"<html><head><title>Sign in</title></head><body><form><input name=user>"
                        b"<button>Log in</button></form></body></html>",
        "script only.html": b"<html><body><script>document.documentElement.dataset.pwned='x'</script>"
                            b"<noscript>Enable JavaScript.</noscript></body></html>",
        "twenty mb.txt": twenty_mb,
        "long line.txt": b"A paragraph of 100,000 characters on one line\n\n"
                         + (_PROSE * (100_000 // len(_PROSE) + 1))[:100_000].encode() + b"\n",
        "brackets.txt": b"A line of 100,000 brackets\n\n" + b"(" * 100_000 + b"\n",
    }


# Expected outcome of each broken file: a problem (skipped) whose message
# holds this text, or a note (read) holding it.
PROBLEMS = {
    "empty.txt": "the file is empty",
    "blank.md": "the file is empty",
    "title only.txt": "no text paragraphs",
    "title only.md": "no text paragraphs",
    "report.txt": "a PDF document, not text",
    "photo.txt": "a PNG image, not text",
    "nul bytes.txt": "NUL bytes",
    "random bytes.txt": "binary",
    "bad yaml.md": "front matter is not valid YAML",
    "unclosed front matter.md": "front matter is not closed",
    "not a date.md": "expected a date written YYYY-MM-DD",
    "impossible date.md": "not a real date",
    "list title.md": "front matter 'title' is a list",
    "python tag.md": "front matter is not valid YAML",
    "sign in.html": "not an article",
    "script only.html": "not an article",
    "twenty mb.txt": "expected an article file under 16 MB",
    "brackets.txt": "expected at most 50,000",
}
NOTES = {
    "bom.txt": "read as UTF-8, as the byte-order mark",
    "utf16.txt": "read as UTF-16, as the byte-order mark",
    "utf16 no bom.txt": "read as UTF-16 (little-endian), the encoding detected",
    "russian cp1251.txt": "read as Windows-1251 (Cyrillic), the encoding detected",
    "japanese sjis.txt": "read as Shift_JIS",
}

CURATION = """\
people:
  - name: Vladimir Putin
    description: "<script>document.documentElement.dataset.pwned='description'</script> !!! warning"
    notes: ['--8<-- "/etc/passwd"', "{{ config }} {% include 'mkdocs.yml' %}"]
    roles:
      - {title: "<img src=x onerror=\\"document.documentElement.dataset.pwned='role'\\">"}
    aliases: ["[Putin](javascript:document.documentElement.dataset.pwned='alias')"]
"""

# mkdocs.yml is the user's own configuration, trusted like code (MkDocs
# prints site_name unescaped): only the plugin's options are hostile here.
PERMISSIVE_EXTENSIONS = """\
  # As permissive as a user could make it: article text must stay text anyway.
  - tables
  - attr_list
  - md_in_html
  - admonition
  - footnotes
  - abbr
  - def_list
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.magiclink
  - pymdownx.snippets:
      base_path: [".", "/"]
      check_paths: false
  - toc:
      permalink: true
"""


def hostile_mkdocs_yml(*, pdf: bool) -> str:
    return mkdocs_yml(
        site_name="Hostile dossier", site_url="https://dossier.example/", extensions=PERMISSIVE_EXTENSIONS,
        validation=False, pdf="true" if pdf else "false", as_of='"2016-09-05"',
        subtitle='"<script>document.documentElement.dataset.pwned=\'subtitle\'</script> *bold* | pipe"',
        marking='"<img src=x onerror=document.documentElement.dataset.pwned=1>"',
    )


def write_hostile_project(root: Path, *, pdf: bool = False, broken: bool = True) -> Path:
    """A dossier project whose articles are the hostile corpus (and the
    broken files), with user files in docs/, templates/ and dossier.yml."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "about.md").write_text("# About\n\nA hand-written page.\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "README.md").write_text("User templates.\n", encoding="utf-8")
    shutil.copytree(CORPUS, root / "articles")
    if broken:
        for name, data in broken_files().items():
            (root / "articles" / name).write_bytes(data)
    (root / "dossier.yml").write_text(CURATION, encoding="utf-8")
    (root / "mkdocs.yml").write_text(hostile_mkdocs_yml(pdf=pdf), encoding="utf-8")
    return root


def tree_digest(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file and folder under `root` (except the `skip` top-level
    names): relative path -> content hash ('dir' for folders)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] in skip:
            continue
        if path.is_dir() and not path.is_symlink():
            out[rel.as_posix()] = "dir"
        else:
            out[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


_BUILT: dict[str, tuple[Path, dict[str, str], dict[str, str]]] = {}


def hostile_site(factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """The hostile project built once per test session with `build_site`:
    (project, digest of the project's folder before, and after, the site
    folder and the cache folder left out).  Shared by the hostile and the browser tests."""
    if "site" not in _BUILT:
        from dossier.publish.site import build_site

        project = write_hostile_project(factory.mktemp("hostile") / "project")
        before = tree_digest(project.parent)
        build_site(project / "mkdocs.yml")
        after = {
            k: v for k, v in tree_digest(project.parent).items()
            if not (k == "project/site" or k.startswith(("project/site/", "project/.dossier-cache")))
        }
        _BUILT["site"] = (project, before, after)
    return _BUILT["site"]

"""Two builds of the hostile corpus, PDFs included, in two processes with
different hash seeds and clocks: byte-identical.  The PDFs hold no active
content and show hostile text as text."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.hostile.corpus import tree_digest, write_hostile_project

pytestmark = pytest.mark.slow

ACTIVE = (
    b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/EmbeddedFile", b"/OpenAction", b"/SubmitForm", b"/ImportData",
)


def _build_in_subprocess(project: Path, hash_seed: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = hash_seed
    done = subprocess.run(
        [sys.executable, "-m", "dossier", "-f", str(project / "mkdocs.yml"), "build"],
        env=env, cwd=project, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    project = write_hostile_project(tmp_path_factory.mktemp("reproducible") / "project", pdf=True, broken=False)
    _build_in_subprocess(project, "1")
    first = tree_digest(project / "site")
    _build_in_subprocess(project, "2")
    return project, first, tree_digest(project / "site")


def test_reproducible_two_builds_are_byte_identical(two_builds: tuple[Path, dict, dict]) -> None:
    _, first, second = two_builds
    assert any(path.endswith(".pdf") for path in first), "no PDF was built"
    changed = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert not changed, f"files differ between two builds: {changed[:10]}"


def pdfs(project: Path) -> dict[str, bytes]:
    found = {p.relative_to(project / "site").as_posix(): p.read_bytes() for p in (project / "site").rglob("*.pdf")}
    assert found
    return found


def test_reproducible_pdfs_hold_no_active_content(two_builds: tuple[Path, dict, dict]) -> None:
    project, _, _ = two_builds
    for name, data in pdfs(project).items():
        for marker in ACTIVE:
            assert marker not in data, f"{name}: {marker!r}"
        for page in PdfReader(io.BytesIO(data)).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                uri = str(action.get_object().get("/URI", "")) if action is not None else ""
                assert not uri or uri.startswith(("http://", "https://", "mailto:")), f"{name}: link to {uri!r}"


def test_reproducible_pdfs_show_hostile_text_as_text(two_builds: tuple[Path, dict, dict]) -> None:
    project, _, _ = two_builds
    whole = pdfs(project)["pdf/dossier.pdf"]
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(whole)).pages)
    assert "<script>" in text and "pwned" in text, "the hostile text is not shown in the dossier PDF"
    assert "root:x:0:0" not in text and "site_url:" not in text, "a file was included in the PDF"

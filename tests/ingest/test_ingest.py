"""Ingest of broken and hostile files: each gets a message naming the file,
what is wrong and what was expected, and none stops the others."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.errors import IngestError
from dossier.ingest import MAX_ARTICLE_CHARS, find_article_files, load_articles
from dossier.ingest.checks import check_articles, report_lines
from dossier.ingest.decode import decode_bytes
from dossier.ingest.formats import read_markdown
from tests.hostile.corpus import JAPANESE, NOTES, PROBLEMS, RUSSIAN, broken_files


@pytest.fixture(scope="module")
def broken_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("broken")
    for name, data in broken_files().items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("A good article\n\nVladimir Putin met Shinzo Abe.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def loaded(broken_folder: Path):  # type: ignore[no-untyped-def]
    return load_articles([broken_folder])


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_ingest_broken_file_is_a_problem_naming_it(loaded, broken_folder: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    found = [p for p in loaded.problems if Path(p.path or "").name == name]
    assert len(found) == 1, f"{name}: expected one problem, got {[str(p) for p in loaded.problems]}"
    problem = found[0]
    assert PROBLEMS[name] in problem.message
    assert "expected" in problem.message
    assert str(problem).startswith(f"{broken_folder.name}/{name}")  # relative: the site does not show /home/...


@pytest.mark.parametrize("name", sorted(NOTES))
def test_ingest_other_encoding_is_read_with_a_note(loaded, name: str) -> None:  # type: ignore[no-untyped-def]
    notes = [n for n in loaded.notices if Path(n.path).name == name]
    assert notes and NOTES[name] in notes[0].message
    assert any(Path(a.path).name == name for a in loaded.articles)


def test_ingest_broken_files_do_not_stop_the_good_ones(loaded) -> None:  # type: ignore[no-untyped-def]
    titles = {a.title for a in loaded.articles}
    assert "A good article" in titles
    assert "A paragraph of 100,000 characters on one line" in titles
    assert len(loaded.articles) + len(loaded.problems) == len(broken_files()) + 1


def test_ingest_detected_encodings_give_the_right_text(loaded) -> None:  # type: ignore[no-untyped-def]
    by_name = {Path(a.path).name: a for a in loaded.articles}
    assert by_name["russian cp1251.txt"].text in RUSSIAN
    assert by_name["russian cp1251.txt"].encoding == "cp1251"
    assert by_name["japanese sjis.txt"].text in JAPANESE
    assert by_name["japanese sjis.txt"].encoding in ("shift_jis", "cp932")
    assert by_name["utf16 no bom.txt"].encoding == "utf-16-le"
    assert by_name["bom.txt"].title == "Putin meets Abe"


def test_ingest_decode_refuses_binary_without_magic() -> None:
    noise = bytes(range(1, 32)) * 200
    with pytest.raises(IngestError, match="looks binary"):
        decode_bytes(noise, Path("noise.txt"))


def test_ingest_article_over_the_limit_is_refused(tmp_path: Path) -> None:
    words = "Putin met Abe in Vladivostok, officials said. "
    path = tmp_path / "long.txt"
    path.write_text("Long\n\n" + "\n\n".join([words * 40] * (MAX_ARTICLE_CHARS // (len(words) * 40) + 2)))
    result = load_articles([path])
    assert not result.articles
    assert "characters long; expected at most 200,000" in result.problems[0].message


def test_ingest_heading_of_100k_characters_is_linear() -> None:
    # The old heading regex backtracked for minutes on this line.
    line = "# x" + " #" * 50_000 + " y"
    article = read_markdown(Path("h.md"), f"# Title\n\n{line}\n\nText.\n", "h")
    assert article.paragraphs[0].kind == "heading" and article.paragraphs[0].text.endswith("y")


def test_ingest_markdown_heading_trailing_hashes_dropped() -> None:
    article = read_markdown(Path("h.md"), "# Title #\n\n## Sub ##\n\nC# is a language ##x\n", "h")
    assert article.title == "Title"
    assert [p.text for p in article.paragraphs] == ["Sub", "C# is a language ##x"]


def test_ingest_file_names_with_spaces_unicode_and_collisions(tmp_path: Path) -> None:
    for name in ("a b.txt", "a-b.txt", "Путин.txt", "CON.txt", "index.txt", "A B.txt"):
        (tmp_path / name).write_text(f"{name}\n\nVladimir Putin met Shinzo Abe.\n", encoding="utf-8")
    result = load_articles([tmp_path])
    ids = {Path(a.path).name: a.id for a in result.articles}
    assert ids["A B.txt"] == "a-b" and ids["a b.txt"] == "a-b-2" and ids["a-b.txt"] == "a-b-3"
    assert ids["CON.txt"] == "con_" and ids["index.txt"] == "index_"
    assert ids["Путин.txt"].startswith("x-")
    assert sum("same id as" in n.message for n in result.notices) == 2
    again = load_articles([tmp_path])
    assert [a.id for a in again.articles] == [a.id for a in result.articles]


def test_ingest_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nThe password is hunter2.\n", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "innocent.txt").symlink_to(secret)
    (folder / "loop").symlink_to(folder)
    result = load_articles([folder])
    assert not result.articles
    assert "symbolic link to" in result.problems[0].message and "outside the article folders" in str(result.problems[0])


def test_ingest_hidden_and_other_files_are_left_out(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nText.\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "ok.md").write_text("# Ok\n\nText.\n", encoding="utf-8")
    assert [p.name for p in find_article_files([tmp_path])] == ["ok.md"]


def test_ingest_html_saved_as_txt_is_read_as_a_page(tmp_path: Path) -> None:
    body = "Vladimir Putin met Shinzo Abe in Vladivostok on Friday for talks. " * 5
    (tmp_path / "page.txt").write_text(
        f"<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>Putin and Abe</h1><p>{body}</p>"
        "<script>alert(1)</script></article></body></html>",
        encoding="utf-8",
    )
    result = load_articles([tmp_path])
    assert result.articles[0].format == "html"
    assert "alert" not in result.articles[0].text
    assert "holds an HTML page" in result.notices[0].message


def test_ingest_check_lists_every_problem_and_exits_1(
    broken_folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken_folder)
    status = main(["-f", str(broken_folder / "no-mkdocs.yml"), "check", str(broken_folder)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    errors = [line for line in out if ": error: " in line]
    assert len(errors) == len(PROBLEMS)
    for name, expected in PROBLEMS.items():
        shown = f"{broken_folder.name}/{name}"
        assert any(line.startswith(shown) and expected in line for line in errors), f"{name} not listed"
    encodings = [line for line in out if ": note: " in line and ("byte-order mark" in line or "detected" in line)]
    assert len(encodings) == len(NOTES)
    collision = f"{broken_folder.name}/title only.txt: note: its name gives the same id as"
    assert any(line.startswith(collision) for line in out)
    assert out[-1].startswith(f"{len(broken_files()) + 1 - len(PROBLEMS)} articles read, {len(PROBLEMS)} problems")


def test_ingest_check_of_good_articles_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("A\n\nVladimir Putin met Shinzo Abe.\n", encoding="utf-8")
    assert main(["-f", str(tmp_path / "none.yml"), "check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "1 article read, 0 problems, 0 notes"


def test_ingest_check_missing_path_and_empty_folder(tmp_path: Path) -> None:
    report = check_articles([tmp_path / "missing", tmp_path])
    lines = report_lines(report, cwd=tmp_path)
    assert not report.ok
    assert any("missing: error: no such file or folder" in line for line in lines)
    assert any("no article files found" in line for line in lines)
    assert any("no article files found" in line for line in lines)


def test_ingest_walk_order_is_by_relative_path(tmp_path: Path) -> None:
    for name in ("b/1.txt", "a/2.txt", "a/10.txt", "c.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("T\n\nText.\n", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in find_article_files([tmp_path])]
    assert names == sorted(names)
    assert os.sep not in "".join(n.replace("/", "") for n in names)


def test_ingest_folder_readme_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About these articles\n\nNotes for the editor.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Title\n\nTitle\n\nJohn Smith visited Paris.\n", encoding="utf-8")
    assert [p.name for p in find_article_files([tmp_path])] == ["a.txt"]
    assert [p.name for p in find_article_files([tmp_path / "README.md"])] == ["README.md"]

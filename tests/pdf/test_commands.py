"""`dossier pdf`: which files it writes, where, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main
from dossier.errors import ConfigError
from dossier.model import Briefing
from dossier.pdf import write_pdfs
from dossier.settings import Settings
from tests.conftest import mkdocs_yml, write_project
from tests.pdf.pdfcheck import page_texts, reader
from tests.pdf.sample import sample_briefing


def test_commands_upcoming_writes_a_brief_per_coming_meeting(
    tmp_path: Path, briefing: Briefing, settings: Settings
) -> None:
    written = write_pdfs(briefing, settings, tmp_path / "out", upcoming=True)
    assert [p.name for p in written] == ["brief-vladivostok-eef.pdf", "brief-lavrov-kishida-tokyo.pdf"]
    assert "Lavrov–Kishida talks in Tokyo" in page_texts(reader(written[1].read_bytes()))[0]
    assert not list((tmp_path / "out").glob(".*partial"))


def test_commands_meeting_to_a_named_file(tmp_path: Path, briefing: Briefing, settings: Settings) -> None:
    [path] = write_pdfs(briefing, settings, tmp_path / "talks.pdf", meeting="sochi-talks")
    assert path == tmp_path / "talks.pdf"
    assert "Abe–Putin talks in Sochi" in page_texts(reader(path.read_bytes()))[0]


def test_commands_upcoming_needs_a_folder(tmp_path: Path, briefing: Briefing, settings: Settings) -> None:
    with pytest.raises(ConfigError, match="expected a folder"):
        write_pdfs(briefing, settings, tmp_path / "x.pdf", upcoming=True)


def test_commands_unknown_meeting_writes_nothing(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(ConfigError, match="no event with the id 'nope'"):
        write_pdfs(sample_briefing(), settings, tmp_path, meeting="nope")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_commands_cli_writes_the_dossier_beside_mkdocs_yml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = mkdocs_yml(marking='"RESTRICTED"')
    project = write_project(tmp_path / "project", {"talks.txt": "Talks\n\nTalks\n\nJohn Smith met Jane Doe.\n"},
                            config=config)
    assert main(["-f", str(project / "mkdocs.yml"), "pdf"]) == 0
    pdf = project / "pdf" / "dossier.pdf"
    assert f"wrote {pdf}" in capsys.readouterr().out
    texts = page_texts(reader(pdf.read_bytes()))
    assert "RESTRICTED" in texts[1] and "John Smith" in "".join(texts)
    assert main(["-f", str(project / "mkdocs.yml"), "pdf", "--meeting", "nope"]) == 1
    assert "no event with the id 'nope'" in capsys.readouterr().err

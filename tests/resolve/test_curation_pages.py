"""The example curation file stays valid and its facts show as curated."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.model import Briefing
from dossier.render import make_environment, render_pages
from dossier.resolve.curation import apply_curation, load_curation
from dossier.settings import Settings

EXAMPLE = Path(__file__).with_name("dossier.example.yml")


def test_curation_example_file_loads() -> None:
    sections = {entry.section for entry in load_curation(EXAMPLE)}
    assert sections == {"people", "organizations", "places"}


@pytest.fixture(scope="module")
def curated(seed_briefing: Briefing) -> dict[str, str]:
    import copy

    briefing = copy.deepcopy(seed_briefing)
    apply_curation(briefing, EXAMPLE)
    return render_pages(briefing, Settings(), make_environment())


def test_curation_marks_curated_facts_on_pages(curated: dict[str, str]) -> None:
    abe = curated["people/shinzo-abe.md"]
    assert "Prime Minister of Japan from 2012 to 2020." in abe
    assert "Prime Minister of Japan (2 September 2016) *(curated)*" in abe
    assert "Japanese leader" not in abe.split("## Roles")[1].split("##")[0]
    assert "*(curated)*" in curated["people/index.md"]
    assert "Southern Kuril Islands" in curated["places/northern-territories.md"]
    assert "The Japan Times" in curated["organizations/index.md"]

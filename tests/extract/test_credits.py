"""People and agencies named in bylines, credit lines, photo credits and
datelines, read from the ingested fixtures of `tests/ingest/webtext/`."""

from __future__ import annotations

from pathlib import Path

from dossier.extract import extract_article, parse_articles
from dossier.extract.entities.credits import _classify
from dossier.ingest import read_article
from dossier.model import Briefing

WEBTEXT = Path(__file__).parent.parent / "ingest" / "webtext"


def extracted(name: str) -> Briefing:
    article = read_article(WEBTEXT / name, Path(name).stem)
    return extract_article(next(parse_articles([article])))


def test_credits_byline_names_reporters_and_their_agency() -> None:
    briefing = extracted("byline.txt")
    people = {p.name for p in briefing.people}
    assert {"Sofia Lindqvist", "Tomas Herrera", "Amara Diallo", "Peter Novak"} <= people
    assert "Valley Press" in {o.name for o in briefing.organizations}
    reporter = next(p for p in briefing.people if p.name == "Sofia Lindqvist")
    assert reporter.mentions[0].where.paragraph == 1
    assert reporter.mentions[0].text == "Sofia Lindqvist"


def test_credits_photo_credits_name_photographers_and_agencies() -> None:
    briefing = extracted("captions.txt")
    people = {p.name for p in briefing.people}
    organizations = {o.name for o in briefing.organizations}
    assert "Lars Eriksen" in people
    assert {"Nordic", "Coastline Press"} <= organizations
    # The credit's words are not an organization of their own.
    assert not any("Photo" in name for name in organizations | people)


def test_credits_caption_reports_no_event() -> None:
    briefing = extracted("captions.txt")
    # The caption's "on March 3, 2021" dates a photo, not an event.
    assert all(e.date != "2021-03-03" for e in briefing.events)


def test_credits_dateline_line_gives_places() -> None:
    briefing = extracted("country_city.txt")
    places = {p.name: p for p in briefing.places}
    assert "Valparaíso" in places and "Chile" in places  # the gazetteer's name
    assert places["Valparaíso"].mentions[0].where.paragraph == 1
    assert places["Valparaíso"].mentions[0].text == "VALPARAISO"
    assert not any("VALPARAISO" in o.name for o in briefing.organizations)


def test_credits_dateline_date_dates_the_article() -> None:
    briefing = extracted("city_date.txt")
    article = briefing.articles[0]
    assert article.published == "2016-12-15" and article.date_inferred
    assert "Lusaka December 15, 2016" in (article.date_evidence or "")


def test_credits_agency_bullet_is_an_organization_and_menus_are_nothing() -> None:
    briefing = extracted("furniture.txt")
    organizations = {o.name for o in briefing.organizations}
    assert "Harbour News Agency" in organizations
    names = organizations | {p.name for p in briefing.people} | {p.name for p in briefing.places}
    assert not names & {"Menu", "Search", "Skip", "Related Coverage", "Most Read"}


def test_credits_contributor_line_gives_people_their_role_and_joins_the_agency() -> None:
    briefing = extracted("contributors.txt")
    people = {p.name: p for p in briefing.people}
    assert [r.title for r in people["Nadia Rahman"].roles] == ["Delta News writer"]
    assert [r.title for r in people["Omar Farouk"].roles] == ["Delta News writer"]
    assert "New York" not in people
    # "(Delta)" in the dateline and "Delta News" in the credit are one agency.
    agencies = [o for o in briefing.organizations if "Delta" in (o.name, *o.aliases)]
    assert [(o.name, o.aliases) for o in agencies] == [("Delta News", ["Delta"])]


def test_credits_part_kinds() -> None:
    assert _classify(["First", "Last"]) == "person"
    assert _classify(["Agency"]) == "organization"
    assert _classify(["Getty", "Images"]) == "organization"
    assert _classify(["Kyodo", "News"]) == "organization"

"""People, organizations, roles and places in news as people save it: one
small invented fixture for each kind of error seen on real articles."""

from __future__ import annotations

import pytest

from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.entities.assemble import extract_entities
from dossier.extract.entities.headlines import is_title_case
from dossier.extract.nlp import load_nlp
from dossier.model import Article, Organization, Paragraph, Person, Place


def entities(*paragraphs: str) -> tuple[list[Person], list[Organization], list[Place]]:
    article = Article(
        id="t", title="Test", path="t.txt", published="2020-05-04",
        paragraphs=[Paragraph(n, text) for n, text in enumerate(paragraphs, 1)],
    )
    return extract_entities(ArticleDoc(article, load_nlp()(joined_text(article))))


def names(items: list[Person] | list[Organization] | list[Place]) -> set[str]:
    return {i.name for i in items}


def all_names(items: list[Person] | list[Organization] | list[Place]) -> set[str]:
    return {n for i in items for n in (i.name, *i.aliases)}


def roles_of(people: list[Person], name: str) -> list[str]:
    return [r.title for p in people if p.name == name for r in p.roles]


# ---------------------------------------------------------------- organizations


def test_entities_news_agencies_cited_as_sources_are_organizations() -> None:
    people, orgs, places = entities(
        "The meeting broke up without an agreement, according to Tidewire. Baltwire reported the same. "
        "An aide told Nordlys that no date was set.",
    )
    assert {"Tidewire", "Nordlys", "Baltwire"} <= names(orgs)
    assert not {"Tidewire", "Nordlys", "Baltwire"} & names(people) | names(places)


def test_entities_name_ending_in_a_media_word_is_no_person() -> None:
    people, orgs, _ = entities("Meridian Press reported on Friday that the two envoys would meet in Lyon.")
    assert "Meridian Press" not in names(people)
    assert "Meridian Press" in names(orgs)


def test_entities_person_cited_by_surname_stays_a_person() -> None:
    people, orgs, _ = entities(
        "Government spokesman Anders Lindqvist said the visit was planned. According to Lindqvist, no date "
        "was set.",
    )
    assert "Anders Lindqvist" in names(people)
    assert "Lindqvist" not in names(orgs)


def test_entities_photo_credit_is_neither_person_nor_organization() -> None:
    people, orgs, _ = entities(
        "Prime Minister Anna Berg, left, arrives in Gdansk, Poland, on March 3, 2019. "
        "(Tidewire Pool Photo via Nordlys)",
        "Berg met the governor on Monday.",
    )
    assert not any("Photo" in n for n in names(people) | names(orgs))


@pytest.mark.parametrize("text", [
    "The Polish foreign ministry objected to the flight on Tuesday.",
    "The Polish Foreign Ministry objected to the flight on Tuesday.",
])
def test_entities_ministry_qualified_by_nationality(text: str) -> None:
    _, orgs, _ = entities(text)
    assert "Polish Foreign Ministry" in names(orgs)


def test_entities_bare_ministry_is_the_one_the_article_qualifies() -> None:
    _, orgs, _ = entities(
        "Hungary's Foreign Ministry said on Thursday it had expelled two diplomats.",
        "On May 2, the Foreign Ministry added that a third would leave.",
    )
    ministries = [o for o in orgs if "Ministry" in o.name]
    assert len(ministries) == 1
    assert len(ministries[0].mentions) == 2


def test_entities_bare_ministry_takes_the_country_of_its_paragraph() -> None:
    _, orgs, _ = entities(
        "Peru stayed away from the hearing. Speaking in Lima on Monday, Foreign Ministry spokeswoman "
        "Rosa Quispe said the ruling had no force.",
    )
    ministry = next(o for o in orgs if "Foreign Ministry" in o.name)
    assert "Peru" in ministry.name
    assert "Foreign Ministry" in ministry.aliases


def test_entities_hyphenated_g7_is_an_organization() -> None:
    _, orgs, _ = entities("The G-7 finance ministers gathered on Monday. Later the Group of Seven issued a communique.")
    g7 = [o for o in orgs if {"G-7", "Group of Seven"} & {*o.aliases, o.name}]
    assert len(g7) == 1
    assert {"G-7", "Group of Seven"} <= {g7[0].name, *g7[0].aliases}


def test_entities_cities_in_a_list_are_places_not_organizations() -> None:
    _, orgs, places = entities(
        "Leeds backed the plan, as did Dundee, North Lanarkshire and West Dunbartonshire. "
        "Voters in Sheffield and Aberdeen rejected it by wide margins.",
    )
    assert {"Dundee", "North Lanarkshire", "Aberdeen", "Sheffield"} <= names(places)
    assert not {"Dundee", "Aberdeen", "Dundee, North Lanarkshire"} & names(orgs)


def test_entities_abbreviated_prefecture_is_a_place() -> None:
    _, orgs, places = entities("Sendai, Miyagi Pref. was hit by a strong earthquake on Sunday.")
    assert {"Sendai", "Miyagi Prefecture"} <= names(places)
    assert not any("Pref" in n for n in names(orgs))


def test_entities_one_word_kind_of_body_is_no_organization_but_a_legislature_is() -> None:
    _, orgs, _ = entities("The Cabinet gathered on Monday, and the Senate approved the bill on Friday.")
    assert "Cabinet" not in names(orgs)
    assert "Senate" in names(orgs)


def test_entities_bare_parliament_joins_the_one_named_in_full() -> None:
    _, orgs, _ = entities(
        "The Nordic Parliament ratified the treaty on Thursday.",
        "Parliament had voted it down twice before.",
    )
    parliaments = [o for o in orgs if "Parliament" in o.name]
    assert [p.name for p in parliaments] == ["Nordic Parliament"]
    assert len(parliaments[0].mentions) == 2


def test_entities_legislature_described_beside_its_name_is_not_another() -> None:
    _, orgs, _ = entities("The Sejm, the lower house of Poland's parliament, passed the law on Friday.")
    assert "Sejm" in names(orgs)
    assert not any("parliament" in n.lower() for n in names(orgs))


def test_entities_acronym_after_or_is_an_alias() -> None:
    _, orgs, _ = entities(
        "A leader of the National Liberation Army of Esland, or NLAE, signed the ceasefire.",
        "The NLAE was formed in 1971.",
    )
    group = [o for o in orgs if "NLAE" in (o.name, *o.aliases)]
    assert len(group) == 1
    assert "National Liberation Army of Esland" in (group[0].name, *group[0].aliases)


def test_entities_capitalised_common_word_is_no_organization() -> None:
    _, orgs, _ = entities("Writing by Karl Ostrow; Editing by Mina Sato")
    assert not {"Writing", "Editing"} & names(orgs)


# ---------------------------------------------------------------- people


@pytest.mark.parametrize("line", [
    "Leaders Discuss Trade Deal As Smith Hold Meeting",
    "Polish Premier Tours Border Crossing Near Lublin, Belarus Files Complaint",
])
def test_entities_title_case_headline_fragments_are_not_names(line: str) -> None:
    people, orgs, _ = entities(line, "Polish Prime Minister Marek Nowicki toured the crossing on Friday.")
    assert names(people) == {"Marek Nowicki"}
    assert not names(orgs)


@pytest.mark.parametrize(("text", "expected"), [
    ("Leaders Discuss Trade Deal As Smith Hold Meeting", True),
    ("By Olga Brandt and Tomas Ek", False),
    ("The leaders met in Tokyo on Monday and agreed to talk.", False),
    ("Related Coverage", False),
])
def test_headlines_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


def test_entities_name_with_suffix_is_one_person_with_nickname() -> None:
    people, orgs, places = entities(
        "Governor Robert Hale Jr., better known as Bobby, has taken a firmer line.",
        "Hale met the envoy on Monday. Bobby said the talks went well.",
    )
    hale = [p for p in people if "Hale" in p.name]
    assert len(hale) == 1
    assert hale[0].name == "Robert Hale Jr."
    assert "Bobby" in hale[0].aliases
    assert "Bobby" not in names(people) | names(orgs) | names(places)


def test_entities_nickname_mentions_join_the_full_name() -> None:
    people, orgs, places = entities(
        "Malaysian opposition leader Anwar Salleh, better known as Pak Wan, won the seat.",
        "The election board said Pak Wan took 58 percent of the vote.",
    )
    salleh = next(p for p in people if p.name == "Anwar Salleh")
    assert "Pak Wan" in salleh.aliases
    assert len(salleh.mentions) >= 3
    assert "Pak Wan" not in names(people) | names(orgs) | names(places)


def test_entities_full_name_and_name_without_first_part_merge() -> None:
    people, _, _ = entities("Maria Clara Duarte opened the hearing. Clara Duarte said the bill was sound.")
    assert names(people) == {"Maria Clara Duarte"}


def test_entities_organization_label_with_who_is_a_person() -> None:
    people, orgs, _ = entities(
        "She has been tougher than her predecessor, Tomas Brandt, who put the ruling aside.",
    )
    assert "Tomas Brandt" in names(people)
    assert "Tomas Brandt" not in names(orgs)
    assert roles_of(people, "Tomas Brandt") == ["predecessor"]


def test_entities_lone_name_with_a_role_is_a_person() -> None:
    people, orgs, _ = entities(
        "Rahmat, the Coordinating Minister for Maritime, Energy and Investment Affairs, warned the crowd.",
    )
    assert roles_of(people, "Rahmat") == ["Coordinating Minister for Maritime, Energy and Investment Affairs"]
    assert not names(orgs)


def test_entities_song_in_apposition_is_no_person() -> None:
    people, _, _ = entities("The delegates stood and sang Danny Boy, the Irish song of parting.")
    assert "Danny Boy" not in names(people)


def test_entities_place_called_by_a_longer_name_is_no_person() -> None:
    people, _, places = entities(
        "The signing in Santa Cruz, known formally as Santa Cruz de la Sierra, ended two years of talks.",
    )
    assert "Santa Cruz de la Sierra" not in names(people)
    assert {"Santa Cruz", "Santa Cruz de la Sierra"} <= all_names(places)


# ---------------------------------------------------------------- roles


def test_roles_long_titles_keep_commas_and_parentheses() -> None:
    people, _, _ = entities(
        "Mohammed Ali, Minister of Water, Irrigation and Electricity, and Sarah Khan, director general "
        "(South Asia) at the Foreign Office, attended the talks.",
    )
    assert roles_of(people, "Mohammed Ali") == ["Minister of Water, Irrigation and Electricity"]
    assert roles_of(people, "Sarah Khan") == ["director general (South Asia) at the Foreign Office"]


def test_roles_field_inside_a_title_is_no_organization() -> None:
    people, orgs, _ = entities(
        "Moira Dunbar, Cabinet Secretary for Finance, Housing and Local Government, said the "
        "budget would pass.",
    )
    assert roles_of(people, "Moira Dunbar") == ["Cabinet Secretary for Finance, Housing and Local Government"]
    assert not {"Finance", "Cabinet"} & names(orgs)


def test_roles_possessive_and_envoy_for_a_process() -> None:
    people, _, _ = entities(
        "The capital's mayor, John Brown, welcomed them. Peter Green, the UN envoy for the peace process, spoke.",
    )
    assert roles_of(people, "John Brown") == ["capital's mayor"]
    assert roles_of(people, "Peter Green") == ["UN envoy for the peace process"]


# ---------------------------------------------------------------- places


def test_places_ocean_and_qualified_region_as_written() -> None:
    _, _, places = entities("Tankers crossed the Pacific to terminals in the Russian Far East.")
    assert {"Pacific", "Russian Far East"} <= names(places)
    assert not {"Pacific Islands", "Far East"} & names(places)


def test_places_war_and_holiday_are_not_places() -> None:
    _, _, places = entities(
        "The Korean War ended in 1953. Banks in Madrid were shut for the Holy Week holidays.",
    )
    assert "Madrid" in names(places)
    assert not {"Korean War", "Holy Week"} & names(places)


@pytest.mark.parametrize("lead", [
    "Gdansk March 3, 2019 Poland and Sweden agreed to open talks.",
    "WARSAW March 3, 2019 (Nordlys) - Poland and Sweden agreed to open talks.",
])
def test_places_dateline_glued_to_its_date_gives_the_city(lead: str) -> None:
    _, _, places = entities(lead)
    assert {"Poland", "Sweden"} <= names(places)
    assert all_names(places) & {"Gdańsk", "Warsaw"}


def test_places_residence_in_apposition_is_a_place() -> None:
    _, orgs, places = entities(
        "She received them at Harewood, her country residence, on Friday. He spoke at Kell House, his "
        "official residence in Cardiff.",
    )
    assert {"Harewood", "Kell House"} <= names(places)
    assert not {"Harewood", "Kell House"} & names(orgs)


def test_places_acronym_beside_a_country_is_no_town() -> None:
    _, _, places = entities("Spain, Italy and the U.N. welcomed the plan, as did Austria.")
    assert not any(p.name.lower() in {"un", "ūn"} for p in places)


def test_places_street_address_districts_and_corridors() -> None:
    _, orgs, places = entities(
        "Mayor Ellen Park, speaking outside 42 Harbour Street, said the work was done. "
        "Esland hands the Arvik district to Norland, and the Velsk corridor stays open.",
    )
    assert {"42 Harbour Street", "Arvik District", "Velsk corridor"} <= names(places)
    assert "Arvik" not in names(orgs) | names(places)


def test_places_end_of_a_longer_name_and_adjective_use_are_not_places() -> None:
    _, _, places = entities(
        "The panel was created under the Treaty on the Rights of the Sea. "
        "The festival takes place in this Atlantic port city.",
    )
    assert not {"Sea", "Atlantic"} & names(places)


def test_entities_model_designation_and_demonym_are_neither_org_nor_person() -> None:
    people, orgs, _ = entities("An Eslandic drone struck a Norlandic Ka-52 helicopter over the border.")
    assert not names(people)
    assert not any("Ka-52" in n for n in names(orgs))


def test_roles_appositive_the_parser_splits_and_titles_of_occupation() -> None:
    people, _, places = entities(
        "The commission said Jokowi won 55.5 percent of the vote, against 44.5 percent for Prabowo Subianto, "
        "a former special forces general, and his running mate, businessman Sandiaga Uno.",
        "The indictment came from the investigation led by special counsel Robert Mueller.",
    )
    assert roles_of(people, "Prabowo Subianto") == ["former special forces general"]
    assert set(roles_of(people, "Sandiaga Uno")) == {"running mate", "businessman"}
    assert roles_of(people, "Robert Mueller") == ["special counsel"]
    assert "Prabowo Subianto" not in names(places)


def test_roles_title_before_the_next_name_is_not_an_appositive_of_the_first() -> None:
    people, _, _ = entities(
        "President Joko Widodo won a second term. The commission said Widodo and his running mate, the senior "
        "Muslim cleric Ma'ruf Amin, won 55.5 percent of the vote.",
    )
    assert not any("cleric" in t for t in roles_of(people, "Joko Widodo"))


def test_entities_given_name_alone_mislabelled_as_a_place_is_the_person() -> None:
    people, _, places = entities(
        "His challenger Prabowo Subianto refused to accept the outcome.",
        "Protests were planned by Prabowo's supporters outside the agency. Prabowo told reporters he would "
        "go to court.",
    )
    assert "Prabowo" not in names(places)
    subianto = next(p for p in people if p.name == "Prabowo Subianto")
    assert len(subianto.mentions) == 3


def test_places_islands_listed_untagged_names_and_abbreviated_prefecture_after_a_comma() -> None:
    people, orgs, places = entities(
        "A mission of Japanese officials toured Kunashir, Iturup and Shikotan last year.",
        "The forum was held on the campus of a university on Russky Island, off Vladivostok.",
        "Five missiles landed southwest of Hateruma Island, Okinawa Pref., the first time.",
    )
    assert {"Kunashir", "Iturup", "Shikotan", "Russky Island", "Okinawa Prefecture"} <= names(places)
    assert not any("Pref" in n for n in names(people))
    assert not any("," in n for n in names(orgs))


def test_entities_lower_case_phrase_is_no_organization() -> None:
    _, orgs, _ = entities("The ministry said in a statement, carried by the state news agency TASS, that it was so.")
    assert names(orgs) == {"TASS"}


def test_entities_organization_completed_by_its_region_and_court_in_a_city_apart() -> None:
    _, orgs, places = entities(
        "Heidi Tagliavini, the envoy of the Organization for Security and Co-operation in Europe (OSCE), signed.",
        "The tribunal was hosted by the Permanent Court of Arbitration in The Hague.",
    )
    assert "Organization for Security and Co-operation in Europe" in names(orgs)
    assert "Permanent Court of Arbitration" in names(orgs)
    assert "Europe" not in names(places)
    assert "The Hague" in all_names(places) or "Hague" in all_names(places)


def test_places_another_spelling_of_the_last_name_listed_and_no_phrases() -> None:
    _, _, places = entities(
        "There was no agreement on autonomy for Donetsk and Luhansk, which Russian media call Lugansk.",
        "Isaias greeted Abiy at the airport on Sunday. The treaty limits deployed ballistic missiles (ICBMs).",
    )
    luhansk = next(p for p in places if "Luhansk" in (p.name, *p.aliases))
    assert "Lugansk" in (luhansk.name, *luhansk.aliases)
    assert not any(" at " in n or n == "ICBMs" for n in names(places))


def test_places_other_spelling_of_a_large_city_is_a_place_not_a_person() -> None:
    people, _, places = entities(
        "Kiev and Western governments accuse Moscow of arming the rebels, which the Kremlin denies.",
    )
    assert "Kiev" not in names(people)
    assert "Kiev" in all_names(places)


def test_entities_agency_with_and_without_its_media_word_is_one() -> None:
    _, orgs, _ = entities("TOKYO (Kyodo) -- The visit was criticized.", "Kyodo News said the talks would resume.")
    kyodo = [o for o in orgs if o.name.startswith("Kyodo")]
    assert [o.name for o in kyodo] == ["Kyodo News"]
    assert "Kyodo" in kyodo[0].aliases


def test_entities_company_named_once_with_its_kind_is_an_organization() -> None:
    people, orgs, _ = entities(
        "Mitsui & Co. and Rosneft signed a deal. Toyota Motor Corp. said it would invest. Novatek, a gas "
        "producer, agreed.",
    )
    assert {"Mitsui & Co.", "Rosneft", "Toyota Motor Corp.", "Novatek"} <= names(orgs)
    assert not names(people)


def test_roles_title_with_a_lower_case_complement_keeps_its_organization() -> None:
    people, orgs, _ = entities(
        "Trump was joined by acting White House chief of staff Mick Mulvaney at the dinner.",
    )
    assert roles_of(people, "Mick Mulvaney") == ["acting White House chief of staff"]
    assert "White House" in names(orgs)


def test_places_site_of_a_facility_and_a_package_of_measures_is_no_organization() -> None:
    _, orgs, places = entities(
        "He offered to dismantle the main nuclear complex at Yongbyon.",
        "The agreement, formally called the Package of Measures, was signed on Thursday.",
    )
    assert "Yongbyon" in names(places)
    assert not {"Yongbyon", "Package of Measures"} & names(orgs)

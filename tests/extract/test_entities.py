"""People, organizations and places from short invented news texts."""

from __future__ import annotations

import pytest

from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.entities.assemble import extract_entities
from dossier.extract.nlp import load_nlp
from dossier.model import Article, Organization, Paragraph, Person, Place


def parse(*paragraphs: str, published: str | None = "2020-05-04") -> ArticleDoc:
    article = Article(
        id="t", title="Test", path="t.txt", published=published,
        paragraphs=[Paragraph(n, text) for n, text in enumerate(paragraphs, 1)],
    )
    return ArticleDoc(article, load_nlp()(joined_text(article)))


def entities(*paragraphs: str) -> tuple[list[Person], list[Organization], list[Place]]:
    return extract_entities(parse(*paragraphs))


def person(people: list[Person], name: str) -> Person:
    return next(p for p in people if p.name == name)


def test_entities_surname_and_honorific_mentions_link_to_full_name() -> None:
    people, _, _ = entities(
        "German Chancellor Angela Merkel met reporters in Berlin on Monday.",
        "Merkel said the talks went well. Later, Ms. Merkel left for Paris.",
    )
    merkel = person(people, "Angela Merkel")
    assert len(merkel.mentions) == 3
    assert [m.where.paragraph for m in merkel.mentions] == [1, 2, 2]
    text = "\n\n".join(["German Chancellor Angela Merkel met reporters in Berlin on Monday.",
                        "Merkel said the talks went well. Later, Ms. Merkel left for Paris."])
    paragraphs = text.split("\n\n")
    for m in merkel.mentions:
        assert paragraphs[m.where.paragraph - 1][m.where.start : m.where.end] in {"Angela Merkel", "Merkel"}


def test_entities_people_sharing_a_surname_stay_apart() -> None:
    people, _, _ = entities(
        "Prime Minister Justin Trudeau spoke in Ottawa. His late father, Pierre Trudeau, served as prime minister.",
        "Trudeau said the plan would go ahead.",
    )
    names = {p.name for p in people}
    assert {"Justin Trudeau", "Pierre Trudeau"} <= names
    assert len(person(people, "Justin Trudeau").mentions) == 2


def test_entities_roles_before_name_and_in_apposition() -> None:
    people, _, _ = entities(
        "Former French Ambassador to Canada Pierre Dupont said on Tuesday that talks would resume.",
        "Maria Lopez, chair of the National Council, will visit Madrid. Dupont, a 64-year-old career diplomat, "
        "agreed.",
    )
    dupont = person(people, "Pierre Dupont")
    titles = [r.title for r in dupont.roles]
    assert "Former French Ambassador to Canada" in titles
    assert any("64-year-old" in t and "diplomat" in t for t in titles)
    assert all(r.date == "2020-05-04" and r.where.article == "t" for r in dupont.roles)
    lopez = person(people, "Maria Lopez")
    assert [r.title for r in lopez.roles] == ["chair of the National Council"]


def test_entities_past_role_is_marked_former() -> None:
    people, _, _ = entities("Prime Minister Anna Berg took office in May. Berg served as finance minister until 2019.")
    titles = [r.title for r in person(people, "Anna Berg").roles]
    assert "former finance minister" in titles
    assert "Prime Minister" in titles


def test_entities_gazetteer_city_is_a_place_not_a_person() -> None:
    people, _, places = entities("Officials arrived in Vladivostok on Monday. Vladivostok is a port city.")
    assert "Vladivostok" not in {p.name for p in people}
    assert "Vladivostok" in {p.name for p in places}


def test_entities_group_of_seven_is_whole() -> None:
    _, orgs, _ = entities("Japan joined its Group of Seven partners in imposing sanctions.")
    assert "Group of Seven" in {o.name for o in orgs}
    assert "Group" not in {o.name for o in orgs}


@pytest.mark.parametrize("long, short", [
    ("Group of Seven", "G7"), ("Group of 20", "G20"), ("Asia-Pacific Economic Cooperation", "APEC"),
    ("United Nations", "UN"),
])
def test_organizations_acronym_of_long_name(long: str, short: str) -> None:
    from dossier.extract.entities.organizations import acronym

    assert acronym(long) == short


def test_organizations_g_number_expands() -> None:
    from dossier.extract.entities.organizations import expansions

    assert expansions("G7") == ["Group of Seven"]
    assert expansions("G20") == ["Group of 20"]
    assert expansions("NATO") == []


def test_entities_stated_alias_merges_places() -> None:
    _, _, places = entities(
        "The largest island is Iturup, called Etorofu in Japan. Fishermen often sail past Etorofu."
    )
    iturup = [p for p in places if "Iturup" in [p.name, *p.aliases]]
    assert len(iturup) == 1
    assert "Etorofu" in [iturup[0].name, *iturup[0].aliases]


@pytest.mark.parametrize("text, adjective", [
    ("Soviet troops seized the islands in 1945.", "Soviet"),
    ("Russian officials said nothing.", "Russian"),
])
def test_entities_adjectives_are_not_places(text: str, adjective: str) -> None:
    _, _, places = entities(text)
    assert adjective not in {p.name for p in places}


def test_entities_possessive_country_qualifies_a_ministry() -> None:
    _, orgs, _ = entities("Brazil's Foreign Ministry summoned the ambassador on Friday.")
    assert "Brazil's Foreign Ministry" in {o.name for o in orgs}


def test_entities_ids_are_stable_within_an_article() -> None:
    adoc = parse("President Joe Biden met Chancellor Olaf Scholz in Washington.")
    first = [p.id for p in extract_entities(adoc)[0]]
    second = [p.id for p in extract_entities(adoc)[0]]
    assert first == second and len(set(first)) == len(first)


@pytest.mark.parametrize("company", ["Toyota", "Nokia"])
def test_entities_company_named_after_a_town_stays_an_organization(company: str) -> None:
    _, _, places = entities(f"Engineers at {company} warned of chip shortages, according to Reuters.")
    assert company not in {p.name for p in places}
    assert "Reuters" not in {p.name for p in places}


def test_entities_surname_inside_a_longer_name_is_not_a_mention() -> None:
    people, _, _ = entities(
        "Mike East, a spokesman for the bank, declined to comment. Officials in East Asia watched closely."
    )
    east = person(people, "Mike East")
    assert [m.text for m in east.mentions] == ["Mike East"]


def test_entities_abbreviated_title_is_spelled_out() -> None:
    people, _, _ = entities("Sen. Elizabeth Warren, a Massachusetts Democrat, criticized the plan on Monday.")
    assert [r.title for r in person(people, "Elizabeth Warren").roles] == ["Senator", "Massachusetts Democrat"]


def test_entities_praise_as_a_leader_is_not_a_role() -> None:
    people, _, _ = entities("President Joe Biden met Olaf Scholz. Biden praised Scholz as a leader of the free world.")
    assert person(people, "Olaf Scholz").roles == []


def test_entities_language_is_not_a_place() -> None:
    _, _, places = entities("Speaking in Hindi, the minister thanked officials in New Delhi.")
    names = {p.name for p in places}
    assert "Hindi" not in names and "New Delhi" in names


def test_entities_untagged_name_after_a_title_is_a_person() -> None:
    people, _, _ = entities("Chinese President Xi Jinping met Prime Minister Narendra Modi on Tuesday.")
    assert {"Xi Jinping", "Narendra Modi"} <= {p.name for p in people}


def test_entities_name_particles_stay_in_the_name() -> None:
    people, _, places = entities(
        "Ursula von der Leyen, president of the European Commission, spoke on Monday. "
        "Ms. von der Leyen said aid would increase."
    )
    leyen = person(people, "Ursula von der Leyen")
    assert [m.text for m in leyen.mentions] == ["Ursula von der Leyen", "von der Leyen"]
    assert "Leyen" not in {p.name for p in places}


@pytest.mark.parametrize("text, name", [
    ("The treaty was signed by South Korean Foreign Minister Kang Kyung-wha on Friday.", "Kang Kyung-wha"),
    ("Prime Minister Goh Chok Tong met the delegation on Sunday.", "Goh Chok Tong"),
])
def test_people_name_cut_short_is_made_whole(text: str, name: str) -> None:
    people, _, _ = entities(text)
    assert name in {p.name for p in people}


def test_people_capitalised_dateline_is_not_a_person() -> None:
    people, _, places = entities("LA ROCHELLE, France — Fishermen blocked the port on Monday, Jean Morel said.")
    assert "LA ROCHELLE" not in {p.name for p in people}
    assert "La Rochelle" in {p.name for p in places}


def test_people_name_with_a_place_appositive_is_a_place() -> None:
    people, _, places = entities("The leaders met on Jeju, a resort island south of the peninsula, on Friday.")
    assert "Jeju" not in {p.name for p in people}
    assert "Jeju" in {p.name for p in places}


def test_people_network_written_on_is_an_organization() -> None:
    people, orgs, _ = entities("Finance Minister Olaf Berg wrote on Twitter that the deal was done.")
    assert "Twitter" not in {p.name for p in people}
    assert "Twitter" in {o.name for o in orgs}


def test_people_demonym_plural_is_not_a_person() -> None:
    people, _, _ = entities("The protocol lets Kenyans work in Uganda without visas, Ruth Otieno said.")
    assert {p.name for p in people} == {"Ruth Otieno"}


def test_people_what_a_leader_leads_is_an_organization() -> None:
    people, orgs, _ = entities("Karin Lund, the leader of Fremad, the youth wing of the Liberal Party, spoke.")
    assert {p.name for p in people} == {"Karin Lund"}
    assert "Fremad" in {o.name for o in orgs}
    assert [r.title for r in person(people, "Karin Lund").roles] == ["leader of Fremad"]


def test_people_untagged_name_before_an_appositive_role() -> None:
    people, _, _ = entities("Amara Diallo Kone, chairperson of the West African Trade Commission, said it was good.")
    assert [r.title for r in person(people, "Amara Diallo Kone").roles] == [
        "chairperson of the West African Trade Commission"]


def test_places_agency_dateline_is_a_place_and_the_agency_an_organization() -> None:
    _, orgs, places = entities("OSLO (Reuters) - Norway's central bank raised rates on Thursday.")
    assert "Oslo" in {p.name for p in places}
    assert [o.name for o in orgs if "Reuters" in [o.name, *o.aliases]] == ["Reuters"]


def test_organizations_name_split_at_and_is_joined() -> None:
    people, orgs, _ = entities("Mary Byrne, leader of the Social Liberal and Farmers Party, backed the deal.")
    assert "Social Liberal and Farmers Party" in {o.name for o in orgs}
    assert [r.title for r in person(people, "Mary Byrne").roles] == ["leader of the Social Liberal and Farmers Party"]


def test_organizations_party_of_a_country_is_whole_and_the_country_no_place() -> None:
    _, orgs, places = entities("Ola Dahl is a senior official of the ruling Labour Party of Norway.")
    assert "Labour Party of Norway" in {o.name for o in orgs}
    assert "Norway" not in {p.name for p in places}


@pytest.mark.parametrize("text, thing", [
    ("The plan is a step toward the goal of an African Monetary Union.", "African Monetary Union"),
    ("Critics warned of a creeping Hungarization of the EU.", "Hungarization of the EU"),
    ("Parties to the United Nations Framework Convention on Desertification met in Bonn.",
     "United Nations Framework Convention on Desertification"),
])
def test_organizations_kinds_processes_and_treaties_are_not_organizations(text: str, thing: str) -> None:
    _, orgs, _ = entities(text)
    assert thing not in {o.name for o in orgs}


def test_organizations_venue_is_a_place() -> None:
    _, orgs, places = entities("Talks were held at Parliament Buildings and later at the Lisbon Congress Centre.")
    assert {"Parliament Buildings", "Lisbon Congress Centre"} <= {p.name for p in places}
    assert not {o.name for o in orgs} & {"Parliament Buildings", "Lisbon Congress Centre"}


def test_organizations_country_with_acronym_is_a_place() -> None:
    _, orgs, places = entities(
        "Oman restored ties with the United Arab Emirates (UAE) on Tuesday. The UAE welcomed it.")
    uae = next(p for p in places if p.name == "United Arab Emirates")
    assert "UAE" in uae.aliases and len(uae.mentions) >= 2
    assert not orgs


def test_organizations_abbreviated_prefix_is_expanded() -> None:
    _, orgs, _ = entities("U.S. lawmakers in Congress objected, and the U.N. Security Council met. The U.N. agreed.")
    names = {n for o in orgs for n in [o.name, *o.aliases]}
    assert {"United Nations Security Council", "United Nations", "United States Congress"} <= names


def test_organizations_named_first_in_a_title_counts() -> None:
    people, orgs, _ = entities("European Council President Jan Novak opened the meeting.")
    assert "European Council" in {o.name for o in orgs}
    assert [r.title for r in person(people, "Jan Novak").roles] == ["European Council President"]


def test_places_occupied_territory_and_strip_merge() -> None:
    _, orgs, places = entities("Settlers in the occupied West Bank protested. Hamas runs the Gaza Strip. "
                               "Rockets were fired from Gaza.")
    assert "West Bank" in {p.name for p in places} and "West Bank" not in {o.name for o in orgs}
    gaza = [p for p in places if "Gaza" in p.name]
    assert len(gaza) == 1 and {"Gaza", "Gaza Strip"} <= {gaza[0].name, *gaza[0].aliases}


def test_places_bare_compass_word_and_ist_adjective_are_not_places() -> None:
    _, _, places = entities("Hamas, the Islamist group, objected. The North disagreed, officials in Seoul said.")
    assert {p.name for p in places} == {"Seoul"}


def test_places_city_before_an_event_word_is_a_place() -> None:
    _, orgs, places = entities("Delegates recalled the failure of the Copenhagen summit in 2009.")
    assert "Copenhagen" in {p.name for p in places} and "Copenhagen" not in {o.name for o in orgs}


def test_people_shared_first_word_goes_to_the_first_named() -> None:
    people, _, _ = entities(
        "Park Min Ho met Lee. Park Ji Sung, a senior aide, came too. Later, Park said the talks went well.")
    assert [m.text for m in person(people, "Park Min Ho").mentions] == ["Park Min Ho", "Park"]


def test_places_name_stated_for_a_place_is_not_a_person() -> None:
    people, _, places = entities("Farmers rallied in Tralee on Monday. In Glenmore, which locals call Gleann Mor, "
                                 "opinion was divided.")
    assert not people
    glenmore = next(p for p in places if p.name == "Glenmore")
    assert "Gleann Mor" in glenmore.aliases


def test_places_country_spelled_out_before_its_acronym() -> None:
    _, orgs, places = entities("The statement commits the Democratic People's Republic of Korea (DPRK) to talks. "
                               "The DPRK agreed.")
    korea = next(p for p in places if "DPRK" in [p.name, *p.aliases])
    assert korea.name == "North Korea"
    assert not orgs


def test_organizations_treaty_spelled_out_before_its_acronym_is_not_one() -> None:
    _, orgs, _ = entities("Delegates met under the United Nations Framework Convention on Desertification (UNCCD), "
                          "the 1994 treaty. The UNCCD secretariat said so.")
    assert not {n for o in orgs for n in [o.name, *o.aliases]} & {"UNCCD", "Desertification"}


def test_places_country_in_a_role_complement_is_a_place() -> None:
    _, _, places = entities("Tony Lomae, the foreign minister of the Marshall Islands, who led a coalition, spoke.")
    assert "Marshall Islands" in {p.name for p in places}


def test_people_network_rule_spares_a_person_called_on() -> None:
    people, orgs, _ = entities("Olaf Berg called on Putin to withdraw. Vladimir Putin did not reply. "
                               "Berg wrote on Telegram that he was disappointed.")
    assert {"Olaf Berg", "Vladimir Putin"} <= {p.name for p in people}
    assert "Telegram" in {o.name for o in orgs} and "Putin" not in {o.name for o in orgs}


@pytest.mark.parametrize("word, demonym", [("Nigerians", True), ("Europeans", True), ("Iranians", True),
                                           ("Evans", False), ("Morgans", False), ("Nolans", False)])
def test_people_demonym_plural_test(word: str, demonym: bool) -> None:
    from dossier.extract.entities.people import is_demonym_plural

    assert is_demonym_plural(word) is demonym


def test_people_given_name_alone_links_to_the_one_person_with_it() -> None:
    people, _, _ = entities("Ethiopian Prime Minister Abiy Ahmed met the press.",
                            "Abiy, who won a prize in 2019, said the line would carry power.")
    assert [m.text for m in person(people, "Abiy Ahmed").mentions] == ["Abiy Ahmed", "Abiy"]


def test_places_facility_the_recognizer_called_an_organization() -> None:
    _, orgs, places = entities("Power will come from the Grand Ethiopian Renaissance Dam on the Blue Nile.")
    assert "Grand Ethiopian Renaissance Dam" in {p.name for p in places}
    assert not orgs


def test_places_building_also_named_as_an_organization_stays_an_organization() -> None:
    _, orgs, places = entities("Funding was confirmed, according to the White House. "
                               "Officials spoke at the White House on Monday.")
    assert "White House" in {o.name for o in orgs} and "White House" not in {p.name for p in places}


def test_places_name_with_a_company_appositive_is_an_organization() -> None:
    text = ("Energy ministers will meet in Prague on Friday, a spokesman said.\n\n"
            "Gazprom, Russia's state-controlled gas giant, cut flows through the pipeline last week.")
    _, orgs, places = entities(*text.split("\n\n"))
    assert "Gazprom" in {o.name for o in orgs} and "Gazprom" not in {p.name for p in places}


def test_people_middle_name_and_capitalised_particle_mentions_link() -> None:
    people, _, _ = entities(
        "Brazilian President Luiz Inacio Lula da Silva met Argentine President Alberto Fernandez on Monday.",
        "Lula, 77, returned to power in January. Da Silva told reporters the bloc needed new life.",
    )
    lula = person(people, "Luiz Inacio Lula da Silva")
    assert [m.text for m in lula.mentions] == ["Luiz Inacio Lula da Silva", "Lula", "Da Silva"]
    assert len(people) == 2


def test_people_given_names_before_a_particle_surname_join_it() -> None:
    people, _, _ = entities("Officials attended, as did Ana Paula dos Santos, a central bank director.")
    assert [p.name for p in people] == ["Ana Paula dos Santos"]


def test_places_capitalised_group_is_an_organization_not_islands() -> None:
    _, orgs, places = entities("The Wagner Group, a private military company, said its fighters had taken the town.")
    assert "Wagner Group" in {o.name for o in orgs}
    assert not places


def test_people_sentence_initial_particle_stays_in_the_surname() -> None:
    people, _, places = entities("European Commission President Ursula von der Leyen travelled to Windsor.",
                                 "Von der Leyen met the king.")
    leyen = person(people, "Ursula von der Leyen")
    assert [m.text for m in leyen.mentions] == ["Ursula von der Leyen", "Von der Leyen"]
    assert "Leyen" not in {p.name for p in places}


def test_places_framework_is_a_document_not_a_place() -> None:
    _, _, places = entities("The deal, known as the Windsor Framework, was welcomed in Belfast.")
    assert {p.name for p in places} == {"Belfast"}


def test_places_acronym_before_an_event_word_is_an_organization() -> None:
    _, orgs, places = entities("They held talks on the sidelines of the BRICS summit in Johannesburg.")
    assert {p.name for p in places} == {"Johannesburg"}
    assert "BRICS" in {o.name for o in orgs}


def test_organizations_body_a_deal_creates_is_named() -> None:
    _, orgs, _ = entities("The accord creates a Franco-German Council and a Baltic Ministerial Council.")
    assert {"Franco-German Council", "Baltic Ministerial Council"} <= {o.name for o in orgs}


def test_people_name_with_a_capitalised_function_word_is_not_a_person() -> None:
    people, _, _ = entities("The U.S. agency said it would keep monitoring. Reporters Without Borders, a press "
                            "freedom group, and Doctors Without Borders welcomed the move.")
    assert not {p.name for p in people} & {"Without Borders", "Reporters Without Borders"}


def test_places_country_written_without_the_is_known() -> None:
    _, _, places = entities("Aid was sent to the Democratic Republic of Congo on Friday.")
    assert [p.kind for p in places] == ["country"]


def test_organizations_company_with_and_without_its_legal_form_is_one() -> None:
    _, orgs, _ = entities("Apple Inc. said on Tuesday it would invest more. Shares of Apple rose 2%.")
    assert len(orgs) == 1 and "Apple" in orgs[0].aliases


def test_places_name_qualifying_an_administration_is_no_place() -> None:
    _, _, places = entities("Analysts said the move would please the Trump administration, which threatened tariffs.")
    assert not places


def test_places_bare_country_code_is_the_country() -> None:
    _, orgs, places = entities("Talks between the US and Iran resumed in Oman, the US Treasury said.")
    assert "United States" in {p.name for p in places}
    assert "United States Treasury" in {o.name for o in orgs}


def test_organizations_facility_with_a_group_appositive_and_a_qualified_ministry() -> None:
    _, orgs, places = entities("Syria's health ministry reported 430 deaths in government-held areas. The White "
                               "Helmets, a rescue group operating in the rebel-held northwest, said 380 had died.")
    assert {"Syria's health ministry", "White Helmets"} <= {o.name for o in orgs}
    assert {p.name for p in places} == {"Syria"}


def test_entities_prefixed_adjective_is_no_organization() -> None:
    _, orgs, _ = entities(
        "Negotiators in Doha prepared for Intra-Afghan talks on Tuesday, officials said.",
        "The Inter-Korean liaison office was closed.",
    )
    assert not [o.name for o in orgs if o.name.split("-")[0] in {"Intra", "Inter"}]


def test_entities_word_of_a_person_name_is_no_organization() -> None:
    from dossier.extract.entities.assemble import _drop_person_name_parts, _Group

    people = [Person(id="p", name="Oumar Traore")]
    groups = [_Group(names=["Traore"]), _Group(names=["Sahel Alliance"])]
    assert [g.names for g in _drop_person_name_parts(groups, people)] == [["Sahel Alliance"]]


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("The White House urged Congress to act on the U.S. budget before the recess.", True),
        ("Bogota's Congress approved the accord; the U.S. ambassador in Colombia and Colombian "
         "officials in Colombia welcomed the vote in Colombia.", False),
    ],
)
def test_entities_congress_is_the_us_congress_only_in_us_context(text: str, qualified: bool) -> None:
    _, orgs, _ = entities(text)
    names = {n for o in orgs for n in (o.name, *o.aliases)}
    assert ("United States Congress" in names) is qualified

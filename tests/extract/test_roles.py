"""Roles read around names: counterparts, shared plural titles, collapsing."""

from __future__ import annotations

from dossier.extract.entities.assemble import extract_entities
from dossier.extract.entities.roles import RoleHit, collapse_roles
from tests.extract.test_entities import parse


def roles_of(text: str, name: str) -> list[str]:
    people, _, _ = extract_entities(parse(text))
    return [r.title for p in people if p.name == name for r in p.roles]


def test_roles_counterpart_resolved_against_the_other_role() -> None:
    text = "Foreign Minister Karl Weber met his Austrian counterpart, Lena Huber, in Vienna on Monday."
    assert roles_of(text, "Lena Huber") == ["Austrian counterpart (foreign minister)"]


def test_roles_plural_title_is_shared_by_the_names_it_lists() -> None:
    text = "The deal was signed in the presence of Prime Ministers Jonas Lind and Erik Dahl."
    assert roles_of(text, "Jonas Lind") == ["Prime Minister"]
    assert roles_of(text, "Erik Dahl") == ["Prime Minister"]


def test_roles_then_marks_a_past_role() -> None:
    text = "Relations soured in 2010, when Ivan Petrov, then Russia's president, visited the islands."
    assert roles_of(text, "Ivan Petrov") == ["former Russia's president"]


def test_roles_collapse_keeps_first_stated_and_former_apart() -> None:
    hits = [RoleHit("Russian President", 0, 17), RoleHit("President", 40, 49),
            RoleHit("foreign minister", 60, 76), RoleHit("former foreign minister", 80, 103)]
    assert [h.title for h in collapse_roles(hits)] == ["Russian President", "foreign minister",
                                                       "former foreign minister"]


def test_roles_after_as_go_to_the_subject_and_its_conjuncts() -> None:
    text = ("The plan puts the ministers in charge, with Deputy Minister Omar Haddad and Sara Klein "
            "acting as special envoys.")
    assert "special envoy" in roles_of(text, "Omar Haddad")
    assert "special envoy" in roles_of(text, "Sara Klein")


def test_roles_shared_plural_description_splits_by_adjective() -> None:
    text = "The Kremlin confirmed the meeting of the Russian and Japanese leaders, Ivan Sokolov and Kenji Sato, in May."
    assert "Russian leader" in roles_of(text, "Ivan Sokolov")
    assert "Japanese leader" in roles_of(text, "Kenji Sato")


def test_roles_hyphenated_title_is_kept_whole() -> None:
    text = "Also present was Maria Rossi, the UN under-secretary-general for political affairs, who spoke briefly."
    assert roles_of(text, "Maria Rossi") == ["UN under-secretary-general for political affairs"]


def test_roles_relative_clause_with_be_states_a_role() -> None:
    text = "Tim Cook, who is Apple's chief executive, said the company would invest more in India."
    assert roles_of(text, "Tim Cook") == ["Apple's chief executive"]


def test_roles_collapse_keeps_the_more_specific_title() -> None:
    hits = [RoleHit("minister", 0, 8), RoleHit("finance minister", 40, 56)]
    assert [h.title for h in collapse_roles(hits)] == ["finance minister"]


def test_roles_appositive_ends_at_a_second_appositive_or_clause() -> None:
    text = ("Nora Quinn, the foreign minister of Tuvalu, who led the island states, said they had been heard. "
            "Liam Walsh, the president of Fianna Nua, the youth wing of a larger party, agreed.")
    assert roles_of(text, "Nora Quinn") == ["foreign minister of Tuvalu"]
    assert roles_of(text, "Liam Walsh") == ["president of Fianna Nua"]


def test_roles_kinship_joined_to_a_role_before_the_name() -> None:
    text = "Her husband and chief of staff, Mark Olsen, who ran the campaign, flew home on Monday."
    assert roles_of(text, "Mark Olsen") == ["husband", "chief of staff"]


def test_roles_kinship_alone_is_not_a_role() -> None:
    text = "His late father, Pierre Dumas, was a banker in Lyon."
    assert roles_of(text, "Pierre Dumas") == []


def test_roles_place_name_word_is_not_trimmed_as_noise() -> None:
    text = "Senator Ann Ortiz, a New Mexico Democrat, opposed the bill."
    assert "New Mexico Democrat" in roles_of(text, "Ann Ortiz")


def test_roles_portfolio_word_before_a_title_is_no_organization() -> None:
    people, orgs, _ = extract_entities(parse("Transportation Secretary Dana Reyes told reporters work would begin."))
    assert [r.title for p in people for r in p.roles] == ["Transportation Secretary"]
    assert "Transportation" not in {o.name for o in orgs}


def test_roles_appointing_verb_gives_the_role_to_its_object() -> None:
    text = "Prime Minister Fumiko Tanaka named Kenji Mori as her chief cabinet secretary on Tuesday."
    assert roles_of(text, "Kenji Mori") == ["chief cabinet secretary"]
    assert roles_of(text, "Fumiko Tanaka") == ["Prime Minister"]


def test_roles_lower_case_institution_word_stays_in_the_title() -> None:
    text = "In Beijing, foreign ministry spokesman Wang Wenbin said China hoped for calm."
    assert roles_of(text, "Wang Wenbin") == ["foreign ministry spokesman"]


def test_roles_acronym_read_as_a_verb_stays_in_the_title() -> None:
    assert roles_of("IAEA chief Rafael Grossi called the situation unsustainable.", "Rafael Grossi") == ["IAEA chief"]


def test_roles_plural_inside_a_complement_is_kept() -> None:
    text = "Gen. Mark Milley, chairman of the Joint Chiefs of Staff, was also there."
    assert "chairman of the Joint Chiefs of Staff" in roles_of(text, "Mark Milley")


def test_roles_then_and_ex_titles_are_former() -> None:
    text = "It was agreed by then-prime minister Boris Johnson and ex-minister Ann Reid in 2019."
    assert roles_of(text, "Boris Johnson") == ["former prime minister"]
    assert roles_of(text, "Ann Reid") == ["former minister"]


def test_roles_role_joined_to_a_description_in_apposition() -> None:
    text = "Senator Ann Ortiz, a New Mexico Democrat and frequent critic of Big Tech, said the pledge was a stunt."
    assert "New Mexico Democrat" in roles_of(text, "Ann Ortiz")

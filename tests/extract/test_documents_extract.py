"""Documents named in an article: one per document across its names, its
date and what the article says it provides."""

from __future__ import annotations

import pytest
from temporal_helpers import parsed

from dossier.extract.temporal.documents import extract_documents, extract_provisions, find_document_mentions
from dossier.model import Document


def documents_of(*paragraphs: str) -> list[Document]:
    adoc = parsed(*paragraphs)
    documents, spans = extract_documents(adoc)
    extract_provisions(adoc, documents, spans)
    return documents


def test_documents_extract_one_document_across_names() -> None:
    docs = documents_of(
        "The 1956 Japan-Soviet joint declaration was an important event.",
        "The 1956 declaration calls for the return of the two smaller islands to Japan after a peace treaty.",
    )
    assert len(docs) == 1
    assert docs[0].date == "1956"
    assert len(docs[0].mentions) == 2


def test_documents_extract_provision_with_cue() -> None:
    (doc,) = documents_of("The 1956 joint declaration calls for the return of the two smaller islands to Japan.")
    assert [p.cue for p in doc.provisions] == ["calls for"]
    assert doc.provisions[0].text == "the return of the two smaller islands to Japan"
    assert doc.provisions[0].where.paragraph == 1


def test_documents_extract_date_written_in_name() -> None:
    (doc,) = documents_of("In the Tokyo Declaration of October 1993, the leaders named all four islands.")
    assert doc.date == "1993-10"
    assert doc.name == "Tokyo Declaration of October 1993"


def test_documents_extract_distinct_documents_stay_apart() -> None:
    docs = documents_of("The Tokyo Declaration of October 1993 built on the 1956 Joint Declaration.")
    assert sorted(d.date or "" for d in docs) == ["1956", "1993-10"]


def test_documents_extract_generic_peace_treaty_is_no_document() -> None:
    assert documents_of("The two countries have never signed a peace treaty.") == []


def test_documents_extract_described_plan() -> None:
    (doc,) = documents_of("Abe handed Putin an eight-point plan for economic cooperation on Friday.")
    assert doc.kind == "plan"
    assert "eight-point plan" in doc.name


def test_documents_extract_treaty_talks_is_no_treaty() -> None:
    assert [m.name for m in find_document_mentions("They revived the treaty talks in April.")] == []


def test_documents_extract_provision_is_the_cue_object() -> None:
    (doc,) = documents_of("Working on the basis of the 1956 Joint Declaration, which provides for the handover of "
                          "two islands after a peace treaty is signed, meant accepting one premise first.")
    assert doc.provisions[0].text == "the handover of two islands after a peace treaty is signed"


def test_documents_extract_negated_provision() -> None:
    (doc,) = documents_of("The San Francisco Peace Treaty did not say to whom the territory would belong.")
    assert doc.provisions[0].cue == "does not say"


def test_documents_extract_statement_on_a_website_is_no_document() -> None:
    assert documents_of("The ministry posted a statement on its website on Monday.") == []


def test_documents_extract_apposition_names_one_document() -> None:
    docs = documents_of("The 2015 nuclear deal, formally known as the Joint Comprehensive Plan of Action, lifted "
                        "sanctions.")
    assert len(docs) == 1
    assert docs[0].name == "Joint Comprehensive Plan of Action"
    assert "2015 nuclear deal" in docs[0].aliases


def test_documents_extract_numbered_resolution() -> None:
    (doc,) = documents_of("The sanctions ended under Security Council Resolution 2231 last year.")
    assert doc.name == "Security Council Resolution 2231"


def test_documents_extract_name_never_spans_a_paragraph_break() -> None:
    names = [m.name for m in find_document_mentions("They met at the Baltic Council.\n\nThe agreement was welcomed.")]
    assert all("\n" not in n for n in names)
    assert "Baltic Council.\n\nThe agreement" not in names


def test_documents_extract_venue_named_after_a_convention_is_no_document() -> None:
    assert find_document_mentions("Delegates gathered at the Lisbon Convention Centre on Monday.") == []


def test_documents_extract_long_title_with_commas_is_one_name() -> None:
    names = [m.name for m in find_document_mentions(
        "They signed the Treaty of Friendship, Trade and Mutual Assistance between the two kingdoms.")]
    assert names == ["Treaty of Friendship, Trade and Mutual Assistance"]
    names = [m.name for m in find_document_mentions("Under the Treaty of Turin and Austria's consent, it ended.")]
    assert names == ["Treaty of Turin"]


def test_documents_extract_agreement_establishing_a_body() -> None:
    docs = documents_of("Ministers signed an agreement establishing the Andean Fisheries Authority (AFA) on Monday.")
    assert [d.name for d in docs] == ["agreement establishing the Andean Fisheries Authority"]


def test_documents_extract_lowercase_protocol_and_accession_protocols() -> None:
    docs = documents_of("They also adopted a protocol on the free transit of goods.",
                        "Their accession protocols go to parliaments next.")
    assert sorted(d.name for d in docs) == ["accession protocols", "protocol on the free transit of goods"]


def test_documents_extract_stated_second_name_is_an_alias() -> None:
    docs = documents_of("What many call the Harbour Agreement and which is formally titled the Valletta Accord "
                        "was signed today.")
    assert len(docs) == 1
    assert {docs[0].name, *docs[0].aliases} == {"Harbour Agreement", "Valletta Accord"}


def test_documents_extract_proper_names_neither_part_of_the_other_stay_apart() -> None:
    docs = documents_of("The Joint Comprehensive Plan of Cooperation was agreed.",
                        "It builds on an interim deal, the Joint Plan of Cooperation, reached in 2013.")
    assert sorted(d.name for d in docs) == ["Joint Comprehensive Plan of Cooperation", "Joint Plan of Cooperation"]


def test_documents_extract_peace_treaties_of_different_parties_stay_apart() -> None:
    docs = documents_of("It follows the Peru-Chile Peace Treaty of 1929.",
                        "Officials compared it with the Peru-Ecuador peace treaty.")
    assert len(docs) == 2


def test_documents_extract_announced_pair_deal_and_possessive_are_no_names() -> None:
    docs = documents_of("Leaders praised the Peru-Chile deal on Monday.", "Chile's agreement to the plan was welcome.")
    assert docs == []


def test_documents_extract_strategy_concept_named() -> None:
    names = [m.name for m in find_document_mentions("Allies adopted a new Strategic Concept, replacing the 2010 one.")]
    assert names == ["Strategic Concept"]


def test_documents_extract_anniversary_day_dates_a_year_only_document() -> None:
    from dossier.extract.temporal.documents import date_documents

    adoc = parsed("The Treaty of Lund of 1679 ended the war.",
                  "Both towns mark Sept. 26, the anniversary of the Lund treaty, with a fair.")
    documents, spans = extract_documents(adoc)
    date_documents(adoc, documents, spans, {})
    assert [d.date for d in documents] == ["1679-09-26"]


def test_documents_extract_lead_unnamed_signing_is_the_document_named_later() -> None:
    docs = documents_of("Twenty ministers signed an agreement on Wednesday in the capital.",
                        "The agreement establishing the Baltic Grid Authority takes effect once ratified.")
    assert [d.name for d in docs] == ["agreement establishing the Baltic Grid Authority"]
    assert [m.where.paragraph for m in docs[0].mentions] == [1, 2]


def test_documents_extract_lead_unnamed_signing_is_not_an_older_named_one() -> None:
    docs = documents_of("Two ministers signed an agreement on Sunday in Lund.",
                        "It replaces the 1995 Harbour Agreement.")
    assert len(docs) == 2


@pytest.mark.parametrize(
    ("sentence", "name", "date"),
    [
        ("Under the government memorandum of Jan. 27, 1960, the handover was put off.",
         "government memorandum of Jan. 27, 1960", "1960-01-27"),
        ("Moscow abandoned the 1941 neutrality treaty with its neighbour.", "1941 neutrality treaty", "1941"),
        ("They will reactivate a security cooperation agreement signed in 2001.", "security cooperation agreement",
         None),
    ],
)
def test_documents_extract_named_by_date_or_qualifier(sentence: str, name: str, date: str | None) -> None:
    (doc,) = documents_of(sentence)
    assert doc.name == name
    if date:
        assert doc.date == date


def test_documents_extract_no_name_across_a_full_stop() -> None:
    names = [m.name for m in find_document_mentions("The talks ended on Wednesday. The agreement was welcomed.")]
    assert all("Wednesday" not in n for n in names)


def test_documents_extract_no_document_from_headline_words() -> None:
    docs = documents_of("Leaders Meet Amid Stalled Peace Treaty", "The leaders met in the capital on Monday.")
    assert docs == []


def test_documents_extract_generic_phrase_is_no_document() -> None:
    docs = documents_of("The ministers failed to reach an agreement on the territorial issues.")
    assert docs == []


def test_documents_extract_no_document_from_a_signing_that_did_not_happen() -> None:
    docs = documents_of("The government said on Thursday that it would not sign a peace treaty before the dispute "
                        "is settled.")
    assert docs == []

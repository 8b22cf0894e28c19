"""Quote extraction, sentence by sentence: every attribution form news copy
uses, on hand-written sentences.  People and organizations are given with
their mentions (every occurrence of the full name or the surname), so these
tests exercise the quote extractor alone, not the entity extractor."""

from __future__ import annotations

import re

import pytest

from dossier.extract.document import ArticleDoc, joined_text
from dossier.extract.nlp import load_nlp
from dossier.extract.quotes.assemble import extract_quotes
from dossier.model import Article, Mention, Organization, Paragraph, Person, Quote, Role

PEOPLE = {"tom-baker": "Tom Baker", "anna-weber": "Anna Weber", "maria-lopez": "Maria Lopez"}
ORGANIZATIONS = {"foreign-ministry": "Foreign Ministry"}
ROLES = {"tom-baker": "Mayor"}


def _mentions(adoc: ArticleDoc, names: list[str]) -> list[Mention]:
    out = []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    for p in adoc.article.paragraphs:
        covered: set[int] = set()
        for m in pattern.finditer(p.text):
            if m.start() in covered:
                continue
            covered.update(range(m.start(), m.end()))
            out.append(Mention(m.group(), adoc.where(adoc.starts[p.number - 1] + m.start(),
                                                     adoc.starts[p.number - 1] + m.end())))
    return out


def quotes_of(*paragraphs: str, mentioned: dict[str, tuple[str, list[str]]] | None = None) -> list[Quote]:
    """Quotes of an article of `paragraphs`; `mentioned` adds people (id ->
    name and the words marked as their mentions) to the usual ones."""
    article = Article(
        id="a", title="Test", path="a.txt", published="2020-05-01",
        paragraphs=[Paragraph(n, text) for n, text in enumerate(paragraphs, 1)],
    )
    adoc = ArticleDoc(article, load_nlp()(joined_text(article)))
    people = [
        Person(id=pid, name=name, mentions=_mentions(adoc, [name, name.split()[-1]]),
               roles=[Role(ROLES[pid], adoc.where(0))] if pid in ROLES else [])
        for pid, name in PEOPLE.items()
    ] + [Person(id=pid, name=name, mentions=_mentions(adoc, words)) for pid, (name, words) in (mentioned or {}).items()]
    orgs = [Organization(id=oid, name=name, mentions=_mentions(adoc, [name])) for oid, name in ORGANIZATIONS.items()]
    return extract_quotes(adoc, [p for p in people if p.mentions], [o for o in orgs if o.mentions])


def direct(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes if q.direct]


@pytest.mark.parametrize(
    ("paragraph", "text", "speaker"),
    [
        ('"We will rebuild the bridge before winter," Maria Lopez said.',
         "We will rebuild the bridge before winter,", "maria-lopez"),
        ("\u201cThe budget is balanced at last,\u201d said Tom Baker.", "The budget is balanced at last,", "tom-baker"),
        ('Tom Baker told reporters: "The budget is balanced for the first time."',
         "The budget is balanced for the first time.", "tom-baker"),
        ('"Every seat counts in this election," Baker told reporters on Friday.',
         "Every seat counts in this election,", "tom-baker"),
        ("\u201cWhy should we wait any longer?\u201d asked Weber.", "Why should we wait any longer?", "anna-weber"),
        ('"We don\'t know yet what it will cost," Weber said.', "We don't know yet what it will cost,",
         "anna-weber"),
        ("Baker said the vote would be close, adding, \u201cEvery single seat counts.\u201d",
         "Every single seat counts.", "tom-baker"),
        ("Baker said the plan was \u201ca fair deal for everyone\u201d and urged a vote.",
         "a fair deal for everyone", "tom-baker"),
        ('The mayor "will not resign over this matter," said Baker, who has led the city since 2019.',
         "will not resign over this matter,", "tom-baker"),
        ("The talks have \u201cno chance of success at all,\u201d according to Anna Weber.",
         "no chance of success at all,", "anna-weber"),
        ("\u2018We won\u2019t back down on this,\u2019 Lopez said.", "We won\u2019t back down on this,", "maria-lopez"),
        ("Speaking to reporters, Lopez called the bridge \u201ca model for the whole region.\u201d",
         "a model for the whole region.", "maria-lopez"),
        ('Weber said the deal was "far from what we wanted" but urged members to back it.',
         "far from what we wanted", "anna-weber"),
    ],
)
def test_quotes_attribution_forms(paragraph: str, text: str, speaker: str) -> None:
    assert direct(quotes_of(paragraph)) == [(text, speaker)]


@pytest.mark.parametrize(
    ("paragraph", "text", "speaker"),
    [
        ('Baker said the city would end what he called "parking wars" downtown.', "parking wars", "tom-baker"),
        ('Weber said the port would close, describing the storms as "truly dangerous" and costly.',
         "truly dangerous", "anna-weber"),
        ('Lopez thanked the council for "keeping the library open," a nod to the budget fight.',
         "keeping the library open,", "maria-lopez"),
        ('Lopez called it "unacceptable" and left the room.', "unacceptable", "maria-lopez"),
        ('Baker accused the board of "hiding costs" from voters.', "hiding costs", "tom-baker"),
        ('Weber said the plan was late and accused the board of "wasting time" again.', "wasting time",
         "anna-weber"),
        ('Lopez said the city would "absolutely not" raise taxes.', "absolutely not", "maria-lopez"),
        ('Baker said the council would "look again" at the plan.', "look again", "tom-baker"),
    ],
)
def test_quotes_short_partial_quote_governed_by_a_speaker_is_a_quote(paragraph: str, text: str, speaker: str) -> None:
    assert direct(quotes_of(paragraph)) == [(text, speaker)]


def test_quotes_hyphenated_surname_subject_is_the_person() -> None:
    found = quotes_of(
        'Okafor-Ellis said the talks were "a first step in the right direction."',
        mentioned={"ngozi-okafor-ellis": ("Ngozi Okafor-Ellis", ["Ellis"])},
    )
    assert direct(found) == [("a first step in the right direction.", "ngozi-okafor-ellis")]


@pytest.mark.parametrize(
    ("paragraph", "text", "speaker"),
    [
        ('"We lost the whole harvest," sighed Maria Lopez.', "We lost the whole harvest,", "maria-lopez"),
        ('Baker posted on social media: "The roads are closed tonight."', "The roads are closed tonight.",
         "tom-baker"),
        ('"Is anyone coming to help us?" wondered her neighbour, Anna Weber.', "Is anyone coming to help us?",
         "anna-weber"),
    ],
)
def test_quotes_manner_verbs_and_inverted_speakers(paragraph: str, text: str, speaker: str) -> None:
    assert direct(quotes_of("The storm hit on Sunday.", paragraph)) == [(text, speaker)]


def test_quotes_speaker_before_an_interrupting_participle() -> None:
    found = quotes_of('City press secretary Anna Weber, asked about the report, said: "I will not guess."')
    assert direct(found) == [("I will not guess.", "anna-weber")]


def test_quotes_pronoun_takes_the_name_set_off_after_a_role_subject() -> None:
    found = quotes_of(
        "Weber spoke first at the harbour.",
        "Weber's counterpart from the Marshall Islands, Maria Lopez, was more emotional. "
        '"We will not pay for this twice," she said.',
    )
    assert direct(found) == [("We will not pay for this twice,", "maria-lopez")]


def test_quotes_paragraph_ending_with_a_colon_introduces_the_next_quote() -> None:
    found = quotes_of(
        "In a televised address on Sunday night, Weber said:",
        '"The storm is not over. Stay where you are."',
    )
    assert direct(found) == [("The storm is not over. Stay where you are.", "anna-weber")]


def test_quotes_split_around_attribution_gives_two_quotes() -> None:
    found = quotes_of('"The port is open again," Baker said. "Ships can dock from Monday."')
    assert direct(found) == [("The port is open again,", "tom-baker"), ("Ships can dock from Monday.", "tom-baker")]


def test_quotes_pronoun_resolves_to_last_subject_not_last_name() -> None:
    found = quotes_of(
        "Mayor Tom Baker said the city would appeal the ruling.",
        "The decision angered residents who had backed a plan drawn up by Anna Weber.",
        "\u201cWe will keep fighting for this city,\u201d he said.",
    )
    assert direct(found) == [("We will keep fighting for this city,", "tom-baker")]


def test_quotes_pronoun_skips_a_subject_of_the_other_gender() -> None:
    found = quotes_of(
        "Ms. Weber said the court had been misled.",
        "Baker rejected the charge on Tuesday.",
        '"The evidence speaks for itself," she said.',
    )
    assert direct(found) == [("The evidence speaks for itself,", "anna-weber")]


def test_quotes_pronoun_prefers_a_subject_of_its_own_paragraph() -> None:
    found = quotes_of(
        "Ms. Weber voted against the plan.",
        "Maria Lopez, who drafted it, took a different view. \u201cNobody gets everything they want,\u201d she said.",
    )
    assert direct(found) == [("Nobody gets everything they want,", "maria-lopez")]


def test_quotes_the_role_noun_names_the_person_holding_that_role() -> None:
    found = quotes_of(
        "Mayor Tom Baker opened the meeting.",
        "Anna Weber spoke next.",
        '"We have a plan for the harbour," the mayor said.',
        '"It will not be cheap," the official added.',
    )
    assert direct(found) == [("We have a plan for the harbour,", "tom-baker"), ("It will not be cheap,", "tom-baker")]


def test_quotes_pronoun_of_parenthetical_attribution_is_not_the_reported_subject() -> None:
    found = quotes_of(
        "Baker told reporters that the budget was ready.",
        "Weber, he added, \u201chas not read a single page of it.\u201d",
    )
    assert direct(found) == [("has not read a single page of it.", "tom-baker")]


def test_quotes_subjects_inside_quotes_are_not_salient() -> None:
    found = quotes_of(
        '"Weber will sign the deal. She has no choice," Baker said.',
        '"It is done," he said.',
    )
    assert [speaker for _, speaker in direct(found)] == ["tom-baker", "tom-baker"]


def test_quotes_wire_style_quote_attributed_before_and_continued() -> None:
    found = quotes_of('Lopez said: "The first stage is done.', '"The second stage starts next week."')
    assert direct(found) == [("The first stage is done. The second stage starts next week.", "maria-lopez")]


def test_quotes_running_over_paragraphs_count_once() -> None:
    found = quotes_of(
        '"The first phase of the work is finished. The second phase starts in May.',
        '"Nobody should expect any delays," Baker said.',
    )
    assert direct(found) == [
        ("The first phase of the work is finished. The second phase starts in May. "
         "Nobody should expect any delays,", "tom-baker"),
    ]
    assert found[0].where.paragraph == 1


def test_quotes_organization_statement_speaks_for_the_ministry() -> None:
    [quote] = quotes_of('"The embassy will reopen next week," the Foreign Ministry said in a statement.')
    assert (quote.speaker, quote.speaker_organization) == (None, "foreign-ministry")
    assert quote.cue == "said in a statement"


def test_quotes_it_said_speaks_for_the_last_organization() -> None:
    found = quotes_of(
        "The Foreign Ministry said in a statement that the embassy would reopen.",
        "\u201cStaff will return on Monday,\u201d it said.",
    )
    assert [(q.text, q.speaker_organization) for q in found if q.direct] == [
        ("Staff will return on Monday,", "foreign-ministry")]


def test_quotes_the_ministry_said_names_the_ministry_last_mentioned() -> None:
    found = quotes_of(
        "Officials at the Foreign Ministry met the ambassador on Monday.",
        '"The meeting was useful," the ministry said.',
    )
    assert [(q.speaker, q.speaker_organization) for q in found if q.direct] == [(None, "foreign-ministry")]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("Baker said that the bridge would reopen in March.", "the bridge would reopen in March"),
        ("Weber said the two cities would share the cost of the repairs.",
         "the two cities would share the cost of the repairs"),
        ("The repairs will take at least two years, Weber told reporters.", "The repairs will take at least two years"),
        ("According to Lopez, the harbour will stay closed until June.", "the harbour will stay closed until June"),
        ("The harbour will stay closed until June, according to Lopez.", "The harbour will stay closed until June"),
    ],
)
def test_quotes_indirect_speech_is_a_statement(paragraph: str, text: str) -> None:
    [quote] = quotes_of(paragraph)
    assert not quote.direct
    assert quote.text == text
    assert quote.speaker in PEOPLE


@pytest.mark.parametrize(
    "paragraph",
    [
        'The islands, which the neighbours call the "Southern Lands," were not discussed.',
        "Baker\u2019s memoir, \u201cStreets of Iron,\u201d was published in 2010.",
        'Baker said he had read "The Long Road" twice.',
        'The sign on the gate read: "No entry."',
        'The so-called "special security operation" continues, officials said.',
        'The plan, known as "the northern corridor project," was approved, Baker said.',
        'Baker launched a fund called "clean harbours" on Monday.',
        'Weber said the "reset" had failed.',
        'Lopez criticised the so-called "quiet deal" in the council.',
    ],
)
def test_quotes_scare_quotes_and_titles_are_not_quotes(paragraph: str) -> None:
    assert direct(quotes_of(paragraph)) == []


def test_quotes_keep_paragraph_and_span() -> None:
    paragraphs = ("The council met on Monday.", 'Afterwards, Lopez said: "The council has decided."')
    [quote] = quotes_of(*paragraphs)
    assert quote.where.paragraph == 2
    assert paragraphs[1][quote.where.start:quote.where.end] == "The council has decided."
    assert quote.date == "2020-05-01"
    assert quote.id == "a-q1"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('"The river is rising fast," Bright Ofori said.', "bright-ofori"),
        ('"We have no more sandbags," said Bright Ofori, a volunteer.', "bright-ofori"),
        ('Councillor Bright Ofori said: "We have no more sandbags."', "bright-ofori"),
    ],
)
def test_quotes_speaker_the_entity_extractor_missed_becomes_a_person(paragraph: str, speaker: str) -> None:
    assert [s for _, s in direct(quotes_of(paragraph))] == [speaker]


def test_quotes_unlisted_speaker_is_not_a_place_or_organization() -> None:
    found = quotes_of('"The port will reopen," the Harbour Authority said.', '"We are ready," London said.')
    assert [s for _, s in direct(found)] == [None, None]


def test_quotes_unlisted_speaker_needs_a_direct_quote_and_no_article() -> None:
    found = quotes_of('The New Charter says "member states shall cooperate" on water.',
                      "Bright Ofori said the water was rising.")
    assert [q.speaker for q in found if q.speaker] == []


def test_quotes_speaker_named_family_name_first() -> None:
    quotes = quotes_of("State television showed the envoys shaking hands with Chen Wei, the foreign minister.",
                       '"This is a victory for dialogue," Chen said.',
                       mentioned={"chen-wei": ("Chen Wei", ["Chen Wei"])})
    assert direct(quotes) == [("This is a victory for dialogue,", "chen-wei")]


def test_quotes_speaker_is_the_one_named_after_and() -> None:
    quotes = quotes_of('Tom Baker summoned the envoy late Tuesday to lodge a protest, and Mayor Anna Weber, attending '
                       'a meeting in the capital, called the visit "reckless, needless and highly provocative."')
    assert [(q.text.rstrip(".\u201d\""), q.speaker) for q in quotes if q.text.startswith("reckless")] == [
        ("reckless, needless and highly provocative", "anna-weber")]

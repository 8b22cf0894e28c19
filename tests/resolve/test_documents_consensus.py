"""A document built from many articles: one line per provision with all its
citations and its other wordings, the fullest well-formed name, and where
and when it was signed."""

from __future__ import annotations

from dossier.model import Article, Briefing, Document, Event, EventReport, Mention, Paragraph, Provenance, Provision
from dossier.resolve.documents import merge_documents, well_formed
from dossier.resolve.events import link_events_to_documents
from dossier.resolve.provisions import consolidate


def provision(article: str, text: str, paragraph: int = 1) -> Provision:
    return Provision(text, Provenance(article, paragraph), "agreed to")


def test_provisions_one_line_per_provision_with_variants_and_every_citation() -> None:
    lines = consolidate([
        provision("c", "hand over the two islands once a peace treaty was signed"),
        provision("a", "hand over the two islands after a peace treaty is signed"),
        provision("b", "transfer the two islands to the other side after a peace treaty is signed"),
        provision("d", "hand over the two islands after a peace treaty is signed", 4),
        provision("a", "restore diplomatic relations", 2),
    ])
    assert len(lines) == 2
    handover, relations = lines
    assert handover.text == "hand over the two islands after a peace treaty is signed"  # two sources word it so
    assert [(w.article, w.paragraph) for w in handover.sources] == [("a", 1), ("b", 1), ("c", 1), ("d", 4)]
    assert {v.text for v in handover.variants} == {
        "hand over the two islands once a peace treaty was signed",
        "transfer the two islands to the other side after a peace treaty is signed",
        "hand over the two islands after a peace treaty is signed",
    }
    assert relations.text == "restore diplomatic relations" and not relations.variants


def test_provisions_order_of_input_does_not_matter() -> None:
    items = [provision("a", "end the state of war"), provision("b", "the state of war ends"),
             provision("c", "support membership of the United Nations")]
    one = consolidate(items)
    other = consolidate(list(reversed(items)))
    assert [(p.text, p.sources) for p in one] == [(p.text, p.sources) for p in other]


def test_document_name_never_crosses_a_sentence_break() -> None:
    assert not well_formed("Japan. The Japan-Soviet Joint Declaration")
    assert well_formed("Japan-Soviet Joint Declaration of 1956")

    def part(article: str, name: str) -> Briefing:
        doc = Document("d", name, "declaration", date="1956", mentions=[Mention(name, Provenance(article, 1))])
        return Briefing(articles=[Article(article, "T", article, [Paragraph(1, "x")])], documents=[doc])

    (merged,) = merge_documents([part("a", "Japan. The Japan-Soviet Joint Declaration"),
                                 part("b", "Japan-Soviet Joint Declaration")], {}, set())
    assert merged.name == "Japan-Soviet Joint Declaration"


def test_document_signed_where_and_when_from_its_signing_event() -> None:
    doc = Document("decl", "Joint Declaration", "declaration", date="1956")
    signing = Event("1956-signing", "Signing of the Joint Declaration", "signing", "1956-10-19", "moscow",
                    reports=[EventReport(Provenance("a", 1), "signed in Moscow on Oct. 19, 1956", "held",
                                         "1956-10-19")], documents=["decl"])
    link_events_to_documents([signing], [doc])
    assert doc.signed_at == "moscow" and doc.date == "1956-10-19" and doc.events == ["1956-signing"]

"""Merging events and documents across articles: one event per happening,
every report kept, differences shown."""

from __future__ import annotations

from dossier.model import Article, Briefing, Document, Event, EventReport, Mention, Paragraph, Provenance, Provision
from dossier.resolve.documents import merge_documents, same_document
from dossier.resolve.events import merge_events


def part(article_id: str, published: str, events: list[Event] = (), documents: list[Document] = ()) -> Briefing:
    article = Article(article_id, "T", f"{article_id}.txt", [Paragraph(1, "x")], published=published)
    return Briefing(articles=[article], events=list(events), documents=list(documents))


def event(eid: str, article: str, date: str, status: str, participants: list[str], kind: str = "talks",
          place: str | None = None, title: str = "Talks") -> Event:
    report = EventReport(Provenance(article, 1), "sentence", status, date, date)
    return Event(eid, title, kind, date, place, participants, status, [report])


def test_events_merge_expected_then_held_keeps_both_reports() -> None:
    parts = [
        part("a", "2016-08-30", [event("e1", "a", "2016-12", "expected", ["putin"], kind="visit", place="japan")]),
        part("b", "2016-12-15", [event("e1", "b", "2016-12-15", "held", ["putin", "abe"], place="nagato",
                                       title="Abe–Putin talks")]),
    ]
    id_map: dict[tuple[str, str], str] = {}
    merged = merge_events(parts, id_map, set())
    assert len(merged) == 1
    (ev,) = merged
    assert ev.date == "2016-12-15"
    assert ev.status == "held"
    assert [r.status for r in ev.reports] == ["expected", "held"]
    assert any("status" in n for n in ev.notes)
    assert id_map[("a", "e1")] == id_map[("b", "e1")] == ev.id


def test_events_merge_different_days_stay_apart() -> None:
    parts = [
        part("a", "2016-05-07", [event("e", "a", "2016-05-06", "held", ["putin", "abe"])]),
        part("b", "2016-09-03", [event("e", "b", "2016-09-02", "held", ["putin", "abe"])]),
    ]
    assert len(merge_events(parts, {}, set())) == 2


def test_events_merge_needs_shared_people_or_place() -> None:
    parts = [
        part("a", "2019-01-22", [event("e", "a", "2019-01-22", "held", ["putin", "abe"])]),
        part("b", "2019-01-22", [event("e", "b", "2019-01-22", "held", ["lavrov", "kono"])]),
    ]
    assert len(merge_events(parts, {}, set())) == 2


def test_events_merge_year_fitting_several_events_stays_apart() -> None:
    parts = [
        part("a", "2016-05-07", [event("e", "a", "2016-05-06", "held", ["putin", "abe"])]),
        part("b", "2016-09-03", [event("e", "b", "2016-09-02", "held", ["putin", "abe"])]),
        part("c", "2016-08-30", [event("e", "c", "2016", "expected", ["putin", "abe"])]),
    ]
    assert len(merge_events(parts, {}, set())) == 3


def doc(did: str, article: str, name: str, date: str | None = None, provision: str | None = None) -> Document:
    provisions = [Provision(provision, Provenance(article, 1), "calls for")] if provision else []
    return Document(did, name, "declaration", date=date, provisions=provisions,
                    mentions=[Mention(name, Provenance(article, 1))])


def test_documents_merge_one_entity_across_names() -> None:
    parts = [
        part("a", "2016-08-30", documents=[doc("d1", "a", "1956 Japan-Soviet joint declaration", "1956", "return")]),
        part("b", "2018-11-16", documents=[doc("d1", "b", "Soviet-Japanese Joint Declaration of 1956", "1956-10-19")]),
        part("c", "2019-01-22", documents=[doc("d1", "c", "1956 declaration", "1956", "handover")]),
    ]
    id_map: dict[tuple[str, str], str] = {}
    merged = merge_documents(parts, id_map, set())
    assert len(merged) == 1
    (d,) = merged
    assert d.date == "1956-10-19"
    assert [p.text for p in d.provisions] == ["return", "handover"]
    assert d.articles == ["a", "b", "c"]
    assert {id_map[(a, "d1")] for a in "abc"} == {d.id}


def test_documents_merge_conflicting_years_stay_apart() -> None:
    assert not same_document(doc("x", "a", "Tokyo Declaration", "1993"), doc("y", "b", "Tokyo Declaration", "2003"))
    assert not same_document(doc("x", "a", "Tokyo Declaration", "1993-10"), doc("y", "b", "1956 declaration", "1956"))

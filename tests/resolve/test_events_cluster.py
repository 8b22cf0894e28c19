"""Events resolved across the corpus: one entry per real happening however
the articles word or date it, different happenings kept apart, and a result
that depends neither on the order of the files nor on copies of them."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from dossier.export import briefing_to_json
from dossier.model import Briefing
from dossier.resolve.cluster import Report, cluster_reports

FIVE_WAYS = Path(__file__).parent / "fixtures" / "five_ways"
ARTICLES = sorted(p for p in FIVE_WAYS.glob("*.md") if p.name != "README.md")


@pytest.fixture(scope="module")
def five_ways() -> Briefing:
    from dossier.pipeline import build_briefing

    return build_briefing(ARTICLES)


def _meetings(briefing: Briefing) -> list:
    return [e for e in briefing.events if e.kind in ("talks", "summit", "meeting")]


def test_events_cluster_one_meeting_reported_five_ways_is_one_entry(five_ways: Briefing) -> None:
    lisbon = [e for e in _meetings(five_ways) if e.date and e.date.startswith("2021-03")]
    assert len(lisbon) == 1
    (event,) = lisbon
    assert event.articles == [p.stem for p in ARTICLES]
    assert event.date == "2021-03-03"
    assert event.status == "held"
    assert event.title.endswith("talks in Lisbon")
    assert event.id == "2021-" + event.title.lower().replace("–", "-").replace(" ", "-")
    assert {r.status for r in event.reports} >= {"expected", "held"}


def test_events_cluster_same_people_a_month_apart_are_two_entries(five_ways: Briefing) -> None:
    meetings = _meetings(five_ways)
    dates = sorted(e.date or "" for e in meetings)
    assert dates == ["2021-03-03", "2021-04-07"]
    assert len({frozenset(e.participants) for e in meetings}) == 1


def test_events_cluster_shuffled_file_order_gives_identical_output(five_ways: Briefing) -> None:
    from dossier.pipeline import build_briefing

    shuffled = list(ARTICLES)
    random.Random(7).shuffle(shuffled)
    assert shuffled != ARTICLES
    assert briefing_to_json(build_briefing(shuffled)) == briefing_to_json(five_ways)


def test_events_cluster_copies_add_no_entries(five_ways: Briefing, tmp_path: Path) -> None:
    from dossier.pipeline import build_briefing

    for copy in ("a", "b", "c"):
        for path in ARTICLES:
            shutil.copy(path, tmp_path / f"{copy}-{path.name}")
    copied = build_briefing([tmp_path])
    assert len(copied.events) == len(five_ways.events)
    assert sorted(e.title for e in copied.events) == sorted(e.title for e in five_ways.events)


def report(article: str, date: str, people: set[str], place: str | None = None, kind: str = "talks",
           text: str = "talks") -> Report:
    return Report(kind, date, frozenset(people), place, frozenset(), text, article, sentences=frozenset([text]))


def test_cluster_vague_report_fitting_two_events_joins_neither() -> None:
    reports = [
        report("a", "2016-05-06", {"x", "y"}, "sochi", text="talks in the resort"),
        report("b", "2016-09-02", {"x", "y"}, "vladivostok", text="talks at the forum"),
        report("c", "2016", {"x", "y"}, "moscow-region", text="talks"),
        report("d", "2016", {"x", "y"}, text="talks the two leaders hold"),
    ]
    clusters = cluster_reports(reports).clusters
    assert [0] in clusters and [1] in clusters


def test_cluster_reports_of_one_article_stay_apart_unless_told_twice() -> None:
    apart = [report("a", "2016-05-06", {"x", "y"}, "sochi", text="talks on the first day"),
             report("a", "2016-05-07", {"x", "y"}, "sochi", text="talks on the second day")]
    assert cluster_reports(apart).clusters == [[0], [1]]
    one_sentence = Report("talks", "2016-05-06", frozenset({"x", "y"}), "sochi", frozenset(), "talks in Sochi", "a",
                          sentences=frozenset(["X met Y in Sochi on May 6 and in May."]))
    twice = [one_sentence, Report("talks", "2016-05", frozenset({"x"}), "sochi", frozenset(), "talks in Sochi", "a",
                                  sentences=one_sentence.sentences)]
    assert cluster_reports(twice).clusters == [[0], [1]]
    told_again = [one_sentence, Report("talks", "2016-05", frozenset({"x"}), "sochi", frozenset(), "talks in Sochi",
                                       "a", sentences=frozenset(["Their talks in Sochi in May went well."]))]
    assert cluster_reports(told_again).clusters == [[0, 1]]


def test_cluster_exact_copies_are_one_group_whatever_the_order() -> None:
    base = [report(f"a{i}", "2019-01-22", {"x", "y"}, "moscow", text="talks in Moscow on the treaty")
            for i in range(4)]
    base.append(report("b", "2019-01", {"x"}, "moscow", text="talks in Moscow"))
    base.append(report("c", "2019-02-14", {"x", "y"}, "munich", text="talks in Munich"))
    first = cluster_reports(base).clusters
    order = list(range(len(base)))
    random.Random(3).shuffle(order)
    shuffled = cluster_reports([base[i] for i in order]).clusters
    assert sorted(sorted(order[i] for i in c) for c in shuffled) == sorted(first)
    assert sorted(first) == [[0, 1, 2, 3, 4], [5]]


def test_cluster_places_that_exclude_each_other_stay_apart() -> None:
    reports = [report("a", "2016-12-15", {"x", "y"}, "nagato"), report("b", "2016-12-15", {"x", "y"}, "tokyo")]
    assert len(cluster_reports(reports, lambda a, b: a == b).clusters) == 2


def test_events_cluster_page_name_stays_when_an_article_is_added(five_ways: Briefing) -> None:
    from dossier.pipeline import build_briefing

    fewer = build_briefing([p for p in ARTICLES if not p.name.startswith("03-")])
    before = {e.date: e.id for e in _meetings(fewer)}
    after = {e.date: e.id for e in _meetings(five_ways)}
    assert before == after


def test_cluster_second_day_of_a_visit_is_its_own_event() -> None:
    reports = [
        report("a", "2016-12-15", {"x", "y"}, "nagato", text="talks at a hot-spring inn"),
        report("b", "2016-12-15", {"x", "y"}, "nagato", text="talks at the inn on the first day"),
        report("c", "2016-12-16", {"x", "y"}, "tokyo", text="talks in the capital on the second day"),
        report("d", "2016-12-15/2016-12-16", {"x", "y"}, text="talks during the two-day visit"),
    ]
    clusters = cluster_reports(reports, lambda a, b: a == b).clusters
    assert [0, 1] in clusters and [2] in clusters and [3] in clusters


def test_cluster_refused_links_are_kept_for_review() -> None:
    reports = [report("a", "2016-05-06", {"x", "y"}, "sochi"), report("b", "2016-05-20", {"x", "y"}, "moscow"),
               report("c", "2016-05", {"x", "y"}),
               report("d", "2016-05-06", {"x", "y"}, "sochi", text="talks in the resort")]
    clustering = cluster_reports(reports, lambda a, b: a == b)
    assert clustering.clusters == [[0, 3], [1], [2]]
    assert clustering.weakest[0] is not None and clustering.weakest[0] >= 1.0
    refused = {frozenset((a[0], b[0])): why for a, b, _, why in clustering.refused}
    assert refused[frozenset((0, 2))] == refused[frozenset((1, 2))] == "fits several events"

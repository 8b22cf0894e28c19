"""Citations as a reader sees them: separated, one per paragraph, copies cited
by the article they copy."""

from __future__ import annotations

from dossier.changes.compare import Change
from dossier.model import Provenance
from dossier.render.environment import make_environment

LABELS = {"kept": "S1", "other": "S2", "kept-copy": "S1"}


def render(source: str, **context: object) -> str:
    env = make_environment()
    return env.from_string(source).render(source_labels=LABELS, page_path="whats-new.md", entities={}, **context)


def test_citations_of_a_copy_and_its_article_are_cited_once_at_the_article() -> None:
    wheres = [Provenance("kept-copy", 8), Provenance("other", 2), Provenance("kept", 8), Provenance("kept", 8, 5, 9)]
    assert render("{{ wheres|cite_all }}", wheres=wheres) == (
        "[S1&nbsp;¶8](sources/kept.md#p8), [S2&nbsp;¶2](sources/other.md#p2)")


def test_whats_new_line_separates_its_citations_from_the_text_and_each_other() -> None:
    change = Change("events", "new", "e1", "events/e1.md", "Armenia returns a district", detail="scheduled",
                    after="2020-11-20", cites=[Provenance("kept", 8), Provenance("other", 3)])
    line = render('{% include "pages/partials/change_line.md.j2" %}', change=change)
    assert line.strip().endswith(
        "20 November 2020 [S1&nbsp;¶8](sources/kept.md#p8), [S2&nbsp;¶3](sources/other.md#p3)")


def test_a_limit_cites_the_first_paragraphs_and_counts_the_rest() -> None:
    wheres = [Provenance("other", 2), Provenance("kept", 8), Provenance("kept", 3), Provenance("kept-copy", 8)]
    assert render("{{ wheres|cite_all(2) }}", wheres=wheres) == (
        "[S1&nbsp;¶3](sources/kept.md#p3), [S1&nbsp;¶8](sources/kept.md#p8) and 1 more paragraph")
    assert render("{{ wheres|cite_all(3) }}", wheres=wheres) == render("{{ wheres|cite_all }}", wheres=wheres)


def test_a_provision_worded_alike_by_many_sources_is_one_wording_with_its_citations() -> None:
    from dossier.render.filters import wordings

    class Variant:
        def __init__(self, text: str, article: str) -> None:
            self.text, self.where = text, Provenance(article, 1)

    variants = [Variant("hand over two islands", "kept"), Variant("return two islands", "other"),
                Variant("hand over two islands", "kept-copy"), Variant("transfer two islands", "kept")]
    assert wordings(variants, "transfer two islands") == [
        ("hand over two islands", [Provenance("kept", 1), Provenance("kept-copy", 1)]),
        ("return two islands", [Provenance("other", 1)]),
    ]

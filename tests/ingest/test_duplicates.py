"""Near-duplicate articles: MinHash + LSH finds copies of one story, keeps one
of them whatever the file order, and leaves different stories that share a
quoted paragraph apart."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np

from dossier.ingest import minhash
from dossier.ingest.duplicates import CopiedProvenance, align_paragraphs, find_duplicates
from dossier.model import Article, Paragraph, Provenance

STORY = [
    "The harbour authority of Valdemar agreed on Tuesday to lease its northern container terminal to a "
    "consortium of three shipping lines for twenty-five years, ending months of talks.",
    "Under the agreement the consortium will invest about 400 million euros in new cranes and a rail link, "
    "and the authority keeps a seat on the board that runs the terminal.",
    "\"This is the largest investment the port has seen since it was rebuilt,\" said Maria Lindqvist, who "
    "chairs the authority, at a news conference in the old customs house.",
    "Unions had warned that automation would cost jobs. The consortium promised to keep every dock worker "
    "employed for at least ten years and to train two hundred apprentices.",
    "Opposition councillors said the lease was too long and asked for the contract to be published in full "
    "before the city council votes on it next month.",
    "The terminal handled 1.2 million containers last year, a quarter of the port's traffic, and traffic is "
    "expected to double by the end of the decade once the rail link opens.",
    "Shipping analysts said the deal would make Valdemar a rival to the larger ports further south, which "
    "have struggled with congestion since the pandemic.",
]
SHARED_QUOTE = (
    "\"We will not accept any agreement that puts the jobs of our members at risk, whatever the investors "
    "promise today and whatever the council decides next month,\" the dock workers' union said in a statement."
)
OTHER_STORY = [
    "The city council of Ostberg voted on Wednesday to close two of its four public swimming pools for "
    "repairs, after inspectors found cracks in the roofs of both buildings.",
    "The pools will stay shut for at least eighteen months. Schools that use them for lessons will be offered "
    "places at the remaining pools, with free buses for the pupils.",
    "Residents had collected eleven thousand signatures against the closures, and dozens of them protested "
    "outside the town hall while the council debated the plan.",
    "The repairs are expected to cost 30 million euros, which the council will borrow over twenty years.",
]


def article(aid: str, paragraphs: list[str], *, title: str = "Port lease agreed", published: str | None = None,
            source: str | None = None) -> Article:
    return Article(
        aid, title, f"articles/{aid}.txt", [Paragraph(n, t) for n, t in enumerate(paragraphs, 1)],
        published=published, source=source,
    )


def test_duplicates_exact_copy_is_set_aside() -> None:
    found = find_duplicates([article("b-copy", STORY), article("a-story", STORY)])
    assert [a.id for a in found.articles] == ["a-story"]
    assert [(c.id, c.duplicate_of) for c in found.copies] == [("b-copy", "a-story")]
    assert found.similarity["b-copy"] == 1.0


def test_duplicates_syndicated_copy_with_small_edits() -> None:
    edited = [
        "VALDEMAR (Wire) - " + STORY[0],  # a dateline added
        *STORY[1:4],
        STORY[4].replace("next month", "in March"),  # a word changed
        # a paragraph cut, a sentence added at the end
        STORY[6], "Reporting by a staff correspondent; editing by the news desk.",
    ]
    found = find_duplicates([
        article("wire", edited, title="Shipping lines win terminal lease", published="2024-03-06",
                source="Wire"),
        article("paper", STORY, published="2024-03-05", source="Paper"),
    ])
    assert [a.id for a in found.articles] == ["paper"]  # the earlier one is kept
    assert found.copies[0].duplicate_of == "paper"
    assert 0.5 <= found.similarity["wire"] < 1.0


def test_duplicates_copy_reworded_in_every_paragraph() -> None:
    """A wire story rewritten lightly throughout by the outlet that runs it."""
    reworded = [
        STORY[0].replace("on Tuesday", "this week").replace("ending months", "after months"),
        STORY[1].replace("about", "roughly").replace("keeps", "will keep"),
        STORY[2].replace("said Maria Lindqvist, who chairs", "Maria Lindqvist, the chair of"),
        STORY[3].replace("Unions had", "Trade unions have").replace("at least", "no fewer than"),
        STORY[5].replace("last year", "in 2023").replace("expected", "forecast"),
        STORY[6].replace("Shipping analysts said", "Analysts say").replace("larger", "bigger"),
    ]
    found = find_duplicates([article("kept", STORY), article("reworded", reworded, title="Terminal leased")])
    assert [(c.id, c.duplicate_of) for c in found.copies] == [("reworded", "kept")]
    assert found.similarity["reworded"] < 0.6


def test_duplicates_longest_copy_is_kept_and_dated_by_its_copies() -> None:
    """The longer copy holds more facts, whichever was published first; when
    it is undated, it takes the earliest date of its copies."""
    found = find_duplicates([
        article("cut", STORY[:-1], published="2024-03-06"), article("full", STORY, published="2024-03-07"),
    ])
    assert [a.id for a in found.articles] == ["full"] and found.articles[0].published == "2024-03-07"
    found = find_duplicates([
        article("cut", STORY[:-1], published="2024-03-06"), article("full", STORY, published="2024-03-05"),
        article("undated", [*STORY, "More words in a closing paragraph of the undated copy."]),
    ])
    kept = found.articles[0]
    assert kept.id == "undated" and kept.published == "2024-03-05" and kept.date_inferred
    assert kept.date_evidence and "articles/full.txt" in kept.date_evidence


def test_duplicates_shared_quoted_paragraph_is_not_a_duplicate() -> None:
    port = article("port", [*STORY[:3], SHARED_QUOTE, *STORY[3:5]])
    pools = article("pools", [OTHER_STORY[0], SHARED_QUOTE, *OTHER_STORY[1:]], title="Pools to close")
    found = find_duplicates([port, pools])
    assert sorted(a.id for a in found.articles) == ["pools", "port"]
    assert not found.copies


def test_duplicates_do_not_depend_on_file_order() -> None:
    articles = [
        article("s1", STORY, published="2024-03-05"),
        article("s2", STORY[:-1], published="2024-03-05"),  # same day, shorter
        article("s3", STORY),  # undated
        article("o1", OTHER_STORY, title="Pools"),
        article("o2", OTHER_STORY, title="Pools"),
    ]
    expected = None
    for seed in range(6):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        found = find_duplicates(shuffled)
        result = (sorted(a.id for a in found.articles), [(c.id, c.duplicate_of) for c in found.copies])
        expected = expected or result
        assert result == expected
    assert expected == (["o1", "s1"], [("o2", "o1"), ("s2", "s1"), ("s3", "s1")])


def test_duplicates_empty_articles_are_not_copies_of_each_other() -> None:
    found = find_duplicates([article("x", [""]), article("y", [""])])
    assert len(found.articles) == 2


def test_minhash_estimate_is_close_to_exact_jaccard() -> None:
    words = minhash.words(" ".join(STORY))
    half = words[: len(words) // 2] + minhash.words(" ".join(OTHER_STORY))
    a, b = minhash.shingle_hashes(words), minhash.shingle_hashes(half)
    exact = minhash.jaccard(a, b)
    estimate = minhash.estimated_jaccard(minhash.signature(a), minhash.signature(b))
    assert 0.1 < exact < 0.6
    assert abs(estimate - exact) < 0.15


def test_minhash_signature_is_the_same_in_every_process() -> None:
    """No salted hash: another process with another hash seed gives the same signature."""
    code = ("from dossier.ingest import minhash; "
            "print(minhash.signature(minhash.shingle_hashes('one two three four five six'.split())).tolist())")
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    ]
    here = minhash.signature(minhash.shingle_hashes("one two three four five six".split()))
    assert here.dtype == np.uint32 and here.shape == (minhash.NUM_PERM,)
    assert runs[0] == runs[1] == f"{here.tolist()}\n"


def test_duplicates_paragraphs_aligned_across_edits() -> None:
    kept = article("k", STORY)
    copy = article("c", ["Dateline line.", STORY[0], STORY[1].replace("about", "roughly"), *STORY[3:]])
    numbers = align_paragraphs(kept, copy)
    assert numbers[1] == 2 and numbers[2] == 3 and numbers[4] == 4 and 3 not in numbers


def test_duplicates_facts_are_located_in_each_copy() -> None:
    kept = article("k", STORY)
    copy = article("c", ["Dateline line.", *STORY[:2], STORY[2].replace("Maria Lindqvist", "the chair")])
    copy.duplicate_of = "k"
    copied = CopiedProvenance([kept], [copy])
    start = STORY[1].index("400 million")
    assert copied.mirror(Provenance("k", 2, start, start + 11), "400 million") == [
        Provenance("c", 3, start, start + 11)
    ]
    name = STORY[2].index("Maria Lindqvist")
    assert copied.mirror(Provenance("k", 3, name, name + 15), "Maria Lindqvist") == []  # the copy cut the name
    assert copied.mirror(Provenance("k", 6, 0, 3), "The") == []  # the copy has no such paragraph


def test_duplicates_check_notes_each_copy(tmp_path: Path) -> None:
    from dossier.ingest.checks import check_articles, report_lines

    body = "\n\n".join(STORY)
    (tmp_path / "port.txt").write_text(f"Port lease agreed\n\nPort lease agreed\n\n{body}\n", encoding="utf-8")
    (tmp_path / "wire.txt").write_text(f"Terminal leased\n\nTerminal leased\n\n{body}\n", encoding="utf-8")
    report = check_articles([tmp_path])
    lines = report_lines(report, cwd=tmp_path)
    assert report.ok and len(report.result.articles) == 2
    assert any("wire.txt: note: near-duplicate of" in line and "port.txt" in line for line in lines), lines


def test_duplicates_short_texts_sharing_a_sentence_are_not_copies() -> None:
    a = article("a", ["The first of two notes on the same subject. The minister spoke."])
    b = article("b", ["The second of two notes on the same subject. The ambassador spoke."])
    c = article("c", ["The first of two notes on the same subject. The minister spoke."])
    found = find_duplicates([a, b, c])
    assert sorted(x.id for x in found.articles) == ["a", "b"] and [x.id for x in found.copies] == ["c"]

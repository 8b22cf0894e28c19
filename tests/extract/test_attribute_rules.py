"""The attribute rules looked up by token instead of matched: the same
matches as spaCy's own AttributeRuler, rule kinds it handles and kinds it
leaves to the Matcher alike."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from dossier.extract.attribute_rules import RuleIndex
from dossier.extract.document import joined_text
from dossier.extract.nlp import load_nlp, parseable
from dossier.ingest import find_article_files, read_article

RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "talks"}]], "attrs": {"LEMMA": "talk"}},
    {"patterns": [[{"LOWER": {"IN": ["is", "was"]}, "TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not"}},
    {"patterns": [[{"DEP": {"IN": ["nsubj", "dobj"]}}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"DEP": "ROOT", "LOWER": "met"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP"}},
    {"patterns": [[{"LOWER": "peace"}, {"LOWER": "treaty"}]], "attrs": {"LEMMA": "treaty"}, "index": 1},
    {"patterns": [[{"TAG": "NN", "LOWER": "talks"}], [{"TAG": "VBD"}]], "attrs": {"LEMMA": "either"}},
    {"patterns": [[{"LOWER": "talks", "IS_TITLE": True}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # a later rule wins
]


def _doc(nlp: spacy.language.Language) -> Doc:
    words = ["Talks", "on", "the", "peace", "treaty", "were", "n't", "held", ";", "\n", "talks", "is", "what",
             "they", "met", "for", "and", "was", "not"]
    tags = ["NN", "IN", "DT", "NN", "NN", "VBD", "RB", "VBN", ":", "_SP", "NN", "VBZ", "WP", "PRP", "VBD", "IN",
            "CC", "NN", "RB"]
    deps = ["nsubjpass", "prep", "det", "compound", "pobj", "auxpass", "neg", "ROOT", "punct", "dep", "nsubj",
            "ROOT", "attr", "nsubj", "ROOT", "prep", "cc", "conj", "neg"]
    heads = [7, 0, 4, 4, 1, 7, 7, 7, 7, 7, 11, 11, 11, 14, 11, 14, 11, 11, 17]
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


def test_attribute_rules_same_matches_as_the_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    index = RuleIndex(ruler)
    assert len(index.simple) == 8 and index.rest == 3  # both ways are exercised
    doc = _doc(nlp)
    expected = type(ruler).match(ruler, doc)
    assert expected  # the rules do match this text
    assert index(doc) == expected
    assert index(doc) == expected  # from what it remembered
    assert index(nlp.make_doc("")) == type(ruler).match(ruler, nlp.make_doc("")) == []


def test_attribute_rules_sets_the_same_attributes() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(RULES)
    plain = ruler(_doc(nlp))
    ruler.match = RuleIndex(ruler)  # type: ignore[method-assign]
    indexed = ruler(_doc(nlp))
    for a, b in zip(plain, indexed, strict=True):
        assert (a.tag_, a.pos_, a.lemma_, str(a.morph)) == (b.tag_, b.pos_, b.lemma_, str(b.morph))


def test_attribute_rules_model_rules_on_news() -> None:
    """The model's own rules, on every article kept in the repository."""
    nlp = load_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.match, RuleIndex)
    root = Path(__file__).resolve().parents[2]
    paths = find_article_files([root / "seeds", root / "tests" / "heldout", root / "tests" / "realnews"])
    texts = [parseable(joined_text(read_article(p, p.stem))) for p in paths if not p.stem.upper().startswith("README")]
    assert len(texts) > 20
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for doc in nlp.pipe(texts):
            assert ruler.match(doc) == type(ruler).match(ruler, doc)

"""The model's attribute rules, matched faster with the same result.

spaCy's `AttributeRuler` (part of the English pipelines: it maps tags to
parts of speech and morphology, and fixes some lemmas) tries each of its
rules at each token with a `Matcher`: about a sixth of the pipeline's time on
news text.  Almost every rule looks at one token only (its lower-case form,
tag, dependency label, whether it is a space), so which of them match a
token depends on those four values alone: `RuleIndex` works that out once per
combination and remembers it.  The few rules that span several tokens, or
test something else, still go through a `Matcher`.  The matches, and so
what the ruler sets, are the ones the ruler's own `match` returns.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

Match = tuple[int, int, int, int]  # (rule number, rule key, start, end), as AttributeRuler.match gives them
# The token attributes a one-token rule may test here, in the order of the key.
KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
# Distinct combinations remembered at most (a few MB); then the memory starts again.
MAX_KEYS = 200_000


Test = tuple[int, str, Any]  # (position in the key, operator, argument)


def _test(position: int, spec: object) -> Test | None:
    """A test of one attribute's value as the Matcher makes it, or None if
    the spec is one this module does not handle."""
    if isinstance(spec, str | bool):
        return (position, "==", spec)
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return (position, op, frozenset(arg))
        if op == "REGEX" and isinstance(arg, str):
            return (position, op, re.compile(arg))
    return None


def _passes(test: Test, values: tuple[str, str, str, bool]) -> bool:
    position, op, arg = test
    value = values[position]
    if op == "==":
        return value == arg
    if op == "IN":
        return value in arg
    if op == "NOT_IN":
        return value not in arg
    return arg.search(value) is not None


def _one_token_rule(rule: dict[str, Any]) -> list[Test] | None:
    """The tests of a rule made of one pattern of one token that looks only
    at `KEY_ATTRS`, else None."""
    patterns = rule["patterns"]
    if len(patterns) != 1 or len(patterns[0]) != 1:
        return None
    tests: list[Test] = []
    for attr, spec in patterns[0][0].items():
        if attr not in KEY_ATTRS or (attr == "IS_SPACE") != isinstance(spec, bool):
            return None
        test = _test(KEY_ATTRS.index(attr), spec)
        if test is None:
            return None
        tests.append(test)
    return tests


class RuleIndex:
    """`AttributeRuler.match` for `ruler`, with the one-token rules looked
    up by the token's attributes instead of matched."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.matcher import Matcher

        self.strings = ruler.vocab.strings
        self.array_attrs = [LOWER, TAG, DEP, IS_SPACE]
        self.simple: list[tuple[int, int, list[Test]]] = []
        self.matcher = Matcher(ruler.vocab)
        self.rest = 0
        self.matched: set[int] = set()  # the rules left to the Matcher
        for number, rule in enumerate(ruler.patterns):
            key = self.strings.add(str(number))
            tests = _one_token_rule(rule)
            if tests is None:
                self.matcher.add(str(number), rule["patterns"])
                self.matched.add(number)
                self.rest += 1
            else:
                self.simple.append((number, key, tests))
        # Each one-token rule filed under the tag it requires, else the word, else with the others: a
        # token is tested against the rules filed under its tag and word and the others only.
        self.by_value: dict[tuple[int, str], list[tuple[int, int, list[Test]]]] = {}
        self.others: list[tuple[int, int, list[Test]]] = []
        for rule in self.simple:
            required = [(position, arg) for position, op, arg in rule[2] if op == "==" and position in (0, 1)]
            if required:
                self.by_value.setdefault(max(required, key=lambda r: r[0]), []).append(rule)
            else:
                self.others.append(rule)
        self.known: dict[tuple[int, int, int, int], tuple[tuple[int, int], ...]] = {}

    def _rules_for(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, int], ...]:
        lower, tag, dep, space = key
        values = (self.strings[lower], self.strings[tag] if tag else "", self.strings[dep] if dep else "",
                  bool(space))
        candidates = [*self.by_value.get((0, values[0]), []), *self.by_value.get((1, values[1]), []), *self.others]
        return tuple(sorted((number, rule_key) for number, rule_key, tests in candidates
                            if all(_passes(test, values) for test in tests)))

    def __call__(self, doc: Doc) -> list[Match]:
        known = self.known
        if len(known) > MAX_KEYS:
            known.clear()
        # Matches grouped by rule, each group in token order: the order AttributeRuler.match sorts them in.
        found: dict[int, list[Match]] = {}
        if len(doc):
            for i, key in enumerate(zip(*doc.to_array(self.array_attrs).T.tolist(), strict=True)):
                rules = known.get(key)
                if rules is None:
                    rules = known[key] = self._rules_for(key)
                for number, rule_key in rules:
                    group = found.get(number)
                    if group is None:
                        group = found[number] = []
                    group.append((number, rule_key, i, i + 1))
        if self.rest:
            for rule_key, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
                number = int(self.strings[rule_key])
                found.setdefault(number, []).append((number, rule_key, start, end))
        out: list[Match] = []
        for number in sorted(found):
            group = found[number]
            out.extend(sorted(group) if number in self.matched else group)
        return out


def index_attribute_rules(ruler: AttributeRuler) -> None:
    """Have `ruler` find its matches through a `RuleIndex`."""
    ruler.match = RuleIndex(ruler)  # type: ignore[method-assign]

"""The words news copy uses to attribute speech ("said", "told reporters",
"adding", "according to"), as inflected forms so no lemmatizer is needed."""

from __future__ import annotations


def _inflect(base: str) -> set[str]:
    """base, -s, -ed and -ing forms of a regular verb."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_REGULAR = (
    "add", "acknowledge", "affirm", "announce", "answer", "argue", "assert", "caution", "claim", "comment",
    "complain", "conclude", "concede", "confirm", "continue", "counter", "declare", "deny", "emphasise",
    "emphasize", "exclaim", "explain", "insist", "joke", "maintain", "mention", "note", "observe", "pledge",
    "point", "predict", "promise", "protest", "recall", "recount", "reiterate", "remark", "repeat", "reply",
    "respond", "retort", "state", "stress", "suggest", "testify", "tweet", "urge", "vow", "warn", "ask",
    "call", "describe",  # 'called the plan "a model for Europe"'
    # how it was said: '"We lost everything," sighed Gonzalez'
    "sigh", "wonder", "shout", "yell", "whisper", "plead", "scoff", "laugh", "lament", "boast", "muse", "post",
    "concur", "interject", "chuckle", "grumble", "mutter", "marvel", "gush", "thunder", "scream", "reason",
    "assure", "advise", "inform",
)
_IRREGULAR = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "writing", "written"},
    "admit": {"admit", "admits", "admitted", "admitting"},
    "quip": {"quip", "quips", "quipped", "quipping"},
    "cry": {"cry", "cries", "cried", "crying"},
    "snap": {"snap", "snaps", "snapped", "snapping"},
    "beg": {"beg", "begs", "begged", "begging"},
}

SPEECH_VERBS: frozenset[str] = frozenset(
    {form for base in _REGULAR for form in _inflect(base)} | {f for forms in _IRREGULAR.values() for f in forms}
)

# Verbs that report what someone said without quoting it, when they take a
# clause ("Panov said that ..."): the indirect-speech cues.
INDIRECT_VERBS: frozenset[str] = frozenset(
    {form for base in (
        "add", "acknowledge", "announce", "argue", "assert", "claim", "concede", "confirm", "declare", "deny",
        "emphasise", "emphasize", "explain", "insist", "maintain", "note", "predict", "recall", "reiterate",
        "reply", "state", "stress", "suggest", "warn",
    ) for form in _inflect(base)}
    | _IRREGULAR["say"] | _IRREGULAR["tell"] | _IRREGULAR["admit"]
)

# "according to X", "in the words of X": the speaker follows a preposition.
ACCORDING = "according"

# Nouns for a statement an organization issues ("the ministry said in a statement").
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "release", "announcement", "post", "letter"})

# Verbs that describe or judge in someone's words: a partial quote that is their
# object or complement is that person's quotation ('thanked him for "keeping
# the door open"', 'called it "unacceptable"', 'accused them of "stalling"').
# Only used for quotes inside a sentence, never to find a sentence's speaker.
DESCRIBING_VERBS: frozenset[str] = frozenset(
    {form for base in (
        "call", "describe", "term", "label", "brand", "characterise", "characterize", "thank", "praise",
        "accuse", "criticise", "criticize", "condemn", "welcome", "hail", "dismiss", "denounce", "blame",
        "commend", "decry", "deride", "applaud", "credit", "fault", "warn", "vow", "pledge", "promise",
        "urge", "ask", "demand",
    ) for form in _inflect(base)}
    | {"slam", "slams", "slammed", "slamming", "dub", "dubs", "dubbed", "dubbing", "labelled", "labelling"}
)

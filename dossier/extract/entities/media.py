"""News media named in the text: "according to Meridian", "told Tidewire",
"Harbor Press reported", "the Baltwire news agency".

The recognizer often calls an agency a person.  A one-word name that is
never given a first name or a role, and that stands where the text
attributes a report (the object of "according to" or "told", the subject of
"reported", "quoted", "cited"), is a news organization; so is a name ending
in a media word ("Press", "News").  Photo credits ("Tidewire Pool Photo")
are neither people nor organizations of the story."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from dossier.extract.tokens import token_table

# Last words that make a capitalised name a news organization, not a person.
MEDIA_WORDS = frozenset({"press", "news", "agency", "times", "post", "tv", "television", "radio", "newswire",
                         "wire", "daily", "gazette", "herald", "tribune", "journal", "broadcasting", "shimbun"})
# Words of a photo credit, never of a person's name.
CREDIT_WORDS = frozenset({"photo", "photos", "pool", "images", "handout", "photographer"})
# Verbs whose subject, in news copy, is typically a medium reporting.
REPORTING_VERBS = frozenset({"report", "quote", "cite", "broadcast", "publish", "carry"})
REPORTING_STEMS = ("report", "quot", "cite", "citi", "broadcast", "publish", "carr")


def is_credit(span: Span) -> bool:
    """"Tidewire Pool Photo", "Agency Photo": the words of a photo credit."""
    return any(t.lower_ in CREDIT_WORDS for t in span)


def ends_in_media_word(span: Span) -> bool:
    """"Harbor Press", "Meridian News": a name whose last word is a media word."""
    words = [t for t in span if not t.is_punct]
    return len(words) >= 2 and words[-1].lower_ in MEDIA_WORDS and words[-1].is_title


def in_attribution_slot(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] stands where the text attributes a report
    to a source: "according to X", "told X", "in an interview with X",
    "X reported", "X quoted an official"."""
    lower = token_table(doc).lower
    if start >= 2 and lower[start - 1] in {"to", "with"} and lower[start - 2] in {"according", "interview"}:
        return True
    if start >= 1 and lower[start - 1] in {"told", "tell", "tells", "telling"}:
        return doc[start - 1].pos_ in {"VERB", "AUX"}
    # "X reported": only where a reporting verb follows closely is the parse read.
    if not any(lower[k].startswith(REPORTING_STEMS) for k in range(end, min(end + 3, len(lower)))):
        return False
    root = doc[start:end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in REPORTING_VERBS and root.head.i >= end

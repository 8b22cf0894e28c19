"""Token attributes read once per parsed doc.

Every `Token` spaCy hands out is a new Python object; rules that scan the
whole doc for a word ("as", "prefecture", a surname) read these plain
lists instead and build `Token`s only where they hit."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

KEY = "dossier.token_table"


@dataclass(slots=True, frozen=True)
class TokenTable:
    lower: list[str]
    text: list[str]
    title: list[bool]  # capitalised word ("Abe", "Prime")
    ent_type: list[str]
    pos: list[str]

    def find(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indices of the tokens whose lower-case form is in `words`."""
        return [i for i, w in enumerate(self.lower) if w in words]


def token_table(doc: Doc) -> TokenTable:
    table = doc.user_data.get(KEY)
    if table is None:
        lower, text, title, ent_type, pos = [], [], [], [], []
        for t in doc:
            lower.append(t.lower_)
            text.append(t.text)
            title.append(t.is_title)
            ent_type.append(t.ent_type_)
            pos.append(t.pos_)
        table = TokenTable(lower, text, title, ent_type, pos)
        doc.user_data[KEY] = table
    return table

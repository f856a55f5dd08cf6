"""Word tokens over normalised text, and the clitic-stripped forms a lexicon may match.

Arabic glues conjunctions, prepositions and the article to the next word (وبالرقة);
``forms`` lists what such a token can stand for so lexicons list each word once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+", re.UNICODE)


class Token(NamedTuple):  # a tuple: reports have thousands of tokens, built fast
    text: str
    start: int  # offsets into the NORMALISED text
    end: int

    @property
    def is_digit(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def forms(word: str) -> tuple[str, ...]:
    """The word and what remains after stripping و/ف, then ب/ل/ك, then ال (longest first)."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w[0] in "بلك":
        if w.startswith("لل") and len(w) > 4:
            out.append("ال" + w[2:])
        w = w[1:]
        out.append(w)
    if len(w) > 4 and w.startswith("ال"):
        out.append(w[2:])
    return tuple(dict.fromkeys(out))

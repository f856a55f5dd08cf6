"""Arabic normalisation that remembers where every character came from.

Matching runs on a normalised copy (no diacritics or tatweel, one alef, ي for ى,
ه for ة, ASCII digits); evidence must point into the original, so the copy keeps an
offset map: ``offsets[i]`` is the index in the original of normalised character i.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Deleted: tatweel, harakat, superscript alef, Quranic marks, zero-width and bidi controls.
_DROP = {0x0640, 0x0670, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF}
_DROP.update(range(0x064B, 0x0660))
_DROP.update(range(0x06D6, 0x06EE))

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "،": "،",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _MAP[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _MAP[_d] = str(_i)

_DROP_RE = re.compile("[" + "".join(chr(cp) for cp in sorted(_DROP)) + "]+")
_TABLE: dict[int, str | None] = {cp: None for cp in _DROP}
_TABLE.update({ord(k): v for k, v in _MAP.items()})
_TABLE.update({cp: chr(cp + 32) for cp in range(ord("A"), ord("Z") + 1)})


@dataclass(frozen=True)
class NormText:
    text: str
    offsets: Sequence[int]  # len(text) + 1 entries; last is len(original)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text back to the original."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        # up to the next kept character: marks written on the last letter belong to it
        return self.offsets[start], self.offsets[end]


def normalise_word(word: str) -> str:
    """Normalise a lexicon entry the same way report text is normalised."""
    return " ".join(word.translate(_TABLE).split())


def normalise(text: str) -> NormText:
    norm = text.translate(_TABLE)
    if len(norm) == len(text):
        return NormText(norm, range(len(text) + 1))
    keep: list[int] = []
    prev = 0
    for m in _DROP_RE.finditer(text):
        keep.extend(range(prev, m.start()))
        prev = m.end()
    keep.extend(range(prev, len(text) + 1))
    return NormText(norm, keep)

"""Counts written in digits, number words, vague words and hedges.

Returns the lowest reliable figure (``low``) and, where the text bounds it, the highest
(``high``), following ACLED: "more than 20" is 21; "at least 21" is 21; "about 40" is 40;
vague words are coded by the data file's convention and flagged ``vague``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.lang import LanguageData
from marsad.tokens import Token

_MAX_COUNT = 10_000_000  # a war's toll can be 500,000; a larger number is not a count


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int  # token index of the first token (modifier included)
    end: int  # exclusive
    low: int | None
    high: int | None
    vague: bool = False


def parse_number(tokens: Sequence[Token], i: int, lang: LanguageData) -> tuple[int, int] | None:
    """A single number at token i: (value, end index) for digits or number words."""
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok.is_digit:
        text = tok.text.replace(",", "")
        value: float | int = float(text) if "." in text else int(text)
        end = i + 1
        if end < len(tokens):
            m = lang.number_words.match_at(tokens, end)
            if m is not None and m.payload[0] == "thousands" and \
                    not tokens[end].text.startswith(lang.conj):
                return int(value * 1000), m.end
        if isinstance(value, float):
            return None
        return value, end
    total = 0
    current = 0
    j = i
    seen = False
    while j < len(tokens):
        m = lang.number_words.match_at(tokens, j)
        if m is None:
            break
        group, value = m.payload
        word = tokens[j].text
        # "وعشرون" continues a number; "واحد" merely starts with the same letter
        joined = word.startswith(lang.conj) and word not in lang.conj_exceptions
        if seen and not joined and not (group == "units" and word in lang.teen_suffix) \
                and group != "thousands":
            break
        if group == "units" and word in lang.teen_suffix and seen and 0 < current < 10:
            current += 10
        elif group == "thousands":
            total += (current or 1) * value if value == 1000 else value
            current = 0
        else:
            current += value
        seen = True
        j = m.end
    if not seen:
        return None
    return total + current, j


def parse_quantity(tokens: Sequence[Token], i: int, lang: LanguageData) -> Quantity | None:
    """A count starting at token i, with any hedge before it ('more than', 'about', 'between')."""
    if i >= len(tokens):
        return None
    start = i
    kind = None
    mod = lang.modifiers.match_at(tokens, i)
    if mod is not None:
        kind = mod.payload
        i = mod.end
    vague = lang.vague.match_at(tokens, i)
    if vague is not None:
        return Quantity(start, vague.end, vague.payload, None, True)
    num = parse_number(tokens, i, lang)
    if num is None:
        return None
    value, end = num
    if value <= 0 or value > _MAX_COUNT:
        return None
    low: int | None = value
    high: int | None = value
    if kind == "gt":
        low, high = value + 1, None
    elif kind == "min":
        high = None
    elif kind == "lt":
        low, high = None, value - 1
    elif kind == "upto":
        low, high = None, value
    elif kind in ("between", None) and end + 1 < len(tokens):
        joiner = tokens[end].text
        if joiner in lang.range_joiners:
            second = parse_number(tokens, end + 1, lang)
            if second is not None and value < second[0] <= 3 * value + 10 and (
                    kind == "between" or joiner != lang.conj):
                high, end = second[0], second[1]
    if end < len(tokens):
        post = lang.post_modifiers.match_at(tokens, end)
        if post is not None and post.payload == "min":
            high = None
    return Quantity(start, end, low, high, False)

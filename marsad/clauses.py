"""Sentences and clauses: the units events are read from.

A line break ends a sentence unless the line plainly goes on ("أكثر من 90" / "عنصر");
inside a sentence, discourse openers (كما، فيما، في حين، وبحسب …) start a new clause,
since Arabic news packs several strikes into one long sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.lang import LanguageData
from marsad.tokens import Token

_ENDERS = set(".!?؟;؛")
_TITLE_MAX_TOKENS = 25


@dataclass(frozen=True, slots=True)
class Clause:
    index: int
    lo: int  # token range [lo, hi)
    hi: int
    sentence: int
    title: bool = False  # a headline: it repeats the body, it adds no new event by itself
    dateline: bool = False  # a short line near the top that only carries a date


def _boundary(gap: str, prev: Token, lang: LanguageData) -> tuple[bool, bool]:
    """(sentence ends here, it ended at a line break without punctuation)."""
    if any(ch in _ENDERS for ch in gap) or "//" in gap:
        return True, False
    if "\n" in gap:
        if prev.text in lang.line_joiners or prev.is_digit:
            return False, False
        return True, True
    return False, False


def _list_item(tokens: Sequence[Token], k: int, text: str, lang: LanguageData) -> bool:
    """"…، وثلاثة آخرون في …": after a comma, or after a village named with its cue word,
    the conjunction and a count open the next item of a list of tolls. ("…، وأصيب …" is
    not split: it usually goes on with the same event, and a clause with no new place is
    joined back to it anyway.)"""
    gap = text[tokens[k - 1].end:tokens[k].start]
    if "،" not in gap and "," not in gap and not any(
            lang.settlement_cues.match_at(tokens, j) is not None for j in range(k - 3, k - 1)):
        # "تسعة مدنيين في قرية بليون وأربعة مدنيين في قرية البارة": a count after a
        # village named with its cue word opens the next item too
        return False
    word = tokens[k].text
    if word == lang.conj:
        return k + 1 < len(tokens) and (tokens[k + 1].is_digit
                                        or lang.number_words.starts(tokens[k + 1].text))
    if _toll_verb_item(tokens, k, lang) and any(
            lang.settlement_cues.match_at(tokens, j) is not None for j in range(k - 3, k - 1)):
        return True  # "… بمدينة تعز، وقتل 13 آخرين … بمحافظة مأرب": the next place's toll
    return word.startswith(lang.conj) and lang.number_words.starts(word)


def _verb_after_comma(tokens: Sequence[Token], k: int, text: str, lang: LanguageData) -> bool:
    """"…، وطالت الغارات كذلك بلدة مسرابا": a verb of striking glued to و after a comma,
    with a town's cue word after it, opens a clause of its own (another place hit is
    another event)."""
    gap = text[tokens[k - 1].end:tokens[k].start]
    word = tokens[k].text
    if not (("،" in gap or "," in gap) and word.startswith(lang.conj)
            and word[len(lang.conj):] in lang.clause_verbs):
        return False
    # only when it names a town of its own: otherwise it goes on with the same strike
    return any(lang.settlement_cues.match_at(tokens, j) is not None
               for j in range(k + 1, min(k + 6, len(tokens))))


def _toll_verb_item(tokens: Sequence[Token], k: int, lang: LanguageData) -> bool:
    """"وقتل 13": a death verb glued to the conjunction, then a count."""
    word = tokens[k].text
    if not word.startswith(lang.conj) or k + 1 >= len(tokens):
        return False
    verb = lang.casualty.match_at([Token(word[len(lang.conj):], 0, 0)], 0)
    nxt = tokens[k + 1].text
    return verb is not None and verb.payload == "killed" and (
        tokens[k + 1].is_digit or lang.number_words.starts(nxt))


def split_clauses(tokens: Sequence[Token], text: str, lang: LanguageData) -> list[Clause]:
    if not tokens:
        return []
    sentences: list[tuple[int, int, bool]] = []  # lo, hi, ended by a bare line break
    lo = 0
    for k in range(1, len(tokens)):
        gap = text[tokens[k - 1].end:tokens[k].start]
        if gap == " ":
            continue
        ends, bare = _boundary(gap, tokens[k - 1], lang)
        if ends:
            sentences.append((lo, k, bare))
            lo = k
    tail = text[tokens[-1].end:]
    sentences.append((lo, len(tokens), "\n" in tail or not tail.strip()))

    clauses: list[Clause] = []
    body_started = False
    for s, (lo, hi, bare) in enumerate(sentences):
        n = hi - lo
        top = s < 3 and not body_started
        dateline = top and n <= 8 and any(t.is_digit and len(t.text) == 4 for t in tokens[lo:hi])
        title = top and bare and n <= _TITLE_MAX_TOKENS and not dateline and s == 0
        if not title and not dateline:
            body_started = True
        start = lo
        for k in range(lo + 1, hi):
            m = lang.clause_openers.match_at(tokens, k)
            if m is None and k - start >= 3 and (_list_item(tokens, k, text, lang)
                                                 or _verb_after_comma(tokens, k, text, lang)):
                m = True
            if m is not None and k - start >= 3:
                clauses.append(Clause(len(clauses), start, k, s, title, dateline))
                start = k
        clauses.append(Clause(len(clauses), start, hi, s, title, dateline))
    return clauses

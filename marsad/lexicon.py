"""Phrase lookup over tokens: the one matching mechanism every language file goes through.

A phrase is a sequence of normalised words; a word ending in ``*`` matches any word that
starts with it. The first word may carry clitics (see :func:`marsad.tokens.forms`).
At each position the longest phrase wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.normalise import normalise_word
from marsad.tokens import Token, forms

_CACHE_MAX = 100_000


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    payload: Any
    surface: str  # the matched normalised phrase


class Lexicon:
    def __init__(self, entries: Iterable[tuple[str, Any]]):
        self._exact: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._prefix: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._prefix_lengths: set[int] = set()
        self._cache: dict[str, tuple] = {}
        self.size = 0
        for phrase, payload in entries:
            words = tuple(normalise_word(phrase).replace("-", " - ").split())
            if not words:
                continue
            self.size += 1
            head = words[0]
            if head.endswith("*"):
                key = head[:-1]
                self._prefix.setdefault(key, []).append((words, payload))
                self._prefix_lengths.add(len(key))
            else:
                self._exact.setdefault(head, []).append((words, payload))
        for table in (self._exact, self._prefix):
            for cands in table.values():
                cands.sort(key=lambda c: -len(c[0]))

    @staticmethod
    def _word_ok(pattern: str, word: str) -> bool:
        if pattern.endswith("*"):
            return word.startswith(pattern[:-1])
        return pattern == word

    def _candidates(self, form: str) -> list[tuple[tuple[str, ...], Any]]:
        exact = self._exact.get(form)
        if not self._prefix_lengths:
            return exact or []
        cands = list(exact or ())
        for n in self._prefix_lengths:
            if len(form) >= n:
                more = self._prefix.get(form[:n])
                if more:
                    cands.extend(more)
        return cands

    def _heads(self, word: str) -> tuple:
        """(form, candidates) for each form of a word that can start a phrase; memoised,
        since news vocabulary repeats and this runs for every token of every lexicon."""
        hit = self._cache.get(word)
        if hit is None:
            hit = tuple((f, c) for f in forms(word) if (c := self._candidates(f)))
            if len(self._cache) > _CACHE_MAX:
                self._cache.clear()
            self._cache[word] = hit
        return hit

    def starts(self, word: str) -> bool:
        """Can a phrase of this lexicon start at this word? (cheap: one dict lookup)"""
        hit = self._cache.get(word)
        return bool(hit if hit is not None else self._heads(word))

    def match_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        """The longest phrase starting at token i; None there or past the end of the text."""
        if i >= len(tokens):
            return None
        hit = self._cache.get(tokens[i].text)
        if hit is None:
            hit = self._heads(tokens[i].text)
        if not hit:
            return None
        best: Match | None = None
        for form, cands in hit:
            for words, payload in cands:
                n = len(words)
                if best is not None and n <= best.end - best.start:
                    continue
                if i + n > len(tokens):
                    continue
                if n > 1 and not all(self._word_ok(words[k], tokens[i + k].text)
                                     for k in range(1, n)):
                    continue
                if words[0].endswith("*") and not form.startswith(words[0][:-1]):
                    continue
                best = Match(i, i + n, payload, " ".join(words))
        return best

    def find(self, tokens: Sequence[Token], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Non-overlapping longest matches, left to right, within tokens[lo:hi]."""
        hi = len(tokens) if hi is None else hi
        out: list[Match] = []
        cache = self._cache
        i = lo
        while i < hi:
            text = tokens[i].text
            hit = cache.get(text)
            if hit is None:
                hit = self._heads(text)
            if not hit:
                i += 1
                continue
            m = self.match_at(tokens, i)
            if m is not None and m.end <= hi:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out

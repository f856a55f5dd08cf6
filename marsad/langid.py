"""Is this report Arabic? Persian, Urdu and Kurdish share the script, so counting Arabic
letters is not enough: letters only those languages use (پ، گ، ی، ے …) decide."""

from __future__ import annotations

from marsad.lang import load


def detect(text: str) -> str:
    """'ar', a code from lang/ar/language.json's foreign letters, 'und' (other script or empty)."""
    lang = load("ar")
    arabic_script = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters or arabic_script < 0.3 * letters:
        return "und"
    arabic_only = sum(text.count(ch) for ch in lang.arabic_only)
    best, best_n = "ar", 0
    for code, chars in lang.foreign_letters.items():
        n = sum(text.count(ch) for ch in chars)
        if n > best_n:
            best, best_n = code, n
    if best_n > arabic_only:
        return best
    return "ar"

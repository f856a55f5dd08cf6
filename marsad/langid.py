"""Is this report Arabic? Persian, Urdu and Kurdish share the script, so counting Arabic
letters is not enough: letters only those languages use (پ، گ، ی، ے …) decide."""

from __future__ import annotations

import re

from marsad.lang import load

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_SAMPLE = 4000


def detect(text: str) -> str:
    """'ar', another language code from lang/ar/language.json, or 'und' (another script, empty)."""
    lang = load("ar")
    text = text[:_SAMPLE]  # the first few thousand characters are enough to tell
    arabic_script = len(_ARABIC_SCRIPT.findall(text))
    letters = len(_LETTER.findall(text))
    if not letters or arabic_script < 0.3 * letters:
        return "und"
    for code, letters, min_count in lang.distinct_scripts:
        if sum(text.count(ch) for ch in letters) >= min_count:
            return code
    code, letters = lang.shared_script
    arabic_only = sum(text.count(ch) for ch in lang.arabic_only)
    if sum(text.count(ch) for ch in letters) > arabic_only:
        return code
    return "ar"

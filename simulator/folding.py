"""The one way text is compared: lower case, accents removed, punctuation as single spaces."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
KEPT_CHARACTERS = 4096  # distinct characters whose transliteration is remembered


class _Transliteration(dict):
    """unidecode's replacement of each character, remembered as characters are met.

    unidecode replaces a text character by character, each on its own (its `_unidecode`), so
    `text.translate(table)` gives the same string as `unidecode(text)`, without a Python call per
    character. Bounded: past KEPT_CHARACTERS distinct characters the others are worked out anew.
    """

    def __missing__(self, code: int) -> str:
        replacement = unidecode(chr(code))
        if len(self) < KEPT_CHARACTERS and not 0xD800 <= code <= 0xDFFF:  # a surrogate warns
            self[code] = replacement
        return replacement


_TRANSLITERATION = _Transliteration()


def ascii_text(text: str) -> str:
    """unidecode(text): accents and other letters as ASCII."""
    return text if text.isascii() else text.translate(_TRANSLITERATION)


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: the form every comparison uses."""
    return _NON_WORD.sub(" ", ascii_text(text).lower()).strip()


def padded(text: str) -> str:
    """The folded text between single spaces, so that `f" {word} " in padded(text)` finds whole
    words."""
    return f" {fold(text)} "

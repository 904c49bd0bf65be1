"""The one way text is compared: lower case, accents removed, punctuation as single spaces."""

from __future__ import annotations

import re

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces: the form every comparison uses."""
    return _NON_WORD.sub(" ", unidecode(text).lower()).strip()


def padded(text: str) -> str:
    """The folded text between single spaces, so that `f" {word} " in padded(text)` finds whole
    words."""
    return f" {fold(text)} "

"""Folding as grading does it: simulator.folding's, each text's fold remembered.

Grading a call folds the same texts again and again: each trainee line in the tone signals, the
politeness and the checks, each caller line for what the caller already knows, the scenario's
keywords and note terms at every call's end. The fold is a pure function of the text, so it is
remembered, for a bounded number of texts (FOLDS_KEPT, least recently used forgotten first).
"""

from __future__ import annotations

from functools import lru_cache

from simulator import folding

FOLDS_KEPT = 2048


@lru_cache(maxsize=FOLDS_KEPT)
def fold(text: str) -> str:
    """simulator.folding.fold(text), remembered."""
    return folding.fold(text)


def padded(text: str) -> str:
    """The folded text between single spaces (simulator.folding.padded)."""
    return f" {fold(text)} "

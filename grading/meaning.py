"""Matching written notes on meaning rather than letter for letter, in French and English.

A hand-over note item or a ticket keyword is found when the note says it in other words: a
paraphrase of the same idea (a concept below), the other language, or another spelling. A note
that names a different thing of the same kind ("network cable" for a USB cable) contradicts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from grading.folded import fold
from simulator.lazy_import import lazy
from simulator.translation import NC_

wordfreq = lazy("wordfreq")  # its word lists load on first use, not with the app


@dataclass(frozen=True)
class Concept:
    """One idea and the ways a note may say it (folded phrases and regular expressions)."""

    name: str
    phrases: tuple[str, ...]
    patterns: tuple[str, ...] = ()

    def said_in(self, folded: str) -> bool:
        """Whether a folded, space-padded text says this idea."""
        return any(f" {p} " in folded for p in self.phrases) or any(
            re.search(p, folded) for p in self.patterns
        )


_TIME = r"\b\d{1,2} ?(?:h|heures?)? ?\d{2}\b|\b\d{1,2} ?(?:am|pm|h)\b"
CONCEPTS = (
    Concept(
        "when_started",
        (
            "since this morning",
            "since yesterday",
            "since last night",
            "since monday",
            "this morning",
            "yesterday",
            "started at",
            "starting at",
            "ten past nine",
            "depuis ce matin",
            "depuis hier",
            "depuis lundi",
            "ce matin",
            "hier soir",
            "a commence",
            "depuis",
            "since",
        ),
        (_TIME,),
    ),
    Concept(
        "scope",
        (
            "whole team",
            "whole department",
            "whole floor",
            "all users",
            "everyone",
            "every user",
            "all colleagues",
            "colleagues too",
            "only this user",
            "only the user",
            "tout le service",
            "toute l equipe",
            "tout l etage",
            "tous les utilisateurs",
            "tous les collegues",
            "collegues aussi",
            "seulement lui",
            "seulement elle",
            "uniquement ce poste",
        ),
        (r"\b\d+ (?:users|utilisateurs|people|personnes|colleagues|collegues)\b",),
    ),
)

# Things of one kind that are not interchangeable: naming another one contradicts the truth.
EXCLUSIVE = (
    {
        "usb": ("usb",),
        "network": ("network cable", "ethernet", "rj45", "cable reseau", "lan cable"),
        "power": ("power cable", "power cord", "cable d alimentation", "cordon d alimentation"),
        "hdmi": ("hdmi",),
        "displayport": ("displayport", "dp"),
        "vga": ("vga",),
    },
)
KIND_LABELS = {
    "usb": NC_("cable kind", "USB"),
    "network": NC_("cable kind", "network"),
    "power": NC_("cable kind", "power"),
    "hdmi": NC_("cable kind", "HDMI"),
    "displayport": NC_("cable kind", "DisplayPort"),
    "vga": NC_("cable kind", "VGA"),
}


def concepts_of(terms: Iterable[str]) -> list[Concept]:
    """The concepts some of `terms` express (an item listing "9:10" is about when it started)."""
    folded = [f" {fold(t)} " for t in terms]
    return [c for c in CONCEPTS if any(c.said_in(t) for t in folded)]


def says(note: str, terms: Iterable[str]) -> bool:
    """Whether `note` says one of `terms`, literally (accents and case aside) or in other words."""
    return says_in(f" {fold(note)} ", terms)


def says_in(folded: str, terms: Iterable[str]) -> bool:
    """`says` of a note already folded and padded (`f" {fold(note)} "`)."""
    terms = list(terms)
    if any(f" {fold(x)} " in folded for x in terms if fold(x)):
        return True
    return any(c.said_in(folded) for c in concepts_of(terms))


def contradiction(note: str, truth: Iterable[str]) -> tuple[str, str] | None:
    """(what the note names, what it should be) when the note names the wrong thing of a kind."""
    folded = f" {fold(note)} "
    expected = f" {' '.join(fold(t) for t in truth)} "
    for kinds in EXCLUSIVE:
        right = {k for k, words in kinds.items() if any(f" {w} " in expected for w in words)}
        if len(right) != 1:
            continue
        named = [k for k, words in kinds.items() if any(f" {w} " in folded for w in words)]
        wrong = [k for k in named if k not in right]
        if wrong and not (set(named) & right):
            return wrong[0], next(iter(right))
    return None


def in_language(words: Iterable[str], locale: str) -> list[str]:
    """`words` without their other-language twins ("câble" and "cable" → the one of `locale`)."""
    kept: dict[str, str] = {}
    for w in words:
        key = fold(w)
        if key not in kept or _score(w, locale) > _score(kept[key], locale):
            kept[key] = w
    return list(kept.values())


def _score(word: str, locale: str) -> float:
    other = "en" if locale == "fr" else "fr"
    return wordfreq.zipf_frequency(word, locale) - wordfreq.zipf_frequency(word, other)

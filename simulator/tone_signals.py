"""What a trainee's wording says about tone, in French and English.

Used by the engine (the caller reacts: jargon confuses a novice, "calm down" angers anyone) and by
grading (the tone findings). Pure functions over text; word rarity comes from `wordfreq`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from simulator.folding import padded
from simulator.jargon import EXTENDED_JARGON, JARGON
from simulator.lazy_import import lazy
from simulator.translation import lang

wordfreq = lazy("wordfreq")  # its word lists load on the first tone check, not with the app

__all__ = ["EXTENDED_JARGON", "JARGON", "ToneSignals", "jargon_terms", "signals"]

EXPLAINERS = {
    "en": (
        "that is",
        "which is",
        "which means",
        "meaning",
        "i e",
        "in other words",
        "basically",
        "the thing that",
        "it s the",
        "that s the",
        "a kind of",
        "like a",
        "ie",
    ),
    "fr": (
        "c est a dire",
        "autrement dit",
        "qui permet",
        "c est ce qui",
        "en gros",
        "c est le",
        "c est la",
        "une sorte de",
        "comme un",
        "comme une",
        "soit",
    ),
}
BLAME = {
    "en": (
        "you should have",
        "you shouldn t have",
        "obviously",
        "as i already said",
        "as i said",
        "i already told you",
        "it s your fault",
        "your own fault",
        "didn t you read",
        # "how many times do I have to say it" blames; "how many times has it locked?" asks
        "how many times do i",
        "how many times have i",
        "how many times must i",
        "how many more times",
        "you must have broken",
        "any idiot",
        "that s basic",
        "you need to learn",
    ),
    "fr": (
        "vous auriez du",
        "vous n auriez pas du",
        "evidemment",
        "comme je vous l ai dit",
        "comme je l ai dit",
        "je vous l ai deja dit",
        "c est de votre faute",
        "c est votre faute",
        "vous n avez pas lu",
        "combien de fois je",
        "combien de fois faut il",
        "combien de fois dois je",
        "combien de fois il faut",
        "c est basique",
        "c est pourtant simple",
        "n importe qui sait",
    ),
}
CALM_DOWN = {
    "en": ("calm down", "chill out", "calm yourself"),
    "fr": ("calmez vous", "du calme", "restez calme", "detendez vous", "calme toi"),
}
PROFANITY = {
    "en": ("damn", "shit", "fuck", "crap", "bloody", "bullshit", "wtf"),
    "fr": ("merde", "putain", "bordel", "connard", "chier", "con", "fait chier"),
}
POLITE = {
    "en": ("please", "thank you", "thanks", "could you", "would you", "would you mind"),
    "fr": (
        "s il vous plait",
        "svp",
        "merci",
        "pourriez vous",
        "voudriez vous",
        "je vous prie",
        "auriez vous",
        "je vous remercie",
    ),
}
_TU = re.compile(r"\b(tu|toi|ton|ta|tes|t as|t es|te)\b")


def _has(folded: str, phrases: tuple[str, ...] | set[str]) -> list[str]:
    return [p for p in phrases if f" {p} " in folded]


@lru_cache(maxsize=4096)
def _rare(word: str, locale: str) -> bool:
    # 4.0 keeps "dns", "cache", "ping" (IT words a novice does not use) and drops everyday words
    # that are also IT terms ("port", "driver", "pilote").
    return wordfreq.zipf_frequency(word, locale) < 4.0


@dataclass(frozen=True)
class ToneSignals:
    """What one trainee utterance shows about its tone."""

    jargon: tuple[str, ...]
    explained: tuple[str, ...]
    blame: tuple[str, ...]
    calm_down: bool
    shouting: bool
    profanity: tuple[str, ...]
    polite: bool
    familiar_tu: bool


def jargon_terms(
    text: str,
    locale: str,
    known: str = "",
    extended: bool = False,
    folded: str | None = None,
    known_folded: str | None = None,
) -> tuple[list[str], list[str]]:
    """(unexplained jargon, explained jargon) in `text`: curated IT terms that are rare words; with
    `extended`, every field's terms, rare abbreviations and bare shortcuts too. A term in `known`
    (what the caller said or reads on their screen) is not jargon. `folded` and `known_folded`
    are `padded(text)` and `padded(known)` when the caller has them already."""
    folded = padded(text) if folded is None else folded
    found = list(_terms_in(text, locale, extended))
    if known_folded is None:
        known_folded = padded(known) if known else ""
    found = [t for t in found if f" {t} " not in known_folded]
    found += shortcuts(text) if extended else []
    explained = [
        t for t in found if _explained(folded, t, locale) or f"{t} (" in unidecode(text).lower()
    ]
    return [t for t in found if t not in explained], explained


@lru_cache(maxsize=4096)
def _terms_in(text: str, locale: str, extended: bool) -> tuple[str, ...]:
    """The jargon a line uses, before what the caller knows is taken out: a function of the line
    alone, so remembered (grading reads every trainee line of a call again at its end)."""
    folded = padded(text)
    terms = EXTENDED_JARGON[locale] if extended else JARGON[locale]
    found = [t for t in sorted(terms) if f" {t} " in folded]
    found = [t for t in found if " " in t or _rare(t, locale)]
    if extended:
        found += [a for a in rare_acronyms(text, locale) if a not in found]
    return tuple(t for t in found if not any(t != o and f" {t} " in f" {o} " for o in found))


_SHORTCUT = re.compile(
    r"\b(?:win(?:dows)?|ctrl|alt|shift|cmd|fn)\s*\+\s*[\w\s+]{1,12}?\b(?=\W|$)", re.I
)
_SHORTCUT_PURPOSE = re.compile(
    r"\b(?:key|keys|touche|touches|lock|verrouill\w*|to show|to open|pour (?:afficher|ouvrir))\b",
    re.I,
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,4}\b")
KNOWN_ACRONYMS = {
    "IT",
    "OK",
    "PC",
    "USB",
    "WIFI",
    "SMS",
    "PIN",
    "ID",
    "INC",
    "TV",
    "CD",
    "DVD",
    "PDF",
    "RH",
    "DSI",
    "CEO",
    "CFO",
    "HR",
    "UK",
    "US",
    "ERP",
    "AM",
    "PM",
    "GB",
    "MB",
    "GO",
    "MO",
    "TO",
    "LED",
    "A",
    "I",
    "C",
    "D",
    "E",
}


def shortcuts(text: str) -> list[str]:
    """Key combinations ("Win+P") given without saying which keys or what they do."""
    if _SHORTCUT_PURPOSE.search(text):
        return []
    return [m.group(0).strip() for m in _SHORTCUT.finditer(text)]


def rare_acronyms(text: str, locale: str) -> list[str]:
    """Upper-case abbreviations a caller is unlikely to know (rare as words: "OSD", "RMA")."""
    found = []
    for word in _ACRONYM.findall(text):
        if word not in KNOWN_ACRONYMS and wordfreq.zipf_frequency(word.lower(), locale) < 3.6:
            found.append(word.lower())
    return found


def _explained(folded: str, term: str, locale: str) -> bool:
    parts = folded.split(f" {term} ", 1)
    if len(parts) < 2:
        return False
    after = parts[1][:60]
    return any(f" {e} " in f" {after}" for e in EXPLAINERS[locale])


def shouting(text: str) -> bool:
    """Whether the text is written in capitals (a few acronyms do not count)."""
    letters = "".join(filter(str.isalpha, text))  # no Python call per character
    if len(letters) < 12:
        return False
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", text)]
    caps = [w for w in words if w.isupper() and len(w) > 4]
    return sum(map(str.isupper, letters)) / len(letters) > 0.6 or len(caps) >= 3


def signals(
    text: str,
    locale: str,
    known: str = "",
    extended: bool = False,
    folded: str | None = None,
    known_folded: str | None = None,
) -> ToneSignals:
    """Every tone signal of one utterance (`known`: words the caller already knows; `extended`:
    the whole jargon list, abbreviations and shortcuts, as grading judges them; `folded` and
    `known_folded`: `padded(text)` and `padded(known)` if the caller has them already)."""
    locale = lang(locale)
    folded = padded(text) if folded is None else folded
    unexplained, explained = jargon_terms(
        text, locale, known, extended, folded=folded, known_folded=known_folded
    )
    return ToneSignals(
        jargon=tuple(unexplained),
        explained=tuple(explained),
        blame=tuple(_has(folded, BLAME[locale])),
        calm_down=bool(_has(folded, CALM_DOWN[locale])),
        shouting=shouting(text),
        profanity=tuple(_has(folded, PROFANITY[locale])),
        polite=bool(_has(folded, POLITE[locale])),
        familiar_tu=locale == "fr" and bool(_TU.search(folded)),
    )

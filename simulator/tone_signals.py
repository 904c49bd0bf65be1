"""What a trainee's wording says about tone, in French and English.

Used by the engine (the caller reacts: jargon confuses a novice, "calm down" angers anyone) and by
grading (the tone findings). Pure functions over text; word rarity comes from `wordfreq`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode
from wordfreq import zipf_frequency

from simulator.folding import padded
from simulator.translation import lang

# IT terms a non-technical caller may not know. Kept folded (no accents, lower case).
JARGON = {
    "en": {
        "dns",
        "dhcp",
        "ipconfig",
        "nslookup",
        "ip address",
        "subnet",
        "gateway",
        "spooler",
        "driver",
        "firmware",
        "bios",
        "uefi",
        "registry",
        "cache",
        "proxy",
        "mfa",
        "2fa",
        "ssid",
        "vpn client",
        "active directory",
        "ldap",
        "kerberos",
        "smtp",
        "imap",
        "exchange",
        "activesync",
        "ost",
        "pst",
        "tcp",
        "udp",
        "port",
        "mac address",
        "ethernet",
        "wlan",
        "ping",
        "traceroute",
        "cmd",
        "command prompt",
        "powershell",
        "sfc",
        "chkdsk",
        "tenant",
        "sso",
        "token",
        "hash",
        "kernel",
        "payload",
        "credential harvesting",
        "endpoint",
        "edr",
        "siem",
        "input source",
        "displayport",
        "hdmi",
        "osd",
        "lockout",
        "cleanmgr",
        "temp folder",
        "flush",
        "reimage",
        "vlan",
    },
    "fr": {
        "dns",
        "dhcp",
        "ipconfig",
        "nslookup",
        "adresse ip",
        "sous reseau",
        "passerelle",
        "spouleur",
        "pilote",
        "firmware",
        "micrologiciel",
        "bios",
        "uefi",
        "registre",
        "cache",
        "proxy",
        "mfa",
        "2fa",
        "ssid",
        "client vpn",
        "active directory",
        "ldap",
        "kerberos",
        "smtp",
        "imap",
        "exchange",
        "activesync",
        "ost",
        "pst",
        "tcp",
        "udp",
        "port",
        "adresse mac",
        "ethernet",
        "wlan",
        "ping",
        "traceroute",
        "cmd",
        "invite de commandes",
        "powershell",
        "sfc",
        "chkdsk",
        "tenant",
        "sso",
        "jeton",
        "hash",
        "noyau",
        "payload",
        "endpoint",
        "edr",
        "siem",
        "source d entree",
        "displayport",
        "hdmi",
        "osd",
        "cleanmgr",
        "dossier temp",
        "flush",
        "remasteriser",
        "vlan",
    },
}
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
        "how many times",
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
        "combien de fois",
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
    return zipf_frequency(word, locale) < 4.0


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


def jargon_terms(text: str, locale: str) -> tuple[list[str], list[str]]:
    """(unexplained jargon, explained jargon) in `text`: curated IT terms that are rare words."""
    folded = padded(text)
    found = [t for t in sorted(JARGON[locale]) if f" {t} " in folded]
    found = [t for t in found if " " in t or _rare(t, locale)]
    explained = [
        t for t in found if _explained(folded, t, locale) or f"{t} (" in unidecode(text).lower()
    ]
    return [t for t in found if t not in explained], explained


def _explained(folded: str, term: str, locale: str) -> bool:
    after = folded.split(f" {term} ", 1)[1][:60]
    return any(f" {e} " in f" {after}" for e in EXPLAINERS[locale])


def shouting(text: str) -> bool:
    """Whether the text is written in capitals (a few acronyms do not count)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 12:
        return False
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", text)]
    caps = [w for w in words if w.isupper() and len(w) > 4]
    return sum(c.isupper() for c in letters) / len(letters) > 0.6 or len(caps) >= 3


def signals(text: str, locale: str) -> ToneSignals:
    """Every tone signal of one utterance."""
    locale = lang(locale)
    folded = padded(text)
    unexplained, explained = jargon_terms(text, locale)
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

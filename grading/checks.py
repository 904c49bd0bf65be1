"""Exact checks on what the trainee said: the ticket number, their own name, the caller's name.

Credit goes to what was actually said, not to the intent alone: "your ticket number is noted"
gives no number, and "INC0000001" is not this call's ticket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grading.folded import fold
from grading.timeline import Timeline

_NUMBER = re.compile(r"(?:\b[A-Za-z]{2,5}[\s-]?)?\d(?:[\s-]?\d){4,}")
_SERVICE = re.compile(
    r"\b(?:it|support|help ?desk|service desk|hotline|assistance|informatique|helpdesk|"
    r"technical|technique|dsi)\b"
)
_OWN_NAME = {
    "en": re.compile(
        r"(?:\b(?i:this is|my name is|i am|i'm|it's|name's)\s+([A-Z][\w'-]+))"
        r"|(?:\b([A-Z][\w'-]+)\s+(?:speaking|here|on the line)\b)"
    ),
    "fr": re.compile(
        r"(?:\b(?i:je m'appelle|je suis|ici|c'est|moi c'est)\s+([A-ZÀ-Ý][\w'-]+))"
        r"|(?:\b([A-ZÀ-Ý][\w'-]+)\s+(?:à l'appareil|au téléphone|qui vous répond)\b)"
    ),
}
_NOT_NAMES = {"it", "the", "support", "service", "le", "la", "votre", "your", "hotline"}
_ASKS_NAME = (
    "your name",
    "who am i speaking",
    "who am i talking",
    "who s calling",
    "who is calling",
    "votre nom",
    "qui ai je l honneur",
    "qui est a l appareil",
    "c est de la part de",
    "vous etes monsieur",
    "vous etes madame",
    "vous vous appelez",
)


@dataclass(frozen=True)
class TicketNumber:
    """Where the ticket number was said, and whether right (another number) or not at all."""

    turn: int | None
    right: bool
    said: str = ""


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def ticket_number(t: Timeline) -> TicketNumber:
    """The first turn that gave this call's ticket number, else the first that gave a wrong one."""
    wrong: TicketNumber | None = None
    expected = _digits(t.ticket_number)
    for turn in t.say_turns():
        for found in _NUMBER.findall(t.said[turn]):
            if expected and _digits(found) == expected:
                return TicketNumber(turn, True, found)
            if wrong is None and "give_ticket_number" in t.intents.get(turn, []):
                wrong = TicketNumber(turn, False, found.strip())
    return wrong or TicketNumber(None, False)


def introduction(text: str, locale: str) -> tuple[bool, bool]:
    """(named the service, gave their own name) in a trainee's line."""
    folded = fold(text)
    named = False
    for match in _OWN_NAME["fr" if locale == "fr" else "en"].finditer(text):
        name = next(g for g in match.groups() if g)
        named = named or fold(name) not in _NOT_NAMES
    return bool(_SERVICE.search(folded)), named


def asks_name(text: str) -> bool:
    """Whether a line asks the caller's name, however it is put."""
    folded = f" {fold(text)} "
    return any(f" {p} " in folded for p in _ASKS_NAME)


def uses_name(text: str, caller_name: str) -> bool:
    """Whether a line addresses the caller by their first or last name."""
    folded = f" {fold(text)} "
    return any(len(part) > 1 and f" {part} " in folded for part in fold(caller_name).split())


_CAUSE = {
    "en": re.compile(
        r"\b(?:because|was caused|the cause|caused by|due to|that s why|which is why|"
        r"had (?:come|been|got|gone|expired|filled)|was (?:still|left|set|full|in|on|off|not)|"
        r"were (?:left|still|taking|full)|it was|the problem was|came from)\b"
    ),
    "fr": re.compile(
        r"\b(?:parce que|a cause|la cause|cause par|du a|c est pour ca|venait|s etait|"
        r"etait (?:reste|restee|encore|plein|pleine|sur|en|debranche|mal)|etait|avait "
        r"(?:expire|ete)|le probleme venait)\b"
    ),
}


def explains_cause(text: str, locale: str) -> bool:
    """Whether a line tells the caller what was wrong ("the cable had come loose")."""
    return bool(_CAUSE["fr" if locale == "fr" else "en"].search(fold(text)))

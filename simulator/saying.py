"""What the caller may say now: lines true in the current state, never twice word for word, one
persona tic at most, and a mood that does not rise while the trainee is curt or full of jargon.

`Reply` (simulator/conversation.py) asks this module before it says anything.
"""

from __future__ import annotations

import re
from typing import Any

from simulator import tone_signals as tone
from simulator.call import Call
from simulator.caller import Person
from simulator.folding import fold
from simulator.persona import CONDITIONS, Guidance
from simulator.translation import lang

# Conversation intents that are not orders: a short "thanks" or "goodbye" is not curt.
SOCIAL = {
    "greet",
    "introduce_self",
    "thank",
    "goodbye",
    "empathize",
    "reassure",
    "apologize",
    "offer_further_help",
    "give_ticket_number",
    "summarize",
    "explain_cause",
    "explain_next_step",
}
# One acknowledgement per reply: "Not at all. It's quite all right. Thank you, that's kind." is
# three answers to one sentence of the trainee's.
ACKNOWLEDGEMENTS = {"thanked", "apology_received", "empathy_received", "reassured"}
# Lines that make no sense beside a real answer: "I don't know" after describing the light,
# "go ahead, I'm waiting" after having done it.
SILENT_BESIDE_ANSWER = {"dont_know", "next_step_ack"}
REPEAT_MIN = 20  # a shorter line ("Okay.", "Sorry?") may come back; a sentence may not
TIC_SITUATIONS = ("answer_prefix", "answer_suffix", "complaint")


def context(call: Call) -> frozenset[str]:
    """The conditions (persona.CONDITIONS) that hold now in this call."""
    held = {"resolved" if call.resolved else "unresolved"}
    if any(e["kind"] == "caller_said" and e["turn"] > 0 for e in call.events):
        held.add("said_before")
    if not any(
        e["kind"] == "action_applied" and e["data"]["harmful"] and e["data"]["applied"]
        for e in call.events
    ):
        held.add("no_loss")
    if int(call.state.get("caller.previous_calls", 0) or 0) > 0:
        held.add("repeat_caller")
    return frozenset(held)


def said(call: Call) -> list[str]:
    """Everything the caller has said so far in this call, line by line."""
    return [e["data"]["text"] for e in call.events if e["kind"] == "caller_said"]


def sentences(text: str) -> list[str]:
    """The sentences of a line."""
    return [s for s in re.split(r"(?:(?<=[.!?…])|(?<=[.!?…][\"»]))\s+", text.strip()) if s]


def times_said(text: str, earlier: list[str]) -> int:
    """How many earlier lines already carried these facts: the text whole, one of its long
    sentences, or its gist (a restatement counts, so the third time is not the second again)."""
    if len(text) < REPEAT_MIN:
        return 0
    long = [s for s in sentences(text) if len(s) >= 40]
    core = gist(text).rstrip("…").lower()
    core = core if len(core) >= 15 else text.lower()
    return sum(
        1
        for line in earlier
        if text in line or any(s in line for s in long) or core in line.lower()
    )


def gist(text: str) -> str:
    """A shorter form of the same facts: the first sentence (a quotation kept whole), cut at a
    pause or a word when long, any quotation it opened closed again."""
    first = ""
    for part in sentences(text) or [text]:
        first = f"{first} {part}".strip()
        if _balanced(first):
            break
    if len(first) > 50:
        pause = re.search(r"[,;:—]\s", first[15:])
        at = 15 + pause.start() if pause and pause.start() < 45 else first.rfind(" ", 0, 50)
        if at > 0:
            first = _closed(first[:at].rstrip(" ,;:—"))
    word = re.split(r"[\s,:;.!?…]", first, maxsplit=1)[0]
    name = re.match(r"[A-ZÀ-Ý][\w'-]+ [A-ZÀ-Ý]", first)  # "Chad Davis too"
    keep = (
        word.lower() in _KEEP_CAPITAL
        or word[1:2].isupper()
        or any(c.isdigit() for c in word)
        or bool(name)
    )
    return first if keep else first[0].lower() + first[1:]


# Words that keep their capital after "As I said," (days, months, "I"); other openings are
# lowered, acronyms and names written in capitals aside.
_KEEP_CAPITAL = set(
    [
        "i",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "windows",
        "outlook",
        "teams",
        "excel",
        "sage",
        "google",
        "wi-fi",
    ]
)


def _closed(head: str) -> str:
    """A cut text ended with an ellipsis, the quotation it left open closed."""
    if head.count("«") > head.count("»"):
        return head + "… »"
    if head.count('"') % 2:
        return head + '…"'
    return head + "…"


def _balanced(text: str) -> bool:
    """Whether every quotation opened in the text is closed."""
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0


def short_form(text: str) -> str:
    """A line's opening words, for when every variant has been said ("Sorry…")."""
    head = re.split(r"[,.!?:;…]", text.strip(), maxsplit=1)[0].strip()
    return f"{head}…" if head else text


def has_tic(call: Call, text: str) -> bool:
    """Whether a text carries one of the persona's add-on phrases (lead-in, tail, complaint)."""
    return any(re.search(rf"(?:^|\s){re.escape(t)}(?:\s|$)", text) for t in tics(call))


def tics(call: Call) -> list[str]:
    """The persona's add-on phrases in the call's language."""
    persona = call.persona
    return [
        t.strip()
        for situation in TIC_SITUATIONS
        for t in persona.variants(situation, call.locale, frozenset(CONDITIONS))
        if len(t.strip()) > 3
    ]


def heard(call: Call) -> str:
    """What the trainee said on this turn ("" for a tool step)."""
    return next(
        (
            e["data"]["text"]
            for e in reversed(call.events)
            if e["kind"] == "trainee_said" and e["turn"] == call.turn
        ),
        "",
    )


def unguided(call: Call, intent: str | None, step_id: str) -> Guidance | None:
    """The persona's guidance for a step the trainee asked for bare, if it needs any."""
    guidance = call.persona.spec.guidance.get(intent or "")
    if guidance is None or step_id in call.done:
        return None
    return None if guidance.explained(heard(call), call.locale) else guidance


def rough(call: Call) -> list[str]:
    """Mood effects of how this turn was worded: unexplained jargon, a bare order."""
    text = heard(call)
    if not text:
        return []
    effects = []
    if tone.signals(text, call.locale).jargon:
        effects.append("jargon")
    if curt(text, call.locale, _intents(call)) and not answered_caller(call):
        effects.append("curt")
    return effects


def answered_caller(call: Call) -> bool:
    """Whether this turn answered the caller's own question ("Everything in Documents?" "Yes."):
    a short answer then is not a bare order."""
    return any(e["kind"] == "confirmation_answered" and e["turn"] == call.turn for e in call.events)


def curt(text: str, locale: str, intents: list[str]) -> bool:
    """A bare order: a few words, no question, no politeness, nothing social in it."""
    words = text.split()
    return (
        0 < len(words) <= 4
        and "?" not in text
        and not tone.signals(text, locale).polite
        and not SOCIAL & set(intents)
    )


def _intents(call: Call) -> list[str]:
    found: list[Any] = [
        i["intent"]
        for e in call.events
        if e["kind"] == "intent_matched" and e["turn"] == call.turn
        for i in e["data"]["intents"]
    ]
    return found


_THIRD_PARTY = {
    "en": re.compile(r"\b(?:his|her|their|he|she|cfo|director|executive|boss)\b"),
    "fr": re.compile(r"\b(?:son|sa|ses|il|elle|lui|daf|directeur|directrice|patron|patronne)\b"),
}


def third_party(call: Call) -> Person | None:
    """The other person this turn asks about (named by role, or "his/her"), if any."""
    others = call.scenario.caller.others
    if not others:
        return None
    text = fold(heard(call))
    for other in others:
        role = {w for w in fold(other.role.get(call.locale)).split() if len(w) > 3}
        if role & set(text.split()) or (
            len(others) == 1 and _THIRD_PARTY[lang(call.locale)].search(text)
        ):
            return call.caller.others.get(other.key)
    return None


def pruned(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A reply's pieces without what contradicts or stutters: one acknowledgement at most, no
    "I don't know" or "go ahead" beside an answer to a probe or an action."""
    answered = any(s.startswith(("probe:", "action:", "trigger:")) for _, s in pieces)
    # "I'll believe it when the phone rings. Fine. Just do it quickly.": the handover already
    # acknowledged is the next step; a second acknowledgement of it says nothing
    followed = any(s == "follow_up_ack" for _, s in pieces)
    kept, acknowledged = [], False
    for text, situation in pieces:
        if answered and situation in SILENT_BESIDE_ANSWER:
            continue
        if followed and situation == "next_step_ack":
            continue
        if situation in ACKNOWLEDGEMENTS:
            if acknowledged:
                continue
            acknowledged = True
        kept.append((text, situation))
    return kept

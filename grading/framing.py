"""Opening and closing a call: greeting, service and own name, the caller's name; summary,
the right ticket number, anything else, goodbye (part of the tone skill)."""

from __future__ import annotations

from grading.checks import asks_name, introduction, ticket_number, uses_name
from grading.messages import finding
from grading.model import Finding, allot
from grading.timeline import Timeline

SKILL = "tone"


def opening(t: Timeline, weight: int) -> list[Finding]:
    """The opening findings: greeting, introduction (service and own name), caller's name."""
    parts = allot({"greet": 1, "introduce": 1, "name": 1}, weight)
    turns = t.say_turns()
    first = turns[0] if turns else 1
    early = turns[:3]
    said_first = t.intents.get(first, [])
    out = []
    ok = "greet" in said_first
    out.append(
        finding(
            SKILL,
            "greeting",
            parts["greet"] if ok else 0,
            parts["greet"],
            first,
            t.words,
            "greet_ok" if ok else "greet_missing",
        )
    )
    service, named = introduction(t.said.get(first, ""), t.locale)
    got = (
        parts["introduce"]
        if service and named
        else (parts["introduce"] // 2 if service or named else 0)
    )
    key = "intro_ok" if service and named else ("intro_no_name" if service else "intro_missing")
    if named and not service:
        key = "intro_no_service"
    out.append(finding(SKILL, "introduction", got, parts["introduce"], first, t.words, key))
    asked = next(
        (
            tn
            for tn in early
            if "ask_caller_name" in t.intents.get(tn, [])
            or asks_name(t.said[tn])
            or uses_name(t.said[tn], t.caller_name)
        ),
        None,
    )
    out.append(
        finding(
            SKILL,
            "caller_name",
            parts["name"] if asked else 0,
            parts["name"],
            asked or first,
            t.words,
            "name_ok" if asked else "name_missing",
        )
    )
    return out


def closing(t: Timeline, weight: int) -> list[Finding]:
    """The closing findings: summary, ticket number (this call's), anything else, goodbye."""
    parts = allot(
        {"summarize": 1, "give_ticket_number": 1, "offer_further_help": 1, "goodbye": 1}, weight
    )
    if t.ended_by == "caller":
        return [finding(SKILL, "closing", 0, weight, t.end_turn, t.words, "closing_hung_up")]
    out = []
    for intent, share in parts.items():
        if intent == "give_ticket_number":
            out += _ticket_number(t, share)
            continue
        out.append(closing_said(t, intent, share, "close"))
    return out


def closing_said(t: Timeline, intent: str, share: int, messages: str) -> Finding:
    """Whether the closing move `intent` was said (its turn) or missing, worth `share`; its
    message is `<messages>_<intent>_ok` or `_missing`."""
    hit = next((tn for i, tn, _ in t.intent_seq if i == intent), None)
    return finding(
        SKILL,
        f"closing_{intent}",
        share if hit else 0,
        share,
        hit or t.end_turn,
        t.words,
        f"{messages}_{intent}_{'ok' if hit else 'missing'}",
    )


def _ticket_number(t: Timeline, share: int) -> list[Finding]:
    number = ticket_number(t)
    if number.right:
        return [
            finding(
                SKILL,
                "closing_give_ticket_number",
                share,
                share,
                number.turn or t.end_turn,
                t.words,
                "close_give_ticket_number_ok",
            )
        ]
    if number.turn is not None:
        return [
            finding(
                SKILL,
                "closing_give_ticket_number",
                0,
                share,
                number.turn,
                t.words,
                "ticket_number_wrong",
                said=number.said,
                number=t.ticket_number,
            )
        ]
    return [
        finding(
            SKILL,
            "closing_give_ticket_number",
            0,
            share,
            t.end_turn,
            t.words,
            "close_give_ticket_number_missing",
        )
    ]

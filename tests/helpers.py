"""Builders for tests: play a list of steps through a fresh call."""

from __future__ import annotations

from typing import Any

from simulator.call import Call
from simulator.conversation import SET_ASIDE
from simulator.engine import Engine
from simulator.replay import fill_placeholders
from simulator.steps import parse_step


def play(
    engine: Engine,
    scenario,
    steps: list[Any],
    persona: str | None = None,
    locale: str = "en",
    seed: int = 1,
) -> Call:
    """Start a call and apply each raw step (placeholders such as {ticket} are filled)."""
    call = engine.start(scenario, persona, locale, seed)
    for raw in steps:
        if call.ended:
            break
        engine.step(call, fill_placeholders(parse_step(raw), call))
    return call


def caller_lines(call: Call) -> list[str]:
    """Everything the caller said, in order."""
    return [e["data"]["text"] for e in call.events if e["kind"] == "caller_said"]


def kinds(call: Call) -> list[str]:
    """The kinds of the call's events, in order."""
    return [e["kind"] for e in call.events]


# The end of a printer-offline call done by the book: its ticket, summary and goodbye.
PRINTER_TICKET = {
    "ticket": {
        "category": "printing",
        "summary": "Printer offline",
        "root_cause": "USB cable unplugged",
        "resolution": "Cable reconnected, test print OK",
    }
}
PRINTER_CLOSING = [
    {"say": "So to sum up, the cable had come loose. Your ticket number is {ticket}."},
    {"say": "Is there anything else I can do for you? Have a nice day, goodbye!"},
    {"close": {"summary": "Cable reconnected"}},
]


def heard_in(engine: Engine, call: Call, text: str) -> dict[str, dict]:
    """Say a line; each intent heard in it (from its `intent_matched` event), with its flags."""
    for event in engine.step(call, {"say": text}):
        if event["kind"] == "intent_matched":
            return {m["intent"]: m for m in event["data"]["intents"]}
    return {}


def acted(match: dict | None) -> bool:
    """Whether a heard intent (from an `intent_matched` event) was acted on: not set aside."""
    return bool(match) and not any(match.get(flag) for flag in SET_ASIDE)

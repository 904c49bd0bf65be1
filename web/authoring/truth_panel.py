"""The play-test's truth panel: the hidden state now, and why the simulator did what it did each
turn.

Only trainers play-testing their scenario see this; a trainee's call never shows hidden facts.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l

from simulator.call import Call
from simulator.catalog import Catalog
from simulator.state import BUILTIN_FACTS, initial_state
from simulator.understand import DECISION_THRESHOLD

# What the trainee does with each clause (simulator/acts.py), named for trainers.
ACTS = {
    "request": _l("request"),
    "question": _l("question"),
    "announce": _l("announcement of their own act"),
    "narrate": _l("narration of their own act"),
    "claim": _l("claim that it was done"),
    "hypothesis": _l("hypothesis"),
    "advice": _l("advice for later"),
    "report": _l("reported speech"),
    "restate": _l("restatement"),
    "statement": _l("statement"),
}
# How the trainee answered the caller's "are you sure?" before a drastic step.
ANSWERS = {
    "yes": _l("a clear yes: done"),
    "no": _l("no: not done"),
    "unclear": _l("not a clear yes: not done, asked again"),
    "other": _l("moved on: not done"),
}


def _clauses(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each clause of the line with its act named for trainers."""
    return [{**c, "act_label": ACTS.get(c["act"], c["act"])} for c in records]


def _meaning(intent_id: str, call: Call, catalog: Catalog) -> str:
    local = call.scenario.intents.get(intent_id)
    spec = local or catalog.intents.get(intent_id)
    return spec.meaning.get(call.locale) if spec else ""


def facts(call: Call) -> list[dict[str, Any]]:
    """Every fact: its value at the start, now, whether it changed and whether the caller revealed
    it."""
    start = initial_state(call.scenario.facts)
    keys = [*call.scenario.facts, *BUILTIN_FACTS]
    return [
        {
            "key": k,
            "start": start.get(k),
            "now": call.state.get(k),
            "changed": start.get(k) != call.state.get(k),
            "revealed": k in call.revealed,
            "builtin": k in BUILTIN_FACTS,
        }
        for k in keys
    ]


def _input(events: list[dict[str, Any]]) -> dict[str, Any]:
    first = next((e for e in events if "input" in e["data"]), None)
    if first is None:
        return {"kind": "opening", "text": ""}
    raw = first["data"]["input"]
    if isinstance(raw, str):
        return {"kind": raw, "text": ""}
    kind, value = next(iter(raw.items()))
    if isinstance(value, dict):
        text = " ".join(str(value[k]) for k in ("op", "user", "team") if value.get(k))
    else:
        text = str(value)
    return {"kind": kind, "text": text}


def _turn(
    number: int, events: list[dict[str, Any]], call: Call, catalog: Catalog
) -> dict[str, Any]:
    turn: dict[str, Any] = {
        "number": number,
        "input": _input(events),
        "matched": [],
        "unrecognized": None,
        "probes": [],
        "actions": [],
        "unbound": [],
        "changes": [],
        "revealed": {},
        "mood": None,
        "resolved": False,
        "notes": [],
        "clauses": [],
        "confirmations": [],
    }
    for e in events:
        d, kind = e["data"], e["kind"]
        if kind in ("intent_matched", "unrecognized"):
            turn["clauses"] += _clauses(d.get("clauses", []))
        if kind in ("confirmation_asked", "confirmation_answered"):
            answer = d.get("answer")
            turn["confirmations"].append({**d, "answer_label": ANSWERS.get(answer, answer)})
        if kind == "intent_matched":
            turn["matched"] += [
                {**m, "meaning": _meaning(m["intent"], call, catalog)} for m in d["intents"]
            ]
        elif kind == "unrecognized":
            guess = d.get("best_guess")
            turn["unrecognized"] = {
                "text": d["text"],
                "guess": guess,
                "meaning": _meaning(guess["intent"], call, catalog) if guess else "",
            }
        elif kind == "probe_answered":
            turn["probes"].append(d)
        elif kind in ("action_applied", "action_blocked"):
            turn["actions"].append({**d, "blocked": kind == "action_blocked"})
        elif kind == "intent_unbound":
            turn["unbound"].append(
                {"intent": d["intent"], "meaning": _meaning(d["intent"], call, catalog)}
            )
        elif kind in ("state_changed", "trigger_fired"):
            turn["changes"] += [
                {"key": k, "old": v[0], "new": v[1], "trigger": d.get("trigger")}
                for k, v in d["changes"].items()
            ]
        elif kind == "facts_revealed":
            turn["revealed"].update(d["facts"])
        elif kind == "mood_changed":
            turn["mood"] = d
        elif kind == "resolved":
            turn["resolved"] = True
        elif kind in ("remote_refused", "password_requested", "llm_fallback"):
            turn["notes"].append({"kind": kind, **d})
    return turn


def truth(call: Call, catalog: Catalog) -> dict[str, Any]:
    """What the truth panel shows: facts, resolution, mood and the turns (newest first)."""
    by_turn: dict[int, list[dict[str, Any]]] = {}
    for e in call.events:
        by_turn.setdefault(e["turn"], []).append(e)
    turns = [_turn(n, evs, call, catalog) for n, evs in sorted(by_turn.items()) if n > 0]
    resolution = call.scenario.resolution
    return {
        "facts": facts(call),
        "resolution": [
            {"key": k, "want": v, "now": call.state.get(k)} for k, v in resolution.when.items()
        ]
        if resolution
        else [],
        "resolved": call.resolved,
        "mood": call.mood,
        "ended": call.ended,
        "persona": call.persona.id,
        "turns": list(reversed(turns)),
        "threshold": DECISION_THRESHOLD,
    }

"""A call's event log as a person reads it: who said what, tool outputs, holds — no hidden facts."""

from __future__ import annotations

from typing import Any

SHOWN = (
    "trainee_said",
    "caller_said",
    "remote_command",
    "directory_action",
    "kb_search",
    "hold",
    "resume",
    "ticket_updated",
    "escalated",
    "call_ended",
    "remote_connected",
    "remote_refused",
)


def entries(events: list[dict[str, Any]], after_seq: int = 0) -> list[dict[str, Any]]:
    """Readable entries for events after `after_seq` (the opening line included)."""
    out = []
    for e in events:
        if e["seq"] <= after_seq or e["kind"] not in SHOWN:
            continue
        d = e["data"]
        entry = {"seq": e["seq"], "turn": e["turn"], "kind": e["kind"], "at": e["at"]}
        if e["kind"] == "trainee_said":
            entry.update(who="trainee", text=d["text"])
        elif e["kind"] == "caller_said":
            entry.update(who="caller", text=d["text"], mood=d.get("mood"))
        elif e["kind"] == "remote_command":
            entry.update(who="tool", command=d["command"], text=d["output"])
        elif e["kind"] == "directory_action":
            entry.update(who="tool", op=d["op"], user=d["user"], text=d["output"])
        elif e["kind"] == "kb_search":
            entry.update(who="tool", query=d["query"], results=d["results"])
        elif e["kind"] in ("hold", "resume"):
            entry.update(who="system", seconds=d.get("seconds", 0))
        elif e["kind"] == "ticket_updated":
            entry.update(who="system", ticket=d["ticket"])
        elif e["kind"] == "escalated":
            entry.update(who="system", team=d["team"], text=d["note"])
        elif e["kind"] == "call_ended":
            entry.update(who="system", by=d["by"], text=d.get("summary", ""))
        else:
            entry.update(who="system")
        out.append(entry)
    return out


def mood_series(events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(turn, mood) after each change, starting with the opening mood."""
    start = next((e["data"].get("mood", 50) for e in events if e["kind"] == "call_started"), 50)
    series = [(0, start)]
    series += [(e["turn"], e["data"]["after"]) for e in events if e["kind"] == "mood_changed"]
    return series


def ticket_of(events: list[dict[str, Any]]) -> dict[str, str]:
    """The ticket as last updated."""
    tickets = [e["data"]["ticket"] for e in events if e["kind"] == "ticket_updated"]
    return tickets[-1] if tickets else {}

"""What the shift pages show: the queue, the contacts taken, the report's timeline chart."""

from __future__ import annotations

from typing import Any

from simulator.shift_queue import sla_left
from simulator.shift_state import Shift
from web.shared.runtime import get_library


def clock(seconds: float | None) -> str:
    """Simulated seconds as m:ss (h:mm:ss past an hour); a dash for none."""
    if seconds is None:
        return "—"
    sign, s = ("-" if seconds < 0 else ""), int(abs(seconds))
    if s >= 3600:
        return f"{sign}{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
    return f"{sign}{s // 60}:{s % 60:02d}"


def queue_rows(shift: Shift) -> list[dict[str, Any]]:
    """The contacts the trainee can take now, oldest first, with who, subject and clocks."""
    scenarios = get_library().scenarios
    rows = []
    for c in sorted(shift.contacts, key=lambda c: (c.arrived_at, c.ref)):
        if not c.queued:
            continue
        scenario = scenarios.get(c.plan.scenario)
        who = scenario.caller.role.get(shift.locale) if scenario else ""
        if c.call is not None:
            who = f"{c.call.caller.caller_name} · {who}"
        left = sla_left(c, shift.plan, shift.now)
        rows.append(
            {
                "ref": c.ref,
                "channel": c.channel,
                "status": c.status,
                "who": who,
                "subject": shift.subjects.get(c.ref, ""),
                "waited": clock(shift.now - c.arrived_at),
                "priority": c.triage["priority"] if c.triage else None,
                "sla_left": left,
                "sla": clock(left),
                # a reply come in: its SLA was the first answer, already sent
                "late": left is not None and left < 0 and c.status != "reply_received",
            }
        )
    return rows


def handled_rows(shift: Shift, call_ids: dict[str, int]) -> list[dict[str, Any]]:
    """Contacts already taken (in hand, parked, with level 2, closed), newest first."""
    rows = []
    for c in shift.contacts:
        if c.taken_at is None and c.status != "abandoned":
            continue
        rows.append(
            {
                "ref": c.ref,
                "channel": c.channel,
                "status": c.status,
                "outcome": c.outcome,
                "subject": shift.subjects.get(c.ref, ""),
                "priority": c.triage["priority"] if c.triage else None,
                "call_id": call_ids.get(c.ref),
                "ended": c.call is not None and c.call.ended,
            }
        )
    return sorted(rows, key=lambda r: r["ref"])


def timeline_chart(queue: list[dict[str, Any]], length: int, labels: dict[str, str]) -> dict:
    """The queue over the shift for Chart.js: contacts waiting, and those past their SLA."""
    points = [(0.0, 0, 0)] + [
        (
            q["at"],
            len(q["waiting"]),
            sum(1 for w in q["waiting"] if w["sla_left"] is not None and w["sla_left"] < 0),
        )
        for q in queue
    ]
    minutes = [round(at / 60, 1) for at, _n, _late in points]
    return {
        "labels": minutes,
        "max_minutes": round(length / 60),
        "series": {
            labels["waiting"]: [n for _at, n, _late in points],
            labels["late"]: [late for _at, _n, late in points],
        },
        "x_title": labels["x"],
    }

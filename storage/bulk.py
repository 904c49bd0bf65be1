"""Many played calls stored at once (demo and benchmark data): calls, events, scores, findings.

The rows are the same as a call stored step by step would leave; only the wall-clock times are
given by the caller, so that generated cohorts spread their calls over past weeks.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from storage.db import immediate


def _events(call_id: int, events: list[dict[str, Any]], stamp: str) -> list[dict[str, Any]]:
    return [
        {
            "call_id": call_id,
            "seq": e["seq"],
            "at": e["at"],
            "turn": e["turn"],
            "kind": e["kind"],
            "data": json.dumps(e["data"], ensure_ascii=False, sort_keys=True),
            "created_at": stamp,
        }
        for e in events
    ]


def _outcome(events: list[dict[str, Any]]) -> str | None:
    ended = next((e for e in events if e["kind"] == "call_ended"), None)
    if ended is None:
        return None
    return json.dumps(
        {
            k: ended["data"].get(k)
            for k in ("resolved", "escalated_to", "ended_by", "identity_verified")
        }
    )


def insert_played_calls(db: Database, played: list[dict[str, Any]]) -> list[int]:
    """Store ended calls in one transaction; each item has user_id, started_at, ended_at, events,
    score,
    and optionally assignment_id and exam. Returns the new call ids."""
    calls, events, scores, findings, ids = [], [], [], [], []
    with immediate(db):
        next_id = (next(iter(db.query("select max(id) as m from calls")))["m"] or 0) + 1
        for offset, p in enumerate(played):
            call_id = next_id + offset
            ids.append(call_id)
            started = p["events"][0]["data"]
            score = p["score"]
            calls.append(
                {
                    "id": call_id,
                    "scenario_id": started["scenario"],
                    "scenario_version": started["version"],
                    "persona": started["persona"],
                    "locale": started["locale"],
                    "seed": started["seed"],
                    "mode": started["mode"],
                    "user_id": p["user_id"],
                    "assignment_id": p.get("assignment_id"),
                    "sandbox": 0,
                    "status": "ended",
                    "started_at": p["started_at"],
                    "ended_at": p["ended_at"],
                    "outcome": _outcome(p["events"]),
                    "exam": int(p.get("exam", 0)),
                }
            )
            events += _events(call_id, p["events"], p["started_at"])
            skills = score["skills"]
            scores.append(
                {
                    "call_id": call_id,
                    "grader_version": score["grader_version"],
                    "overall": score["overall"],
                    "critical": int(score["critical"]),
                    "diagnosis": skills["diagnosis"],
                    "resolution": skills["resolution"],
                    "escalation": skills["escalation"],
                    "tone": skills["tone"],
                    "written": skills.get("written"),
                    "graded_at": p["ended_at"],
                }
            )
            findings += [
                {
                    "call_id": call_id,
                    "idx": i,
                    "skill": f["skill"],
                    "rule": f["rule"],
                    "points": f["points"],
                    "turn": f["turn"],
                    "message": f["message"],
                    "tip": f["tip"],
                    "max": f.get("max", 0),
                    "critical": int(f.get("critical", False)),
                }
                for i, f in enumerate(score["findings"])
            ]
        db["calls"].insert_all(calls, batch_size=500)
        db["events"].insert_all(events, batch_size=2000)
        db["scores"].insert_all(scores, batch_size=1000)
        db["findings"].insert_all(findings, batch_size=2000)
    return ids

"""Scores and findings: stored beside the call, replaced whole when a call is re-graded."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from grading.rubric import CRITICAL_CAP
from storage.calls import now
from storage.db import immediate


def save_score(db: Database, call_id: int, score: dict[str, Any]) -> None:
    """Store (or replace) a call's score and its findings in one transaction."""
    skills = score["skills"]
    with immediate(db):
        db.execute("delete from findings where call_id = ?", [call_id])
        db["scores"].upsert(
            {
                "call_id": call_id,
                "grader_version": score["grader_version"],
                "overall": score["overall"],
                "critical": int(score["critical"]),
                "diagnosis": skills["diagnosis"],
                "resolution": skills["resolution"],
                "escalation": skills["escalation"],
                "tone": skills["tone"],
                "written": skills.get("written"),  # e-mail contacts only
                "graded_at": now(),
            },
            pk="call_id",
        )
        db["findings"].insert_all(
            [
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
        )


def load_score(db: Database, call_id: int) -> dict[str, Any] | None:
    """A stored score with its findings, or None if the call is not graded."""
    rows = list(db.query("select * from scores where call_id = ?", [call_id]))
    if not rows:
        return None
    row = rows[0]
    findings = [
        {**f, "critical": bool(f["critical"])}
        for f in db.query(
            "select skill, rule, points, max, turn, message, tip, critical from findings "
            "where call_id = ? order by idx",
            [call_id],
        )
    ]
    failed = bool(row["critical"])
    skills = {k: row[k] for k in ("diagnosis", "resolution", "escalation", "tone")}
    if row.get("written") is not None:  # an e-mail contact's fifth skill
        skills["written"] = row["written"]
    return {
        "overall": row["overall"],
        "critical": failed,
        "failed": failed,
        # why the call failed and its overall is capped (the critical findings' messages)
        "failed_reasons": [f["message"] for f in findings if f["critical"]],
        "cap": CRITICAL_CAP if failed else None,
        "grader_version": row["grader_version"],
        "skills": skills,
        "findings": findings,
    }

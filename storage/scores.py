"""Scores and findings: stored beside the call, replaced whole when a call is re-graded."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from grading.rubric import CRITICAL_CAP
from storage.calls import now
from storage.db import immediate

SCORE_COLUMNS = (
    "call_id, grader_version, overall, critical, diagnosis, resolution, escalation, tone, "
    "written, graded_at"
)
FINDING_COLUMNS = "call_id, idx, skill, rule, points, turn, message, tip, max, critical"


def save_score(db: Database, call_id: int, score: dict[str, Any]) -> None:
    """Store (or replace) a call's score and its findings in one transaction."""
    skills = score["skills"]
    row = (
        call_id,
        score["grader_version"],
        score["overall"],
        int(score["critical"]),
        skills["diagnosis"],
        skills["resolution"],
        skills["escalation"],
        skills["tone"],
        skills.get("written"),  # e-mail contacts only
        now(),
    )
    findings = [
        (
            call_id,
            i,
            f["skill"],
            f["rule"],
            f["points"],
            f["turn"],
            f["message"],
            f["tip"],
            f.get("max", 0),
            int(f.get("critical", False)),
        )
        for i, f in enumerate(score["findings"])
    ]
    updates = ", ".join(f"{c} = excluded.{c}" for c in SCORE_COLUMNS.split(", ")[1:])
    with immediate(db):  # plain statements: sqlite-utils reads the table's columns on each call
        db.conn.execute("delete from findings where call_id = ?", [call_id])
        db.conn.execute(
            f"insert into scores ({SCORE_COLUMNS}) values ({', '.join('?' * 10)}) "
            f"on conflict(call_id) do update set {updates}",
            row,
        )
        db.conn.executemany(
            f"insert into findings ({FINDING_COLUMNS}) values ({', '.join('?' * 10)})", findings
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

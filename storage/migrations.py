"""Schema migrations, applied in order and recorded by sqlite-utils."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("hotliner")


@migrations()
def create_calls_and_events(db: Database) -> None:
    """Calls and their append-only event logs; scores and their findings."""
    db["calls"].create(
        {
            "id": int, "scenario_id": str, "scenario_version": int, "persona": str, "locale": str,
            "seed": int, "mode": str, "user_id": int, "assignment_id": int, "sandbox": int,
            "status": str, "started_at": str, "ended_at": str, "outcome": str,
        },
        pk="id",
        not_null={"scenario_id", "scenario_version", "persona", "locale", "seed", "mode", "status"},
        defaults={"sandbox": 0, "status": "active"},
    )  # fmt: skip
    db["events"].create(
        {"call_id": int, "seq": int, "at": float, "turn": int, "kind": str, "data": str,
         "created_at": str},
        pk=("call_id", "seq"),
        foreign_keys=[("call_id", "calls", "id")],
        not_null={"kind", "data"},
    )
    db["scores"].create(
        {"call_id": int, "grader_version": int, "overall": int, "critical": int, "diagnosis": int,
         "resolution": int, "escalation": int, "tone": int, "graded_at": str},
        pk="call_id",
        foreign_keys=[("call_id", "calls", "id")],
    )
    db["findings"].create(
        {"call_id": int, "idx": int, "skill": str, "rule": str, "points": int, "turn": int,
         "message": str, "tip": str},
        pk=("call_id", "idx"),
        foreign_keys=[("call_id", "calls", "id")],
    )
    db["calls"].create_index(["user_id", "started_at"])
    db["calls"].create_index(["scenario_id", "status"])
    db["findings"].create_index(["rule"])


@migrations()
def create_scenario_versions(db: Database) -> None:
    """Every scenario version ever played, kept as written: past calls grade against their own."""
    db["scenarios"].create(
        {"id": str, "version": int, "status": str, "yaml": str, "author": str, "created_at": str},
        pk=("id", "version"),
        not_null={"yaml", "status"},
        defaults={"status": "published", "author": "built-in"},
    )

"""Calls and their event logs in SQLite: a step's events are committed in one transaction."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from storage.db import immediate


class CallNotFound(LookupError):
    """No call with that id."""


class LogConflict(sqlite3.IntegrityError):
    """The events do not follow the stored log (another writer got there first); nothing was
    written."""


def now() -> str:
    """The current UTC time as ISO 8601 text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _insert_events(db: Database, rows: list[dict[str, Any]]) -> None:
    """One executemany, without sqlite-utils' look at the table's columns on every write."""
    db.conn.executemany(
        "insert into events (call_id, seq, at, turn, kind, data, created_at) "
        "values (:call_id, :seq, :at, :turn, :kind, :data, :created_at)",
        rows,
    )


def _event_rows(call_id: int, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stamp = now()
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


def create_call(
    db: Database,
    events: list[dict[str, Any]],
    user_id: int | None = None,
    assignment_id: int | None = None,
    sandbox: bool = False,
) -> int:
    """Store a new call with its opening events; return its id."""
    started = events[0]["data"]
    with immediate(db):
        table = db["calls"].insert(
            {
                "scenario_id": started["scenario"],
                "scenario_version": started["version"],
                "persona": started["persona"],
                "locale": started["locale"],
                "seed": started["seed"],
                "mode": started["mode"],
                "user_id": user_id,
                "assignment_id": assignment_id,
                "sandbox": int(sandbox),
                "status": "active",
                "started_at": now(),
            }
        )
        call_id = table.last_pk
        _insert_events(db, _event_rows(call_id, events))
    return call_id


def append_events(db: Database, call_id: int, events: list[dict[str, Any]]) -> None:
    """Append one step's events, and close the call if they end it, in one transaction.

    The events must continue the stored log exactly (first seq = last stored seq + 1): anything else
    raises LogConflict and writes nothing, so a log stays gapless and no step is stored twice.
    """
    ended = next((e for e in events if e["kind"] == "call_ended"), None)
    rows = _event_rows(call_id, events)  # the JSON before the write lock is taken
    with immediate(db):
        last = (
            next(iter(db.query("select max(seq) as m from events where call_id = ?", [call_id])))[
                "m"
            ]
            or 0
        )
        if not events or events[0]["seq"] != last + 1:
            raise LogConflict(
                f"call {call_id} has {last} events; these start at "
                f"{events[0]['seq'] if events else 'nothing'}"
            )
        _insert_events(db, rows)
        if ended:
            outcome = {
                k: ended["data"].get(k)
                for k in ("resolved", "escalated_to", "ended_by", "identity_verified")
            }
            db.conn.execute(
                "update calls set status = 'ended', ended_at = ?, outcome = ? where id = ?",
                [now(), json.dumps(outcome), call_id],
            )


def get_call(db: Database, call_id: int) -> dict[str, Any]:
    """The call's row; CallNotFound if there is none."""
    if not 0 < call_id < 2**63:  # beyond SQLite's integers: no such call (and no OverflowError)
        raise CallNotFound(f"no call {call_id}")
    rows = list(db.query("select * from calls where id = ?", [call_id]))
    if not rows:
        raise CallNotFound(f"no call {call_id}")
    return rows[0]


def load_events(db: Database, call_id: int, after: int = 0) -> list[dict[str, Any]]:
    """The call's events in order (those after seq `after`), as the engine wrote them."""
    rows = db.query(
        "select seq, at, turn, kind, data from events where call_id = ? and seq > ? order by seq",
        [call_id, after],
    )
    return [
        {
            "seq": r["seq"],
            "at": r["at"],
            "turn": r["turn"],
            "kind": r["kind"],
            "data": json.loads(r["data"]),
        }
        for r in rows
    ]


def list_calls(
    db: Database,
    user_id: int | None = None,
    scenario_id: str | None = None,
    status: str | None = None,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Calls (newest first) with their scores, filtered by owner, scenario and status."""
    where, params = ["c.sandbox = 0"], {"limit": limit}
    if user_id is not None:
        where.append("c.user_id = :user")
        params["user"] = user_id
    if scenario_id:
        where.append("c.scenario_id = :scenario")
        params["scenario"] = scenario_id
    if status:
        where.append("c.status = :status")
        params["status"] = status
    sql = f"""select c.*, s.overall, s.critical, s.diagnosis, s.resolution, s.escalation, s.tone
              from calls c left join scores s on s.call_id = c.id
              where {" and ".join(where)} order by c.id desc limit :limit"""
    return list(db.query(sql, params))


def progress(db: Database, user_id: int, limit: int = 30) -> list[dict[str, Any]]:
    """A trainee's scored calls, oldest first (the last `limit`), each with its rank `n` among
    the trainee's own scored calls, for the progress chart."""
    rows = db.query(
        """select * from (select c.id, c.started_at, c.scenario_id, s.overall, s.diagnosis,
                       s.resolution, s.escalation, s.tone, s.written,
                       row_number() over (order by c.id) as n
                       from calls c join scores s on s.call_id = c.id
                       where c.user_id = ? and c.sandbox = 0 order by c.id desc limit ?) order by
                           id""",
        [user_id, limit],
    )
    return list(rows)

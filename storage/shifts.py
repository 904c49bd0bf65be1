"""Shifts in SQLite: the shift's event log and each contact's call, one transaction per step.

A contact's call is an ordinary row of `calls` with its `events` (so its debrief and regrading work
as for any call), linked to the shift by its ref in `shift_calls`. The plan is stored as played
(JSON), so a shift is rebuilt and re-graded from what was stored even if the plan file changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage import calls as store
from storage.db import immediate


class ShiftNotFound(LookupError):
    """No shift with that id."""


@dataclass(frozen=True)
class StoredShift:
    """A stored shift: its row, the plan it was played on, its log and its contacts' calls."""

    row: dict[str, Any]
    plan: dict[str, Any]
    events: list[dict[str, Any]]
    calls: dict[str, list[dict[str, Any]]]


def _rows(shift_pk: int, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stamp = store.now()
    return [
        {
            "shift_pk": shift_pk,
            "seq": e["seq"],
            "at": e["at"],
            "turn": e["turn"],
            "kind": e["kind"],
            "data": json.dumps(e["data"], ensure_ascii=False, sort_keys=True),
            "created_at": stamp,
        }
        for e in events
    ]


def create_shift(
    db: Database, plan: dict[str, Any], events: list[dict[str, Any]], user_id: int | None = None
) -> int:
    """Store a new shift with its opening events; return its id."""
    started = events[0]["data"]
    with immediate(db):
        shift_pk = (
            db["shifts"]
            .insert(
                {
                    "shift_id": started["shift"],
                    "plan": json.dumps(plan, ensure_ascii=False, sort_keys=True),
                    "locale": started["locale"],
                    "seed": started["seed"],
                    "user_id": user_id,
                    "status": "active",
                    "started_at": store.now(),
                }
            )
            .last_pk
        )
        db["shift_events"].insert_all(_rows(shift_pk, events))
    return shift_pk


def append_shift_step(
    db: Database,
    shift_pk: int,
    events: list[dict[str, Any]],
    ref: str | None = None,
    call_events: list[dict[str, Any]] | None = None,
    user_id: int | None = None,
) -> None:
    """One step's shift events and, for the contact `ref`, its call's new events: all or nothing.

    The shift's events must continue its stored log (store.LogConflict otherwise); a call whose
    events start with `call_started` is created and linked to the shift.
    """
    with immediate(db):
        found = db.query("select max(seq) as m from shift_events where shift_pk = ?", [shift_pk])
        last = next(iter(found))["m"] or 0
        if events and events[0]["seq"] != last + 1:
            raise store.LogConflict(
                f"shift {shift_pk} has {last} events; these start at {events[0]['seq']}"
            )
        db["shift_events"].insert_all(_rows(shift_pk, events))
        if ref and call_events:
            _store_call(db, shift_pk, ref, call_events, user_id)
        if any(e["kind"] == "shift_ended" for e in events):
            db["shifts"].update(shift_pk, {"status": "ended", "ended_at": store.now()})


def _store_call(db, shift_pk: int, ref: str, events: list[dict[str, Any]], user_id) -> None:
    if events[0]["kind"] == "call_started":
        call_id = store.create_call(db, events, user_id)
        db["shift_calls"].insert({"shift_pk": shift_pk, "ref": ref, "call_id": call_id})
        return
    row = next(
        iter(
            db.query(
                "select call_id from shift_calls where shift_pk = ? and ref = ?", [shift_pk, ref]
            )
        )
    )
    store.append_events(db, row["call_id"], events)


def load_shift(db: Database, shift_pk: int) -> StoredShift:
    """The stored shift with its log and its contacts' calls; ShiftNotFound otherwise."""
    rows = list(db.query("select * from shifts where id = ?", [shift_pk]))
    if not rows:
        raise ShiftNotFound(f"no shift {shift_pk}")
    events = [
        {
            "seq": r["seq"],
            "at": r["at"],
            "turn": r["turn"],
            "kind": r["kind"],
            "data": json.loads(r["data"]),
        }
        for r in db.query("select * from shift_events where shift_pk = ? order by seq", [shift_pk])
    ]
    links = db.query("select ref, call_id from shift_calls where shift_pk = ?", [shift_pk])
    calls = {r["ref"]: store.load_events(db, r["call_id"]) for r in links}
    return StoredShift(rows[0], json.loads(rows[0]["plan"]), events, calls)


def last_event_time(db: Database, shift_pk: int) -> str:
    """When the shift's last event was stored (ISO 8601, UTC): real time counts from it."""
    rows = db.query(
        "select created_at from shift_events where shift_pk = ? order by seq desc limit 1",
        [shift_pk],
    )
    return next(iter(rows))["created_at"]

"""Shifts as the app runs them: started, stepped and committed one step at a time.

A shift is the truth of its event log (storage/shifts.py); the live `Shift` is kept in memory
between steps and rebuilt from the log when another worker or tab moved it on. The shift engine
reads the built-in plans and matrix once per process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import suppress
from typing import Any

from flask import current_app
from sqlite_utils import Database

from grading.shift_record import shift_record
from simulator.shift_engine import ShiftEngine
from simulator.shift_library import ShiftLibrary, load_shift_library
from simulator.shift_plan import PlanError, ShiftPlan, validate_plan_source
from simulator.shift_state import Shift, ShiftRefused, StepOutcome
from simulator.steps import StepError
from simulator.yamlsource import SourceError, parse
from storage import calls as store
from storage import shift_plans
from storage import shifts as shift_store
from storage.db import immediate
from storage.scenarios import remember_version
from storage.scores import save_score
from web.shared.runtime import get_engine, get_library, grade_call

CAPACITY = 256
LOCK_STRIPES = 32


class StaleShift(Exception):
    """The shift moved on elsewhere while this step was applied; the step was not saved."""


def _ext() -> dict:
    return current_app.extensions.setdefault("hotliner", {})


def shift_library() -> ShiftLibrary:
    """The built-in shift plans and matrix (loaded once per library)."""
    ext = _ext()
    library = get_library()
    if ext.get("shift_library_of") is not library:
        ext["shift_library"] = load_shift_library(library.scenarios)
        ext["shift_library_of"] = library
    return ext["shift_library"]


def shift_engine() -> ShiftEngine:
    """A shift engine over the app's call engine, scenarios and matrix."""
    return ShiftEngine(get_engine(), get_library().scenarios, shift_library().matrix)


def _cache() -> tuple[OrderedDict, threading.Lock]:
    ext = _ext()
    return ext.get("live_shifts") or ext.setdefault(
        "live_shifts", (OrderedDict(), threading.Lock())
    )


def _lock(pk: int) -> threading.RLock:
    ext = _ext()
    locks = ext.get("shift_locks") or ext.setdefault(
        "shift_locks", [threading.RLock() for _ in range(LOCK_STRIPES)]
    )
    return locks[pk % LOCK_STRIPES]


def find_plan(db: Database, plan_id: str) -> ShiftPlan | None:
    """A built-in plan, else one written in the web editor (validated again); None if neither."""
    built_in = shift_library().plans.get(plan_id)
    if built_in is not None:
        return built_in
    text = shift_plans.plan_text(db, plan_id)
    if text is None:
        return None
    try:
        return validate_plan_source(parse(text), f"{plan_id}.yaml", get_library().scenarios)
    except (PlanError, SourceError):
        return None  # a scenario it names was removed since: it cannot be played


def start_shift(
    db: Database,
    plan: ShiftPlan,
    locale: str,
    seed: int,
    user_id: int,
    assignment_id: int | None = None,
) -> int:
    """Open a shift on `plan` and store it; its id."""
    shift = shift_engine().start(plan, locale, seed)
    pk = shift_store.create_shift(db, plan.model_dump(mode="json"), shift.events, user_id)
    if assignment_id is not None:
        db["shifts"].update(pk, {"assignment_id": assignment_id})
    _remember(pk, shift)
    return pk


def _last_seq(db: Database, pk: int) -> int:
    found = db.query("select max(seq) as m from shift_events where shift_pk = ?", [pk])
    return next(iter(found))["m"] or 0


def get_shift(db: Database, pk: int) -> tuple[dict[str, Any], Shift]:
    """(the shift's row, the live shift): from memory when current, else rebuilt from its log."""
    cache, lock = _cache()
    with _lock(pk):
        with lock:
            cached = cache.get(pk)
        row = next(iter(db.query("select * from shifts where id = ?", [pk])), None)
        if row is None:
            raise shift_store.ShiftNotFound(f"no shift {pk}")
        if cached is not None and len(cached.events) == _last_seq(db, pk):
            return row, cached
        stored = shift_store.load_shift(db, pk)
        shift = shift_engine().resume(ShiftPlan.model_validate(stored.plan), stored.events)
        _remember(pk, shift)
        return row, shift


def _remember(pk: int, shift: Shift) -> None:
    cache, lock = _cache()
    with lock:
        cache[pk] = shift
        cache.move_to_end(pk)
        while len(cache) > CAPACITY:
            cache.popitem(last=False)


def forget(pk: int) -> None:
    """Drop a shift from memory (its log stays the truth)."""
    cache, lock = _cache()
    with lock:
        cache.pop(pk, None)


def apply_shift_step(
    db: Database, pk: int, raw: Any, user_id: int | None
) -> tuple[Shift, StepOutcome]:
    """Apply one step and commit it with the call it moved; ShiftRefused writes nothing.

    When another worker committed a step in between (the queue's poll in a second worker), the
    shift is rebuilt from its log and the step tried once more; StaleShift if that fails too.
    """
    with suppress(store.LogConflict):
        return _apply_once(db, pk, raw, user_id)
    try:
        return _apply_once(db, pk, raw, user_id)
    except store.LogConflict as exc:
        raise StaleShift("the shift was changed from another window") from exc


def _apply_once(db: Database, pk: int, raw: Any, user_id: int | None):
    with _lock(pk):
        _row, shift = get_shift(db, pk)
        try:
            outcome = shift_engine().step(shift, raw)
        except (ShiftRefused, StepError):
            raise  # refused before anything changed
        except Exception:
            forget(pk)  # a half-applied surprise must not stay in memory
            raise
        try:
            _commit(db, pk, shift, outcome, user_id)
        except Exception:
            forget(pk)  # not committed: the log stays the truth
            raise
        return shift, outcome


def _commit(db: Database, pk: int, shift: Shift, outcome: StepOutcome, user_id) -> None:
    call_events = outcome.call_events
    contact = shift.contact(outcome.ref) if outcome.ref else None
    score = None
    if contact is not None and contact.call is not None and contact.call.ended and call_events:
        score = grade_call(contact.call.scenario, contact.call.events)
    report = _report(shift) if shift.ended else None
    with immediate(db):
        if call_events and call_events[0]["kind"] == "call_started" and contact is not None:
            source = get_library().sources.get(contact.plan.scenario)
            if source is not None:
                remember_version(
                    db, contact.call.scenario.id, contact.call.scenario.version, source
                )
        shift_store.append_shift_step(
            db, pk, outcome.shift_events, outcome.ref, call_events, user_id
        )
        if score is not None:
            save_score(db, call_id_of(db, pk, outcome.ref), score)
        if report is not None:
            shift_plans.save_result(db, pk, report)


def _report(shift: Shift) -> dict[str, Any]:
    library = get_library()
    record = shift_record(
        shift, library.scenarios, shift_library().matrix, library.catalog, library.translations
    )
    return record["report"]


def call_id_of(db: Database, pk: int, ref: str) -> int | None:
    """The stored call of one contact of a shift (None before it was taken)."""
    rows = db.query("select call_id from shift_calls where shift_pk = ? and ref = ?", [pk, ref])
    row = next(iter(rows), None)
    return row["call_id"] if row else None


def call_ids(db: Database, pk: int) -> dict[str, int]:
    """Every contact's stored call id, by ref."""
    rows = db.query("select ref, call_id from shift_calls where shift_pk = ?", [pk])
    return {r["ref"]: r["call_id"] for r in rows}

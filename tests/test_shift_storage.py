"""Shifts in SQLite: each step committed with its contact's call; rebuilt from what was stored."""

from __future__ import annotations

import pytest

from simulator.shift_plan import ShiftPlan
from storage import calls as store
from storage.db import connect
from storage.shifts import ShiftNotFound, append_shift_step, create_shift, load_shift
from tests.shift_helpers import make_plan, shift_engine
from tests.test_shift_engine import TWO


@pytest.fixture()
def db(tmp_path):
    return connect(tmp_path / "s.db")


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


def _play_and_store(db, shifts, plan, steps):
    shift = shifts.start(plan, "en", 2)
    pk = create_shift(db, plan.model_dump(mode="json"), shift.events)
    for raw in steps:
        outcome = shifts.step(shift, raw)
        append_shift_step(db, pk, outcome.shift_events, outcome.ref, outcome.call_events)
    return shift, pk


STEPS = [
    {"take": "p4"},
    {"triage": {"impact": "low", "urgency": "medium", "kind": "incident"}},
    {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    "park",
    {"wait": 30},
    {"take": "p1"},
    {"say": "Good morning, IT support. What is the exact error message?"},
    "end_shift",
]


def test_a_stored_shift_rebuilds_to_the_same_shift_and_calls(db, shifts, library):
    plan = make_plan(TWO, scenarios=library.scenarios)
    shift, pk = _play_and_store(db, shifts, plan, STEPS)
    stored = load_shift(db, pk)
    assert stored.row["status"] == "ended"
    assert stored.events == shift.events
    assert set(stored.calls) == {"p4", "p1"}
    assert stored.calls["p4"] == shift.contact("p4").call.events
    rebuilt = shifts.resume(ShiftPlan.model_validate(stored.plan), stored.events)
    assert rebuilt.contact("p1").call.events == stored.calls["p1"]


def test_a_step_that_does_not_follow_the_stored_log_writes_nothing(db, shifts, library):
    plan = make_plan(TWO, scenarios=library.scenarios)
    shift, pk = _play_and_store(db, shifts, plan, STEPS[:3])
    outcome = shifts.step(shift, "park")
    with pytest.raises(store.LogConflict):
        append_shift_step(
            db, pk, outcome.shift_events[:0] + [{**outcome.shift_events[0], "seq": 1}]
        )
    assert load_shift(db, pk).events == shift.events[: len(shift.events) - 1]


def test_an_unknown_shift_is_not_found(db):
    with pytest.raises(ShiftNotFound):
        load_shift(db, 42)

"""Calls as the app runs them: the engine's steps, committed to the database as they happen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from simulator.call import Call
from simulator.scenario import Scenario
from storage import calls as store
from storage.db import immediate
from storage.scenarios import remember_version
from storage.scores import save_score
from storage.snapshots import load_snapshot, restore, save_snapshot, snapshot_of, write_snapshot
from web.shared.playable import scenario_of
from web.shared.rate_limits import count_pending_hit
from web.shared.runtime import get_engine, get_library, grade_call


def start_call(
    db: Database,
    scenario: Scenario,
    persona: str | None,
    locale: str,
    seed: int,
    user_id: int | None = None,
    sandbox: bool = False,
    mode: str = "scripted",
) -> tuple[int, Call]:
    """Start a call and store it with its opening events; (call id, call)."""
    library = get_library()
    source = library.sources.get(scenario.id)
    if source is not None:
        remember_version(db, scenario.id, scenario.version, source)
    call = get_engine().start(scenario, persona, locale, seed, mode)
    with immediate(db):
        count_pending_hit(db)  # the user's call limit, in the same transaction
        call_id = store.create_call(db, call.events, user_id=user_id, sandbox=sandbox)
        save_snapshot(db, call_id, call)
    return call_id, call


def step_call(
    db: Database,
    call_id: int,
    call: Call,
    step: Any,
    on_reply_text: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Apply one step and commit its events (and, if it ends the call, the score) in one
    transaction."""
    events = get_engine().step(call, step, on_reply_text)
    score = grade_call(call.scenario, call.events) if call.ended else None
    state = snapshot_of(call)  # taken before the write lock: the other workers wait less
    with immediate(db):
        count_pending_hit(db)  # the user's step limit, in the same transaction
        store.append_events(db, call_id, events)
        write_snapshot(db, call_id, len(call.events), state)  # any worker resumes from here
        if score is not None:
            save_score(db, call_id, score)
    return events


def load_call(db: Database, call_id: int) -> tuple[dict[str, Any], Call]:
    """A stored call rebuilt from its events and its latest snapshot, else by replaying its steps:
    (its row, the live call)."""
    row = store.get_call(db, call_id)
    scenario = scenario_of(db, row)
    events = store.load_events(db, call_id)
    snapshot = load_snapshot(db, call_id, len(events)) if events else None
    call = restore(get_engine(), scenario, events, snapshot) if snapshot else None
    return row, call or get_engine().resume(scenario, events)


def regrade(db: Database, call_id: int) -> dict[str, Any]:
    """Grade a stored call again from its events and store the new score."""
    row = store.get_call(db, call_id)
    scenario = scenario_of(db, row)
    score = grade_call(scenario, store.load_events(db, call_id))
    save_score(db, call_id, score)
    return score

"""Live calls of this process: kept in memory between steps, rebuilt from the log when stale.

A call is the truth of its event log; the cache only saves replaying the log on every step. Before
each use the cached call is checked against the last sequence number in the database: when another
worker (or another tab) moved the call on, the missed steps are replayed from the log (or the whole
call rebuilt) instead of forking it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import current_app
from sqlite_utils import Database

from simulator.call import Call, CallEnded
from simulator.steps import StepError
from storage import calls as store
from storage.snapshots import catch_up, load_snapshot
from web.shared.call_service import load_call, step_call
from web.shared.llm_tone import judge_if_wanted
from web.shared.model_budget import check_model_budget
from web.shared.runtime import get_engine

CAPACITY = 512
LOCK_STRIPES = 64


class StaleCall(Exception):
    """The call moved on elsewhere while this step was applied; the step was not saved."""


def _cache() -> tuple[OrderedDict, threading.Lock]:
    ext = current_app.extensions.setdefault("hotliner", {})
    return ext.get("live") or ext.setdefault("live", (OrderedDict(), threading.Lock()))


def _last_seq(db: Database, call_id: int) -> int:
    row = next(iter(db.query("select max(seq) as m from events where call_id = ?", [call_id])))
    return row["m"] or 0


def get_live(
    db: Database, call_id: int, row: dict[str, Any] | None = None
) -> tuple[dict[str, Any], Call]:
    """(the call's row, the live call), from the cache when it is current or can catch up.

    `row`: the call's row if the request read it already (its user, mode and sandbox flag never
    change; whether the call goes on is the log's to say).
    """
    cache, lock = _cache()
    with _step_lock(call_id):
        row = store.get_call(db, call_id) if row is None else row
        with lock:
            cached = cache.get(call_id)
        if cached is not None and _current(db, call_id, cached):
            with lock:
                cache.move_to_end(call_id)
            return row, cached
        row, call = load_call(db, call_id)
        _remember(call_id, call)
        return row, call


def _current(db: Database, call_id: int, call: Call) -> bool:
    """Bring a cached call up to its log: the missed events and the snapshot stored with them, else
    by replaying only the steps another worker stored since.

    With several workers, consecutive steps of a call land on any of them: taking the stored state
    (or replaying the one or two missed steps) instead of the whole log keeps a step's cost flat
    however long the call is.
    """
    last = _last_seq(db, call_id)
    known = len(call.events)
    if known == last:
        return True
    if known > last:
        return False
    missed = store.load_events(db, call_id, after=known)
    snapshot = load_snapshot(db, call_id, last)
    if snapshot is not None and len(missed) == last - known and catch_up(call, missed, snapshot):
        return True
    engine = get_engine()
    try:
        for event in missed:
            if "input" in event["data"]:
                engine.step(call, event["data"]["input"])
    except Exception:  # noqa: BLE001 - any surprise: fall back to a full rebuild from the log
        forget(call_id)
        return False
    if [e["kind"] for e in call.events[known:]] != [e["kind"] for e in missed]:
        forget(call_id)
        return False
    return True


def keep_started(call_id: int, call: Call) -> None:
    """Keep a call this process just started and stored: its first step needs no rebuild."""
    _remember(call_id, call)


def _remember(call_id: int, call: Call) -> None:
    cache, lock = _cache()
    with lock:
        cache[call_id] = call
        cache.move_to_end(call_id)
        while len(cache) > CAPACITY:
            cache.popitem(last=False)


def _step_lock(call_id: int) -> threading.RLock:
    """This process's lock for one call: two threads never step the same cached call at once."""
    ext = current_app.extensions.setdefault("hotliner", {})
    locks = ext.get("step_locks") or ext.setdefault(
        "step_locks", [threading.RLock() for _ in range(LOCK_STRIPES)]
    )
    return locks[call_id % LOCK_STRIPES]


def apply_step(
    db: Database,
    call_id: int,
    step: Any,
    on_reply_text: Callable[[str], None] | None = None,
    row: dict[str, Any] | None = None,
) -> tuple[Call, list[dict[str, Any]]]:
    """Apply one step to a live call and commit it; StaleCall if another writer got there first.

    `on_reply_text` receives the guarded pieces of a streamed model reply (see Engine.step);
    `row` is the call's row when the view read it already (not read again).

    Within a process a per-call lock orders the steps; across processes the store refuses events
    that do not continue the log (LogConflict, or the (call, seq) key). Whatever fails, the cached
    call is dropped, so a step that was not committed never survives in memory.
    """
    with _step_lock(call_id):
        row, call = get_live(db, call_id, row)
        check_model_budget(db, row, step)
        try:
            events = step_call(db, call_id, call, step, on_reply_text)
        except sqlite3.IntegrityError as exc:  # store.LogConflict included
            forget(call_id)
            raise StaleCall("the call was changed from another window") from exc
        except (StepError, CallEnded):
            raise  # refused before anything changed
        except BaseException:
            forget(call_id)
            raise
        if call.ended:
            forget(call_id)  # an ended call takes no more steps: keep memory for live ones
    if call.ended:  # outside the lock: the model takes seconds, and the end is already committed
        _judge_tone(db, call_id)
    return call, events


def _judge_tone(db: Database, call_id: int) -> None:
    """The cohort's optional tone judge; whatever goes wrong, the ended call and its score stand."""
    try:
        judge_if_wanted(db, call_id)
    except Exception:  # noqa: BLE001 - model failures are logged as events; anything else only here
        current_app.logger.exception("tone judge of call %s failed", call_id)


def forget(call_id: int) -> None:
    """Drop a call from the cache (its log stays the truth)."""
    cache, lock = _cache()
    with lock:
        cache.pop(call_id, None)

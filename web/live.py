"""Live calls of this process: kept in memory between steps, rebuilt from the log when stale.

A call is the truth of its event log; the cache only saves replaying the log on every step. Before
each use the cached call is checked against the last sequence number in the database, so another
worker (or another tab) that moved the call on forces a rebuild instead of a fork.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from flask import current_app
from sqlite_utils import Database

from simulator.call import Call
from storage import calls as store
from web.calls import load_call, step_call

CAPACITY = 512


class StaleCall(Exception):
    """The call moved on elsewhere while this step was applied; the step was not saved."""


def _cache() -> tuple[OrderedDict, threading.Lock]:
    ext = current_app.extensions.setdefault("hotliner", {})
    if "live" not in ext:
        ext["live"] = (OrderedDict(), threading.Lock())
    return ext["live"]


def _last_seq(db: Database, call_id: int) -> int:
    row = next(iter(db.query("select max(seq) as m from events where call_id = ?", [call_id])))
    return row["m"] or 0


def get_live(db: Database, call_id: int) -> tuple[dict[str, Any], Call]:
    """(the call's row, the live call), from the cache when it is current."""
    cache, lock = _cache()
    row = store.get_call(db, call_id)
    with lock:
        cached = cache.get(call_id)
    if cached is not None and len(cached.events) == _last_seq(db, call_id):
        with lock:
            cache.move_to_end(call_id)
        return row, cached
    row, call = load_call(db, call_id)
    _remember(call_id, call)
    return row, call


def _remember(call_id: int, call: Call) -> None:
    cache, lock = _cache()
    with lock:
        cache[call_id] = call
        cache.move_to_end(call_id)
        while len(cache) > CAPACITY:
            cache.popitem(last=False)


def apply_step(db: Database, call_id: int, step: Any) -> tuple[Call, list[dict[str, Any]]]:
    """Apply one step to a live call and commit it; StaleCall if another writer got there first."""
    import sqlite3

    _, call = get_live(db, call_id)
    try:
        events = step_call(db, call_id, call, step)
    except sqlite3.IntegrityError as exc:
        cache, lock = _cache()
        with lock:
            cache.pop(call_id, None)
        raise StaleCall("the call was changed from another window") from exc
    return call, events


def forget(call_id: int) -> None:
    """Drop a call from the cache (its log stays the truth)."""
    cache, lock = _cache()
    with lock:
        cache.pop(call_id, None)

"""A call's state after its last step, stored beside its events: resuming without replaying.

The event log stays the truth. A snapshot holds what the engine keeps about a call besides its log
(the hidden state, the mood, the clock, what was revealed and done...), written in the same
transaction as the step's events, with the sequence number of the last of them. A worker that
finds the snapshot's number equal to the log's last one rebuilds the call from the fixed parts of
the log (`Engine.start` draws the same caller from the same seed), the stored events and the
snapshot, in constant time; otherwise (no snapshot, another version of the call's fields, a value
that does not survive JSON) it replays the steps as before. tests/test_snapshots.py checks, for
every transcript and after every step, that both ways give the same call.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlite_utils import Database

from simulator.call import Call, Pending
from simulator.engine import Engine, recorded_model_turns
from simulator.scenario import Scenario

# Fields the call's first event and the scenario fix (Engine.start rebuilds them), and the log.
FIXED = ("scenario", "persona", "locale", "seed", "mode", "caller", "events", "recorded_llm")
KEPT = tuple(f.name for f in dataclasses.fields(Call) if f.name not in FIXED)


def _plain(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return {"set": sorted(value)}
    if isinstance(value, Pending):  # a drastic step awaiting the caller's yes
        return {"pending": dataclasses.asdict(value)}
    return value


def _back(name: str, value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"set"}:
        return set(value["set"])
    if isinstance(value, dict) and set(value) == {"pending"}:
        return Pending(**value["pending"])
    return value


def snapshot_of(call: Call) -> str | None:
    """The call's state beyond its log as JSON; None when some value would not read back equal."""
    data = {name: _plain(getattr(call, name)) for name in KEPT}
    try:
        text = json.dumps({"fields": data}, separators=(",", ":"), sort_keys=True)
    except (TypeError, ValueError):
        return None
    read = json.loads(text)["fields"]
    if any(_back(n, read[n]) != getattr(call, n) for n in KEPT):
        return None  # a tuple, a non-string key...: the replay will rebuild this one
    return text


def restore(
    engine: Engine, scenario: Scenario, events: list[dict[str, Any]], snapshot: str
) -> Call | None:
    """The call rebuilt from its whole log and the snapshot taken after its last event.

    None when the snapshot does not fit: it must name exactly the fields a call has today.
    """
    fields = json.loads(snapshot)["fields"]
    if set(fields) != set(KEPT) or not events:
        return None
    started = events[0]["data"]
    call = engine.start(
        scenario, started["persona"], started["locale"], started["seed"], started["mode"], True
    )
    call.events = list(events)
    call.recorded_llm = recorded_model_turns(events)
    for name in KEPT:
        setattr(call, name, _back(name, fields[name]))
    return call


def catch_up(call: Call, missed: list[dict[str, Any]], snapshot: str) -> bool:
    """Bring a cached call up to its log: append the missed events, take the stored state."""
    fields = json.loads(snapshot)["fields"]
    if set(fields) != set(KEPT):
        return False
    call.events.extend(missed)
    call.recorded_llm = recorded_model_turns(call.events)
    for name in KEPT:
        setattr(call, name, _back(name, fields[name]))
    return True


def save_snapshot(db: Database, call_id: int, call: Call) -> None:
    """Store the call's state after its last event (replacing the one before), if it has one."""
    write_snapshot(db, call_id, len(call.events), snapshot_of(call))


def write_snapshot(db: Database, call_id: int, seq: int, text: str | None) -> None:
    """Store a state taken beforehand (snapshot_of, outside the write lock) as the one after event
    `seq`; None deletes the stored one (that state would not read back equal)."""
    if text is None:
        db.conn.execute("delete from call_snapshots where call_id = ?", [call_id])
        return
    db.conn.execute(
        "insert into call_snapshots (call_id, seq, data) values (?, ?, ?) "
        "on conflict(call_id) do update set seq = excluded.seq, data = excluded.data",
        [call_id, seq, text],
    )


def load_snapshot(db: Database, call_id: int, seq: int) -> str | None:
    """The stored snapshot of a call if it was taken after event `seq` (the log's last)."""
    rows = db.execute(
        "select data from call_snapshots where call_id = ? and seq = ?", [call_id, seq]
    ).fetchall()
    return rows[0][0] if rows else None

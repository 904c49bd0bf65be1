"""Limits every worker shares, kept in the app's own database: a sliding window of hits per key
(an address, a user and an action) and a growing delay after failed logins to one account name.

A window is the key's hits (`rate_hits`, one row each) of the last `seconds`; how many rows a key
has is kept beside them (`rate_counts`, updated by the database's own triggers on every insert
and delete), so a check reads one counter and the few rows that expired since the key's last
hit instead of counting every hit of the window.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from storage.calls import now
from storage.db import immediate

FREE_FAILURES = 5  # wrong passwords before the account name is locked for a while
FIRST_DELAY = 30.0  # seconds of the first lock; doubled at each further failure
MAX_DELAY = 3600.0


@dataclass(frozen=True)
class Window:
    """At most `amount` hits per `seconds` for one key."""

    amount: int
    seconds: float


def hit(db: Database, key: str, window: Window, at: float | None = None) -> bool:
    """Count one hit on `key`; False (and nothing counted) when the window is already full.

    Inside a write transaction already open (a step's), the hit is part of it: no second one.
    """
    at = time.time() if at is None else at
    if db.conn.in_transaction:
        return _count(db, key, window, at)
    with immediate(db):
        return _count(db, key, window, at)


def _count(db: Database, key: str, window: Window, at: float) -> bool:
    conn = db.conn
    conn.execute("delete from rate_hits where key = ? and at <= ?", [key, at - window.seconds])
    row = conn.execute("select n from rate_counts where key = ?", [key]).fetchone()
    if row is not None and row[0] >= window.amount:
        return False
    conn.execute("insert into rate_hits (key, at) values (?, ?)", [key, at])
    return True


def has_room(db: Database, key: str, window: Window, at: float | None = None) -> bool:
    """Whether `key` may take one more hit now: a read, nothing counted, no write lock taken."""
    at = time.time() if at is None else at
    (count,) = db.conn.execute(
        "select coalesce((select n from rate_counts where key = ?1), 0)"
        " - (select count(*) from rate_hits where key = ?1 and at <= ?2)",
        [key, at - window.seconds],
    ).fetchone()
    return count < window.amount


def locked_for(db: Database, username: str, at: float | None = None) -> float:
    """Seconds before this account name may try to log in again (0 when it may now)."""
    at = time.time() if at is None else at
    rows = list(
        db.query("select locked_until from login_failures where username = ?", [_name(username)])
    )
    return max(0.0, (rows[0]["locked_until"] or 0.0) - at) if rows else 0.0


def record_failure(db: Database, username: str, at: float | None = None) -> float:
    """Note a wrong password for this name (existing or not); returns the lock it now has (s)."""
    at = time.time() if at is None else at
    with immediate(db):
        rows = list(
            db.query("select failures from login_failures where username = ?", [_name(username)])
        )
        failures = (rows[0]["failures"] if rows else 0) + 1
        delay = 0.0
        if failures >= FREE_FAILURES:
            delay = min(MAX_DELAY, FIRST_DELAY * 2 ** (failures - FREE_FAILURES))
        db["login_failures"].upsert(
            {
                "username": _name(username),
                "failures": failures,
                "locked_until": at + delay,
                "last_at": now(),
            },
            pk="username",
        )
    return delay


def record_success(db: Database, username: str) -> None:
    """A right password: the name's failures are forgotten."""
    db.execute("delete from login_failures where username = ?", [_name(username)])


def login_alerts(db: Database) -> list[dict[str, Any]]:
    """Account names that reached the lock, the most failures first (the admin page shows them)."""
    return list(
        db.query(
            "select f.username, f.failures, f.last_at, u.name from login_failures f "
            "left join users u on u.username = f.username where f.failures >= ? "
            "order by f.failures desc, f.last_at desc limit 50",
            [FREE_FAILURES],
        )
    )


def _name(username: str) -> str:
    return username.strip().lower()[:64]


BUDGET_KEY = "limits.llm_daily_calls"


def model_calls_today(db: Database, user_id: int) -> int:
    """How many language-model turns this user's calls made since midnight (UTC)."""
    today = now()[:10]
    row = next(
        iter(
            db.query(
                "select count(*) as n from events e join calls c on c.id = e.call_id "
                "where e.kind = 'llm_turn' and e.created_at >= ? and c.user_id = ?",
                [today, user_id],
            )
        )
    )
    return row["n"]


def daily_model_budget(db: Database) -> int | None:
    """The admin's daily budget of model turns per user (None: no budget)."""
    rows = list(db.query("select value from settings where key = ?", [BUDGET_KEY]))
    value = rows[0]["value"] if rows else None
    return int(value) if value not in (None, "") else None

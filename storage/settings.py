"""Settings changed by an admin on the page: one row per key, who changed it and when."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from sqlite_utils import Database

from storage.db import immediate


def _now() -> str:
    # Microseconds: the stamp below must change even when two saves fall in the same second.
    return datetime.now(UTC).isoformat(timespec="microseconds")


def get(db: Database, key: str) -> str | None:
    """The stored value of `key`, or None when it was never set or was cleared."""
    rows = list(db.query("select value from settings where key = ? and value is not null", [key]))
    return rows[0]["value"] if rows else None


def get_many(db: Database, prefix: str) -> dict[str, str]:
    """Every stored setting whose key starts with `prefix`."""
    rows = db.query(
        "select key, value from settings where substr(key, 1, ?) = ? and value is not null",
        [len(prefix), prefix],
    )
    return {row["key"]: row["value"] for row in rows}


def set_many(db: Database, values: Mapping[str, str | None], user_id: int | None) -> None:
    """Store these values in one transaction; None clears a key (the environment applies again).

    A cleared key keeps its row (value NULL) with the new time, so the stamp only moves forward.
    """
    stamp = _now()
    with immediate(db):
        for key, value in values.items():
            db.execute(
                "insert into settings (key, value, updated_at, updated_by) values (?, ?, ?, ?) "
                "on conflict (key) do update set value = excluded.value, "
                "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                [key, value, stamp, user_id],
            )


def stamp(db: Database) -> tuple[int, str]:
    """A cheap fingerprint of the settings: changes whenever any key is set or cleared."""
    row = next(iter(db.query("select count(*) as n, max(updated_at) as last from settings")))
    return row["n"], row["last"] or ""


def changed_at(db: Database, prefix: str) -> dict | None:
    """When and by whom a key with this prefix was last changed (None if never)."""
    rows = list(
        db.query(
            "select s.updated_at, u.name from settings s left join users u on u.id = s.updated_by "
            "where substr(s.key, 1, ?) = ? order by s.updated_at desc limit 1",
            [len(prefix), prefix],
        )
    )
    return rows[0] if rows else None

"""The SQLite database: one file, WAL mode, foreign keys on, a busy timeout; migrations applied."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from storage.migrations import migrations

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path | None = None, memory: bool = False) -> Database:
    """Open the database (creating and migrating it if needed) with the house pragmas."""
    if memory or path is None or str(path) == ":memory:":
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(path)
        db.enable_wal()
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    migrations.apply(db)
    return db

"""The SQLite database: one file, WAL mode, foreign keys on, a busy timeout; migrations applied."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.utils import dedupe_keys

from storage.migrations import migrations

BUSY_TIMEOUT_MS = 5000


class _Database(Database):
    """sqlite-utils' Database, its `query` of a plain SELECT run as one statement.

    sqlite-utils runs every query inside a savepoint (SAVEPOINT, the statement, RELEASE), so that
    a statement which turns out to return no rows can be undone before its ValueError. A SELECT
    always returns rows and never writes: the savepoint only made three statements of one, on
    each of a step's half-dozen reads. Anything else goes through sqlite-utils' own `query`.
    """

    def query(
        self, sql: str, params: Sequence | dict[str, Any] | None = None
    ) -> Generator[dict, None, None]:
        """Run `sql` and give its rows as dicts (sqlite-utils' query)."""
        head = sql.lstrip()[:7]
        if head[:6].upper() != "SELECT" or head[6:].isalnum() or head[6:] == "_":
            return super().query(sql, params)
        if self._tracer:
            self._tracer(sql, params)
        cursor = self.conn.execute(sql, *((params,) if params is not None else ()))
        keys = dedupe_keys(d[0] for d in cursor.description)  # as sqlite-utils names them
        return (dict(zip(keys, row, strict=True)) for row in cursor)


def connect(path: str | Path | None = None, memory: bool = False, prepare: bool = True) -> Database:
    """Open the database with the house pragmas; `prepare` also creates, sets WAL and migrates.

    A server prepares once per process and then opens plain connections (`prepare=False`): WAL
    mode is stored in the file, and checking migrations on every request costs more than its query.
    """
    if memory or path is None or str(path) == ":memory:":
        db, prepare = _Database(memory=True), True
    else:
        if prepare:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            _private(Path(path))
        db = _Database(path)
        if prepare:
            db.enable_wal()
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    if prepare:
        migrations.apply(db)
    return db


def _private(path: Path) -> None:
    """Create the file readable by its owner only (it holds password hashes and the model key);
    SQLite gives its -wal and -shm files the same mode. An older, wider file is narrowed.

    An existing file is never opened here: closing any descriptor of a file drops every POSIX lock
    the process holds on it, those of its open SQLite connections included (SQLite's "how to
    corrupt", 2.2). Another process then takes its last connection for the only one and removes
    the WAL in use: "disk I/O error", then "database disk image is malformed".
    """
    try:
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        elif path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError:
        pass  # created meanwhile, or not ours to change: SQLite will say if it cannot open


@contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes SQLite's write lock at BEGIN (a savepoint when nested).

    A plain (deferred) BEGIN that reads before it writes cannot wait for the lock in WAL mode: once
    another connection has committed, its upgrade fails at once with "database is locked". BEGIN
    IMMEDIATE waits (up to the busy timeout) and then sees the latest data.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise

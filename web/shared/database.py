"""The database handle of a request (or CLI command): opened on first use, then kept or closed.

A server keeps one connection per thread and process open across requests (config
DATABASE_KEEP_OPEN, on unless testing). Opening costs its pragmas, and closing the last connection
of a process checkpoints the WAL into the database file and syncs it: on every request, that was
about a tenth of a step's time. Kept open, SQLite checkpoints by itself every thousand pages. A
connection never crosses a fork: one opened by another process (gunicorn's master, before the
workers fork) is left alone and the worker opens its own.
"""

from __future__ import annotations

import os
import threading

from flask import Flask, current_app, g
from sqlite_utils import Database

from storage.db import connect

_inherited: list[Database] = []  # opened before a fork: never used or closed by the child


def get_db() -> Database:
    """This request's database connection."""
    if "db" not in g:
        g.db = _kept() if _keep_open() else _open()
    return g.db


def _keep_open() -> bool:
    return bool(current_app.config.get("DATABASE_KEEP_OPEN", not current_app.testing))


def _open() -> Database:
    path = current_app.config["DATABASE"]
    prepared = current_app.extensions.setdefault("hotliner", {}).setdefault("prepared", set())
    db = connect(path, prepare=path not in prepared)
    prepared.add(path)
    return db


def _kept() -> Database:
    """This thread's open connection to the app's database, opened on first use."""
    ext = current_app.extensions.setdefault("hotliner", {})
    local = ext.get("db_local") or ext.setdefault("db_local", threading.local())
    path, pid = current_app.config["DATABASE"], os.getpid()
    held = getattr(local, "held", None)
    if held is not None and held[:2] == (pid, path):
        return held[2]
    if held is not None and held[0] != pid:
        _inherited.append(held[2])
    local.held = (pid, path, _open())
    return local.held[2]


def close_kept(app: Flask) -> None:
    """Close this thread's kept connection, if this process opened it.

    gunicorn's master warms with a connection of its own, while its first workers may be writing;
    it closes that connection before forking the workers that replace them, so that no child
    starts with SQLite's locking records of a connection it must never use.
    """
    local = app.extensions.get("hotliner", {}).get("db_local")
    held = getattr(local, "held", None)
    if held is not None and held[0] == os.getpid():
        held[2].close()
        local.held = None


def close_db(_error: BaseException | None = None) -> None:
    """End the request's use of its connection: roll back what it left open; close it unless
    it is kept."""
    db = g.pop("db", None)
    if db is None:
        return
    if db.conn.in_transaction:
        db.conn.rollback()
    if not _keep_open():
        db.close()


def init_app(app: Flask) -> None:
    """Release the connection at the end of every request and CLI command."""
    app.teardown_appcontext(close_db)

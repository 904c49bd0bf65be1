"""The database handle of a request (or CLI command): opened on first use, closed on teardown."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlite_utils import Database

from storage.db import connect


def get_db() -> Database:
    """This request's database connection."""
    if "db" not in g:
        path = current_app.config["DATABASE"]
        prepared = current_app.extensions.setdefault("hotliner", {}).setdefault("prepared", set())
        g.db = connect(path, prepare=path not in prepared)
        prepared.add(path)
    return g.db


def close_db(_error: BaseException | None = None) -> None:
    """Close the request's connection, if one was opened."""
    db = g.pop("db", None)
    if db is not None:
        db.close()


def init_app(app: Flask) -> None:
    """Close the connection at the end of every request and CLI command."""
    app.teardown_appcontext(close_db)

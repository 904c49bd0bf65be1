"""The floor for this stack: a bare Flask endpoint that does one SQLite INSERT and COMMIT.

Served exactly like the app (`gunicorn -w 2 'baseline_app:create_app()'` from bench/, with the
app's worker class, threads and keep-alive: bench/serve.serving), on a database file named by
BASELINE_DATABASE, with the app's pragmas (WAL, synchronous NORMAL, busy
timeout). `bench/http_load.py` drives it with the same requests as the real API.
"""

from __future__ import annotations

import json
import os
import sqlite3

from flask import Flask, g, jsonify, request


def _db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(os.environ["BASELINE_DATABASE"], timeout=5)
        g.db.execute("PRAGMA journal_mode = WAL")
        g.db.execute("PRAGMA synchronous = NORMAL")
    return g.db


def create_app() -> Flask:
    """A one-route app: POST /step stores its JSON body as one row."""
    app = Flask(__name__)
    with sqlite3.connect(os.environ["BASELINE_DATABASE"]) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute(
            "create table if not exists steps (id integer primary key, call_id integer, data text)"
        )

    @app.teardown_appcontext
    def _close(_error: BaseException | None = None) -> None:
        db = g.pop("db", None)
        if db is not None:
            db.close()

    @app.get("/ping")
    def ping():
        return "ok"

    @app.post("/step")
    def step():
        body = request.get_json(silent=True) or {}
        db = _db()
        cursor = db.execute(
            "insert into steps (call_id, data) values (?, ?)",
            [body.get("call", 0), json.dumps(body.get("step"))],
        )
        db.commit()
        return jsonify(id=cursor.lastrowid)

    return app

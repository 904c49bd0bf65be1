"""gunicorn's master closes the connection it warmed with before it forks the lasting workers."""

from __future__ import annotations

import sqlite3

import pytest

from web.shared.database import close_kept, get_db


def test_the_kept_connection_is_closed_and_a_new_one_opened_after(tmp_path):
    from app import create_app

    app = create_app(
        {"DATABASE": str(tmp_path / "m.db"), "SECRET_KEY": "t", "DATABASE_KEEP_OPEN": True}
    )
    with app.app_context():
        warmed = get_db()
        warmed.execute("select 1")
    close_kept(app)
    with pytest.raises(sqlite3.ProgrammingError):
        warmed.execute("select 1")
    with app.app_context():
        assert get_db() is not warmed
        assert next(iter(get_db().query("select 1 as one")))["one"] == 1

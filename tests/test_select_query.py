"""A SELECT through the app's database handle reads as sqlite-utils' own query does."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from storage.db import connect, immediate


@pytest.fixture()
def db(tmp_path):
    db = connect(tmp_path / "q.db")
    db.conn.execute("create table t (id integer primary key, name text)")
    db.conn.executemany("insert into t (name) values (?)", [("a",), ("b",)])
    db.conn.commit()
    return db


def test_select_rows_are_the_same_as_sqlite_utils_gives(db, tmp_path):
    plain = Database(tmp_path / "q.db")
    for sql, params in [
        ("select * from t order by id", None),
        ("  SELECT id, name, name from t where id > ?", [0]),  # a repeated name renamed
        ("select count(*) as n from t", None),
        ("-- a comment first\nselect name from t", None),
    ]:
        assert list(db.query(sql, params)) == list(plain.query(sql, params))


def test_a_statement_without_rows_is_still_refused_and_undone(db):
    with pytest.raises(ValueError):
        list(db.query("update t set name = 'z'"))
    assert [r["name"] for r in db.query("select name from t order by id")] == ["a", "b"]


def test_a_select_inside_a_write_transaction_sees_its_writes(db):
    with immediate(db):
        db.conn.execute("insert into t (name) values ('c')")
        assert [r["name"] for r in db.query("select name from t order by id")] == ["a", "b", "c"]
    assert db.conn.in_transaction is False

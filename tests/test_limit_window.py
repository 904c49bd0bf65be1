"""A limit is a sliding window: at most N hits of a key in the last `seconds`, whichever worker
counts them; the (N+1)th is refused until the oldest hit leaves the window."""

from __future__ import annotations

import random

from sqlite_utils import Database

from storage.db import connect
from storage.limits import Window, has_room, hit
from storage.migrations import migrations

THREE_A_MINUTE = Window(3, 60.0)


def test_the_hit_past_the_limit_is_refused_and_not_counted():
    db = connect(memory=True)
    assert [hit(db, "step:1", THREE_A_MINUTE, at) for at in (0.0, 1.0, 2.0, 3.0, 4.0)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert db.execute("select count(*) from rate_hits where key = 'step:1'").fetchone()[0] == 3
    assert not has_room(db, "step:1", THREE_A_MINUTE, 5.0)


def test_a_hit_is_allowed_again_once_the_oldest_leaves_the_window():
    db = connect(memory=True)
    for at in (0.0, 10.0, 20.0):
        assert hit(db, "step:1", THREE_A_MINUTE, at)
    assert not has_room(db, "step:1", THREE_A_MINUTE, 59.9)
    assert not hit(db, "step:1", THREE_A_MINUTE, 59.9)
    assert has_room(db, "step:1", THREE_A_MINUTE, 60.0)  # the hit at 0 is a minute old
    assert hit(db, "step:1", THREE_A_MINUTE, 60.0)
    assert not hit(db, "step:1", THREE_A_MINUTE, 69.9)  # 10, 20 and 60 are in the window
    assert hit(db, "step:1", THREE_A_MINUTE, 200.0)  # all of them gone after a pause


def test_each_key_has_its_own_window():
    db = connect(memory=True)
    for _ in range(3):
        hit(db, "step:1", THREE_A_MINUTE, 1.0)
    assert not has_room(db, "step:1", THREE_A_MINUTE, 2.0)
    assert has_room(db, "step:2", THREE_A_MINUTE, 2.0) and hit(db, "call:1", THREE_A_MINUTE, 2.0)


def test_the_window_decides_as_counting_every_hit_of_the_last_seconds_would():
    db = connect(memory=True)
    rng, window, taken = random.Random(18), Window(5, 10.0), {"a": [], "b": []}
    at = 0.0
    for _ in range(600):
        at += rng.choice((0.1, 0.5, 1.0, 2.5, 7.0))
        key = rng.choice("ab")
        in_window = sum(1 for t in taken[key] if t > at - window.seconds)
        assert has_room(db, key, window, at) == (in_window < window.amount)
        allowed = hit(db, key, window, at)
        assert allowed == (in_window < window.amount)
        if allowed:
            taken[key].append(at)


def test_hits_stored_before_the_counters_are_counted():
    db = Database(memory=True)
    migrations.apply(db, stop_before="m_rate_counts")
    db["rate_hits"].insert_all([{"key": "step:1", "at": at} for at in (0.0, 1.0, 2.0)])
    migrations.apply(db)
    assert not has_room(db, "step:1", THREE_A_MINUTE, 3.0)
    assert hit(db, "step:1", THREE_A_MINUTE, 60.5)  # the hit at 0 has left the window

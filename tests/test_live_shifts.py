"""Live shifts in memory: rebuilt from the log when behind it; an overtaken step is tried again."""

from __future__ import annotations

import pytest

from simulator.shift_library import load_shift_library
from storage.calls import LogConflict
from tests.test_web import web  # noqa: F401  (web: the app fixture)
from web.shared import live_shifts
from web.shared.database import get_db
from web.shared.live_shifts import StaleShift, apply_shift_step, get_shift, start_shift


def _kinds(db, pk: int) -> list[str]:
    return [r["kind"] for r in db.query("select kind from shift_events where shift_pk = ?", [pk])]


@pytest.fixture()
def opened(web, library):  # noqa: F811
    with web.test_request_context():
        plan = load_shift_library(library.scenarios).plan("evening-on-call")
        yield get_db(), start_shift(get_db(), plan, "en", 1, None)


def test_a_cached_shift_behind_its_log_is_rebuilt_before_the_step(web, opened):  # noqa: F811
    db, pk = opened
    _row, cached = get_shift(db, pk)
    known = len(cached.events)
    apply_shift_step(db, pk, {"wait": 30}, None)
    cached.events = cached.events[:known]  # another worker's step this one has not seen
    web.extensions["hotliner"]["live_shifts"][0][pk] = cached
    shift, _outcome = apply_shift_step(db, pk, {"take": "e01"}, None)
    assert _kinds(db, pk)[-1] == "contact_taken" and "waited" in _kinds(db, pk)
    assert shift.contact("e01").status == "active"


def test_a_step_overtaken_while_it_was_applied_is_tried_once_more(opened, monkeypatch):
    db, pk = opened
    real, calls = live_shifts._commit, []

    def overtaken_once(*args):
        calls.append(1)
        if len(calls) == 1:
            raise LogConflict("another worker got there first")
        return real(*args)

    monkeypatch.setattr(live_shifts, "_commit", overtaken_once)
    apply_shift_step(db, pk, {"take": "e01"}, None)
    assert len(calls) == 2 and _kinds(db, pk).count("contact_taken") == 1


def test_a_step_overtaken_twice_is_refused_and_writes_nothing(opened, monkeypatch):
    db, pk = opened
    before = _kinds(db, pk)

    def always(*args):
        raise LogConflict("another worker got there first")

    monkeypatch.setattr(live_shifts, "_commit", always)
    with pytest.raises(StaleShift):
        apply_shift_step(db, pk, {"take": "e01"}, None)
    assert _kinds(db, pk) == before

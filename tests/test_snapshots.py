"""A call resumed from its stored snapshot is the call its steps replayed give, at every step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from simulator.engine import Engine
from simulator.replay import parse_transcript
from storage.snapshots import restore, snapshot_of

HERE = Path(__file__).resolve().parent / "transcripts"
TRANSCRIPTS = sorted(HERE.glob("*/*.*.yaml"))


def _fields(call) -> dict:
    return {f.name: getattr(call, f.name) for f in dataclasses.fields(call)}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in TRANSCRIPTS]
)
def test_snapshot_resume_equals_replay_after_every_step(engine, library, path):
    scenario = library.scenario(path.parent.name)
    locale = path.name.split(".")[-2]
    steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
    call = engine.start(scenario, None, locale, seed=3)
    for step in [None, *steps]:
        if step is not None:
            if call.ended:
                break
            engine.step(call, step)
        snapshot = snapshot_of(call)
        assert snapshot is not None, "every call's state can be stored"
        assert _fields(restore(engine, scenario, call.events, snapshot)) == _fields(call)
    # the call played step by step is its replay (the engine is deterministic): checked at the end
    assert _fields(engine.resume(scenario, call.events)) == _fields(call)
    # and a resumed call goes on exactly as the original: the next step gives the same events
    if not call.ended:
        resumed = restore(engine, scenario, call.events, snapshot_of(call))
        line = {"say": "Is there anything else I can do for you?"}
        assert engine.step(resumed, line) == engine.step(call, line)


def test_a_snapshot_of_other_fields_is_not_used(engine, library):
    scenario = library.scenario("printer-offline")
    call = engine.start(scenario, None, "en", seed=1)
    stale = snapshot_of(call).replace('"mood"', '"old_mood"')
    assert restore(engine, scenario, call.events, stale) is None


def test_another_worker_resumes_the_call_without_replaying_it(tmp_path, library, monkeypatch):
    from app import create_app
    from storage import calls as store
    from web.shared.call_service import start_call
    from web.shared.database import get_db
    from web.shared.live_calls import apply_step

    config = {"TESTING": True, "DATABASE": str(tmp_path / "t.db"), "SECRET_KEY": "t"}
    first, second = create_app(config), create_app(config)  # two workers, one database
    scenario = library.scenario("printer-offline")
    lines = ["Hello, IT support, may I have your name?", "Is the printer switched on?"]
    lines += ["Could you check the cable at the back?", "Please push the cable back in."]
    with first.app_context():
        call_id, _ = start_call(get_db(), scenario, None, "en", 5)
    steps, step = [], Engine.step
    monkeypatch.setattr(Engine, "resume", lambda *a: pytest.fail("the call was replayed"))
    monkeypatch.setattr(Engine, "step", lambda *a, **k: steps.append(a) or step(*a, **k))
    for index, line in enumerate(lines):  # the steps alternate between the two workers
        with (first if index % 2 else second).app_context():
            call, _ = apply_step(get_db(), call_id, {"say": line})
    monkeypatch.undo()
    assert len(steps) == len(lines)  # each line applied once: no missed step replayed either
    with first.app_context():
        events = store.load_events(get_db(), call_id)
    assert call.events == events
    fresh = Engine(library.catalog, library.personas, library.articles)
    assert _fields(fresh.resume(scenario, events)) == _fields(call)

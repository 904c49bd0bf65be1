"""Reliability: a crash loses no answered step; trainees stepping at once never fork or repeat a
call.

Crash and cross-process tests run the app under gunicorn (two workers) on 127.0.0.1 with bounded
loads; the in-process test drives one app from many threads. Afterwards the database is checked
directly: every answered step is in the log, every log is gapless and rebuilds to exactly what is
stored (no half-written step), every ended call has its score.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter

import httpx
import pytest

from app import create_app
from storage import calls as store
from storage.db import connect
from storage.scores import load_score
from tests.served import Gunicorn, trainees
from web.shared.call_service import load_call
from web.shared.database import get_db

TURNS = [
    "Good morning, IT support, Sam speaking. May I have your name, please?",
    "What exactly happens when you try to print?",
    "Is the printer switched on?",
    "Could you check the cable at the back of the printer?",
    "Please plug the cable back in firmly.",
    "Can you try printing again now?",
    "Is there anything else I can do for you? Goodbye!",
]


def _say(i: int, n: int) -> str:
    """A turn made unique, so each answered step can be found in the log."""
    return f"{TURNS[n % len(TURNS)]} (ref {i}-{n})"


def check_database(
    db_path, answered: list[tuple[int, object]], rejected: list[tuple[int, object]] = ()
) -> dict:
    """Every answered step logged once, rejected ones never; logs gapless and whole; scores
    present."""
    app = create_app({"TESTING": True, "DATABASE": str(db_path), "SECRET_KEY": "check"})
    with app.app_context():
        db = get_db()
        inputs: Counter = Counter()
        statuses: Counter = Counter()
        for row in db.query("select id, status from calls"):
            events = store.load_events(db, row["id"])
            assert [e["seq"] for e in events] == list(range(1, len(events) + 1)), (
                f"gap in call {row['id']}"
            )
            for e in events:
                if "input" in e["data"]:
                    inputs[(row["id"], json.dumps(e["data"]["input"], sort_keys=True))] += 1
            _, rebuilt = load_call(
                db, row["id"]
            )  # replaying the inputs gives exactly the stored log
            assert json.dumps(rebuilt.events, sort_keys=True) == json.dumps(events, sort_keys=True)
            assert (row["status"] == "ended") == rebuilt.ended
            if row["status"] == "ended":
                assert load_score(db, row["id"]) is not None, (
                    f"call {row['id']} ended without a score"
                )
            statuses[row["status"]] += 1
    for call_id, step in answered:
        assert inputs[(call_id, json.dumps(step, sort_keys=True))] == 1, (
            f"answered step lost or doubled: {step}"
        )
    for call_id, step in rejected:
        assert inputs[(call_id, json.dumps(step, sort_keys=True))] == 0, (
            f"refused step was applied: {step}"
        )
    return {"calls": sum(statuses.values()), **statuses, "steps": sum(inputs.values())}


def _play(
    url: str, token: str, index: int, stop: threading.Event, answered: list, lock: threading.Lock
) -> None:
    """One trainee: start calls and play them until told to stop; record every step answered 200."""
    with httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=10
    ) as client:
        n = 0
        while not stop.is_set():
            try:
                r = client.post(
                    "/api/v1/calls", json={"scenario": "printer-offline", "seed": n, "locale": "en"}
                )
                if r.status_code != 201:
                    continue
                call_id = r.json()["id"]
                for _ in range(len(TURNS)):
                    step = {"say": _say(index, n)}
                    n += 1
                    if stop.is_set():
                        return
                    s = client.post(f"/api/v1/calls/{call_id}/steps", json={"step": step})
                    if s.status_code >= 500:
                        with lock:
                            answered.append(("server error", s.text))
                    if s.status_code == 200:
                        with lock:
                            answered.append((call_id, step))
                if not stop.is_set():
                    client.post(f"/api/v1/calls/{call_id}/steps", json={"step": "close"})
            except httpx.TransportError:
                time.sleep(0.05)  # the server is dying or restarting: nothing was answered
            except Exception as exc:  # noqa: BLE001 - reported by the test, in its own thread
                with lock:
                    answered.append(("server error", repr(exc)))
                return


def _load(
    url: str, tokens: list[str], answered: list, lock: threading.Lock
) -> tuple[threading.Event, list]:
    stop = threading.Event()
    threads = [
        threading.Thread(target=_play, args=(url, t, i, stop, answered, lock), daemon=True)
        for i, t in enumerate(tokens)
    ]
    for thread in threads:
        thread.start()
    return stop, threads


def _wait_for_answers(answered: list, lock: threading.Lock, count: int, deadline: float = 180):
    """Wait until `count` steps were answered (progress, not time); fail after a generous wait."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with lock:
            if len(answered) >= count or any(a[0] == "server error" for a in answered):
                return
        time.sleep(0.05)
    raise AssertionError(f"only {len(answered)} of {count} steps answered in {deadline} s")


def test_a_crash_loses_no_answered_step_and_every_call_resumes(tmp_path):
    db_path = tmp_path / "crash.db"
    tokens = trainees(db_path, 6)
    server = Gunicorn(db_path, tmp_path / "gunicorn.log").start()
    answered: list = []
    lock = threading.Lock()
    try:
        stop, threads = _load(server.url, tokens, answered, lock)
        _wait_for_answers(answered, lock, 25)  # the load got going, however slow the machine
        killed = server.kill_worker()
        _wait_for_answers(answered, lock, len(answered) + 25)  # and went on after the kill
        assert killed not in server.worker_pids()
        server.crash()
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
    finally:
        server.stop()
    assert not [a for a in answered if a[0] == "server error"]
    assert len(answered) > 20, "the load did not get going"
    seen = check_database(db_path, answered)
    assert seen["steps"] >= len(answered)

    server = Gunicorn(db_path, tmp_path / "gunicorn.log").start()  # restart on the same file
    try:
        db = connect(db_path)
        active = list(
            db.query("select id, user_id from calls where status = 'active' order by id limit 6")
        )
        db.close()
        for row in active:
            token = tokens[row["user_id"] - 1]
            r = httpx.post(
                f"{server.url}/api/v1/calls/{row['id']}/steps",
                json={"step": {"say": "Are you still there?"}},
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            )
            assert r.status_code == 200, r.text
    finally:
        server.stop()


def _two_tabs(send, call_ids: list[int], rounds: int) -> tuple[list, list]:
    """Two tabs of each call send a different step at the same moment; (answered, refused)."""
    answered, refused = [], []
    for r in range(rounds):
        for call_id in call_ids:
            barrier = threading.Barrier(2)
            results = []

            def tab(t: int, call_id=call_id, barrier=barrier, results=results, r=r) -> None:
                step = {"say": _say(call_id, 100 * r + t)}
                barrier.wait()
                try:
                    results.append((step, send(call_id, step)))
                except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
                    results.append((step, repr(exc)))

            threads = [threading.Thread(target=tab, args=(t,)) for t in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
            for step, status in results:
                assert status in (200, 409), status
                (answered if status == 200 else refused).append((call_id, step))
    return answered, refused


@pytest.mark.parametrize(
    "serving", [(), ("-k", "gthread", "--threads", "4")], ids=["sync", "gthread"]
)
def test_two_tabs_across_workers_never_fork_a_call(tmp_path, serving):
    db_path = tmp_path / "tabs.db"
    (token,) = trainees(db_path, 1)
    server = Gunicorn(db_path, tmp_path / "gunicorn.log", extra=serving).start()
    auth = {"Authorization": f"Bearer {token}"}
    try:
        with httpx.Client(base_url=server.url, headers=auth, timeout=30) as client:
            call_ids = [
                client.post(
                    "/api/v1/calls", json={"scenario": "printer-offline", "seed": s}
                ).json()["id"]
                for s in range(4)
            ]

        def send(call_id: int, step) -> int:
            return httpx.post(
                f"{server.url}/api/v1/calls/{call_id}/steps",
                json={"step": step},
                headers=auth,
                timeout=30,
            ).status_code

        answered, refused = _two_tabs(send, call_ids, rounds=4)
    finally:
        server.stop()
    assert len(answered) >= 16  # at least one tab of each pair got through every round
    check_database(db_path, answered, refused)


@pytest.mark.parametrize("keep_open", [False, True], ids=["per-request", "kept-per-thread"])
def test_many_trainees_and_two_tabs_in_one_threaded_process(tmp_path, keep_open):
    db_path = tmp_path / "threads.db"
    tokens = trainees(db_path, 12)
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(db_path),
            "SECRET_KEY": "t",
            "DATABASE_KEEP_OPEN": keep_open,  # as served: one connection per thread, kept
        }
    )
    auth = [{"Authorization": f"Bearer {t}"} for t in tokens]
    started = [
        app.test_client()
        .post("/api/v1/calls", json={"scenario": "printer-offline", "seed": i}, headers=auth[i])
        .json["id"]
        for i in range(len(tokens))
    ]
    answered, failures, lock = [], [], threading.Lock()

    def trainee(i: int) -> None:
        client = app.test_client()
        for n in range(len(TURNS)):
            step = {"say": _say(i, n)}
            r = client.post(
                f"/api/v1/calls/{started[i]}/steps", json={"step": step}, headers=auth[i]
            )
            with lock:
                (answered if r.status_code == 200 else failures).append(
                    (started[i], step, r.status_code)
                )

    threads = [threading.Thread(target=trainee, args=(i,)) for i in range(1, len(tokens))]
    for thread in threads:
        thread.start()

    def send(call_id: int, step) -> int:
        return (
            app.test_client()
            .post(f"/api/v1/calls/{call_id}/steps", json={"step": step}, headers=auth[0])
            .status_code
        )

    tabs_answered, refused = _two_tabs(send, [started[0]], rounds=6)
    for thread in threads:
        thread.join(timeout=60)
    # in one process the tabs' steps queue on the call's lock: both are applied, one after the other
    assert not failures
    assert len(tabs_answered) == 12 and not refused
    answered = [(call_id, step) for call_id, step, _ in answered]
    seen = check_database(db_path, answered + tabs_answered)
    assert seen["steps"] == len(answered) + len(tabs_answered)


@pytest.mark.parametrize("offset", [0, 1, -1])
def test_events_that_do_not_continue_the_log_are_refused_whole(tmp_path, engine, library, offset):
    db = connect(tmp_path / "log.db")
    call = engine.start(library.scenario("printer-offline"), "calm", "en", 1)
    call_id = store.create_call(db, call.events)
    events = engine.step(call, {"say": "Is the printer switched on?"})
    if offset:
        events = [{**e, "seq": e["seq"] + offset} for e in events]
        with pytest.raises(store.LogConflict):
            store.append_events(db, call_id, events)
        assert len(store.load_events(db, call_id)) == events[0]["seq"] - 1 - offset
    else:
        store.append_events(db, call_id, events)
        assert store.load_events(db, call_id) == json.loads(json.dumps(call.events))


def test_a_matcher_trained_twice_decides_exactly_the_same(library):
    """Found by the crash test: an unseeded SVM gave scores differing in the third decimal between
    processes, so a call replayed on another worker did not match its log."""
    from simulator.understand import Matcher, catalog_examples

    examples = catalog_examples(library.catalog, "en")
    first, second = Matcher(examples), Matcher(examples)
    text = "Is there anything else I can do for you? Goodbye (ref 4-97) and the printer cable"
    assert first.understand(text) == second.understand(text)
    assert (first.svm.coef_ == second.svm.coef_).all()

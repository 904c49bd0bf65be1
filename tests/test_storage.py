"""The database: calls and events committed per step, resumable from the log alone; scores
stored."""

from __future__ import annotations

import sqlite3

import pytest

from grading import grade
from storage import calls as store
from storage.db import connect
from storage.scenarios import VersionConflict, remember_version, version_text
from storage.scores import load_score, save_score
from tests.helpers import play


@pytest.fixture()
def db(tmp_path):
    return connect(tmp_path / "h.db")


def test_connection_uses_wal_foreign_keys_and_migrations(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"calls", "events", "scores", "findings", "scenarios"} <= set(db.table_names())


def test_call_is_resumed_from_its_events_alone(db, engine, library):
    scenario = library.scenario("printer-offline")
    call = engine.start(scenario, "angry", "fr", 11)
    call_id = store.create_call(db, call.events)
    for raw in [
        {"say": "Bonjour, l'imprimante est-elle allumée ?"},
        {"say": "Vérifiez le câble, s'il vous plaît"},
    ]:
        store.append_events(db, call_id, engine.step(call, raw))
    events = store.load_events(db, call_id)
    assert events == call.events
    resumed = engine.resume(scenario, events)
    assert resumed.state == call.state and resumed.mood == call.mood


def test_sequence_numbers_cannot_be_written_twice(db, engine, library):
    call = engine.start(library.scenario("printer-offline"), "calm", "en", 1)
    call_id = store.create_call(db, call.events)
    with pytest.raises(sqlite3.IntegrityError):
        store.append_events(db, call_id, call.events[-1:])
    assert store.load_events(db, call_id) == call.events


def test_ending_step_closes_the_call(db, engine, library):
    call = engine.start(library.scenario("printer-offline"), "calm", "en", 1)
    call_id = store.create_call(db, call.events)
    store.append_events(db, call_id, engine.step(call, {"close": {"summary": "x"}}))
    assert store.get_call(db, call_id)["status"] == "ended"


def test_score_and_findings_round_trip(db, engine, library):
    scenario = library.scenario("printer-offline")
    call = play(engine, scenario, [{"say": "Hello"}, {"close": {"summary": "x"}}])
    call_id = store.create_call(db, call.events)
    score = grade(scenario, call.events, library.catalog, library.translations).to_dict()
    save_score(db, call_id, score)
    save_score(db, call_id, score)
    stored = load_score(db, call_id)
    assert stored["overall"] == score["overall"] and len(stored["findings"]) == len(
        score["findings"]
    )


def test_a_played_scenario_version_is_immutable(db):
    remember_version(db, "x", 1, "a: 1\n")
    remember_version(db, "x", 1, "a: 1\n")
    with pytest.raises(VersionConflict):
        remember_version(db, "x", 1, "a: 2\n")
    assert version_text(db, "x", 1) == "a: 1\n"


def test_indexing_the_knowledge_base_waits_for_another_writer(tmp_path, library):
    """A worker indexing the articles while another commits a step waits for the lock, then writes.

    With a deferred transaction the indexer read first, then failed at once with "database is
    locked" once the other writer had committed (a 503 for the trainee whose call woke the worker).
    """
    import threading

    from storage.kb_index import index_articles

    path = tmp_path / "kb.db"
    connect(path).close()
    holding, release = threading.Event(), threading.Event()

    def other_worker():
        db = connect(path, prepare=False)
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute(
            "insert into kb_articles (article_id, locale, title, tags, body) values ('x', "
            "'en', 't', '', 'b')"
        )
        holding.set()
        release.wait(5)
        db.conn.execute("COMMIT")
        db.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    holding.wait(5)
    threading.Timer(0.3, release.set).start()
    db = connect(path, prepare=False)
    index_articles(db, library.articles)  # waits for the other writer instead of failing
    thread.join()
    assert (
        db.execute("select count(*) from kb_articles").fetchone()[0]
        == 2 * len(library.articles) + 1
    )
    before = db.conn.total_changes
    index_articles(db, library.articles)  # nothing changed: nothing rewritten
    assert db.conn.total_changes == before

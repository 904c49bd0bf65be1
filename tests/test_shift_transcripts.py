"""The four built-in shift transcripts (two shifts × two languages) replay deterministically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grading.shift_record import shift_record
from simulator.shift_library import load_shift_library
from simulator.shift_replay import parse_shift_transcript, play_shift
from tests.shift_helpers import shift_engine

FOLDER = Path(__file__).resolve().parent / "shift_transcripts"
FILES = sorted(FOLDER.glob("*.yaml"))
SEED = 1
# A finding each transcript must show (the mistakes written into them on purpose).
EXPECTED = {
    "monday-morning.en": ("triage", "Contact c10 triaged incident, P4; it was incident, P3."),
    "monday-morning.fr": ("abandoned", "Le contact c08 a raccroché après 15 min d'attente"),
    "evening-on-call.en": ("follow_up", "3 of 3 level-2 answers passed on to the user."),
    "evening-on-call.fr": (
        "follow_up",
        "Le ticket escaladé e02 n'a jamais été suivi après la réponse du niveau 2.",
    ),
}


@pytest.fixture(scope="module")
def shifts(engine, library):
    return load_shift_library(library.scenarios), shift_engine(engine, library)


def _replay(shifts, library, path: Path):
    plans, engine = shifts
    shift_id, locale = path.stem.rsplit(".", 1)
    steps, lines = parse_shift_transcript(path.read_text(encoding="utf-8"), str(path))
    shift = play_shift(engine, plans.plan(shift_id), steps, locale, SEED, lines, str(path))
    record = shift_record(
        shift, library.scenarios, plans.matrix, library.catalog, library.translations
    )
    return shift, record


@pytest.fixture(scope="module")
def played(shifts, library):
    return {path.stem: _replay(shifts, library, path) for path in FILES}


def test_there_are_two_shifts_per_language():
    assert sorted(p.stem for p in FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_shift_transcript_replays_to_the_same_json(shifts, library, played, name):
    _, again = _replay(shifts, library, FOLDER / f"{name}.yaml")
    first = json.dumps(played[name][1], ensure_ascii=False, sort_keys=True)
    assert json.dumps(again, ensure_ascii=False, sort_keys=True) == first


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_call_of_a_shift_transcript_is_an_expert_call(played, name):
    record = played[name][1]
    scored = [c for c in record["contacts"] if c["score"] is not None]
    assert scored, "no call was graded"
    assert all(c["score"] >= 80 and not c["critical"] for c in scored), scored


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_shift_transcript_shows_its_expected_finding(played, name):
    rule, text = EXPECTED[name]
    messages = [f["message"] for f in played[name][1]["report"]["findings"] if f["rule"] == rule]
    assert any(m.startswith(text) for m in messages), messages


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_shift_rebuilt_from_its_log_grades_the_same(shifts, library, played, name):
    plans, engine = shifts
    shift, record = played[name]
    rebuilt = engine.resume(shift.plan, shift.events)
    again = shift_record(
        rebuilt, library.scenarios, plans.matrix, library.catalog, library.translations
    )
    assert again == record


def test_the_monday_morning_shift_brings_fifteen_to_twenty_contacts(played):
    planned = [
        c for c in played["monday-morning.en"][1]["contacts"] if not c["ref"].endswith("-vm")
    ]
    assert 15 <= len(planned) <= 20
    assert {c["channel"] for c in played["monday-morning.en"][1]["contacts"]} >= {
        "phone",
        "voicemail",
        "email",
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_shift_transcript_answers_emails_in_writing(played, name):
    shift, record = played[name]
    mails = [c for c in record["contacts"] if c["channel"] == "email"]
    finished = [c for c in mails if c["outcome"] in ("resolved", "escalated")]
    assert len(finished) >= 2, mails
    for row in mails:
        contact = shift.contact(row["ref"])
        assert any(
            e["data"].get("channel") == "email"
            for e in contact.call.events
            if e["kind"] == "trainee_said"
        )
        if row not in finished:  # the thread was still going when the shift ended
            assert row["outcome"] == "in_progress"
            assert contact.status in ("awaiting_reply", "reply_received"), contact.status


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_email_replies_come_in_on_the_shifts_clock(played, name):
    shift, _record = played[name]
    sent = {}
    for e in shift.events:
        if e["kind"] == "email_sent":
            assert 240 <= e["data"]["reply_in"] <= 600
            sent[e["data"]["ref"]] = e["at"] + e["data"]["reply_in"]
        elif e["kind"] == "email_reply_received":
            # both times are logged to a tenth of a second: their sum may round the other way
            assert e["at"] == pytest.approx(sent.pop(e["data"]["ref"]), abs=0.1001)
        elif e["kind"] == "contact_resumed" and e["data"].get("reply"):
            assert e["data"]["ref"] not in sent  # taken back only once the reply came in
    assert any(e["kind"] == "email_reply_received" for e in shift.events)

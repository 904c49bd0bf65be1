"""The shift API (/api/v1/shifts): a whole shift played over HTTP gives the replay's own record."""

from __future__ import annotations

from pathlib import Path

import jsonschema_rs  # schemathesis's validator (tests/test_api_schema.py)
import pytest

from app import create_app
from grading.shift_record import shift_record
from simulator.replay import fill_placeholders
from simulator.shift_library import load_shift_library
from simulator.shift_replay import parse_shift_transcript
from simulator.shift_steps import SHIFT_STEPS, step_input
from storage.users import add_user, new_api_token
from tests.shift_helpers import MATRIX, shift_engine
from web.api.shift_openapi import SHIFT_SCHEMA
from web.shared.database import get_db

ROOT = Path(__file__).resolve().parent


@pytest.fixture()
def api(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "api.db"),
            "SECRET_KEY": "test",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        tokens = {
            name: new_api_token(get_db(), add_user(get_db(), name, name.title(), "a-password-1"))
            for name in ("sam", "kim")
        }
    client = app.test_client()
    client.tokens = tokens
    return client


def _post(client, url, body=None, who="sam"):
    auth = {"Authorization": f"Bearer {client.tokens[who]}"}
    return client.post(url, json=body if body is not None else {}, headers=auth)


def _get(client, url, who="sam"):
    return client.get(url, headers={"Authorization": f"Bearer {client.tokens[who]}"})


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_shift_played_over_the_api_matches_its_replay(api, engine, library, locale):
    text = (ROOT / "shift_transcripts" / f"evening-on-call.{locale}.yaml").read_text("utf-8")
    steps, _lines = parse_shift_transcript(text, "t.yaml")
    local = shift_engine(engine, library)
    plan = load_shift_library(library.scenarios).plan("evening-on-call")
    shift = local.start(plan, locale, 1)
    started = _post(
        api, "/api/v1/shifts", {"shift": "evening-on-call", "locale": locale, "seed": 1}
    )
    assert started.status_code == 201
    url = f"/api/v1/shifts/{started.json['id']}"
    for step in steps:
        if (step.name not in SHIFT_STEPS or step.name == "email") and shift.active:
            step = fill_placeholders(step, shift.contact(shift.active).call)
        local.step(shift, step)
        raw = step_input(step)
        answer = _post(api, f"{url}/take", {"ref": raw["take"]}) if step.name == "take" else None
        answer = answer or _post(api, f"{url}/steps", {"step": raw})
        assert answer.status_code == 200, (step, answer.json)
        assert answer.json["now"] == round(shift.now, 1)
    if not shift.ended:
        assert _post(api, f"{url}/end").status_code == 200
        local.end(shift)
    ended = _get(api, url)
    expected = shift_record(shift, library.scenarios, MATRIX, library.catalog, library.translations)
    assert ended.json["status"] == "ended"
    assert ended.json["report"] == expected["report"]
    assert ended.json["contacts"] == expected["contacts"]
    assert set(ended.json["calls"]) == {
        c["ref"] for c in expected["contacts"] if c["taken_at"] is not None
    }


def test_the_state_shows_the_queue_and_the_contact_in_hand_without_the_right_triage(api):
    url = f"/api/v1/shifts/{_post(api, '/api/v1/shifts', {'shift': 'evening-on-call'}).json['id']}"
    state = _post(api, f"{url}/take", {"ref": "e01"}).json
    assert state["active"]["ref"] == "e01" and state["active"]["channel"] == "phone"
    assert state["active"]["entries"]  # the caller's opening line
    assert "impact" not in str(state["contacts"])  # the plan's triage stays on the server
    assert "vpn-caps-lock" not in str(state)  # nor the scenario id, which names the cause
    said = _post(api, f"{url}/steps", {"step": {"say": "Good evening, IT support."}}).json
    assert [e["who"] for e in said["entries"]][:2] == ["trainee", "caller"]
    assert said["events"][0]["kind"] == "call_step"


def test_refused_steps_are_409_and_write_nothing(api):
    url = f"/api/v1/shifts/{_post(api, '/api/v1/shifts', {'shift': 'evening-on-call'}).json['id']}"
    assert _post(api, f"{url}/take", {"ref": "e04"}).status_code == 409  # not arrived yet
    assert _post(api, f"{url}/steps", {"step": {"say": "Hello"}}).status_code == 409
    before = _get(api, url).json
    ended = _post(api, f"{url}/end")
    assert ended.status_code == 200 and ended.json["report"]["contacts"] >= 1
    again = _post(api, f"{url}/take", {"ref": "e01"})
    assert again.status_code == 409 and again.json["error"] == "shift_ended"
    assert _get(api, url).json["now"] == before["now"]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"shift": "no-such-shift"}, "unknown_shift"),
        ({"shift": "evening-on-call", "locale": "de"}, "bad_locale"),
        ({"shift": "evening-on-call", "seed": -1}, "bad_seed"),
    ],
)
def test_a_bad_start_is_422(api, body, error):
    answer = _post(api, "/api/v1/shifts", body)
    assert answer.status_code == 422 and answer.json["error"] == error


def test_another_trainee_cannot_read_or_play_a_shift(api):
    url = f"/api/v1/shifts/{_post(api, '/api/v1/shifts', {'shift': 'evening-on-call'}).json['id']}"
    assert _get(api, url, who="kim").status_code == 404
    assert _post(api, f"{url}/take", {"ref": "e01"}, who="kim").status_code == 404


def test_a_cookie_session_needs_the_csrf_token_to_write(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "c.db"), "SECRET_KEY": "t"})
    with app.app_context():
        add_user(get_db(), "sam", "Sam", "a-password-1")
    client = app.test_client()
    login = client.get("/login")
    token = login.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "sam", "password": "a-password-1", "csrf_token": token})
    refused = client.post("/api/v1/shifts", json={"shift": "evening-on-call"})
    assert refused.status_code == 400
    allowed = client.post(
        "/api/v1/shifts", json={"shift": "evening-on-call"}, headers={"X-CSRFToken": token}
    )
    assert allowed.status_code == 201


DOCUMENTED = jsonschema_rs.Draft202012Validator(SHIFT_SCHEMA)  # the OpenAPI document's Shift
MAIL = "Hello,\n\nDid you click the link or enter anything on that page?\n\nKind regards,\nSam"


def test_an_email_contact_reads_as_a_thread_as_documented(api):
    started = _post(api, "/api/v1/shifts", {"shift": "evening-on-call", "seed": 1})
    url = f"/api/v1/shifts/{started.json['id']}"
    _post(api, f"{url}/steps", {"step": {"wait": 61}})  # e07, an e-mail, arrives at one minute
    taken = _post(api, f"{url}/take", {"ref": "e07"}).json
    DOCUMENTED.validate(taken)
    head, [first] = taken["active"]["email"], taken["active"]["entries"]
    assert head["call_back"] is False and head["phoned_back"] is False
    mail = first["email"]
    assert (mail["direction"], mail["first"], mail["quoted"]) == ("from_user", True, None)
    assert mail["from"] == head["from"] and "@" in mail["from"]
    assert mail["subject"] == head["subject"] and mail["body"] and mail["signature"]

    sent = _post(api, f"{url}/steps", {"step": {"email": {"body": MAIL}}}).json
    DOCUMENTED.validate(sent)
    assert sent["active"] is None and sent["events"][-1]["kind"] == "email_sent"
    [mine] = sent["entries"]  # the user's reply is written, but not in yet
    assert mine["email"]["direction"] == "to_user" and mine["email"]["body"] == MAIL
    assert {q["ref"] for q in sent["queue"]}.isdisjoint({"e07"})

    waited = _post(api, f"{url}/steps", {"step": {"wait": 600}}).json
    assert {q["ref"]: q["status"] for q in waited["queue"]}["e07"] == "reply_received"
    back = _post(api, f"{url}/take", {"ref": "e07"}).json
    DOCUMENTED.validate(back)
    thread = back["active"]["entries"]
    assert [e["email"]["direction"] for e in thread] == ["from_user", "to_user", "from_user"]
    reply = thread[-1]["email"]
    assert reply["subject"].startswith("RE: ") and not reply["first"]
    assert thread[-1]["text"] in reply["body"]  # the plain words, inside the e-mail as written
    assert "wrote:" in reply["quoted"] and "> Did you click the link" in reply["quoted"]
    assert "> " not in reply["body"]


def test_a_phone_contact_has_no_email_part(api):
    url = f"/api/v1/shifts/{_post(api, '/api/v1/shifts', {'shift': 'evening-on-call'}).json['id']}"
    state = _post(api, f"{url}/take", {"ref": "e01"}).json
    DOCUMENTED.validate(state)
    assert state["active"]["email"] is None
    assert all("email" not in e for e in state["active"]["entries"])

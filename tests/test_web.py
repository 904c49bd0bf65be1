"""The web app through Flask's test client: every route × every role, security, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app import create_app
from storage import calls as store
from tests.test_starter import GUIDED
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db

PASSWORDS = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
ROLES = ("anonymous", "alice", "bruno", "trainer", "admin")
MATRIX_SCENARIO = (
    (Path(__file__).resolve().parent.parent / "scenarios" / "starters" / "new-scenario.yaml")
    .read_text(encoding="utf-8")
    .replace("id: my-new-scenario", "id: matrix-drill")
)


@pytest.fixture()
def web(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "web.db"),
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    return app


def client_as(app, who: str):
    client = app.test_client()
    if who != "anonymous":
        response = client.post("/login", data={"username": who, "password": PASSWORDS[who]})
        assert response.status_code == 302, who
    return client


def start(client, scenario="printer-offline", persona="calm", locale="en") -> int:
    response = client.post(
        "/practice", data={"scenario": scenario, "persona": persona, "locale": locale}
    )
    assert response.status_code == 302
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def say(client, call_id: int, text: str):
    return client.post(
        f"/calls/{call_id}/step", data={"step": "say", "text": text}, headers={"HX-Request": "true"}
    )


@pytest.fixture()
def calls(web):
    alice = client_as(web, "alice")
    live = start(alice)
    ended = start(alice)
    say(alice, ended, "Hello, is the printer switched on?")
    alice.post(f"/calls/{ended}/step", data={"step": "close", "summary": "done"})
    shift = alice.post("/shifts/start", data={"plan": "evening-on-call"}).headers["Location"]
    return {"live": live, "ended": ended, "shift": shift, "api_shift": f"/api/v1{shift}"}


# (method, endpoint, url builder, expected status per role)
MATRIX = [
    (
        "GET",
        "auth.login",
        lambda c: "/login",
        dict(anonymous=200, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "auth.login",
        lambda c: "/login",
        dict(anonymous=200, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "auth.settings",
        lambda c: "/settings",
        dict(anonymous=302, alice=302, bruno=302, trainer=302, admin=302),
    ),
    (
        "POST",
        "auth.logout",
        lambda c: "/logout",
        dict(anonymous=302, alice=302, bruno=302, trainer=302, admin=302),
    ),
    (
        "GET",
        "auth.settings",
        lambda c: "/settings",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "auth.language",
        lambda c: "/language/fr",
        dict(anonymous=302, alice=302, bruno=302, trainer=302, admin=302),
    ),
    (
        "GET",
        "calls.dashboard",
        lambda c: "/",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "calls.practice",
        lambda c: "/practice",
        dict(anonymous=302, alice=302, bruno=302, trainer=302, admin=302),
    ),
    (
        "GET",
        "calls.call_screen",
        lambda c: f"/calls/{c['live']}",
        dict(anonymous=302, alice=200, bruno=404, trainer=404, admin=404),
    ),
    (
        "POST",
        "calls.step",
        lambda c: f"/calls/{c['live']}/step",
        dict(anonymous=302, alice=200, bruno=404, trainer=404, admin=404),
    ),
    (
        "POST",
        "say_stream.say",
        lambda c: f"/calls/{c['live']}/say/stream",
        dict(anonymous=302, alice=200, bruno=404, trainer=404, admin=404),
    ),
    (
        "GET",
        "calls.debrief",
        lambda c: f"/calls/{c['ended']}/debrief",
        dict(anonymous=302, alice=200, bruno=404, trainer=200, admin=200),
    ),
    (
        "GET",
        "calls.history",
        lambda c: "/history",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "GET",
        "calls.article",
        lambda c: "/kb/printer-offline",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "GET",
        "api.openapi",
        lambda c: "/api/v1/openapi.json",
        dict(anonymous=200, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "GET",
        "api.scenarios",
        lambda c: "/api/v1/scenarios",
        dict(anonymous=401, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "api.create_call",
        lambda c: "/api/v1/calls",
        dict(anonymous=401, alice=201, bruno=201, trainer=201, admin=201),
    ),
    (
        "GET",
        "api.read_call",
        lambda c: f"/api/v1/calls/{c['live']}",
        dict(anonymous=401, alice=200, bruno=404, trainer=200, admin=200),
    ),
    (
        "POST",
        "api.send_step",
        lambda c: f"/api/v1/calls/{c['live']}/steps",
        dict(anonymous=401, alice=200, bruno=404, trainer=403, admin=403),
    ),
    (
        "GET",
        "api.read_score",
        lambda c: f"/api/v1/calls/{c['ended']}/score",
        dict(anonymous=401, alice=200, bruno=404, trainer=200, admin=200),
    ),
    (
        "GET",
        "authoring.library",
        lambda c: "/authoring/",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "authoring.new",
        lambda c: "/authoring/new?from=printer-offline",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "authoring.guided",
        lambda c: "/authoring/new/guided",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.guided_write",
        lambda c: "/authoring/new/guided",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.validate",
        lambda c: "/authoring/validate",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.draft",
        lambda c: "/authoring/draft",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "authoring.create",
        lambda c: "/authoring/new",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "authoring.scenario",
        lambda c: "/authoring/printer-offline",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.save_scenario",
        lambda c: "/authoring/matrix-drill/save",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "authoring.set_status",
        lambda c: "/authoring/matrix-drill/status",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "authoring.export_one",
        lambda c: "/authoring/matrix-drill/export",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "authoring.export_all",
        lambda c: "/authoring/export.zip",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.import_scenarios",
        lambda c: "/authoring/import",
        dict(anonymous=302, alice=403, bruno=403, trainer=400, admin=400),
    ),
    (
        "POST",
        "authoring.playtest_start",
        lambda c: "/authoring/printer-offline/playtest",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "authoring.playtest",
        lambda c: f"/authoring/playtest/{c['live']}",
        dict(anonymous=302, alice=403, bruno=403, trainer=404, admin=404),
    ),
    (
        "POST",
        "authoring.playtest_step",
        lambda c: f"/authoring/playtest/{c['live']}/step",
        dict(anonymous=302, alice=403, bruno=403, trainer=404, admin=404),
    ),
    (
        "GET",
        "authoring.phrases",
        lambda c: "/authoring/printer-offline/phrases",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "authoring.add_phrase",
        lambda c: "/authoring/matrix-drill/phrases",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "cohorts.index",
        lambda c: "/cohorts/",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.create",
        lambda c: "/cohorts/new",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "cohorts.report",
        lambda c: "/cohorts/1",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "cohorts.trainee",
        lambda c: "/cohorts/1/trainees/3",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "cohorts.export_trainees",
        lambda c: "/cohorts/1/trainees.csv",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "cohorts.export_calls",
        lambda c: "/cohorts/1/calls.csv",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "cohorts.members",
        lambda c: "/cohorts/1/members",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.add_member",
        lambda c: "/cohorts/1/members/add",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.import_members",
        lambda c: "/cohorts/1/members/import",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.move_member",
        lambda c: "/cohorts/1/members/5/move",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "cohorts.assignments",
        lambda c: "/cohorts/1/assignments",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.create_assignments",
        lambda c: "/cohorts/1/assignments",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "cohorts.set_tone_judge",
        lambda c: "/cohorts/1/tone-judge",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "cohorts.delete_assignment",
        lambda c: "/cohorts/1/assignments/3/delete",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "cohorts.edit_assignment",
        lambda c: "/cohorts/1/assignments/2/edit",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.edit_assignment",
        lambda c: "/cohorts/1/assignments/2/edit",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "trainer_home.home",
        lambda c: "/trainer/",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "notices.index",
        lambda c: "/notices/",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "GET",
        "cohorts.review",
        lambda c: f"/cohorts/calls/{c['ended']}/review",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "POST",
        "cohorts.comment",
        lambda c: f"/cohorts/calls/{c['ended']}/comments",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "cohorts.override",
        lambda c: f"/cohorts/calls/{c['ended']}/overrides",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "POST",
        "cohorts.remove_member",
        lambda c: "/cohorts/1/members/5/remove",
        dict(anonymous=302, alice=403, bruno=403, trainer=302, admin=302),
    ),
    (
        "GET",
        "admin.index",
        lambda c: "/admin/",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=200),
    ),
    (
        "POST",
        "admin.save_llm",
        lambda c: "/admin/llm",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=302),
    ),
    (
        "POST",
        "admin.check_llm",
        lambda c: "/admin/llm/check",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=200),
    ),
    (
        "GET",
        "auth.change_password",
        lambda c: "/password",
        dict(anonymous=302, alice=200, bruno=200, trainer=200, admin=200),
    ),
    (
        "POST",
        "auth.change_password",
        lambda c: "/password",
        dict(anonymous=302, alice=422, bruno=422, trainer=422, admin=422),
    ),
    (
        "POST",
        "cohorts.reset_password",
        lambda c: "/cohorts/1/members/3/reset-password",
        dict(anonymous=302, alice=403, bruno=403, trainer=200, admin=200),
    ),
    (
        "GET",
        "admin.accounts",
        lambda c: "/admin/accounts",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=200),
    ),
    (
        "POST",
        "admin.create_account",
        lambda c: "/admin/accounts",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=200),
    ),
    (
        "POST",
        "admin.set_account_role",
        lambda c: "/admin/accounts/4/role",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=302),
    ),
    (
        "POST",
        "admin.set_account_active",
        lambda c: "/admin/accounts/4/active",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=302),
    ),
    (
        "POST",
        "admin.set_model_budget",
        lambda c: "/admin/accounts/model-budget",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=302),
    ),
    (
        "POST",
        "admin.reset_account",
        lambda c: "/admin/accounts/4/reset",
        dict(anonymous=302, alice=403, bruno=403, trainer=403, admin=200),
    ),
    # shifts (web/shifts, web/api/shift_api.py): trainees see only their own shifts; the end last
    *[
        (m, e, url, dict(zip(ROLES, codes, strict=True)))
        for m, e, url, codes in [
            ("GET", "shifts.index", lambda c: "/shifts/", (302, 200, 200, 200, 200)),
            ("POST", "shifts.start", lambda c: "/shifts/start", (302, 302, 302, 302, 302)),
            ("GET", "shifts.screen", lambda c: c["shift"], (302, 200, 404, 404, 404)),
            ("POST", "shifts.act", lambda c: f"{c['shift']}/act", (302, 302, 404, 404, 404)),
            ("POST", "shifts.tick", lambda c: f"{c['shift']}/tick", (302, 200, 404, 404, 404)),
            ("GET", "shifts.report", lambda c: f"{c['shift']}/report", (302, 200, 404, 200, 200)),
            ("GET", "shifts.plans", lambda c: "/shifts/plans", (302, 403, 403, 200, 200)),
            ("GET", "shifts.edit_plan", lambda c: "/shifts/plans/edit", (302, 403, 403, 200, 200)),
            ("POST", "shifts.edit_plan", lambda c: "/shifts/plans/edit", (302, 403, 403, 422, 422)),
            (
                "POST",
                "shifts.assign_plan",
                lambda c: "/shifts/plans/assign",
                (302, 403, 403, 404, 404),
            ),
            (
                "GET",
                "cohorts.export_shifts",
                lambda c: "/cohorts/1/shifts.csv",
                (302, 403, 403, 200, 200),
            ),
            ("POST", "api.create_shift", lambda c: "/api/v1/shifts", (401, 201, 201, 201, 201)),
            ("GET", "api.read_shift", lambda c: c["api_shift"], (401, 200, 404, 200, 200)),
            (
                "POST",
                "api.take_contact",
                lambda c: f"{c['api_shift']}/take",
                (401, 409, 404, 403, 403),
            ),
            (
                "POST",
                "api.send_shift_step",
                lambda c: f"{c['api_shift']}/steps",
                (401, 200, 404, 403, 403),
            ),
            ("POST", "api.end_shift", lambda c: f"{c['api_shift']}/end", (401, 200, 404, 403, 403)),
        ]
    ],
]
BODIES = {
    "auth.login": {"data": {"username": "nobody", "password": "wrong-password"}},
    "auth.settings": {"data": {"locale": "en", "action": "save"}},
    "calls.practice": {"data": {"scenario": "printer-offline", "persona": "calm"}},
    "calls.step": {"data": {"step": "say", "text": "Hello"}, "headers": {"HX-Request": "true"}},
    "say_stream.say": {"data": {"text": "Hello"}},
    "api.create_call": {"json": {"scenario": "printer-offline", "persona": "calm", "seed": 3}},
    "api.send_step": {"json": {"step": {"say": "Hello"}}},
    "shifts.start": {"data": {"plan": "evening-on-call"}},
    "shifts.act": {"data": {"step": "wait"}},
    "shifts.edit_plan": {"data": {"yaml": "id: x"}},
    "shifts.assign_plan": {"data": {"plan": "evening-on-call", "cohort": "999"}},
    "api.create_shift": {"json": {"shift": "evening-on-call", "seed": 3}},
    "api.take_contact": {"json": {"ref": "nobody"}},
    "api.send_shift_step": {"json": {"step": {"wait": 5}}},
    "authoring.validate": {"data": {"yaml": "id: x", "mode": "new"}},
    "authoring.draft": {"data": {"brief": "Teams camera not detected, novice caller"}},
    "authoring.create": {"data": {"yaml": MATRIX_SCENARIO}},
    "authoring.guided_write": {"data": {**GUIDED, "personas": ["calm"]}},
    "authoring.save_scenario": {"data": {"yaml": MATRIX_SCENARIO}},
    "authoring.set_status": {"data": {"action": "publish"}},
    "authoring.playtest_start": {"data": {"persona": "calm", "locale": "en"}},
    "authoring.playtest_step": {
        "data": {"step": "say", "text": "Hello"},
        "headers": {"HX-Request": "true"},
    },
    "authoring.add_phrase": {
        "data": {
            "text": "is it powered",
            "locale": "en",
            "intent": "check_power",
            "target": "scenario",
        }
    },
    "cohorts.create": {"data": {"name": "Matrix cohort"}},
    "cohorts.add_member": {
        "data": {
            "kind": "new",
            "name": "Matrix Trainee",
            "email": "matrix@example.org",
            "locale": "en",
        }
    },
    "cohorts.import_members": {
        "data": {"text": "name,email,locale\nCsv Trainee,csv@example.org,fr\nBad Row,,xx\n"}
    },
    "cohorts.move_member": {"data": {"to": "999"}},
    "cohorts.create_assignments": {"data": {"scenario": "disk-full", "mode": "practice"}},
    "cohorts.set_tone_judge": {"data": {"tone_judge": "off"}},
    "cohorts.edit_assignment": {"data": {"persona": "angry", "mode": "practice", "due": ""}},
    "cohorts.comment": {"data": {"turn": "0", "text": "Matrix comment"}},
    "cohorts.override": {"data": {"skill": "tone", "score": "70", "reason": "Matrix override"}},
    "admin.save_llm": {"data": {"model": "matrix-model", "timeout": "20", "retries": "1"}},
    "auth.change_password": {"data": {"current": "wrong", "new": "a-new-pass", "again": "x"}},
    "admin.create_account": {"data": {"username": "matrix.user", "name": "M", "role": "trainee"}},
    "admin.set_account_role": {"data": {"role": "trainee"}},
    "admin.set_account_active": {"data": {"active": "1"}},
    "admin.set_model_budget": {"data": {"budget": "500"}},
}


def test_every_route_has_an_entry_in_the_access_matrix(web):
    routes = {
        (m, r.endpoint)
        for r in web.url_map.iter_rules()
        if r.endpoint != "static"
        for m in r.methods - {"HEAD", "OPTIONS"}
    }
    covered = {(m, e) for m, e, _, _ in MATRIX}
    assert routes == covered, f"missing: {routes - covered}; stale: {covered - routes}"


@pytest.mark.parametrize("role", ROLES)
def test_route_answers_each_role_as_expected(web, calls, role):
    client = client_as(web, role)
    for method, endpoint, url, expected in MATRIX:
        if endpoint == "auth.logout":
            continue
        kwargs = BODIES.get(endpoint, {})
        response = client.open(url(calls), method=method, **kwargs)
        assert response.status_code == expected[role], (
            role,
            method,
            endpoint,
            response.status_code,
        )


def test_logout_ends_the_session(web):
    client = client_as(web, "alice")
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_anonymous_is_sent_to_login_with_next(web):
    response = web.test_client().get("/history")
    assert response.status_code == 302 and "/login?next=" in response.headers["Location"]


def test_wrong_password_is_refused_with_a_message(web):
    response = web.test_client().post(
        "/login", data={"username": "alice", "password": "nope"}, headers={"Accept-Language": "en"}
    )
    assert response.status_code == 200 and b"Wrong user name or password" in response.data


def test_login_attempts_are_rate_limited(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "r.db"),
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "LOGIN_RATE_LIMIT": "3 per minute",
        }
    )
    client = app.test_client()
    codes = [
        client.post("/login", data={"username": "x", "password": "y"}).status_code for _ in range(5)
    ]
    assert codes[:3] == [200, 200, 200] and codes[-1] == 429


def test_csrf_is_required_on_forms(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "c.db"), "SECRET_KEY": "t"})
    with app.app_context():
        ensure_demo(get_db())
    response = app.test_client().post(
        "/login", data={"username": "alice", "password": PASSWORDS["alice"]}
    )
    assert (
        response.status_code == 200
        and b"csrf" in response.data.lower()
        or response.status_code == 400
    )


def test_session_cookie_is_httponly_and_lax(web):
    response = web.test_client().post(
        "/login", data={"username": "alice", "password": PASSWORDS["alice"]}
    )
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_security_headers_on_pages(web):
    response = web.test_client().get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_typed_html_is_shown_as_text(web):
    alice = client_as(web, "sam")
    call_id = start(alice)
    response = say(alice, call_id, "<script>alert('x')</script> is the printer on?")
    assert b"<script>alert" not in response.data and b"&lt;script&gt;" in response.data


def test_message_over_the_limit_is_refused_and_the_call_unchanged(web):
    alice = client_as(web, "sam")
    call_id = start(alice)
    with web.app_context():
        before = len(store.load_events(get_db(), call_id))
    response = say(alice, call_id, "x" * 2001)
    assert b"longer than 2000" in response.data
    with web.app_context():
        assert len(store.load_events(get_db(), call_id)) == before


def test_step_on_an_ended_call_changes_nothing(web, calls):
    alice = client_as(web, "alice")
    with web.app_context():
        before = store.load_events(get_db(), calls["ended"])
    response = say(alice, calls["ended"], "hello?")
    assert "Cet appel est terminé".encode() in response.data
    with web.app_context():
        assert store.load_events(get_db(), calls["ended"]) == before


def test_a_full_call_reaches_the_debrief_with_findings(web):
    alice = client_as(web, "sam")
    call_id = start(alice, locale="en")
    for text in [
        "Good morning, IT support, Sam speaking. May I have your name please?",
        "Is the printer switched on?",
        "Could you check the cable at the back of the printer?",
        "Please plug the cable back in firmly.",
        "Can you try printing again now?",
    ]:
        assert say(alice, call_id, text).status_code == 200
    alice.post(
        f"/calls/{call_id}/step",
        data={
            "step": "ticket",
            "category": "printing",
            "root_cause": "USB cable unplugged",
            "resolution": "reconnected",
        },
        headers={"HX-Request": "true"},
    )
    response = alice.post(
        f"/calls/{call_id}/step",
        data={"step": "close", "summary": "fixed"},
        headers={"HX-Request": "true"},
    )
    assert response.headers["HX-Redirect"] == f"/calls/{call_id}/debrief"
    page = BeautifulSoup(alice.get(f"/calls/{call_id}/debrief").data, "html.parser")
    findings = page.select("li.finding")
    assert len(findings) > 10
    assert page.select_one(".overall .big-number").text.strip().isdigit()
    assert page.select_one("a.finding-link")["href"].startswith("#turn-")


def test_kb_search_uses_the_full_text_index(web):
    alice = client_as(web, "alice")
    call_id = start(alice)
    response = alice.post(
        f"/calls/{call_id}/step",
        data={"step": "kb", "query": "printer offline"},
        headers={"HX-Request": "true"},
    )
    assert b"/kb/printer-offline" in response.data


def test_exam_mode_hides_the_mood_meter(web):
    alice = client_as(web, "alice")
    with web.app_context():
        from storage.users import assignments_of, get_by_username

        mine = assignments_of(get_db(), get_by_username(get_db(), "alice")["id"])
    exam = next(a for a in mine if a["exam"])
    practice = next(a for a in mine if not a["exam"])
    page = alice.get(
        alice.post("/practice", data={"assignment": exam["id"]}).headers["Location"]
    ).data
    assert b'id="mood"' not in page and b"badge exam" in page
    page = alice.get(
        alice.post("/practice", data={"assignment": practice["id"]}).headers["Location"]
    ).data
    assert b'id="mood"' in page


def test_api_flow_with_a_token(web):
    with web.app_context():
        from storage.users import get_by_username, new_api_token

        token = new_api_token(get_db(), get_by_username(get_db(), "sam")["id"])
    client = web.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    created = client.post(
        "/api/v1/calls",
        json={"scenario": "printer-offline", "persona": "calm", "seed": 1},
        headers=auth,
    )
    assert created.status_code == 201
    call_id = created.json["id"]
    for persona in ("", "grumpy"):  # not the scenario's default in disguise: a clear 422
        refused = client.post(
            "/api/v1/calls", json={"scenario": "printer-offline", "persona": persona}, headers=auth
        )
        assert (
            refused.status_code == 422
            and f"persona '{persona}' is not allowed" in refused.json["message"]
        )
    step = client.post(
        f"/api/v1/calls/{call_id}/steps", json={"step": {"say": "Is the printer on?"}}, headers=auth
    )
    assert step.status_code == 200 and step.json["intents"] == ["check_power"]
    read = client.get(f"/api/v1/calls/{call_id}", headers=auth).json
    assert "facts" not in str(read) and "unplugged" not in str(read)
    bad = client.post(f"/api/v1/calls/{call_id}/steps", json={"step": {"dance": 1}}, headers=auth)
    assert bad.status_code == 422 and "unknown step" in bad.json["message"]
    malformed = client.post(
        f"/api/v1/calls/{call_id}/steps",
        data="{",
        headers={**auth, "Content-Type": "application/json"},
    )
    assert malformed.status_code == 400
    client.post(f"/api/v1/calls/{call_id}/steps", json={"step": "close"}, headers=auth)
    score = client.get(f"/api/v1/calls/{call_id}/score", headers=auth)
    assert score.status_code == 200 and set(score.json["skills"]) == {
        "diagnosis",
        "resolution",
        "escalation",
        "tone",
    }

"""The tone judge per cohort: the switch, judged ends of calls through the web and the API,
failures."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from app import create_app
from simulator.tone_judge import CRITERIA
from storage import calls as store
from storage.cohorts import wants_tone_judge
from storage.scores import load_score
from storage.users import add_member, get_by_username, new_api_token
from tests.llm_server import LLMServer
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db

PASSWORDS = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
COHORT = 1  # the demo cohort: run by "trainer", with alice, bruno and sam
GOOD = [
    "Good morning, IT support, Sam speaking. May I have your name, please?",
    "Thank you. Is the printer switched on?",
]


def harsh_judge(body):
    """A judge that scores every criterion 10, quoting the agent's first line (a real quote)."""
    user = body["messages"][-1]["content"]
    agent = [line[7:] for line in user.splitlines() if line.startswith("agent: ")]
    return {c: {"score": 10, "quotes": [agent[0][:25]]} for c in CRITERIA}


@pytest.fixture()
def server():
    with LLMServer() as s:
        s.behaviour = harsh_judge
        s.slow_seconds = 3
        yield s


def make_app(tmp_path, server=None):
    config = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "judge.db"),
        "SECRET_KEY": "test",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
    }
    if server is not None:
        config |= {
            "HOTLINER_LLM_BASE_URL": server.base_url,
            "HOTLINER_LLM_MODEL": "judge",
            "HOTLINER_LLM_TIMEOUT": "1",
            "HOTLINER_LLM_RETRIES": "0",
        }
    app = create_app(config)
    with app.app_context():
        ensure_demo(get_db())
    return app


@pytest.fixture()
def web(tmp_path, server):
    return make_app(tmp_path, server)


def client_as(app, who: str, locale: str = "en"):
    """A client logged in as `who`, reading pages in `locale` (the demo trainer's own is French)."""
    client = app.test_client()
    if who != "anonymous":
        assert (
            client.post("/login", data={"username": who, "password": PASSWORDS[who]}).status_code
            == 302
        )
        client.post(f"/language/{locale}")
    return client


def switch(app, on: bool, who: str = "trainer"):
    return client_as(app, who).post(
        f"/cohorts/{COHORT}/tone-judge", data={"tone_judge": "on" if on else "off"}
    )


def api_call(app, who: str = "sam", locale: str = "en", lines=GOOD) -> int:
    """Take a whole call through the JSON API; its id."""
    with app.app_context():
        token = new_api_token(get_db(), get_by_username(get_db(), who)["id"])
    client, auth = app.test_client(), {"Authorization": f"Bearer {token}"}
    created = client.post(
        "/api/v1/calls",
        json={"scenario": "printer-offline", "persona": "calm", "seed": 3, "locale": locale},
        headers=auth,
    )
    assert created.status_code == 201, created.json
    call_id = created.json["id"]
    for line in lines:
        assert (
            client.post(
                f"/api/v1/calls/{call_id}/steps", json={"step": {"say": line}}, headers=auth
            ).status_code
            == 200
        )
    ended = client.post(
        f"/api/v1/calls/{call_id}/steps",
        json={"step": {"close": {"summary": "done"}}},
        headers=auth,
    )
    assert ended.status_code == 200 and ended.json["ended"]
    return call_id


def stored(app, call_id: int):
    with app.app_context():
        return store.load_events(get_db(), call_id), load_score(get_db(), call_id)


def tone_finding(score):
    return next((f for f in score["findings"] if f["rule"] == "model_judgement"), None)


@pytest.mark.parametrize(
    ("who", "status"), [("trainer", 302), ("admin", 302), ("alice", 403), ("anonymous", 302)]
)
def test_switch_answers_each_role(web, who, status):
    response = switch(web, True, who)
    assert response.status_code == status
    with web.app_context():
        on = next(iter(get_db().query("select tone_judge from cohorts where id = ?", [COHORT])))[
            "tone_judge"
        ]
    assert on == (status == 302 and who != "anonymous")


def test_switch_of_a_cohort_run_by_another_trainer_is_not_found(web):
    with web.app_context():
        from storage.users import add_user

        add_user(
            get_db(),
            "other",
            "Other Trainer",
            "other-trainer-2026",
            "trainer",
            "o@example.com",
            "en",
        )
    client = web.test_client()
    client.post("/login", data={"username": "other", "password": "other-trainer-2026"})
    assert (
        client.post(f"/cohorts/{COHORT}/tone-judge", data={"tone_judge": "on"}).status_code == 404
    )
    assert client.get(f"/cohorts/{COHORT}/assignments").status_code == 404


def test_switch_refuses_a_value_that_is_neither_on_nor_off(web):
    response = client_as(web, "trainer").post(
        f"/cohorts/{COHORT}/tone-judge", data={"tone_judge": "maybe"}
    )
    assert response.status_code == 400


def test_cohort_page_shows_the_switch_and_its_state(web):
    trainer = client_as(web, "trainer")
    page = BeautifulSoup(trainer.get(f"/cohorts/{COHORT}/assignments").data, "html.parser")
    assert page.select_one('form button[name="tone_judge"][value="on"]') is not None
    switch(web, True)
    page = BeautifulSoup(trainer.get(f"/cohorts/{COHORT}/assignments").data, "html.parser")
    assert page.select_one('form button[name="tone_judge"][value="off"]') is not None
    assert page.select_one("#judge-title .ok-badge") is not None


def test_cohort_page_without_an_endpoint_says_what_the_judge_needs(tmp_path):
    app = make_app(tmp_path)
    trainer = client_as(app, "trainer")
    page = BeautifulSoup(trainer.get(f"/cohorts/{COHORT}/assignments").data, "html.parser")
    assert page.select_one('button[name="tone_judge"]') is None
    assert "needs a language-model endpoint" in page.select_one("#judge-needs-endpoint").text
    response = trainer.post(
        f"/cohorts/{COHORT}/tone-judge", data={"tone_judge": "on"}, follow_redirects=True
    )
    assert "needs a language-model endpoint" in response.get_data(as_text=True)
    with app.app_context():
        assert next(iter(get_db().query("select tone_judge from cohorts")))["tone_judge"] == 0


def test_judged_end_of_call_through_the_api_blends_the_model_score(web, server):
    switch(web, True)
    call_id = api_call(web)
    events, score = stored(web, call_id)
    assert len(server.requests) == 1 and server.requests[0]["model"] == "judge"
    assert [e["kind"] for e in events[-2:]] == ["call_ended", "tone_judged"]
    blended = tone_finding(score)
    assert blended is not None and "10/100" in blended["message"] and "20%" in blended["message"]
    rules = sum(
        f["points"]
        for f in score["findings"]
        if f["skill"] == "tone" and f["rule"] != "model_judgement"
    )
    assert blended["points"] < 0 and score["skills"]["tone"] == rules + blended["points"]
    api = web.test_client()
    with web.app_context():
        token = new_api_token(get_db(), get_by_username(get_db(), "sam")["id"])
    assert (
        api.get(f"/api/v1/calls/{call_id}/score", headers={"Authorization": f"Bearer {token}"}).json
        == score
    )


def test_judgement_reads_well_in_french_on_the_debrief(web, server):
    switch(web, True)
    call_id = api_call(
        web,
        who="alice",
        locale="fr",
        lines=["Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"],
    )
    text = BeautifulSoup(
        client_as(web, "alice", "fr").get(f"/calls/{call_id}/debrief").data, "html.parser"
    ).get_text(" ")
    assert (
        "Un modèle de langage a évalué le ton à 10/100 (courtoisie 10, empathie 10, clarté 10"
        in text
    )
    assert "20 % à côté de la note fondée sur les règles" in text


@pytest.mark.parametrize("failure", ["500", "timeout", "not json"])
def test_model_failure_leaves_the_rule_based_score_and_records_why(web, server, failure):
    switch(web, True)
    server.behaviour = lambda body: failure
    call_id = api_call(web)
    events, score = stored(web, call_id)
    assert events[-1]["kind"] == "tone_judge_failed"
    assert (
        events[-1]["data"]["reason"]
        == {"500": "http_error", "timeout": "timeout", "not json": "invalid_json"}[failure]
    )
    note = tone_finding(score)
    assert note["points"] == 0 and "not available" in note["message"]
    rules = sum(f["points"] for f in score["findings"] if f["skill"] == "tone")
    assert score["skills"]["tone"] == rules
    page = client_as(web, "sam").get(f"/calls/{call_id}/debrief").get_data(as_text=True)
    assert "judgement of tone was not available" in page


def test_web_call_screen_end_is_judged_and_lands_on_the_debrief(web, server):
    switch(web, True)
    sam = client_as(web, "sam")
    started = sam.post(
        "/practice", data={"scenario": "printer-offline", "persona": "calm", "locale": "en"}
    )
    call_id = int(started.headers["Location"].rstrip("/").split("/")[-1])
    sam.post(
        f"/calls/{call_id}/step",
        data={"step": "say", "text": GOOD[0]},
        headers={"HX-Request": "true"},
    )
    ended = sam.post(
        f"/calls/{call_id}/step",
        data={"step": "close", "summary": "done"},
        headers={"HX-Request": "true"},
    )
    assert ended.headers["HX-Redirect"].endswith(f"/calls/{call_id}/debrief")
    assert len(server.requests) == 1
    assert "A language model judged the tone 10/100" in sam.get(
        f"/calls/{call_id}/debrief"
    ).get_data(as_text=True)


def test_cohort_without_the_judge_sends_nothing_to_the_model(web, server):
    call_id = api_call(web)
    events, score = stored(web, call_id)
    assert server.requests == []
    assert events[-1]["kind"] == "call_ended" and tone_finding(score) is None


def test_play_tests_are_never_judged(web, server):
    switch(web, True)
    with web.app_context():
        add_member(
            get_db(), COHORT, get_by_username(get_db(), "trainer")["id"]
        )  # even a member's sandbox
    trainer = client_as(web, "trainer")
    started = trainer.post(
        "/authoring/printer-offline/playtest", data={"persona": "calm", "locale": "en"}
    )
    call_id = int(started.headers["Location"].rstrip("/").split("/")[-1])
    trainer.post(f"/authoring/playtest/{call_id}/step", data={"step": "say", "text": GOOD[0]})
    trainer.post(f"/authoring/playtest/{call_id}/step", data={"step": "close", "summary": "done"})
    events, _ = stored(web, call_id)
    assert events[-1]["kind"] == "call_ended" and server.requests == []


def test_a_judged_call_still_rebuilds_from_its_log(web, server):
    from web.shared.call_service import load_call
    from web.shared.live_calls import get_live

    switch(web, True)
    call_id = api_call(web)
    with web.test_request_context():
        db = get_db()
        _, call = load_call(db, call_id)
        events = store.load_events(db, call_id)
        assert call.ended and [e["kind"] for e in call.events] == [e["kind"] for e in events[:-1]]
        _, live = get_live(db, call_id)
        assert live.ended


def test_assignment_cohort_decides_over_other_memberships(web):
    with web.app_context():
        db = get_db()
        sam = get_by_username(db, "sam")["id"]
        db["cohorts"].update(COHORT, {"tone_judge": 1})
        other = db["cohorts"].insert({"name": "Evening", "trainer_id": 2, "tone_judge": 0}).last_pk
        assignment = (
            db["assignments"].insert({"cohort_id": other, "scenario_id": "printer-offline"}).last_pk
        )
        row = {"sandbox": 0, "user_id": sam, "assignment_id": None}
        assert wants_tone_judge(db, row)
        assert not wants_tone_judge(db, {**row, "assignment_id": assignment})
        assert not wants_tone_judge(db, {**row, "sandbox": 1})


def test_cli_judge_tone_uses_the_same_judgement(web, server):
    call_id = api_call(web)
    result = web.test_cli_runner().invoke(args=["judge-tone", str(call_id)])
    assert result.exit_code == 0, result.output
    events, score = stored(web, call_id)
    assert events[-1]["kind"] == "tone_judged" and tone_finding(score)["message"] in result.output
    server.behaviour = lambda body: "500"
    result = web.test_cli_runner().invoke(args=["judge-tone", str(call_id)])
    assert result.exit_code != 0 and "did not judge (http_error)" in result.output
    events, after = stored(web, call_id)
    assert events[-1]["kind"] == "tone_judge_failed" and after["skills"] == score["skills"]

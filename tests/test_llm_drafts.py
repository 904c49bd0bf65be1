"""Drafting a scenario from a brief in the web editor: the form, the editor pre-filled, nothing
stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.llm_server import LLMServer
from tests.test_tone_judging import client_as, make_app
from web.shared.database import get_db

REFERENCE = (
    Path(__file__).resolve().parent.parent / "scenarios" / "printer-offline.yaml"
).read_text(encoding="utf-8")
GOOD = REFERENCE.replace("id: printer-offline", "id: teams-camera")
BROKEN = GOOD.replace("intent: check_power", "intent: chek_power")
BRIEF = "Teams camera not detected, novice caller, difficulty 2, fr+en"


@pytest.fixture()
def server():
    with LLMServer() as s:
        s.behaviour = lambda body: {"yaml": GOOD}
        s.slow_seconds = 3
        yield s


@pytest.fixture()
def web(tmp_path, server):
    return make_app(tmp_path, server)


def authored_count(app) -> int:
    with app.app_context():
        return get_db()["scenarios"].count_where("author_id is not null")


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_library_shows_the_draft_form_to_trainers_when_an_endpoint_is_configured(web, tmp_path):
    form = page(client_as(web, "trainer").get("/authoring/")).select_one(
        'form[action="/authoring/draft"]'
    )
    assert (
        form is not None and form.select_one('textarea[name="brief"][maxlength="2000"]') is not None
    )
    assert form.select_one('input[name="csrf_token"]') is not None
    bare = make_app(tmp_path / "bare")
    assert (
        page(client_as(bare, "trainer").get("/authoring/")).select_one(
            'form[action="/authoring/draft"]'
        )
        is None
    )
    response = client_as(bare, "trainer").post(
        "/authoring/draft", data={"brief": BRIEF}, follow_redirects=True
    )
    assert "needs an endpoint" in response.get_data(as_text=True)


def test_draft_opens_the_editor_with_the_yaml_and_stores_nothing_until_saved(web, server):
    trainer = client_as(web, "trainer")
    response = trainer.post("/authoring/draft", data={"brief": BRIEF})
    assert response.status_code == 200
    html = page(response)
    assert html.select_one("textarea#yaml").text.strip() == GOOD.strip()
    assert html.select_one("#editor-form")["action"] == "/authoring/new"
    assert "Nothing is saved yet" in html.text and not html.select("#problems li")
    assert BRIEF in server.requests[0]["messages"][-1]["content"]
    assert authored_count(web) == 0
    saved = trainer.post("/authoring/new", data={"yaml": html.select_one("textarea#yaml").text})
    assert saved.status_code == 302 and saved.headers["Location"].endswith(
        "/authoring/teams-camera"
    )
    with web.app_context():
        row = next(
            iter(get_db().query("select status, version from scenarios where id = 'teams-camera'"))
        )
    assert row == {"status": "draft", "version": 1}


def test_invalid_draft_is_shown_with_its_problems_after_one_retry(web, server):
    server.behaviour = lambda body: {"yaml": BROKEN}
    html = page(client_as(web, "admin").post("/authoring/draft", data={"brief": BRIEF}))
    assert (
        len(server.requests) == 2 and "chek_power" in server.requests[1]["messages"][-1]["content"]
    )
    assert "intent: chek_power" in html.select_one("textarea#yaml").text
    problems = [li.get_text(" ", strip=True) for li in html.select("#problems li")]
    assert any("unknown intent 'chek_power'" in p for p in problems)
    assert "problems left: 1." in html.text and authored_count(web) == 0


def test_draft_whose_id_is_taken_lists_that_problem(web, server):
    server.behaviour = lambda body: {"yaml": REFERENCE}
    html = page(client_as(web, "admin").post("/authoring/draft", data={"brief": BRIEF}))
    assert any("built-in scenario" in li.text for li in html.select("#problems li"))


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        ("500", "answered with an error"),
        ("timeout", "did not answer in time"),
        ("not json", "could not be used"),
    ],
)
def test_model_failure_returns_to_the_library_with_the_brief_kept(web, server, failure, message):
    server.behaviour = lambda body: failure
    response = client_as(web, "trainer").post("/authoring/draft", data={"brief": BRIEF})
    assert response.status_code == 502
    html = page(response)
    assert message in html.select_one(".flash-error").text
    assert html.select_one("textarea#draft-brief").text == BRIEF
    assert html.select_one("details.draft-card").has_attr("open") and authored_count(web) == 0


@pytest.mark.parametrize("brief", ["too short", "x" * 2001, "   "])
def test_brief_outside_the_limits_is_refused_before_asking_the_model(web, server, brief):
    response = client_as(web, "trainer").post("/authoring/draft", data={"brief": brief})
    assert response.status_code == 422 and server.requests == []
    html = page(response)
    assert "10 to 2000 characters" in html.select_one(".flash-error").text
    assert html.select_one("textarea#draft-brief").text == brief


def test_trainees_cannot_draft(web, server):
    assert (
        client_as(web, "alice").post("/authoring/draft", data={"brief": BRIEF}).status_code == 403
    )
    assert server.requests == []

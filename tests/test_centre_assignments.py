"""Assignments that behave: what counts, attempts, editing, exams kept out of free practice."""

from __future__ import annotations

from bs4 import BeautifulSoup

from storage import cohorts, reports, users
from tests import test_web
from tests.test_web import client_as, start
from web.shared.database import get_db

web = test_web.web  # the app fixture with the demo accounts


def _end(client, call_id: int) -> None:
    client.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})


def _assignment(app, scenario: str) -> dict:
    with app.app_context():
        rows = users.assignments_of(get_db(), 3)  # alice
    return next(a for a in rows if a["scenario_id"] == scenario)


def test_free_practice_call_counts_toward_a_practice_assignment(web):
    alice = client_as(web, "alice")
    _end(alice, start(alice, scenario="printer-offline", persona="angry"))
    assert _assignment(web, "printer-offline")["done"] == 1
    with web.app_context():
        row = next(r for r in reports.trainee_rows(get_db(), 1) if r["username"] == "alice")
        listed = {a["scenario_id"]: a["done_by"] for a in cohorts.cohort_assignments(get_db(), 1)}
    assert row["assignments_done"] == 1
    assert listed["printer-offline"] == 1


def test_practice_call_with_another_caller_does_not_count_when_the_caller_is_fixed(web):
    alice = client_as(web, "alice")
    _end(alice, start(alice, scenario="wifi-airplane-mode", persona="calm"))
    assert _assignment(web, "wifi-airplane-mode")["done"] == 0


def test_start_is_disabled_with_the_reason_when_no_attempt_is_left(web):
    alice = client_as(web, "alice")
    exam = _assignment(web, "password-expired")
    for _ in range(2):
        response = alice.post("/practice", data={"assignment": str(exam["id"])})
        assert response.status_code == 302 and "/calls/" in response.headers["Location"]
    page = BeautifulSoup(alice.get("/").text, "html.parser")
    row = next(
        tr for tr in page.select("#assigned-list tbody tr") if tr.find("span", class_="exam")
    )
    button = row.find("button")
    assert button.has_attr("disabled")
    assert row.find(id=button["aria-describedby"]).get_text(strip=True)
    refused = alice.post("/practice", data={"assignment": str(exam["id"])})
    assert refused.headers["Location"].endswith("/")


def test_open_exam_scenario_is_hidden_from_free_practice(web):
    alice = client_as(web, "alice")
    page = BeautifulSoup(alice.get("/").text, "html.parser")
    offered = [o["value"] for o in page.select("#scenario option")]
    assert "password-expired" not in offered and "printer-offline" in offered
    response = alice.post("/practice", data={"scenario": "password-expired", "persona": "calm"})
    assert response.headers["Location"].endswith("/")


def test_practice_refuses_a_persona_the_scenario_does_not_allow(web):
    alice = client_as(web, "alice")
    response = alice.post(
        "/practice",
        data={"scenario": "printer-offline", "persona": "pushy"},
        follow_redirects=True,
    )
    assert "/calls/" not in response.request.path
    assert "n’est pas prévu" in response.get_data(as_text=True)  # alice reads French


def test_trainer_edits_due_date_attempts_caller_and_mode(web):
    trainer = client_as(web, "trainer")
    response = trainer.post(
        "/cohorts/1/assignments/1/edit",
        data={"persona": "calm", "mode": "exam", "due": "2099-01-31", "attempts": "3"},
    )
    assert response.status_code == 302
    edited = _assignment(web, "printer-offline")
    assert (edited["persona"], edited["exam"], edited["due_at"], edited["attempts"]) == (
        "calm",
        1,
        "2099-01-31",
        3,
    )


def test_edit_refuses_a_caller_the_scenario_does_not_allow(web):
    trainer = client_as(web, "trainer")
    response = trainer.post(
        "/cohorts/1/assignments/1/edit", data={"persona": "pushy", "mode": "practice"}
    )
    assert response.status_code == 422
    assert _assignment(web, "printer-offline")["persona"] is None


def test_assignments_page_states_what_counts(web):
    page = BeautifulSoup(
        client_as(web, "trainer").get("/cohorts/1/assignments").text, "html.parser"
    )
    assert page.find(id="what-counts").get_text(strip=True)


def test_call_screen_names_the_call_language_when_the_interface_differs(web):
    alice = client_as(web, "alice")
    call_id = start(alice, locale="en")
    alice.post("/language/fr", data={"next": f"/calls/{call_id}"})
    page = BeautifulSoup(alice.get(f"/calls/{call_id}").text, "html.parser")
    assert "anglais" in page.find(id="call-language").get_text()
    assert page.find(id="conversation")["lang"] == "en"
    assert page.find("dialog", id="end-confirm") is not None


def test_api_refuses_a_scenario_an_open_exam_covers(web):
    with web.app_context():
        from storage.users import get_by_username, new_api_token

        token = new_api_token(get_db(), get_by_username(get_db(), "sam")["id"])
    refused = web.test_client().post(
        "/api/v1/calls",
        json={"scenario": "password-expired", "persona": "calm"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.status_code == 422 and refused.json["error"] == "exam_open"

"""A failed call (a critical error) says so everywhere: debrief, review queue, cohort CSV,
assignment status and API; `hotliner regrade --all` brings calls graded by an older rubric to it."""

from __future__ import annotations

import csv
import io

import pytest
from bs4 import BeautifulSoup

from grading import GRADER_VERSION
from grading.rubric import CRITICAL_CAP
from storage import reports
from storage.bulk import insert_played_calls
from storage.scores import load_score
from storage.users import assign, get_by_username, set_locale
from tests.helpers import play
from tests.test_web import client_as, web  # noqa: F401  (the app fixture with the demo accounts)
from web.shared.database import get_db

RESET_FIRST = [
    {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    {"directory": {"op": "lookup"}},
    {"directory": {"op": "reset_password", "must_change": True}},
    {"say": "Done: please lock your screen and choose a new password. Does it work now?"},
    {"ticket": {"category": "accounts", "summary": "Password expired", "resolution": "Reset"}},
    {"say": "Your ticket number is {ticket}. Goodbye!"},
    {"close": {"summary": "Password reset"}},
]
OLD_SCORE = {  # as an early grader stored it: no critical flag, a middling score
    "overall": 62,
    "critical": False,
    "skills": {"diagnosis": 60, "resolution": 70, "escalation": 100, "tone": 40},
    "grader_version": 1,
    "findings": [],
}


@pytest.fixture()
def stored(web, engine, library):  # noqa: F811
    """Alice's password call, reset before any identity check, stored with an old score; the
    scenario is a practice assignment of her cohort."""
    call = play(engine, library.scenario("password-expired"), RESET_FIRST, "calm", "en", 1)
    with web.app_context():
        db = get_db()
        alice = get_by_username(db, "alice")["id"]
        set_locale(db, get_by_username(db, "trainer")["id"], "en")
        assign(db, 1, "password-expired")
        (call_id,) = insert_played_calls(
            db,
            [
                {
                    "user_id": alice,
                    "events": call.events,
                    "score": OLD_SCORE,
                    "started_at": "2021-03-01T10:00:00+00:00",
                    "ended_at": "2021-03-01T10:05:00+00:00",
                }
            ],
        )
    return call_id


def _done(web, username: str) -> int:  # noqa: F811
    with web.app_context():
        rows = {r["username"]: r for r in reports.trainee_rows(get_db(), 1)}
    return rows[username]["assignments_done"]


def test_regrade_all_fails_a_call_an_older_rubric_passed(web, stored):  # noqa: F811
    done_before = _done(web, "alice")
    result = web.test_cli_runner().invoke(args=["regrade", "--all"])
    assert result.exit_code == 0, result.output
    assert "1 call regraded, 1 failed" in result.output
    with web.app_context():
        score = load_score(get_db(), stored)
    assert score["grader_version"] == GRADER_VERSION
    assert score["failed"] and score["overall"] <= CRITICAL_CAP
    assert _done(web, "alice") == done_before - 1  # a failed call completes no assignment


def test_the_api_says_failed_and_why(web, stored):  # noqa: F811
    web.test_cli_runner().invoke(args=["regrade", "--all"])
    body = client_as(web, "alice").get(f"/api/v1/calls/{stored}/score").json
    assert body["failed"] is True and body["critical"] is True
    assert body["cap"] == CRITICAL_CAP and body["overall"] <= CRITICAL_CAP
    assert any("before verifying" in reason for reason in body["failed_reasons"])


def test_the_calls_csv_has_a_failed_column(web, stored):  # noqa: F811
    web.test_cli_runner().invoke(args=["regrade", "--all"])
    text = client_as(web, "trainer").get("/cohorts/1/calls.csv").data.decode("utf-8-sig")
    rows = {int(r["call_id"]): r for r in csv.DictReader(io.StringIO(text))}
    assert rows[stored]["failed"] == "1"
    assert all(r["failed"] == "0" for i, r in rows.items() if i != stored)


def test_debrief_and_review_queue_show_the_failed_call(web, stored):  # noqa: F811
    web.test_cli_runner().invoke(args=["regrade", "--all"])
    debrief = BeautifulSoup(
        client_as(web, "alice").get(f"/calls/{stored}/debrief").data, "html.parser"
    )
    banner = debrief.select_one(
        "p.flash-error"
    )  # alice works in French; findings in the call's English
    assert "Échec" in banner.get_text()
    assert "before verifying" in banner.select_one(".failed-reason").get_text()
    home = BeautifulSoup(client_as(web, "trainer").get("/trainer/").data, "html.parser")
    item = next(li for li in home.select("#review-queue li") if f"/{stored}/" in str(li))
    assert item.select_one(".badge.crit").get_text(strip=True) == "failed"

"""The e-mail contacts' fifth skill, `written`, wherever a trainer reads skills: the review page of
a call, the cohort report and the trainee page, the CSV exports; never an empty column for a
cohort that only took phone calls."""

from __future__ import annotations

import csv
import io

from bs4 import BeautifulSoup
from sqlite_utils import Database

from storage.migrations import migrations
from storage.scores import load_score, save_score
from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)
from web.shared.database import get_db

EMAIL = "Hello,\n\nwhat exact message do you see in Outlook?\n\nKind regards,\nSam"


def _page(client, url: str) -> BeautifulSoup:
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")


def _email_call(web) -> int:  # noqa: F811
    """Alice answers the mailbox-full e-mail once, then closes: an ended, graded e-mail call."""
    alice = client_as(web, "alice")
    alice.post("/language/en")
    call_id = start(alice, scenario="email-mailbox-full", persona="calm")
    alice.post(f"/calls/{call_id}/step", data={"step": "email", "body": EMAIL})
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "asked the message"})
    return call_id


def _phone_call(web) -> int:  # noqa: F811
    alice = client_as(web, "alice")
    call_id = start(alice)
    alice.post(f"/calls/{call_id}/step", data={"step": "say", "text": "Is the printer on?"})
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    return call_id


def _trainer(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    trainer.post("/language/en")
    return trainer


def _csv(client, url: str) -> list[dict[str, str]]:
    text = client.get(url).get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_an_email_call_stores_and_loads_its_written_skill(web):  # noqa: F811
    call_id = _email_call(web)
    with web.app_context():
        score = load_score(get_db(), call_id)
        row = get_db()["scores"].get(call_id)
    assert "written" in score["skills"]
    assert row["written"] == score["skills"]["written"]
    lost = [f for f in score["findings"] if f["skill"] == "written"]
    assert lost and sum(f["points"] for f in lost) == row["written"]


def test_the_review_page_shows_the_written_skill_of_an_email_call_only(web):  # noqa: F811
    email_id, phone_id = _email_call(web), _phone_call(web)
    trainer = _trainer(web)
    page = _page(trainer, f"/cohorts/calls/{email_id}/review")
    cards = [h.get_text(strip=True) for h in page.select("#scores .skill h2")]
    assert cards == ["Diagnosis", "Resolution", "Escalation", "Tone", "Written"]
    with web.app_context():
        written = load_score(get_db(), email_id)["skills"]["written"]
    assert page.select("#scores .skill .auto-score")[4].get_text() == str(written)
    assert page.select_one("#score-written") is not None  # the override form
    findings = [h.get_text(strip=True) for h in page.select("#findings-title ~ h3")]
    assert "Written" in findings
    phone = _page(trainer, f"/cohorts/calls/{phone_id}/review")
    assert "Written" not in [h.get_text(strip=True) for h in phone.select("#scores .skill h2")]


def test_a_trainer_overrides_the_written_skill_of_an_email_call_not_of_a_phone_call(web):  # noqa: F811
    email_id, phone_id = _email_call(web), _phone_call(web)
    trainer = _trainer(web)
    form = {"skill": "written", "score": "90", "reason": "Clear and polite."}
    trainer.post(f"/cohorts/calls/{email_id}/overrides", data=form)
    trainer.post(f"/cohorts/calls/{phone_id}/overrides", data=form)
    with web.app_context():
        rows = list(get_db().query("select call_id, skill, score from score_overrides"))
    assert rows == [{"call_id": email_id, "skill": "written", "score": 90}]


def test_the_cohort_report_and_csv_have_a_written_column_once_an_email_is_scored(web):  # noqa: F811
    _phone_call(web)
    trainer = _trainer(web)
    page = _page(trainer, "/cohorts/1")
    assert page.select_one("#avg-written") is None
    assert "Written" not in page.select_one("#trainee-table thead").get_text()
    assert "written" not in _csv(trainer, "/cohorts/1/calls.csv")[0]
    assert "written" not in _csv(trainer, "/cohorts/1/trainees.csv")[0]

    email_id = _email_call(web)
    with web.app_context():
        written = load_score(get_db(), email_id)["skills"]["written"]
    page = _page(trainer, "/cohorts/1")
    assert page.select_one("#avg-written").get_text(strip=True) == str(written)  # whole: no ".0"
    assert "Written" in page.select_one("#trainee-table thead").get_text()
    calls = {int(r["call_id"]): r for r in _csv(trainer, "/cohorts/1/calls.csv")}
    assert calls[email_id]["written"] == str(written)
    assert [k for k, v in calls.items() if v["written"]] == [email_id]  # phone calls: empty
    alice = next(r for r in _csv(trainer, "/cohorts/1/trainees.csv") if r["username"] == "alice")
    assert float(alice["written"]) == written  # the average over her e-mail calls only


def test_the_trainee_page_compares_the_written_skill_when_the_cohort_has_emails(web):  # noqa: F811
    _email_call(web)
    trainer = _trainer(web)
    with web.app_context():
        user_id = next(get_db().query("select id from users where username = 'alice'"))["id"]
    page = _page(trainer, f"/cohorts/1/trainees/{user_id}")
    head = [th.get_text(strip=True) for th in page.select("#compare-table thead th")]
    assert "Written" in head


def test_the_migration_fills_the_written_skill_of_scores_stored_before_it():
    db = Database(memory=True)
    migrations.apply(db)
    db["calls"].insert(
        {"id": 1, "scenario_id": "email-mailbox-full", "scenario_version": 1, "persona": "calm"}
        | {"locale": "en", "seed": 1, "mode": "scripted", "status": "ended"}
    )
    score = {
        "overall": 70,
        "critical": False,
        "grader_version": 1,
        "skills": {"diagnosis": 70, "resolution": 70, "escalation": 70, "tone": 70},
        "findings": [
            {"skill": "written", "rule": r, "points": p, "turn": 1, "message": "", "tip": ""}
            for r, p in (("greeting", 20), ("sign_off", 15), ("ticket", 0))
        ],
    }
    save_score(db, 1, score)  # as stored before the column: written left null
    assert db["scores"].get(1)["written"] is None
    db.execute("delete from _sqlite_migrations where name = 'm_scores_written_skill'")
    db.execute("alter table scores drop column written")
    migrations.apply(db)
    assert db["scores"].get(1)["written"] == 35
    assert load_score(db, 1)["skills"]["written"] == 35

"""Trainers' shift plans: written and validated in the browser, assigned to a cohort, and the
results in the cohort report (page and CSV); trainees see only what is theirs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.test_web import client_as, web  # noqa: F401  (web: the app fixture)
from web.shared.database import get_db

GOOD = """\
id: short-evening
title: {en: "Short evening", fr: "Soirée courte"}
description: {en: "Two calls", fr: "Deux appels"}
length: 1800
time_factor: 1
sla: {P1: 300, P2: 900, P3: 1800, P4: 3600}
patience: {drop_per_minute: 5, hang_up_after: 480}
level2_delay: 600
contacts:
  - {ref: s01, scenario: vpn-caps-lock, channel: phone, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: high}}
  - {ref: s02, scenario: disk-full, channel: voicemail, persona: calm, at: 60,
     triage: {kind: incident, impact: low, urgency: low}}
"""


@pytest.fixture()
def trainer(web):  # noqa: F811
    client = client_as(web, "trainer")
    client.post("/language/en")
    return client


def _cohort_id(app) -> int:
    with app.app_context():
        return next(iter(get_db().query("select id from cohorts order by id")))["id"]


def test_a_trainer_sees_the_built_in_plans_and_a_trainee_does_not(web, trainer):  # noqa: F811
    page = BeautifulSoup(trainer.get("/shifts/plans").get_data(as_text=True), "html.parser")
    assert {li["data-plan"] for li in page.select("li.plan-line")} >= {
        "evening-on-call",
        "monday-morning",
    }
    assert client_as(web, "alice").get("/shifts/plans").status_code == 403


def test_a_plan_with_errors_lists_each_with_its_line_and_is_not_saved(web, trainer):  # noqa: F811
    bad = GOOD.replace("scenario: disk-full", "scenario: disk-fool").replace("at: 60", "at: 9999")
    response = trainer.post("/shifts/plans/edit", data={"yaml": bad})
    assert response.status_code == 422
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    lines = {int(a["data-line"]) for a in page.select(".plan-problems a[data-line]")}
    assert lines == {12}  # both errors are on the second contact's line
    assert len(page.select(".plan-problems li")) == 2
    assert "disk-fool" in page.select_one(".plan-problems").get_text()
    with web.app_context():
        assert get_db()["shift_plans"].count == 0


def test_a_plan_may_not_take_a_built_in_id(trainer):
    text = GOOD.replace("id: short-evening", "id: evening-on-call")
    assert trainer.post("/shifts/plans/edit", data={"yaml": text}).status_code == 422


def test_a_valid_plan_is_saved_assigned_and_played_by_the_cohort(web, trainer):  # noqa: F811
    assert trainer.post("/shifts/plans/edit", data={"yaml": GOOD}).status_code == 302
    editor = trainer.get("/shifts/plans/edit?plan=short-evening").get_data(as_text=True)
    assert "Short evening" in editor
    cohort = _cohort_id(web)
    assigned = trainer.post(
        "/shifts/plans/assign", data={"plan": "short-evening", "cohort": cohort}
    )
    assert assigned.status_code == 302
    alice = client_as(web, "alice")
    page = BeautifulSoup(alice.get("/shifts/").get_data(as_text=True), "html.parser")
    assignment = page.select_one("li[data-assignment]")
    assert "Soirée courte" in assignment.get_text() or "Short evening" in assignment.get_text()
    started = alice.post(
        "/shifts/start", data={"assignment": assignment["data-assignment"], "locale": "en"}
    )
    url = started.headers["Location"]
    alice.post(f"{url}/act", data={"step": "take", "ref": "s01"})
    alice.post(
        f"{url}/act",
        data={"step": "triage", "kind": "incident", "impact": "low", "urgency": "high"},
    )
    alice.post(f"{url}/act", data={"step": "close", "summary": ""})
    alice.post(f"{url}/act", data={"step": "end_shift"})
    with web.app_context():
        row = get_db()["shifts"].get(int(url.split("/")[-1]))
        assert row["assignment_id"] == int(assignment["data-assignment"])
    report = BeautifulSoup(trainer.get(f"/cohorts/{cohort}").get_data(as_text=True), "html.parser")
    cells = [td.get_text(strip=True) for td in report.select("#shift-results tbody td")]
    assert cells[1] == "short-evening"
    assert "1 / 1" in cells  # triage right / taken
    csv_text = trainer.get(f"/cohorts/{cohort}/shifts.csv").get_data(as_text=True)
    header, line = csv_text.lstrip("\ufeff").splitlines()[:2]
    assert "sla_percent" in header and "triage_percent" in header
    values = dict(zip(header.split(","), line.split(","), strict=True))
    assert values["shift"] == "short-evening" and values["triage_percent"] == "100"


def test_a_trainer_cannot_assign_to_a_cohort_they_do_not_run(web, trainer):  # noqa: F811
    response = trainer.post("/shifts/plans/assign", data={"plan": "evening-on-call", "cohort": 999})
    assert response.status_code == 404

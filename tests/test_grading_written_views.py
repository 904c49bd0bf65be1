"""The `written` skill of e-mail contacts on the trainee's own progress chart and in
`hotliner report`'s terminal table, as in the CSVs: shown once e-mail contacts are scored,
never an empty column for phone calls only."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from storage.scores import load_score
from tests.test_web import client_as, web  # noqa: F401  (web: the app fixture)
from tests.test_written_skill import _email_call, _phone_call
from web.shared.database import get_db


def _progress(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/en")
    page = BeautifulSoup(alice.get("/").get_data(as_text=True), "html.parser")
    data = json.loads(page.select_one("#progress-data").get_text())
    head = [th.get_text(strip=True) for th in page.select("#progress-title ~ details thead th")]
    return data, head, page


def _report_lines(web):  # noqa: F811
    result = web.test_cli_runner().invoke(args=["report", "1"])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_the_progress_chart_has_four_skills_for_phone_calls_only(web):  # noqa: F811
    _phone_call(web)
    data, head, _ = _progress(web)
    assert [label for label, _ in data["series"]] == [
        "Diagnosis",
        "Resolution",
        "Escalation",
        "Tone",
    ]  # in skill order, each with its own colour
    assert len(data["colours"]) == 4
    assert "Written" not in head


def test_the_progress_chart_shows_the_written_skill_once_an_email_is_scored(web):  # noqa: F811
    phone_id, email_id = _phone_call(web), _email_call(web)
    with web.app_context():
        written = load_score(get_db(), email_id)["skills"]["written"]
    data, head, page = _progress(web)
    assert data["series"][-1] == ["Written", [None, written]]  # a phone call has no written
    assert len(data["colours"]) == 5 and len(set(data["colours"])) == 5
    assert head == ["Call", "Diagnosis", "Resolution", "Escalation", "Tone", "Written", "Overall"]
    rows = page.select("#progress-title ~ details tbody tr")
    assert [td.get_text() for td in rows[0].select("td")][5] == "—"
    assert [td.get_text() for td in rows[1].select("td")][5] == str(written)
    assert phone_id < email_id


def test_the_report_table_has_a_written_column_once_an_email_is_scored(web):  # noqa: F811
    _phone_call(web)
    header = next(line for line in _report_lines(web) if line.startswith("trainee"))
    assert "written" not in header.split()
    email_id = _email_call(web)
    with web.app_context():
        written = load_score(get_db(), email_id)["skills"]["written"]
    lines = _report_lines(web)
    header = next(line for line in lines if line.startswith("trainee")).split()
    assert header[header.index("tone") + 1] == "written"
    alice = next(line for line in lines if line.startswith("Alice"))
    cells = alice.split()
    assert cells[-(len(header) - header.index("written"))] == f"{written:.0f}"

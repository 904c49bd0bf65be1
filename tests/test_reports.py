"""Cohort score reports: the SQL aggregation, the report pages, CSV exports and `hotliner
report`."""

from __future__ import annotations

import csv
import io
import shutil

import pytest
from bs4 import BeautifulSoup

from storage import reports
from storage.scores import load_score
from storage.users import get_by_username, set_locale
from tests.report_data import ALICE, BRUNO, mean, seed_known_calls, skills_of
from tests.test_web import client_as, web  # noqa: F401  (the app fixture with the demo accounts)
from web.shared.call_service import regrade
from web.shared.database import get_db

SKILLS = ("diagnosis", "resolution", "escalation", "tone")
EVERY_CALL = ALICE + BRUNO


@pytest.fixture(autouse=True)
def english(web):  # noqa: F811
    """The demo trainer works in French; these tests read the English messages."""
    with web.app_context():
        for name in ("trainer", "admin"):
            set_locale(get_db(), get_by_username(get_db(), name)["id"], "en")


@pytest.fixture()
def known(web):  # noqa: F811
    with web.app_context():
        return seed_known_calls(get_db())


@pytest.fixture()
def db(web, known):  # noqa: F811
    with web.app_context():
        yield get_db()


def test_trainee_rows_have_the_averages_of_their_calls(db):
    rows = {r["username"]: r for r in reports.trainee_rows(db, 1)}
    assert set(rows) == {"alice", "bruno", "sam"}
    alice, bruno, sam = rows["alice"], rows["bruno"], rows["sam"]
    assert alice["calls"] == 6 and bruno["calls"] == 2 and sam["calls"] == 0
    assert alice["overall"] == round(mean(ALICE), 1)
    for skill in SKILLS:
        assert alice[skill] == round(mean(skills_of(o)[skill] for o in ALICE), 1)
    assert bruno["overall"] == mean(BRUNO) and bruno["criticals"] == 1
    assert sam["overall"] is None and sam["trend"] is None


def test_trend_compares_the_latest_half_with_the_one_before(db):
    rows = {r["username"]: r for r in reports.trainee_rows(db, 1)}
    assert rows["alice"]["trend"] == mean(ALICE[3:]) - mean(
        ALICE[:3]
    )  # three latest vs three before
    assert rows["bruno"]["trend"] is None  # fewer than four calls


def test_assignments_done_and_late(db):
    rows = {r["username"]: r for r in reports.trainee_rows(db, 1)}
    assert (
        rows["alice"]["assigned"],
        rows["alice"]["assignments_done"],
        rows["alice"]["assignments_late"],
    ) == (4, 2, 1)
    # the past-due assignment not done is late for sam; the demo ones are due next week. bruno
    # played disk-full in free practice after its due date: a practice assignment counts that
    # call (storage/assignment_rules.py), done but late
    assert (rows["bruno"]["assignments_done"], rows["bruno"]["assignments_late"]) == (1, 1)
    assert (rows["sam"]["assignments_done"], rows["sam"]["assignments_late"]) == (0, 1)


def test_cohort_averages_count_only_finished_calls_of_members(db):
    avg = reports.averages(db, 1)
    assert avg["calls"] == len(EVERY_CALL) and avg["trainees"] == 2 and avg["criticals"] == 1
    assert avg["overall"] == round(mean(EVERY_CALL), 1)
    for skill in SKILLS:
        assert avg[skill] == round(mean(skills_of(o)[skill] for o in EVERY_CALL), 1)


def test_distribution_puts_every_call_in_its_band(db):
    bands = {b["low"]: b["calls"] for b in reports.distribution(db, 1)}
    assert len(bands) == 10 and sum(bands.values()) == len(EVERY_CALL)
    expected = {
        low: sum(1 for o in EVERY_CALL if min(o // 10, 9) * 10 == low) for low in range(0, 100, 10)
    }
    assert bands == expected


def test_scenario_skill_table_lists_the_weakest_scenario_first(db):
    table = reports.scenario_skills(db, 1)
    assert [s["scenario_id"] for s in table] == ["disk-full", "printer-offline"]
    assert table[0]["overall"] == mean(BRUNO) and table[0]["criticals"] == 1
    assert table[1]["overall"] == round(mean(ALICE), 1)


def test_frequent_findings_group_points_lost_by_rule(db):
    found = {f["rule"]: f for f in reports.frequent_findings(db, 1)}
    assert set(found) == {
        "empathy",
        "coverage",
    }  # findings earned in full or with max 0 are not losses
    assert (
        found["empathy"]["calls"] == sum(1 for o in ALICE if o < 70)
        and found["empathy"]["lost"] == 10
    )
    assert (
        found["coverage"]["calls"] == 2
        and found["coverage"]["trainees"] == 1
        and found["coverage"]["lost"] == 25
    )
    mine = reports.frequent_findings(
        db, 1, user_id=db.query("select id from users where username='bruno'").__next__()["id"]
    )
    assert [f["rule"] for f in mine] == ["coverage"] and mine[0]["total_calls"] == 2


def test_critical_errors_name_the_trainee_and_the_rule(db, known):
    errors = reports.critical_errors(db, 1)
    assert [(e["name"], e["rule"], e["call_id"]) for e in errors] == [
        ("Bruno Lefèvre", "change_before_identity", known["calls"][-1])
    ]
    assert [(r["rule"], r["times"], r["trainees"]) for r in reports.critical_counts(db, 1)] == [
        ("change_before_identity", 1, 1)
    ]


def test_progress_groups_calls_by_week(db):
    weeks = reports.progress(db, 1)
    assert sum(w["calls"] for w in weeks) == len(EVERY_CALL)
    assert (
        all(w["week"] <= "2021-03-08" for w in weeks) and weeks[0]["week"] == "2021-03-01"
    )  # Mondays


def test_report_page_shows_the_numbers_the_calls_imply(web, known):  # noqa: F811
    page = BeautifulSoup(client_as(web, "trainer").get("/cohorts/1").data, "html.parser")
    assert page.select_one("#avg-overall").text.strip() == f"{mean(EVERY_CALL):.1f}"
    assert (
        page.select_one("#avg-tone").text.strip()
        == f"{mean(skills_of(o)['tone'] for o in EVERY_CALL):.1f}"
    )
    assert page.select_one("#critical-count").text.strip() == "1"
    alice = [c.get_text(" ", strip=True) for c in page.select("tr[data-user=alice] td")]
    assert alice[:4] == ["6", "2/4", "1", f"{mean(ALICE):.0f}"]
    assert "+30" in alice[-1]
    bands = [r.get_text("|", strip=True) for r in page.select("#distribution-table tbody tr")]
    assert "30–39|1" in bands and "80–89|2" in bands
    assert "Account changed before identity verified" in page.select_one("#critical-table").text


def test_trainee_page_shows_their_calls_and_findings(web, known):  # noqa: F811
    page = BeautifulSoup(
        client_as(web, "trainer").get(f"/cohorts/1/trainees/{known['alice']}").data, "html.parser"
    )
    assert len(page.select("#calls-table tbody tr")) == len(ALICE)
    assert (
        page.select("#compare-table tbody tr")[0].select("td")[0].text.strip()
        == f"{mean(ALICE):.0f}"
    )
    assert "Empathy with a frustrated caller" in page.select_one("#trainee-findings").text
    assert page.select_one("script#chart-data-trainee") is not None


def test_trainee_page_of_someone_outside_the_cohort_is_404(web, known):  # noqa: F811
    with web.app_context():
        stranger = (
            get_db().query("select id from users where username = 'stranger'").__next__()["id"]
        )
    assert client_as(web, "trainer").get(f"/cohorts/1/trainees/{stranger}").status_code == 404


def _csv(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_csv_exports_match_the_report(web, known):  # noqa: F811
    client = client_as(web, "trainer")
    trainees = {r["username"]: r for r in _csv(client.get("/cohorts/1/trainees.csv"))}
    assert (
        float(trainees["alice"]["overall"]) == round(mean(ALICE), 1)
        and trainees["sam"]["calls"] == "0"
    )
    calls = _csv(client.get("/cohorts/1/calls.csv"))
    assert sorted(int(c["overall"]) for c in calls) == sorted(EVERY_CALL)
    assert [c["started_at"] for c in calls] == sorted(c["started_at"] for c in calls)
    assert {c["username"] for c in calls} == {"alice", "bruno"}


def test_csv_cells_cannot_run_as_spreadsheet_formulas(web):  # noqa: F811
    with web.app_context():
        get_db()["users"].update(3, {"name": '=HYPERLINK("x")'})
    text = client_as(web, "trainer").get("/cohorts/1/trainees.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_report_command_prints_and_writes_the_csv(web, known, tmp_path):  # noqa: F811
    out = tmp_path / "cohort.csv"
    result = web.test_cli_runner().invoke(
        args=[
            "report",
            "Promo 2026 — Lyon",
            "--csv",
            str(out),
            "--calls-csv",
            str(tmp_path / "calls.csv"),
        ]
    )
    assert result.exit_code == 0, result.output
    assert "Alice Martin" in result.output and f"average {mean(EVERY_CALL):.0f}" in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["username"] for r in rows} == {"alice", "bruno", "sam"}
    assert (
        len((tmp_path / "calls.csv").read_text(encoding="utf-8").splitlines())
        == len(EVERY_CALL) + 1
    )


@pytest.mark.parametrize("key", ["42", "No such cohort"])
def test_report_command_refuses_an_unknown_cohort(web, key):  # noqa: F811
    result = web.test_cli_runner().invoke(args=["report", key])
    assert result.exit_code != 0 and "no cohort" in result.output


def test_demo_command_plays_transcripts_into_cohorts(web, tmp_path):  # noqa: F811
    from tests.test_transcripts import HERE

    folder = tmp_path / "transcripts" / "printer-offline"
    folder.mkdir(parents=True)
    for name in ("expert.en.yaml", "poor-rude.en.yaml"):
        shutil.copy(HERE / "printer-offline" / name, folder / name)
    with web.app_context():
        from web.cli.demo_data import generate

        made = generate(
            get_db(),
            trainees=3,
            calls=4,
            cohort_size=2,
            pool_size=4,
            folder=tmp_path / "transcripts",
        )
        db = get_db()
        assert made == {"cohorts": 2, "trainees": 3, "calls": 12}
        new = [
            c["id"]
            for c in db.query("select id from cohorts where name like '%promo%' order by id")
        ]
        assert sum(reports.averages(db, c)["calls"] for c in new) == 12
        # every stored call is a real play: its log replays to the score it carries
        call_id = next(iter(db.query("select max(id) as id from calls")))["id"]
        before = load_score(db, call_id)
        assert regrade(db, call_id)["overall"] == before["overall"]

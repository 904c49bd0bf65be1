"""The trainer's home (review queue, work due, critical errors) and the in-app notices."""

from __future__ import annotations

from datetime import date, timedelta

from bs4 import BeautifulSoup

from storage import notices, reviews
from tests import test_web
from tests.test_web import client_as, start
from web.shared.database import get_db

web = test_web.web  # the app fixture with the demo accounts

ALICE, TRAINER = 3, 2


def _ended(client, scenario="printer-offline", persona="calm") -> int:
    call_id = start(client, scenario=scenario, persona=persona)
    client.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    return call_id


def _page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


def test_queue_lists_calls_newest_first_and_links_to_the_review(web):
    alice, bruno = client_as(web, "alice"), client_as(web, "bruno")
    first = _ended(alice)
    second = _ended(bruno, scenario="disk-full")
    page = _page(client_as(web, "trainer"), "/trainer/")
    links = [a["href"] for a in page.select("#review-queue a")]
    assert links == [f"/cohorts/calls/{second}/review", f"/cohorts/calls/{first}/review"]


def test_queue_filters_by_scenario_and_drops_reviewed_calls(web):
    alice = client_as(web, "alice")
    printer = _ended(alice)
    disk = _ended(alice, scenario="disk-full")
    trainer = client_as(web, "trainer")
    page = _page(trainer, "/trainer/?scenario=disk-full&cohort=1")
    assert [a["href"] for a in page.select("#review-queue a")] == [f"/cohorts/calls/{disk}/review"]
    with web.app_context():
        reviews.add_comment(get_db(), printer, 0, TRAINER, "Good start")
    page = _page(trainer, "/trainer/")
    assert [a["href"] for a in page.select("#review-queue a")] == [f"/cohorts/calls/{disk}/review"]


def test_home_lists_assignments_due_this_week(web):
    page = _page(client_as(web, "trainer"), "/trainer/")
    assert len(page.select("#due-list li")) == 2  # the demo's two assignments due in 7 days


def test_trainee_sees_a_comment_notice_once_then_it_is_read(web):
    alice = client_as(web, "alice")
    call_id = _ended(alice)
    with web.app_context():
        reviews.add_comment(get_db(), call_id, 0, TRAINER, "Ask the scope first")
    page = _page(alice, "/")
    assert page.find(id="notice-count").get_text() == "1"
    listed = _page(alice, "/notices/")
    assert listed.select_one("#notice-list .unread a")["href"] == f"/calls/{call_id}/debrief"
    assert _page(alice, "/").find(id="notice-count") is None


def test_assignment_due_within_48_hours_and_overdue_are_notices(web):
    with web.app_context():
        db = get_db()
        soon = notices.notices_for(db, ALICE, date.today() + timedelta(6))
        late = notices.notices_for(db, ALICE, date.today() + timedelta(8))
    assert {n.kind for n in soon} == {"due_soon"}
    assert {n.kind for n in late} >= {"overdue"}


def test_an_assignment_already_done_is_no_notice(web):
    alice = client_as(web, "alice")
    _ended(alice)  # printer-offline, practice: counts
    with web.app_context():
        found = notices.notices_for(get_db(), ALICE, date.today() + timedelta(6))
    assert all(n.scenario_id != "printer-offline" for n in found)


def test_review_shows_the_findings_in_the_readers_language_with_the_same_points(web):
    sam = client_as(web, "sam")
    call_id = start(sam, locale="en")
    sam.post(f"/calls/{call_id}/step", data={"step": "say", "text": "Hello, is the printer on?"})
    sam.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    english = _page(sam, f"/calls/{call_id}/debrief").select(".finding")
    french = _page(client_as(web, "trainer"), f"/cohorts/calls/{call_id}/review").select(".finding")
    assert len(french) == len(english) > 0
    points = [f.get_text(" ", strip=True).split(" ")[0] for f in english]
    assert [f.get_text(" ", strip=True).split(" ")[0] for f in french] == points
    assert "vérification" in " ".join(f.get_text() for f in french)


def test_a_call_whose_model_fell_back_is_a_notice_to_its_trainee(web):
    alice = client_as(web, "alice")
    call_id = start(alice)
    with web.app_context():
        db = get_db()
        last = next(iter(db.query("select max(seq) as m from events where call_id = ?", [call_id])))
        db["events"].insert(
            {
                "call_id": call_id,
                "seq": last["m"] + 1,
                "at": 1.0,
                "turn": 1,
                "kind": "llm_fallback",
                "data": '{"reason": "timeout"}',
                "created_at": "2099-01-01T00:00:00+00:00",
            }
        )
        found = notices.notices_for(db, ALICE)
    assert [n.call_id for n in found if n.kind == "fallback"] == [call_id]
    listed = _page(alice, "/notices/")
    assert listed.select_one(".notice-fallback a")["href"] == f"/calls/{call_id}/debrief"

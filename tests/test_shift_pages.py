"""The shift pages through the test client: start, queue, take, triage, call, refusals, report."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)
from web.shared.database import get_db


def _start(client, plan="evening-on-call", locale="en") -> str:
    response = client.post("/shifts/start", data={"plan": plan, "locale": locale})
    assert response.status_code == 302
    return response.headers["Location"]


def _events(app, url: str) -> list[str]:
    with app.app_context():
        pk = int(url.rstrip("/").split("/")[-1])
        rows = get_db().query("select kind from shift_events where shift_pk = ? order by seq", [pk])
        return [r["kind"] for r in rows]


def _queue(client, url: str) -> list[str]:
    page = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    return [li["data-ref"] for li in page.select("#queue li.queue-item")]


def _act(client, url: str, **data):
    return client.post(f"{url}/act", data=data)


@pytest.fixture()
def alice(web):  # noqa: F811
    client = client_as(web, "alice")
    client.post("/language/en")
    return client


def test_the_shift_list_offers_the_built_in_shifts(alice):
    page = BeautifulSoup(alice.get("/shifts/").get_data(as_text=True), "html.parser")
    plans = {i["value"] for i in page.select("input[name=plan]")}
    assert {"evening-on-call", "monday-morning"} <= plans


def test_a_started_shift_shows_its_first_contact_in_the_queue(alice):
    url = _start(alice)
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    item = page.select_one("#queue li[data-ref=e01]")
    assert item is not None
    assert "VPN" in item.get_text()
    assert item.select_one("form input[name=ref]")["value"] == "e01"


def test_waiting_lets_new_contacts_arrive(alice):
    url = _start(alice)
    for _ in range(4):
        _act(alice, url, step="wait")
    queue = _queue(alice, url)  # e05 and e06 arrive at times drawn from the shift's seed
    assert [ref for ref in queue if ref in ("e01", "e02", "e03")] == ["e01", "e03", "e02"]


def test_taking_and_triaging_a_contact_gives_it_the_matrix_priority(web, alice):  # noqa: F811
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    response = _act(alice, url, step="triage", kind="incident", impact="low", urgency="high")
    assert response.status_code == 302
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    assert page.select_one("#triage-priority").get_text().startswith("P3")
    assert page.select_one("#workstation") is not None  # the call screen of a phone contact
    assert _events(web, url)[-2:] == ["contact_taken", "contact_triaged"]


def _station(html: str):
    station = BeautifulSoup(html, "html.parser").select_one("#workstation")
    assert station is not None
    return station


def test_a_phone_contact_has_the_call_screens_workstation(alice):
    call_id = start(alice)
    call_screen = _station(alice.get(f"/calls/{call_id}").get_data(as_text=True))
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    contact = _station(alice.get(url).get_data(as_text=True))
    ids = [[tag["id"] for tag in s.select("[id]")] for s in (call_screen, contact)]
    assert ids[0] == ids[1]  # the same caller card, conversation, say form and tools
    assert call_screen["data-call-id"] == str(call_id)
    assert contact["data-call-id"] == f"shift-{url.rstrip('/').split('/')[-1]}-e01"
    assert contact.select_one("#conversation")["lang"] == "en"
    assert contact.select_one("form.say-form")["action"] == f"{url}/act"


def test_a_call_step_answers_with_the_callers_reply_and_the_queue(alice):
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    response = alice.post(
        f"{url}/act",
        data={"step": "say", "text": "Good evening, IT support. May I have your name, please?"},
        headers={"HX-Request": "true"},
    )
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select("li.msg.trainee") and page.select("li.msg.caller")
    assert page.select_one("#queue")["hx-swap-oob"] == "true"


def test_taking_a_contact_that_hung_up_is_refused_and_changes_nothing(web, alice):  # noqa: F811
    url = _start(alice)
    for _ in range(9):  # e01 hangs up after 8 minutes and leaves a voicemail
        _act(alice, url, step="wait")
    assert "e01-vm" in _queue(alice, url)
    before = _events(web, url)
    response = _act(alice, url, step="take", ref="e01")
    assert _events(web, url) == before
    page = BeautifulSoup(
        alice.get(response.headers["Location"]).get_data(as_text=True), "html.parser"
    )
    assert "no longer in the queue" in page.select_one(".flash-error").get_text()


def test_acting_after_the_shift_ended_is_refused_in_french(web, alice):  # noqa: F811
    url = _start(alice, locale="fr")
    alice.post("/language/fr")
    assert _act(alice, url, step="end_shift").headers["Location"].endswith(url)
    before = _events(web, url)
    response = _act(alice, url, step="take", ref="e01")
    assert _events(web, url) == before
    assert before[-1] == "shift_ended"
    page = BeautifulSoup(
        alice.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True),
        "html.parser",
    )
    assert "terminée" in page.select_one(".flash-error").get_text()


def test_an_email_reply_to_a_phone_contact_is_refused_cleanly(web, alice):  # noqa: F811
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    before = _events(web, url)
    response = alice.post(
        f"{url}/act", data={"step": "email", "body": "Hello"}, headers={"HX-Request": "true"}
    )
    assert response.headers["HX-Reswap"] == "none"
    assert response.headers["X-Step-Status"] == "409"
    assert "not by e-mail" in response.get_data(as_text=True)
    assert _events(web, url) == before


def test_a_parked_contact_waits_in_the_queue_and_resumes(web, alice):  # noqa: F811
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    _act(alice, url, step="park")
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    assert "status-parked" in page.select_one("#queue li[data-ref=e01]")["class"]
    _act(alice, url, step="take", ref="e01")
    assert _events(web, url)[-1] == "contact_resumed"


def test_the_queue_poll_moves_the_clock_with_real_time(web, alice):  # noqa: F811
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    with web.app_context():  # as if the last step had been two minutes ago
        pk = int(url.split("/")[-1])
        get_db().execute(
            "update shift_events set created_at = datetime(created_at, '-120 seconds') "
            "where shift_pk = ?",
            [pk],
        )
        get_db().conn.commit()
    response = alice.post(f"{url}/tick", headers={"HX-Request": "true"})
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "e03" in [li["data-ref"] for li in page.select("li.queue-item")]  # arrived at 2:00
    assert not page.select("li.queue-item form")  # no take button while a contact is in hand
    assert "clock_moved" in _events(web, url)


def test_the_report_shows_figures_sla_and_findings(alice):
    url = _start(alice)
    _act(alice, url, step="take", ref="e01")
    _act(alice, url, step="triage", kind="incident", impact="low", urgency="high")
    _act(alice, url, step="say", text="Good evening, IT support. May I have your name?")
    _act(alice, url, step="close", summary="")
    _act(alice, url, step="end_shift")
    page = BeautifulSoup(alice.get(f"{url}/report").get_data(as_text=True), "html.parser")
    assert [th.get_text() for th in page.select("#sla-table tbody th")] == ["P1", "P2", "P3", "P4"]
    assert page.select_one("#chart-data-timeline") is not None
    assert page.select(".findings li")
    row = page.select_one("#contacts-table tbody tr")
    assert row.select_one("a[href*=debrief]") is not None


def test_other_trainees_see_neither_the_shift_nor_its_report(web, alice):  # noqa: F811
    url = _start(alice)
    bruno = client_as(web, "bruno")
    assert bruno.get(url).status_code == 404
    assert bruno.get(f"{url}/report").status_code == 404
    assert _act(bruno, url, step="take", ref="e01").status_code == 404


def _take_when_arrived(client, url: str, ref: str) -> None:
    for _ in range(61):  # a contact without `at` arrives within the hour, drawn from the seed
        if ref in _queue(client, url):
            break
        _act(client, url, step="wait")
    assert _act(client, url, step="take", ref=ref).status_code == 302


def test_an_email_contact_shows_the_users_email_and_takes_a_reply(web, alice):  # noqa: F811
    url = _start(alice)
    _take_when_arrived(alice, url, "e07")  # a forwarded phishing, no call back in the plan
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    first = page.select_one("#conversation li.msg.caller.mail")
    assert "Your parcel is held" in first.select_one(".mail-subject").get_text()
    assert "dhl-parcel-fees.com" in first.select_one(".mail-body").get_text()
    assert first.select_one(".mail-signature").get_text().strip()
    assert page.select_one("#email-reply input[name=step]")["value"] == "email"
    assert page.select_one("#call-back") is None and page.select_one("#incoming") is None
    body = "Hello,\n\nThank you for forwarding it. Did you click the link or enter anything?\n\nSam"
    assert _act(alice, url, step="email", body=body).status_code == 302
    kinds = _events(web, url)  # contacts may arrive or hang up while it is written: in between
    step = max(i for i, kind in enumerate(kinds) if kind == "call_step")
    assert kinds[-1] == "email_sent" and "email_sent" not in kinds[step:-1]
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    assert "the reply of e07 will come into the queue" in page.select_one(".flash").get_text()
    assert page.select_one("#idle-title") is not None  # the contact left the trainee's hands
    assert [li["data-ref"] for li in page.select(".awaiting-replies li")] == ["e07"]
    assert "e07" not in _queue(alice, url)
    _read_reply(alice, url, "e07")
    assert "email_reply_received" in _events(web, url)
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    mine = page.select_one("#conversation li.msg.trainee.mail")
    assert "Did you click the link" in mine.select_one(".mail-body").get_text()
    reply = page.select("#conversation li.msg.caller.mail")[-1]
    assert reply.select_one(".mail-subject").get_text().startswith("RE: ")
    assert not reply.select_one(".mail-body").get_text().lstrip().startswith(">")
    assert "Did you click the link" in reply.select_one("details.mail-quote").get_text()


def _read_reply(client, url: str, ref: str) -> None:
    """Wait a minute at a time until the user's reply shows in the queue, then read it."""
    for _ in range(11):  # a reply comes 4 to 10 simulated minutes after the e-mail
        page = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
        item = page.select_one(f"#queue li[data-ref={ref}]")
        if item is not None:
            break
        _act(client, url, step="wait")
    assert "reply received" in item.select_one(".queue-main").get_text()
    assert "first answer sent" in item.select_one(".queue-clocks").get_text()
    assert "late" not in item["class"]
    assert item.select_one("button").get_text().startswith("Read the reply")
    assert _act(client, url, step="take", ref=ref).status_code == 302


def test_an_email_contact_without_call_back_refuses_a_phone_line(web, alice):  # noqa: F811
    url = _start(alice)
    _take_when_arrived(alice, url, "e07")
    before = _events(web, url)
    response = alice.post(
        f"{url}/act", data={"step": "say", "text": "Hello"}, headers={"HX-Request": "true"}
    )
    assert response.headers["X-Step-Status"] == "409"
    assert "allows no call back" in response.get_data(as_text=True)
    assert _events(web, url) == before


def test_an_email_contact_that_may_be_phoned_back_offers_the_call_back(alice):
    url = _start(alice, locale="fr")
    alice.post("/language/fr")
    _take_when_arrived(alice, url, "e08")  # a password reset asked by e-mail: call_back allowed
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    assert "Rappeler" in page.select_one("#call-back summary").get_text()
    assert page.select_one("#conversation .mail-head").get_text().count("Objet") == 1
    response = alice.post(
        f"{url}/act",
        data={
            "step": "say",
            "text": "Bonjour, ici le support, je vous rappelle suite à votre mail.",
        },
        headers={"HX-Request": "true"},
    )
    part = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert "Vous avez rappelé" in part.select_one("li.phoned-back").get_text()
    spoken = part.select("li.msg.caller")
    assert spoken and not any("mail" in li["class"] for li in spoken)
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    assert page.select_one("#call-back").has_attr("open")


def test_a_closed_email_contact_is_debriefed_with_its_written_skill(alice):
    url = _start(alice)
    _take_when_arrived(alice, url, "e07")
    _act(alice, url, step="email", body="Hello,\n\nDid you click the link?\n\nKind regards,\nSam")
    _read_reply(alice, url, "e07")
    _act(alice, url, step="close", summary="Phishing reported by e-mail")
    page = BeautifulSoup(alice.get(url).get_data(as_text=True), "html.parser")
    debrief = alice.get(page.select_one(".handled a[href*=debrief]")["href"])
    skills = BeautifulSoup(debrief.get_data(as_text=True), "html.parser").select(".skills h2")
    assert [h.get_text() for h in skills][-1] == "Written"

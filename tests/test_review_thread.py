"""The trainer's review page shows an e-mail call as the thread the trainee saw: who wrote to
whom, the subject, the body, the signature, the screenshot and the quoted text; a phone call stays
a conversation. Both name the trainee where the trainee's own screens say "You"."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)
from web.shared.database import get_db

EMAIL = "Hello,\n\nwhat exact message do you see in Outlook?\n\nKind regards,\nSam"
COURRIEL = "Bonjour,\n\nquel message exact voyez-vous dans Outlook ?\n\nCordialement,\nSam"


def _ended_email_call(web, locale: str) -> int:  # noqa: F811
    alice = client_as(web, "alice")
    call_id = start(alice, scenario="email-mailbox-full", persona="calm", locale=locale)
    body = EMAIL if locale == "en" else COURRIEL
    alice.post(f"/calls/{call_id}/step", data={"step": "email", "body": body})
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "asked the message"})
    return call_id


def _review(web, call_id: int, locale: str) -> BeautifulSoup:  # noqa: F811
    trainer = client_as(web, "trainer")
    trainer.post(f"/language/{locale}")
    response = trainer.get(f"/cohorts/calls/{call_id}/review")
    assert response.status_code == 200
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def _started(web, call_id: int) -> dict:  # noqa: F811
    """The caller and the user's first e-mail, as the engine stored them."""
    with web.app_context():
        rows = get_db().query(
            "select kind, data from events where call_id = ? order by seq", [call_id]
        )
        events = [(r["kind"], json.loads(r["data"])) for r in rows]
    started = next(d for k, d in events if k == "call_started")
    opening = next(d["email"] for k, d in events if k == "caller_said" and "email" in d)
    return {"caller": started["caller"], "mail": opening}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_review_of_an_email_call_shows_the_thread(web, locale):  # noqa: F811
    call_id = _ended_email_call(web, locale)
    stored = _started(web, call_id)
    page = _review(web, call_id, locale)
    thread = page.select_one("ol.transcript.thread")
    assert thread is not None and thread["lang"] == locale
    mails = thread.select("li.mail")
    assert [m["class"][1] for m in mails] == ["caller", "trainee", "caller"]
    first, reply, answer = mails
    head = first.select_one(".mail-head").get_text(" ", strip=True)
    assert stored["caller"]["caller_name"] in head and stored["mail"]["from"] in head
    assert first.select_one(".mail-subject").get_text() == stored["mail"]["subject"]
    assert first.select_one(".mail-body").get_text() == stored["mail"]["body"]
    assert first.select_one(".mail-signature").get_text() == stored["mail"]["signature"]
    assert stored["mail"]["screenshot"] in first.select_one(".mail-screenshot").get_text()
    sent = reply.select_one(".mail-head").get_text(" ", strip=True)
    assert "Alice" in sent and stored["mail"]["from"] in sent  # from the trainee, to the user
    assert stored["mail"]["subject"] in reply.select_one(".mail-subject").get_text()
    typed = EMAIL if locale == "en" else COURRIEL
    assert reply.select_one(".mail-body").get_text().strip() == typed.strip()
    quoted = answer.select_one("details.mail-quote")
    assert quoted is not None and ">" in quoted.get_text()  # the trainee's e-mail, quoted
    assert answer.select_one(".mail-body").get_text().strip()  # the user's own answer above it
    words = {"en": ("From", "Subject", "E-mail thread"), "fr": ("De", "Objet", "Fil des e-mails")}
    assert page.select_one("#transcript-title").get_text() == words[locale][2]
    assert words[locale][0] in head and words[locale][1] in head
    assert "Your e-mail" not in page.get_text() and "Votre e-mail" not in page.get_text()
    closed = {"en": "Exchange closed", "fr": "Échange clôturé"}[locale]
    assert closed in thread.select("li.msg.system")[-1].get_text()  # no phone was hung up


def test_comments_on_an_email_turn_sit_under_that_email(web):  # noqa: F811
    call_id = _ended_email_call(web, "en")
    trainer = client_as(web, "trainer")
    page = _review(web, call_id, "en")
    turn = page.select_one("ol.thread li.msg.trainee.mail")["data-turn"]
    response = trainer.post(
        f"/cohorts/calls/{call_id}/comments", data={"turn": turn, "text": "Number your steps."}
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"#comments-{turn}"
    )
    page = _review(web, call_id, "en")
    note = page.select_one("ol.thread li.review-note")
    assert note is not None and "Number your steps." in note.get_text()


def test_the_review_of_a_phone_call_stays_a_conversation_naming_the_trainee(web):  # noqa: F811
    alice = client_as(web, "alice")
    call_id = start(alice)
    alice.post(f"/calls/{call_id}/step", data={"step": "say", "text": "Is the printer on?"})
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    page = _review(web, call_id, "en")
    assert page.select_one("ol.transcript.thread") is None
    assert page.select_one("#transcript-title").get_text() == "Transcript"
    said = page.select_one("ol.transcript li.msg.trainee .who").get_text()
    assert "Alice" in said and said != "You"


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_trainees_debrief_of_an_email_call_shows_the_thread_too(web, locale):  # noqa: F811
    call_id = _ended_email_call(web, locale)
    stored = _started(web, call_id)
    alice = client_as(web, "alice")
    response = alice.get(f"/calls/{call_id}/debrief")
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    thread = page.select_one("ol.transcript.thread")
    assert thread is not None and thread["lang"] == locale
    first = thread.select("li.mail")[0]
    assert first.select_one(".mail-subject").get_text() == stored["mail"]["subject"]
    assert stored["caller"]["caller_name"] in first.select_one(".mail-head").get_text()

"""The trainer's review page shows an e-mail call as the thread the trainee saw: who wrote to
whom, the subject, the body, the signature, the screenshot and the quoted text; a phone call stays
a conversation. Both name the trainee where the trainee's own screens say "You"."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from storage import calls as calls_store
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


GIVING_UP = {  # a password asked for (a failed call), then lines that wear the user out
    "en": [
        "Please send me your password.",
        "YOU SHOULD HAVE READ THE INSTRUCTIONS. Calm down, this is your fault. Damn.",
        "Calm down. Your fault again.",
        "SHUT UP and wait. Damn it.",
        "no.",
        "no.",
    ],
    "fr": [
        "Envoyez-moi votre mot de passe.",
        "VOUS AURIEZ DÛ LIRE LA PROCÉDURE. Calmez-vous, c'est votre faute. Merde.",
        "Calmez-vous. Encore votre faute.",
        "TAISEZ-VOUS et attendez. Merde.",
        "non.",
        "non.",
    ],
}
PHONE_WORDS = {
    "en": re.compile(r"\b(callers?|calls?|hung up|hang up|phone)\b", re.I),
    "fr": re.compile(r"\b(appelants?|appels?|raccroch\w*|téléphone)\b", re.I),
}


def _status(web, call_id: int) -> str:  # noqa: F811
    with web.app_context():
        return calls_store.get_call(get_db(), call_id)["status"]


def _main_text(client, url: str, locale: str) -> str:
    client.post(f"/language/{locale}")
    response = client.get(url)
    assert response.status_code == 200
    main = BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("main")
    return " ".join(main.get_text(" ").split()).replace("formule d'appel", "")


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_pages_of_an_email_contact_never_speak_of_a_call(web, locale, monkeypatch):  # noqa: F811
    """The debrief and the review of a failed contact whose user stopped answering, and the
    review of one still open, in the contact's language."""
    monkeypatch.setattr("web.calls.call_screen.secrets.randbelow", lambda _: 1)  # one seed
    alice = client_as(web, "alice")
    ended = start(alice, scenario="email-new-starter", persona="calm", locale=locale)
    for body in GIVING_UP[locale]:
        alice.post(f"/calls/{ended}/step", data={"step": "email", "body": body})
        if _status(web, ended) == "ended":  # the user stopped answering
            break
    open_one = start(alice, scenario="email-mailbox-full", persona="calm", locale=locale)
    trainer = client_as(web, "trainer")
    pages = {
        "debrief": _main_text(alice, f"/calls/{ended}/debrief", locale),
        "review": _main_text(trainer, f"/cohorts/calls/{ended}/review", locale),
        "open": _main_text(trainer, f"/cohorts/calls/{open_one}/review", locale),
    }
    for name, text in pages.items():
        assert PHONE_WORDS[locale].findall(text) == [], name
    gave_up = {"en": "The user stopped answering", "fr": "L'utilisateur n'a plus répondu"}[locale]
    failed = {"en": "the contact fails", "fr": "l'échange est en échec"}[locale]
    still_open = {"en": "still open", "fr": "toujours ouvert"}[locale]
    assert gave_up in pages["debrief"] and gave_up in pages["review"]
    assert failed in pages["debrief"] and failed in pages["review"]
    assert still_open in pages["open"]


def test_the_pages_of_a_phone_call_keep_their_words(web):  # noqa: F811
    alice = client_as(web, "alice")
    call_id = start(alice, locale="fr")
    alice.post(
        f"/calls/{call_id}/step", data={"step": "say", "text": "Donnez-moi votre mot de passe."}
    )
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "fini"})
    debrief = _main_text(alice, f"/calls/{call_id}/debrief", "fr")
    review = _main_text(client_as(web, "trainer"), f"/cohorts/calls/{call_id}/review", "fr")
    assert "l'appel est en échec" in debrief and "Refaire cet appel" in debrief
    assert "Commentaires sur l'ensemble de l'appel" in review

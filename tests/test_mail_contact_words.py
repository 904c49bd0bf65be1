"""What the trainee and the trainer read of an e-mail contact never speaks of a caller or a call:
the contact screen (thread, call back, tools, end dialog, step answers and refusals), the debrief
and the history, in both languages. A phone call keeps its words."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)

CALL_WORDS = re.compile(
    r"\b(callers?|calls?|called|calling|hung up|hang up|appel\w*|raccroch\w*)\b", re.I
)
# Allowed: « formule d'appel » is French for a letter's salutation line ("Dear Ms Martin,"), the
# word a writing course uses, nothing to do with a phone; the written skill's findings name it.
WRITING_WORDS = ("formule d'appel", "Formule d'appel")
# Left out of the check: what the scenario and the trainee wrote, not the interface. The
# scenario's e-mails, the user's answers, its expert steps and traps speak of a real phone call
# where one is meant (email-password-reset: "call the user back on the number in the directory";
# email-new-starter: « elle répondra aux appels de nos clients »), and so do the knowledge base's
# article titles ("Password requests by e-mail: answer, call back, verify on the phone").
DATA = (
    ".mail-body, .mail-signature, .mail-screenshot, .mail-subject, .msg.caller > p, "
    ".msg.trainee > p, ol.expert, #expert-title ~ ul, .kb-hits, h1"
)
ATTRIBUTES = (
    "placeholder",
    "aria-label",
    "title",
    "data-label",
    "data-label-you",
    "data-label-caller",
)

EMAIL = {
    "en": "Hello,\n\nCould you tell me the exact message you see?\n\nKind regards,\nSam",
    "fr": "Bonjour,\n\nPourriez-vous m'indiquer le message exact ?\n\nCordialement,\nSam",
}
SPOKEN = {
    "en": "Hello, IT service desk, Sam speaking. Could you give me your employee ID?",
    "fr": "Bonjour, support informatique, Sam à l'appareil. Quel est votre matricule ?",
}


def _steps(locale: str) -> list[dict[str, str]]:
    """An e-mail, the user phoned back, and every tool of the workstation."""
    return [
        {"step": "email", "body": EMAIL[locale]},
        {"step": "say", "text": SPOKEN[locale]},
        {"step": "hold", "seconds": "20"},
        {"step": "resume"},
        {"step": "remote_connect"},
        {"step": "directory", "op": "lookup", "user": ""},
        {"step": "kb", "query": "password"},
        {"step": "ticket", "category": "account", "summary": "password"},
        {"step": "email", "body": EMAIL[locale]},
    ]


def _shown(html: str) -> str:
    """The words a person reads on a page (or an htmx answer): its text and the attributes that
    show, without what the scenario or the trainee wrote."""
    soup = BeautifulSoup(html, "html.parser")
    root = soup.select_one("main") or soup
    for tag in root.select(f"script, style, {DATA}"):
        tag.decompose()
    texts = [root.get_text(" ")]
    texts += [tag[a] for tag in root.find_all(True) for a in ATTRIBUTES if tag.get(a)]
    shown = " ".join(" ".join(texts).split())
    for allowed in WRITING_WORDS:
        shown = shown.replace(allowed, "")
    return shown


def _call_words(html: str) -> list[str]:
    text = _shown(html)
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in CALL_WORDS.finditer(text)]


def _played(client, scenario: str, locale: str) -> tuple[int, list[str]]:
    """A contact started in `locale` and played through `_steps`; its screen and step answers."""
    client.post(f"/language/{locale}")
    call_id = start(client, scenario=scenario, persona="calm", locale=locale)
    pages = [client.get(f"/calls/{call_id}").get_data(as_text=True)]
    for step in _steps(locale):
        answer = client.post(f"/calls/{call_id}/step", data=step, headers={"HX-Request": "true"})
        pages.append(answer.get_data(as_text=True))
    pages.append(client.get(f"/calls/{call_id}").get_data(as_text=True))
    return call_id, pages


def _closed(client, call_id: int, locale: str) -> str:
    """Close the contact, then send one more e-mail: the refusal the trainee reads."""
    client.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    late = {"step": "email", "body": EMAIL[locale]}
    return client.post(
        f"/calls/{call_id}/step", data=late, headers={"HX-Request": "true"}
    ).get_data(as_text=True)


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("scenario", ["email-password-reset", "email-new-starter"])
def test_an_email_contacts_screen_and_debrief_never_speak_of_a_call(web, scenario, locale):  # noqa: F811
    alice = client_as(web, "alice")
    call_id, pages = _played(alice, scenario, locale)
    refusal = _closed(alice, call_id, locale)
    debrief = alice.get(f"/calls/{call_id}/debrief").get_data(as_text=True)
    for name, html in [*enumerate(pages), ("refusal", refusal), ("debrief", debrief)]:
        assert _call_words(html) == [], name
    closed = {"en": "This exchange is closed", "fr": "Cet échange est clos"}[locale]
    assert closed in _shown(refusal)
    screen = BeautifulSoup(pages[-1], "html.parser")
    user = {"en": "User", "fr": "Utilisateur"}[locale]
    assert user in screen.select_one("#conversation li.msg.caller:not(.mail) .who").get_text()
    close = {"en": "Close the exchange", "fr": "Clôturer l'échange"}[locale]
    assert screen.select_one("#end-ok").get_text() == close


def test_an_email_contact_in_another_language_says_so_in_writing_words(web):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post("/language/en")
    call_id = start(alice, scenario="email-mailbox-full", persona="calm", locale="fr")
    html = alice.get(f"/calls/{call_id}").get_data(as_text=True)
    assert _call_words(html) == []
    note = BeautifulSoup(html, "html.parser").select_one("#call-language").get_text()
    assert "This e-mail is in French" in note and "Reply in French" in note


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_phone_calls_screen_and_debrief_keep_the_call_words(web, locale):  # noqa: F811
    alice = client_as(web, "alice")
    call_id, pages = _played_phone(alice, locale)
    refusal = _closed(alice, call_id, locale)
    debrief = alice.get(f"/calls/{call_id}/debrief").get_data(as_text=True)
    assert _call_words(pages[-1]) and _call_words(debrief)
    ended = {"en": "This call has ended", "fr": "Cet appel est terminé"}[locale]
    assert ended in _shown(refusal)
    end = {"en": "End the call", "fr": "Terminer l'appel"}[locale]
    assert BeautifulSoup(pages[-1], "html.parser").select_one("#end-ok").get_text() == end


def _played_phone(client, locale: str) -> tuple[int, list[str]]:
    client.post(f"/language/{locale}")
    call_id = start(client, scenario="account-locked-phone", persona="calm", locale=locale)
    for step in _steps(locale)[1:-1]:
        client.post(f"/calls/{call_id}/step", data=step, headers={"HX-Request": "true"})
    return call_id, [client.get(f"/calls/{call_id}").get_data(as_text=True)]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_history_names_an_email_contact_as_one(web, locale):  # noqa: F811
    alice = client_as(web, "alice")
    alice.post(f"/language/{locale}")
    start(alice, locale=locale)
    phone_only = BeautifulSoup(alice.get("/history").get_data(as_text=True), "html.parser")
    assert phone_only.select_one("h1").get_text() == {"en": "My calls", "fr": "Mes appels"}[locale]
    mail_id = start(alice, scenario="email-mailbox-full", persona="calm", locale=locale)
    page = BeautifulSoup(alice.get("/history").get_data(as_text=True), "html.parser")
    row = next(r for r in page.select("tbody tr") if r.select_one("td").get_text() == str(mail_id))
    assert _call_words(str(row)) == []
    assert "✉" in row.get_text()
    heading = {"en": "My calls and e-mails", "fr": "Mes appels et e-mails"}[locale]
    assert page.select_one("h1").get_text() == heading

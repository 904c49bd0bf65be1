"""A shift in a real browser, in English and French: the queue, triage, a call, park and resume,
the end of the shift and its report; at desktop width and at 380 px (a phone).

HOTLINER_SCREENSHOTS=1 also saves the queue, a contact and the report under docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from simulator.replay import fill_placeholders
from simulator.shift_library import load_shift_library
from simulator.shift_replay import parse_shift_transcript
from simulator.shift_steps import SHIFT_STEPS, step_input
from storage.db import connect
from storage.users import new_api_token
from tests.browser.test_trainee_pages import login
from tests.shift_helpers import ROOT, shift_engine

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

SHIFT = {
    "en": {
        "user": "sam",
        "start": "Start this shift",
        "take": "Take e01",
        "answer": "Answer",
        "set": "Set the priority",
        "park": "Park (call back later)",
        "resume": "Resume",
        "end_call": "End the call",
        "end_shift": "End the shift",
        "parked": "parked",
        "report": "Shift report",
        "turns": [
            "Good evening, IT support, Sam speaking. May I have your name, please?",
            "Thank you. What's the exact error message in the VPN window?",
        ],
    },
    "fr": {
        "user": "alice",
        "start": "Commencer cette vacation",
        "take": "Prendre e01",
        "answer": "Décrocher",
        "set": "Fixer la priorité",
        "park": "Mettre en attente (rappeler plus tard)",
        "resume": "Reprendre",
        "end_call": "Terminer l'appel",
        "end_shift": "Terminer la vacation",
        "parked": "en attente de rappel",
        "report": "Bilan de la vacation",
        "turns": [
            "Bonsoir, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?",
            "Merci. Quel est le message d'erreur exact dans la fenêtre du VPN ?",
        ],
    },
}


def _shot(page, name: str) -> None:
    if os.environ.get("HOTLINER_SCREENSHOTS") == "1":
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _start(page, server, words, locale):
    page.goto(f"{server}/shifts/")
    card = page.locator("article.shift-plan", has=page.locator("input[value=evening-on-call]"))
    card.locator("select[name=locale]").select_option(locale)
    card.get_by_role("button", name=words["start"]).click()
    expect(page).to_have_url(re.compile(r"/shifts/\d+$"))
    expect(page.locator("#queue li[data-ref=e01]")).to_be_visible()


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_trainee_plays_a_shift_to_its_report(server, page_for, locale):
    words = SHIFT[locale]
    page = page_for(locale)
    login(page, server, words["user"])
    _start(page, server, words, locale)
    _shot(page, f"shift-queue-{locale}")
    page.get_by_role("button", name=words["take"]).click()
    page.select_option("#tr-kind", "incident")
    page.select_option("#tr-impact", "low")
    page.select_option("#tr-urgency", "high")
    page.get_by_role("button", name=words["set"]).click()
    expect(page.locator("#triage-priority")).to_contain_text("P3")
    page.get_by_role("button", name=words["answer"]).click()
    for n, text in enumerate(words["turns"], start=1):
        page.fill("#say", text)
        page.keyboard.press("Enter")
        expect(page.locator("#conversation .msg.caller")).to_have_count(n + 1, timeout=30000)
    _shot(page, f"shift-contact-{locale}")
    page.get_by_role("button", name=words["park"]).click()
    parked = page.locator("#queue li[data-ref=e01]")
    expect(parked).to_contain_text(words["parked"])
    parked.get_by_role("button", name=words["resume"]).click()
    expect(page.locator("#conversation .msg.trainee")).to_have_count(2)  # the call kept its turns
    page.locator("details:has(#close-summary) summary").click()
    page.get_by_role("button", name=words["end_call"]).click()
    page.locator("#end-ok").click()
    expect(page.locator("section.handled a[href*=debrief]")).to_have_count(1)
    page.get_by_role("button", name=words["end_shift"]).click()
    expect(page).to_have_url(re.compile(r"/shifts/\d+/report$"))
    expect(page.get_by_role("heading", name=re.compile(words["report"]))).to_be_visible()
    expect(page.locator("#sla-table tbody tr")).to_have_count(4)
    expect(page.locator("#contacts-table a[href*=debrief]")).to_have_count(1)
    assert page.locator("#chart-timeline").evaluate("c => c.width > 0 && !!Chart.getChart(c)")
    _shot(page, f"shift-report-{locale}")


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_shift_is_usable_at_phone_width(server, chromium, locale):
    words = SHIFT[locale]
    context = chromium.new_context(locale=locale, viewport={"width": 380, "height": 800})
    try:
        page = context.new_page()
        login(page, server, words["user"])
        _start(page, server, words, locale)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 380, f"the queue page scrolls sideways ({width} px)"
        _shot(page, f"shift-queue-380px-{locale}")
        page.get_by_role("button", name=words["take"]).click()
        expect(page.locator("#tr-kind")).to_be_visible()
        page.get_by_role("button", name=words["answer"]).click()
        expect(page.locator("#say")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 380
        _shot(page, f"shift-contact-380px-{locale}")
    finally:
        context.close()


def test_the_report_of_a_whole_shift_charts_the_queue(server, page_for, engine, library, tmp_path):
    """The evening shift played to its end (the English transcript, over the API), then read."""
    text = (ROOT / "tests" / "shift_transcripts" / "evening-on-call.en.yaml").read_text("utf-8")
    steps, _lines = parse_shift_transcript(text, "t.yaml")
    local = shift_engine(engine, library)
    shift = local.start(load_shift_library(library.scenarios).plan("evening-on-call"), "en", 1)
    db = connect(tmp_path / "browser.db")  # the server's database (tests/browser/conftest.py)
    sam = next(iter(db.query("select id from users where username = 'sam'")))["id"]
    token = new_api_token(db, sam)
    db.close()
    with httpx.Client(base_url=server, headers={"Authorization": f"Bearer {token}"}) as api:
        started = api.post(
            "/api/v1/shifts", json={"shift": "evening-on-call", "locale": "en", "seed": 1}
        ).json()
        for step in steps:
            if (step.name not in SHIFT_STEPS or step.name == "email") and shift.active:
                step = fill_placeholders(step, shift.contact(shift.active).call)
            local.step(shift, step)
            answer = api.post(
                f"/api/v1/shifts/{started['id']}/steps",
                json={"step": step_input(step)},
                timeout=60,
            )
            assert answer.status_code == 200, answer.text
    page = page_for("en")
    login(page, server, "sam")
    page.goto(f"{server}/shifts/{started['id']}/report")
    # six calls (phone and voicemail call backs) and the e-mails e07 and e08, each debriefed;
    # e09 and e10 were still waiting on a user's reply when the hour ended: no debrief yet
    expect(page.locator("#contacts-table a[href*=debrief]")).to_have_count(8)
    points = page.locator("#chart-timeline").evaluate(
        "c => Chart.getChart(c).data.datasets[0].data.length"
    )
    assert points > 5
    _shot(page, "shift-report-whole-en")


EMAIL = {
    "en": {
        "user": "sam",
        "wait": "Wait one minute",
        "take": "Take e07",
        "send": "Send the e-mail",
        "read": "Read the reply",
        "received": "reply received",
        "subject": "Your parcel is held",
        "reply": (
            "Hello,\n\nThank you for forwarding this e-mail to us. Did you click the link or "
            "enter anything on that page?\n\nKind regards,\nSam\nIT service desk"
        ),
    },
    "fr": {
        "user": "alice",
        "wait": "Attendre une minute",
        "take": "Prendre e07",
        "send": "Envoyer l'e-mail",
        "read": "Lire la réponse",
        "received": "réponse reçue",
        "subject": "colis",
        "reply": (
            "Bonjour,\n\nMerci de nous avoir transféré ce message. Avez-vous cliqué sur le lien "
            "ou saisi quelque chose sur cette page ?\n\nCordialement,\nSam\nSupport informatique"
        ),
    },
}


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_an_email_contact_is_read_and_answered_at_phone_width(server, chromium, locale):
    """The forwarded phishing (e07, an e-mail): its thread and a reply, on a 380 px phone."""
    words = EMAIL[locale]
    context = chromium.new_context(locale=locale, viewport={"width": 380, "height": 800})
    try:
        page = context.new_page()
        login(page, server, words["user"])
        _start(page, server, SHIFT[locale], locale)
        page.get_by_role("button", name=words["wait"]).click()  # e07 arrives after a minute
        page.get_by_role("button", name=words["take"]).click()
        first = page.locator("#conversation li.msg.caller.mail").first
        expect(first.locator(".mail-subject")).to_contain_text(words["subject"])
        expect(page.locator("#call-back")).to_have_count(0)  # its plan allows no call back
        page.fill("#email-body", words["reply"])
        page.get_by_role("button", name=words["send"]).click()
        expect(page.locator(".awaiting-replies li[data-ref=e07]")).to_be_visible()  # sent
        reply = page.get_by_role("button", name=words["read"])
        for _ in range(11):  # the user answers 4 to 10 simulated minutes later
            if reply.count():
                break
            page.get_by_role("button", name=words["wait"]).click()
        expect(page.locator("#queue li[data-ref=e07]")).to_contain_text(words["received"])
        reply.click()
        expect(page.locator("#conversation li.msg.trainee.mail")).to_have_count(1)
        expect(page.locator("#conversation li.msg.caller.mail")).to_have_count(2)
        page.locator("#conversation li.msg.caller.mail").last.locator("summary").click()
        expect(page.locator("details.mail-quote .mail-body")).to_contain_text("> ")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 380, f"the e-mail contact scrolls sideways ({width} px)"
        _shot(page, f"shift-email-{locale}")
    finally:
        context.close()

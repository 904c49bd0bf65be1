"""A trainee in a real browser: log in, take a whole call, read the debrief — in French and
English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from web.cli.accounts import DEMO_ACCOUNTS

pytestmark = pytest.mark.browser
PASSWORD = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}

CALLS = {
    "en": {
        "user": "sam",
        "turns": [
            "Good morning, IT support, Sam speaking. May I have your name, please?",
            "I understand, that's annoying. Is the printer switched on?",
            "Could you check the cable at the back of the printer, please?",
            "Please push the cable back in until it clicks.",
            "Can you try printing again now?",
        ],
        "answer": "Answer",
        "end": "End the call",
        "debrief": "What was judged, point by point",
    },
    "fr": {
        "user": "alice",
        "turns": [
            "Bonjour, support informatique, Julie à l'appareil. Puis-je avoir votre nom, "
            "s'il vous plaît ?",
            "Je comprends, c'est agaçant. Est-ce que l'imprimante est bien allumée ?",
            "Pouvez-vous vérifier que le câble est bien branché à l'arrière de l'imprimante ?",
            "Rebranchez le câble à fond, s'il vous plaît, jusqu'au clic.",
            "Pouvez-vous relancer une impression maintenant ?",
        ],
        "answer": "Décrocher",
        "end": "Terminer l'appel",
        "debrief": "Évaluation point par point",
    },
}


def login(page, server, user):
    page.goto(f"{server}/login")
    page.get_by_label(re.compile("User name|Nom d'utilisateur|Identifiant", re.I)).fill(user)
    page.get_by_label(re.compile("Password|Mot de passe", re.I)).fill(PASSWORD[user])
    page.locator("form.login-card button[type=submit]").click()
    expect(page).to_have_url(f"{server}/")


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_trainee_takes_a_whole_call_to_resolution(server, page_for, locale):
    data = CALLS[locale]
    page = page_for(locale)
    login(page, server, data["user"])
    page.select_option("#scenario", "printer-offline")
    page.select_option("#persona", "calm")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    expect(page.locator("#incoming")).to_be_visible()
    page.get_by_role("button", name=data["answer"]).click()
    expect(page.locator("#timer")).to_be_visible()
    for n, text in enumerate(data["turns"], start=1):
        page.fill("#say", text)
        page.keyboard.press("Enter")
        expect(page.locator("#conversation .msg.caller")).to_have_count(n + 1)
    expect(page.locator("#conversation .msg.caller").last).to_contain_text(
        re.compile("print|imprim", re.I)
    )
    page.locator("details:has(#close-summary) summary").click()
    page.fill("#close-summary", "ok")
    page.get_by_role("button", name=data["end"]).click()
    page.locator("#end-ok").click()  # ending asks first (a misclick must not end a call)
    expect(page).to_have_url(re.compile(r"/calls/\d+/debrief$"))
    expect(page.get_by_role("heading", name=data["debrief"])).to_be_visible()
    assert page.locator("li.finding").count() > 10
    page.locator("a.finding-link").first.click()
    assert re.search(r"#turn-\d+$", page.url)


def test_trainee_cannot_open_another_trainees_call(server, page_for):
    alice = page_for("en")
    login(alice, server, "alice")
    alice.locator("form[action='/practice'] button[type=submit]").first.click()
    call_url = alice.url
    bruno = page_for("en")
    login(bruno, server, "bruno")
    response = bruno.goto(call_url)
    assert response.status == 404
    expect(bruno.locator("main")).not_to_contain_text("Incoming call")


def test_bad_input_shows_a_clear_message_and_keeps_the_call(server, page_for):
    page = page_for("en")
    login(page, server, "sam")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    page.get_by_role("button", name="Answer").click()
    page.locator("details:has(#team) summary").click()
    page.select_option("#team", "network")
    page.locator("#note").fill("x")
    page.locator("#note").fill("")
    page.evaluate("document.getElementById('note').removeAttribute('required')")
    page.get_by_role("button", name="Escalate").click()
    expect(page.locator("#step-error")).to_contain_text("hand-over note is empty")
    expect(page.locator("#conversation .msg.system")).to_have_count(0)

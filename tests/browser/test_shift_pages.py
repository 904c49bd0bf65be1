"""A shift in a real browser, in English and French: the queue, triage, a call, park and resume,
the end of the shift and its report; at desktop width and at 380 px (a phone).

HOTLINER_SCREENSHOTS=1 also saves the queue, a contact and the report under docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_trainee_pages import login

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

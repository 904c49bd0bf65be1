"""An e-mail contact in a real browser, in English and French: the user phoned back with Enter,
the call back's lines said by "User", and closing asks to close the exchange, with no caller or
call on the screen."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_trainee_pages import login

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CALL_WORDS = re.compile(r"\b(callers?|calls?|appel\w*)\b", re.I)
# « formule d'appel » is French for a letter's salutation line, nothing to do with a phone.
WRITING_WORDS = ("formule d'appel", "Formule d'appel")

WORDS = {
    "en": {
        "user": "sam",
        "email": "Hello,\n\nCould you tell me the exact message you see?\n\nKind regards,\nSam",
        "spoken": "Hello, IT service desk, Sam speaking. What is your employee ID?",
        "who": "User",
        "close": "Close the exchange",
        "confirm": "Close the exchange?",
    },
    "fr": {
        "user": "alice",
        "email": "Bonjour,\n\nPourriez-vous m'indiquer le message exact ?\n\nCordialement,\nSam",
        "spoken": "Bonjour, support informatique, Sam à l'appareil. Quel est votre matricule ?",
        "who": "Utilisateur",
        "close": "Clôturer l'échange",
        "confirm": "Clôturer l'échange ?",
    },
}


def _interface_words(page) -> str:
    """The screen's own words: the thread's e-mails and spoken lines left out (they are the
    scenario's and the trainee's)."""
    text = page.locator("main").evaluate(
        """main => { const copy = main.cloneNode(true);
        copy.querySelectorAll(`.mail-body, .mail-signature, .mail-subject, .msg.caller > p,
            .msg.trainee > p, h1`).forEach(e => e.remove());
        return copy.innerText + ' ' + [...copy.querySelectorAll('[placeholder]')]
            .map(e => e.placeholder).join(' '); }"""
    )
    for allowed in WRITING_WORDS:
        text = text.replace(allowed, "")
    return text


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_an_email_contact_is_phoned_back_and_closed_in_writing_words(server, page_for, locale):
    words = WORDS[locale]
    page = page_for(locale)
    login(page, server, words["user"])
    page.select_option("#scenario", "email-password-reset")
    page.select_option("#persona", "calm")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    expect(page.locator("#email-reply")).to_be_visible(timeout=120000)
    page.fill("#email-body", words["email"])
    page.locator("#email-reply button[type=submit]").click()
    expect(page.locator("#conversation li.msg.caller.mail")).to_have_count(2, timeout=30000)
    page.locator("#call-back summary").click()
    page.fill("#say", words["spoken"])
    page.keyboard.press("Enter")  # says the line, as on a call
    spoken = page.locator("#conversation li.msg.caller:not(.mail)")
    expect(spoken).to_have_count(1, timeout=30000)
    expect(spoken.locator(".who")).to_have_text(words["who"])
    expect(page.locator("#say")).to_have_value("")
    assert CALL_WORDS.findall(_interface_words(page)) == []
    if os.environ.get("HOTLINER_SCREENSHOTS") == "1":
        page.screenshot(path=str(SHOTS / f"email-contact-{locale}.png"), full_page=True)
    page.locator("details:has(#close-summary) summary").click()
    page.get_by_role("button", name=words["close"]).click()
    expect(page.locator("#end-confirm-title")).to_have_text(words["confirm"])
    assert CALL_WORDS.findall(page.locator("#end-confirm").inner_text()) == []
    page.locator("#end-ok").click()
    expect(page).to_have_url(re.compile(r"/calls/\d+/debrief$"), timeout=60000)

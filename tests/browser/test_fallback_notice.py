"""A model reply that fell back to the script, in a real browser: the trainee sees a discreet
notice under that caller line on the call screen itself, in both languages, desktop and phone."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from tests.browser.test_centre_pages import overflow
from tests.browser.test_guided_start import use_language
from tests.browser.test_trainee_pages import login
from tests.llm_server import LLMServer
from web.cli.accounts import ensure_demo
from web.shared.database import get_db

pytestmark = pytest.mark.browser
QUESTION = {
    "en": "Is the printer switched on?",
    "fr": "Est-ce que l'imprimante est allumée ?",
}


@pytest.fixture()
def model():
    with LLMServer() as server:
        yield server


@pytest.fixture()
def llm_site(tmp_path, model):
    """The app with the local model as its endpoint; a failed model turn is not retried."""
    app = create_app(
        {
            "DATABASE": str(tmp_path / "browser.db"),
            "SECRET_KEY": "browser-tests",
            "RATELIMIT_ENABLED": False,
            "HOTLINER_LLM_BASE_URL": model.base_url,
            "HOTLINER_LLM_MODEL": "stand-in",
            "HOTLINER_LLM_RETRIES": "0",
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.mark.parametrize("locale, width", [("en", 1360), ("fr", 380)])
def test_a_scripted_fallback_is_noticed_on_the_call_screen(
    llm_site, model, chromium, locale, width
):
    model.behaviour = lambda body: "500"  # the model's server fails: the script answers
    context = chromium.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    login(page, llm_site, "alice")
    use_language(page, llm_site, locale)
    page.select_option("#scenario", "printer-offline")
    page.select_option("#persona", "calm")
    page.check("input[name=mode][value=llm]")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    page.click("#answer")
    expect(page.locator(".fallback-note")).to_have_count(0)
    page.fill("#say", QUESTION[locale])
    page.keyboard.press("Enter")
    expect(page.locator("#conversation .msg.caller")).to_have_count(
        2, timeout=90_000
    )  # a cold first step is slow
    note = page.locator("#conversation .msg.caller").nth(1).locator(".fallback-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Scripted reply" if locale == "en" else "Réponse scriptée")
    page.reload()  # the notice stays with its line
    expect(page.locator("#conversation .fallback-note")).to_have_count(1)
    found = overflow(page)
    assert found["scroll"] <= found["viewport"], found
    context.close()

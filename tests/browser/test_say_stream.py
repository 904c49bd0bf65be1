"""An LLM-voiced call in a real browser: the caller's reply appears as it streams, then settles."""

from __future__ import annotations

import re
import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from tests.llm_server import LLMServer
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db

pytestmark = pytest.mark.browser
PASSWORD = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
LEAK = "Yes, it's switched on. It's probably the USB cable that is unplugged. Anything else?"

# Records every text the provisional caller bubble showed, so the test sees the stream itself.
WATCH = """() => {
  window.__streamed = [];
  new MutationObserver(() => {
    document.querySelectorAll("#conversation .msg.caller.pending p").forEach((p) => {
      if (p.textContent && window.__streamed[window.__streamed.length - 1] !== p.textContent) {
        window.__streamed.push(p.textContent);
      }
    });
  }).observe(document.getElementById("conversation"),
             {childList: true, subtree: true, characterData: true});
}"""


@pytest.fixture()
def llm():
    with LLMServer() as server:
        server.chunk_seconds = 0.03  # a few chunks per sentence reach the page apart
        yield server


@pytest.fixture()
def llm_site(tmp_path, llm):
    app = create_app(
        {
            "DATABASE": str(tmp_path / "stream.db"),
            "SECRET_KEY": "browser-tests",
            "RATELIMIT_ENABLED": False,
            "HOTLINER_LLM_BASE_URL": llm.base_url,
            "HOTLINER_LLM_MODEL": "test-model",
            "HOTLINER_LLM_TIMEOUT": "5",
            "HOTLINER_LLM_RETRIES": "0",
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def open_llm_call(page, site):
    page.goto(f"{site}/login")
    page.get_by_label(re.compile("User name|Nom d'utilisateur|Identifiant", re.I)).fill("sam")
    page.get_by_label(re.compile("Password|Mot de passe", re.I)).fill(PASSWORD["sam"])
    page.locator("form.login-card button[type=submit]").click()
    expect(page).to_have_url(f"{site}/")
    page.select_option("#scenario", "printer-offline")
    page.select_option("#persona", "calm")
    page.locator("input[name=mode][value=llm]").check()
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    page.get_by_role("button", name="Answer").click()
    expect(page.locator("form.say-form[data-stream-url]")).to_be_visible()
    page.evaluate(WATCH)


def test_the_callers_reply_streams_into_the_page_then_settles(llm_site, page_for):
    page = page_for("en")
    open_llm_call(page, llm_site)
    page.fill("#say", "Is the printer switched on?")
    page.keyboard.press("Enter")
    last = page.locator("#conversation .msg.caller:not(.pending)").last
    expect(last).to_contain_text(
        re.compile(r"^\s*Caller\s*Right, okay\. .*switched on", re.I | re.S)
    )
    expect(page.locator("#conversation .msg.pending")).to_have_count(0)
    expect(page.locator("#conversation .msg.trainee").last).to_contain_text(
        "Is the printer switched on?"
    )
    expect(page.locator("#say")).to_have_value("")
    streamed = page.evaluate("window.__streamed")
    assert streamed and streamed[0] == "Right, okay."  # the first sentence showed before the rest
    assert streamed[-1] == last.locator("p").inner_text()


def test_a_leaking_reply_shows_only_its_safe_start_then_the_scripted_reply(llm_site, page_for, llm):
    llm.behaviour = lambda body: {"intents": [], "reply": LEAK}
    page = page_for("en")
    open_llm_call(page, llm_site)
    page.fill("#say", "Is the printer switched on?")
    page.keyboard.press("Enter")
    expect(page.locator("#conversation .msg.trainee:not(.pending)")).to_have_count(1)
    expect(page.locator("#conversation .msg.pending")).to_have_count(0)
    final = page.locator("#conversation .msg.caller").last.inner_text()
    # the scripted reply, not the model's (whose third sentence, "Anything else?", a scripted reply
    # may also end with: a persona's suffix is drawn from the call's random seed)
    assert (
        "unplugged" not in final
        and "It's probably" not in final
        and "switched on. It's" not in final
    )
    assert all(
        "unplugged" not in text and "USB" not in text for text in page.evaluate("window.__streamed")
    )
    assert "unplugged" not in page.content()


def test_a_refused_step_shows_the_error_and_keeps_what_was_typed(llm_site, page_for):
    page = page_for("en")
    open_llm_call(page, llm_site)
    token = page.locator("form.say-form input[name=csrf_token]").input_value()
    step_url = page.locator("form.say-form").get_attribute("action")
    closed = page.request.post(
        f"{llm_site}{step_url}",
        form={"step": "close", "summary": "done", "csrf_token": token},
        max_redirects=0,
    )
    assert closed.status == 302  # ended from another tab
    page.fill("#say", "Is the printer switched on?")
    page.keyboard.press("Enter")
    expect(page.locator("#step-error")).to_contain_text("This call has ended; nothing was changed.")
    expect(page.locator("#conversation .msg.pending")).to_have_count(0)
    expect(page.locator("#say")).to_have_value("Is the printer switched on?")

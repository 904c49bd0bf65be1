"""The language-model pages in a real browser: drafting from a brief (busy while the model
writes)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from app import create_app
from tests.browser.test_authoring import watch_console
from tests.browser.test_trainee_pages import login
from tests.llm_server import LLMServer
from web.cli.accounts import ensure_demo
from web.shared.database import get_db

pytestmark = pytest.mark.browser
GOOD = (
    (Path(__file__).resolve().parents[2] / "scenarios" / "printer-offline.yaml")
    .read_text(encoding="utf-8")
    .replace("id: printer-offline", "id: teams-camera")
)


@pytest.fixture()
def model():
    with LLMServer() as s:
        yield s


@pytest.fixture()
def llm_site(tmp_path, model):
    app = create_app(
        {
            "DATABASE": str(tmp_path / "browser.db"),
            "SECRET_KEY": "browser-tests",
            "RATELIMIT_ENABLED": False,
            "HOTLINER_LLM_BASE_URL": model.base_url,
            "HOTLINER_LLM_MODEL": "stand-in",
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_draft_form_is_busy_while_the_model_writes_then_opens_the_editor(llm_site, model, page_for):
    release = threading.Event()

    def slow_model(body):
        release.wait(60)
        return {"yaml": GOOD}

    model.behaviour = slow_model
    page = page_for("en")
    errors = watch_console(page)
    login(page, llm_site, "admin")
    page.goto(f"{llm_site}/authoring/")
    page.locator("details.draft-card summary").click()
    page.fill("#draft-brief", "Teams camera not detected, novice caller, difficulty 2")
    expect(page.locator("form[data-busy-form] .busy-note")).to_be_hidden()
    # Playwright's click would wait for the answer; a click from the page returns at once. The
    # submit handler runs within the click, so the state is read in the same script.
    state = page.evaluate("""() => {
        const form = document.querySelector("form[data-busy-form]");
        form.querySelector("button[type=submit]").click();
        const note = form.querySelector(".busy-note");
        return {disabled: form.querySelector("button[type=submit]").disabled,
                note: getComputedStyle(note).display !== "none",
                busy: form.getAttribute("aria-busy")};
    }""")
    release.set()
    assert state == {"disabled": True, "note": True, "busy": "true"}
    page.wait_for_url(f"{llm_site}/authoring/draft")
    assert len(model.requests) == 1
    expect(page.locator(".CodeMirror")).to_contain_text("id: teams-camera")
    expect(page.locator("#save")).to_have_text("Create the scenario")
    assert errors == []

"""Regenerate docs/screenshots/: the main pages in headless Chromium, in English and French.

    .venv/bin/python scripts/screenshots.py

Starts the app on a temporary database (demo data), plays calls through the real pages and saves
full-page PNGs. Needs Debian's chromium (apt-get install chromium). The trainer's pages are shot
with a language-model endpoint configured (the tests' local stand-in server, which answers nothing
here) so that the draft form and the tone-judge switch show. The admin's page is shot with the
local OpenAI-compatible test model (tests/llm_server.py) saved as its endpoint; `screenshots.py
admin`
shoots that page only; `screenshots.py centre` shoots a training centre's pages (trainer home,
notices, end-call check, assignment edit, phone width) only; `screenshots.py guided` the authors'
guided start only; `screenshots.py fallback` the call screen's notice of a scripted fallback;
`screenshots.py phone` wide tables on a 380 px phone.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import expect, sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from app import create_app  # noqa: E402
from tests.llm_server import LLMServer, paraphrase  # noqa: E402 - the local OpenAI-compatible test model
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo  # noqa: E402
from web.shared.database import get_db  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
PASSWORD = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
TURNS = {
    "en": [
        "Good morning, IT support, Sam speaking. May I have your name, please?",
        "I understand, that's really annoying when you have work waiting. What exactly happens "
        "when you print?",
        "Is the printer switched on?",
        "Could you check the cable at the back of the printer, please?",
        "Please push the cable back in until it clicks.",
        "Can you try printing again now?",
    ],
    "fr": [
        "Bonjour, support informatique, Julie à l'appareil. Puis-je avoir votre nom, s'il "
        "vous plaît ?",
        "Je comprends, c'est vraiment agaçant quand le travail attend. Que se passe-t-il "
        "exactement quand vous imprimez ?",
        "Est-ce que l'imprimante est bien allumée ?",
        "Pouvez-vous vérifier que le câble est bien branché à l'arrière de l'imprimante ?",
        "Rebranchez le câble à fond, s'il vous plaît, jusqu'au clic.",
        "Pouvez-vous relancer une impression maintenant ?",
    ],
}


def shoot(page, name: str) -> None:
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=True)
    print("wrote", OUT / f"{name}.png")


def run(base: str, browser, locale: str, user: str, width: int = 1360) -> None:
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/login")
    shoot(page, f"login-{locale}")
    page.fill("#username", user)
    page.fill("#password", PASSWORD[user])
    page.locator("form.login-card button[type=submit]").click()
    page.wait_for_url(f"{base}/")
    page.select_option("#scenario", "printer-offline")
    page.select_option("#persona", "angry")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    page.wait_for_selector("#answer")
    shoot(page, f"incoming-{locale}")
    page.click("#answer")
    for n, text in enumerate(TURNS[locale], start=1):
        page.fill("#say", text)
        page.keyboard.press("Enter")
        expect(page.locator("#conversation .msg.caller")).to_have_count(n + 1)
    page.locator("details:has(#command) summary").click()
    shoot(page, f"call-{locale}")
    page.locator("details:has(#close-summary) summary").click()
    page.fill("#close-summary", "ok")
    page.locator(".end-form button").click()
    page.click("#end-ok")
    page.wait_for_url("**/debrief")
    shoot(page, f"debrief-{locale}")
    page.goto(f"{base}/")
    shoot(page, f"dashboard-{locale}")
    page.goto(f"{base}/history")
    shoot(page, f"history-{locale}")
    context.close()
    small = browser.new_context(locale=locale, viewport={"width": 400, "height": 800})
    page = small.new_page()
    page.goto(f"{base}/login")
    shoot(page, f"login-400px-{locale}")
    small.close()


def trainer_pages(base: str, browser, locale: str) -> None:
    """The trainer's side: scenario library, editor, cohort report and assignments, after the
    trainees' calls."""
    context = browser.new_context(locale=locale, viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", "trainer")
    page.fill("#password", PASSWORD["trainer"])
    page.locator("form.login-card button[type=submit]").click()
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/authoring/")
    page.locator("details.draft-card summary").click()
    page.fill("#draft-brief", "Caméra Teams non détectée, appelant novice, difficulté 2, fr+en")
    shoot(page, f"authoring-library-{locale}")
    page.goto(f"{base}/authoring/printer-offline")
    page.wait_for_timeout(800)
    shoot(page, f"authoring-editor-{locale}")
    page.goto(f"{base}/cohorts/1")
    page.wait_for_timeout(800)
    shoot(page, f"cohort-report-{locale}")
    page.goto(f"{base}/cohorts/1/assignments")
    page.locator("#judge-title ~ form button").click()
    page.wait_for_selector("#judge-title .ok-badge")
    shoot(page, f"cohort-assignments-{locale}")
    context.close()


def _model() -> Callable[[dict], dict]:
    """The local test model: answers the endpoint check, paraphrases the caller's scripted line, and
    once steps out of role (so the page shows a fallback, as real models sometimes do)."""
    turns = iter(range(1_000))

    def answer(body: dict) -> dict:
        if body.get("response_format", {}).get("json_schema", {}).get("name") == "check":
            return {"ok": True, "word": "pong"}
        if next(turns) == 2:
            return {"intents": [], "reply": "As an AI language model, I cannot see your printer."}
        return paraphrase(body)

    return answer


def login(browser, base: str, locale: str, user: str, width: int = 1360):
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("#username", user)
    page.fill("#password", PASSWORD[user])
    page.locator("form.login-card button[type=submit]").click()
    page.wait_for_url(f"{base}/")
    return context, page


def admin_pages(base: str, browser, locale: str) -> None:
    """The admin's page: an endpoint saved on it (the local test model), a call voiced by it, the
    check."""
    with LLMServer() as model:
        model.behaviour = _model()
        context, page = login(browser, base, locale, "admin")
        page.goto(f"{base}/admin/")
        switch = page.locator(f"form[action='/language/{locale}'] button")
        if switch.count():  # the demo admin's own language wins over the browser's: switch it
            switch.click()
            page.wait_for_url(f"{base}/admin/")
        page.fill("#llm-base_url", model.base_url)
        page.fill("#llm-model", "llama3.1:8b")
        page.fill("#llm-api_key", "screenshot-key")
        page.fill("#llm-timeout", "20")
        page.fill("#llm-retries", "1")
        page.locator("form.settings-form button[type=submit]").click()
        page.wait_for_selector(".flash-success")
        trainee, call = login(browser, base, locale, "alice" if locale == "fr" else "sam")
        call.select_option("#scenario", "printer-offline")
        call.check("input[name=mode][value=llm]")
        call.locator("form[action='/practice'] button[type=submit]").first.click()
        call.click("#answer")
        for n, text in enumerate(TURNS[locale][:4], start=1):
            call.fill("#say", text)
            call.keyboard.press("Enter")
            expect(call.locator("#conversation .msg.caller")).to_have_count(n + 1)
        trainee.close()
        page.goto(f"{base}/admin/")
        page.locator("form[action='/admin/llm/check'] button").click()
        page.wait_for_selector("#check-result")
        shoot(page, f"admin-{locale}")
        page.set_viewport_size({"width": 400, "height": 800})
        shoot(page, f"admin-400px-{locale}")
        context.close()


def _as(browser, base: str, locale: str, user: str, width: int = 1360):
    """Log in and show the pages in `locale` even when the account's own language differs."""
    context, page = login(browser, base, locale, user, width)
    switch = page.locator(f"form[action='/language/{locale}'] button")
    if switch.count():
        switch.click()
        page.wait_for_url(f"{base}/")
    return context, page


def centre_pages(base: str, browser, app, locale: str) -> None:
    """A training centre's pages (issue 16): the end-call check, notices, the trainer's home, an
    assignment's edit form, the dashboard on a phone."""
    from storage import reviews

    user = "alice" if locale == "fr" else "sam"
    context, page = _as(browser, base, locale, user)
    page.select_option("#scenario", "printer-offline")
    page.select_option("#persona", "calm")
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    page.click("#answer")
    page.fill("#say", TURNS[locale][0])
    page.keyboard.press("Enter")
    expect(page.locator("#conversation .msg.caller")).to_have_count(2)
    page.fill("#t-summary", "Printer offline" if locale == "en" else "Imprimante hors ligne")
    page.locator("details:has(#close-summary) summary").click()
    page.locator(".end-form button").click()
    page.wait_for_selector("#end-confirm[open]")
    shoot(page, f"call-end-confirm-{locale}")
    page.click("#end-ok")
    page.wait_for_url("**/debrief")
    call_id = int(page.url.split("/")[-2])
    context.close()
    trainer, home = _as(browser, base, locale, "trainer")
    home.goto(f"{base}/trainer/")
    shoot(home, f"trainer-home-{locale}")
    home.goto(f"{base}/cohorts/1/assignments/3/edit")
    shoot(home, f"assignment-edit-{locale}")
    home.set_viewport_size({"width": 360, "height": 800})
    home.goto(f"{base}/trainer/")
    shoot(home, f"trainer-home-360px-{locale}")
    trainer.close()
    with app.app_context():
        reviews.add_comment(
            get_db(),
            call_id,
            0,
            2,
            "Bien : le nom d'abord." if locale == "fr" else "Good: the name first.",
        )
    small, phone = _as(browser, base, locale, user, width=360)
    shoot(phone, f"dashboard-360px-{locale}")
    phone.goto(f"{base}/notices/")
    shoot(phone, f"notices-360px-{locale}")
    small.close()


def guided_pages(base: str, browser, locale: str) -> None:
    """The guided start for authors: the form with a problem (desktop and 380 px), then the
    scenario it wrote in the editor."""
    from tests.browser.test_guided_start import fill
    from tests.test_starter import GUIDED

    values = {**GUIDED, "id": f"monitor-black-{locale}", "title_fr": "", "fact": "Monitor cable"}
    for width in (1360, 380):
        context, page = _as(browser, base, locale, "trainer", width)
        page.goto(f"{base}/authoring/new/guided")
        fill(page, values)
        page.locator(".guided-form button[type=submit]").click()
        page.wait_for_selector("#guided-problems")
        suffix = "" if width > 1000 else "-380px"
        shoot(page, f"guided-start{suffix}-{locale}")
        if width > 1000:
            page.fill("#g-title-fr", GUIDED["title_fr"])
            page.fill("#g-fact", GUIDED["fact"])
            page.locator(".guided-form button[type=submit]").click()
            page.wait_for_selector("#validation-status.good")
            shoot(page, f"guided-editor-{locale}")
        context.close()


def fallback_pages(base: str, browser, app, locale: str) -> None:
    """The call screen after a model reply fell back to the script (the model's server fails):
    the notice under that line, desktop and 380 px."""
    with LLMServer() as model:
        model.behaviour = lambda body: "500"
        app.config.update(HOTLINER_LLM_BASE_URL=model.base_url, HOTLINER_LLM_MODEL="stand-in")
        for width in (1360, 380):
            context, page = _as(browser, base, locale, "alice", width)
            page.select_option("#scenario", "printer-offline")
            page.check("input[name=mode][value=llm]")
            page.locator("form[action='/practice'] button[type=submit]").first.click()
            page.click("#answer")
            page.fill("#say", TURNS[locale][2])
            page.keyboard.press("Enter")
            page.wait_for_selector(".fallback-note", timeout=30_000)
            suffix = "" if width > 1000 else "-380px"
            shoot(page, f"call-fallback{suffix}-{locale}")
            context.close()


def phone_pages(base: str, browser, locale: str) -> None:
    """Pages with wide tables on a 380 px phone: the table scrolls inside its card with a hint;
    the report and a trainee's page after a call (dates and numbers in the reader's language)."""
    trainee, call = _as(browser, base, locale, "alice" if locale == "fr" else "sam")
    call.select_option("#scenario", "printer-offline")
    call.select_option("#persona", "calm")
    call.locator("form[action='/practice'] button[type=submit]").first.click()
    call.click("#answer")
    call.fill("#say", TURNS[locale][0])
    call.keyboard.press("Enter")
    expect(call.locator("#conversation .msg.caller")).to_have_count(2, timeout=30_000)
    call.locator("details:has(form[data-confirm-end]) > summary").click()
    call.locator("form[data-confirm-end] button[type=submit]").click()
    call.click("#end-ok")
    call.wait_for_url("**/debrief")
    trainee.close()
    context, page = _as(browser, base, locale, "trainer", 380)
    pages = (
        ("/cohorts/", "cohorts"),
        ("/cohorts/1/members", "members"),
        ("/cohorts/1", "report"),
    )
    for path, name in pages:
        page.goto(base + path)
        hint = page.locator(".scroll-hint").first
        if hint.count():
            hint.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -120)")
        page.screenshot(path=str(OUT / f"{name}-380px-{locale}.png"))
        print("wrote", OUT / f"{name}-380px-{locale}.png")
    page.goto(f"{base}/cohorts/1")
    page.locator("#trainee-table a").first.click()
    page.wait_for_url("**/trainees/*")
    shoot(page, f"trainee-380px-{locale}")
    context.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {
                "DATABASE": str(Path(tmp) / "shots.db"),
                "SECRET_KEY": "screenshots",
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            ensure_demo(get_db())
        httpd = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            if "phone" in sys.argv[1:]:  # `screenshots.py phone`: wide tables on a phone
                phone_pages(base, browser, "en")
                phone_pages(base, browser, "fr")
                browser.close()
                httpd.shutdown()
                return
            if "fallback" in sys.argv[1:]:  # `screenshots.py fallback`: the fallback notice
                fallback_pages(base, browser, app, "en")
                fallback_pages(base, browser, app, "fr")
                browser.close()
                httpd.shutdown()
                return
            if "guided" in sys.argv[1:]:  # `screenshots.py guided`: the authors' guided start
                guided_pages(base, browser, "en")
                guided_pages(base, browser, "fr")
                browser.close()
                httpd.shutdown()
                return
            if "centre" in sys.argv[1:]:  # `screenshots.py centre`: a training centre's pages
                centre_pages(base, browser, app, "en")
                centre_pages(base, browser, app, "fr")
                browser.close()
                httpd.shutdown()
                return
            if "admin" not in sys.argv[1:]:  # `screenshots.py admin`: the admin's page only
                run(base, browser, "en", "sam")
                run(base, browser, "fr", "alice")
                with LLMServer() as model:
                    app.config.update(
                        HOTLINER_LLM_BASE_URL=model.base_url, HOTLINER_LLM_MODEL="stand-in"
                    )
                    trainer_pages(base, browser, "fr")
            admin_pages(base, browser, "en")
            admin_pages(base, browser, "fr")
            browser.close()
        httpd.shutdown()


if __name__ == "__main__":
    main()

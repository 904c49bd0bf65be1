"""Every page of the app, for every role, in both languages, on a 380 px phone: nothing wider
than the screen, a card that scrolls sideways (a wide table) says so and takes the keyboard, and
the French pages write dates and numbers the French way.

The pages are the app's own GET routes (minus the API, downloads and static files), so a new page
is measured without anyone listing it; a route with a parameter this file does not know fails.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app import create_app
from tests.browser import test_centre_pages
from tests.browser.test_centre_pages import end_call, login, start_call
from tests.browser.test_guided_start import use_language

pytestmark = pytest.mark.browser
PHONE = {"width": 380, "height": 800}
ended_call = test_centre_pages.ended_call  # a call alice (a trainee) ended (fixture)
SKIPPED = re.compile(r"^(static|api\.)|\.(export_\w+)$")  # not pages: files, JSON, downloads
# Routes a role may not open: the access matrix (403, or 404 for another person's call).
REFUSED = {
    "alice": {
        "admin.index",
        "admin.accounts",
        "authoring.*",
        "cohorts.*",
        "trainer_home.home",
        "shifts.plans",
        "shifts.edit_plan",
    },
    "trainer": {"admin.index", "admin.accounts"},
    "admin": set(),
}


def refused(role: str, endpoint: str) -> bool:
    """Whether `role` is expected to be kept out of `endpoint`."""
    blueprint = endpoint.split(".")[0] + ".*"
    return endpoint in REFUSED[role] or blueprint in REFUSED[role]


def pages(app) -> list[tuple[str, str]]:
    """(endpoint, URL template) of every HTML page the app serves to a GET."""
    out = []
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not SKIPPED.search(rule.endpoint):
            out.append((rule.endpoint, re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)))
    return sorted(out)


def english_formats(page) -> list[str]:
    """ISO dates and decimal points in the page's text (code, consoles, the YAML editor and the
    chart data aside): what a French reader should never see."""
    text = page.evaluate(
        """() => {
          const copy = document.querySelector('main').cloneNode(true);
          const aside = 'script, template, style, pre, code, textarea, .CodeMirror, [lang=en]';
          copy.querySelectorAll(aside).forEach((e) => e.remove());
          copy.querySelectorAll('td, th, li, p, dd').forEach((e) => e.append(' '));
          return copy.textContent;  // closed <details> tables count too
        }"""
    )
    return [
        f"not in French: {text[max(0, match.start() - 40) : match.end()]!r}"
        for match in re.finditer(r"\b\d{4}-\d{2}-\d{2}\b|(?<![\d.])\d+\.\d+(?![\d.])", text)
    ]


def check_page(page) -> list[str]:
    """What is wrong with the page's width: the page wider than the screen, or a card that
    scrolls sideways without a visible hint or without taking the keyboard."""
    found = page.evaluate(
        """() => {
          const w = window.innerWidth, out = [];
          if (document.documentElement.scrollWidth > w) {
            const wide = Array.from(document.querySelectorAll('body *'))
              .filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 4)
              .map((e) => e.tagName + '.' + e.className + '#' + e.id);
            out.push('page ' + document.documentElement.scrollWidth + ' px: ' + wide.join(' '));
          }
          for (const box of document.querySelectorAll('main *')) {
            const style = getComputedStyle(box);
            if (!['auto', 'scroll'].includes(style.overflowX)) continue;
            if (box.scrollWidth <= box.clientWidth + 1 || box.tagName === 'TEXTAREA') continue;
            if (box.closest('.CodeMirror')) continue;  // the editor scrolls its own lines
            const before = box.previousElementSibling;
            const hint = box.querySelector('.scroll-hint')
              || (before && before.classList.contains('scroll-hint') ? before : null);
            const shown = hint && hint.getBoundingClientRect().width > 0;
            if (!shown) out.push('no hint: ' + box.tagName + '.' + box.className + '#' + box.id);
            if (box.tabIndex < 0) out.push('no keyboard: ' + box.tagName + '.' + box.className);
          }
          return out;
        }"""
    )
    return found


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("role", ["alice", "trainer", "admin"])
def test_every_page_fits_a_380_px_phone(server, chromium, ended_call, role, locale):
    app = create_app({"DATABASE": ":memory:", "SECRET_KEY": "routes"})
    context = chromium.new_context(locale=locale, viewport=PHONE)
    page = context.new_page()
    login(page, server, role)
    use_language(page, server, locale)
    ids = {"cohort_id": 1, "assignment_id": 1, "user_id": 3}
    ids.update(scenario_id="printer-offline", article_id="call-etiquette")
    page.goto(f"{server}/")
    ids["call_id"] = start_call(page)  # stays active: the call screen
    page.click("#answer")
    page.goto(f"{server}/")
    start_call(page, "disk-full")
    page.click("#answer")
    end_call(page)
    ended = int(page.url.split("/")[-2])
    page.goto(f"{server}/shifts/")
    card = page.locator("article.shift-plan", has=page.locator("input[value=evening-on-call]"))
    card.locator("button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/shifts/\d+$"))
    ids["shift_id"] = int(page.url.split("/")[-1])
    wrong, seen = [], []
    for endpoint, template in pages(app):
        if endpoint == "authoring.playtest" and not refused(role, endpoint):
            page.goto(f"{server}/authoring/printer-offline")
            page.locator("form[action$='/playtest'] button[type=submit]").click()
            expect(page).to_have_url(re.compile(r"/authoring/playtest/\d+$"))
            url = page.url
        else:
            call = {"calls.debrief": ended, "cohorts.review": ended_call}.get(
                endpoint, ids["call_id"]
            )
            url = server + template.format(**{**ids, "call_id": call})
        response = page.goto(url)
        if refused(role, endpoint):
            assert response.status in (403, 404), (endpoint, response.status)
            continue
        assert response.status == 200, (endpoint, url, response.status)
        seen.append(endpoint)
        wrong += [f"{endpoint}: {problem}" for problem in check_page(page)]
        if locale == "fr":
            wrong += [f"{endpoint}: {problem}" for problem in english_formats(page)]
    context.close()
    assert "calls.call_screen" in seen and "auth.settings" in seen
    assert not wrong, "\n".join(wrong)

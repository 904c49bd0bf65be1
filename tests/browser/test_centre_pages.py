"""A training centre in a real browser: no page scrolls sideways on a phone (every role), the
call screen asks before ending and keeps the ticket draft, the trainer's home leads to a review."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from web.cli.accounts import DEMO_ACCOUNTS

pytestmark = pytest.mark.browser
PASSWORD = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}
PHONE = {"width": 360, "height": 780}

# The pages each role reaches; "{call}" is a call the trainee ended just before.
PAGES = {
    "alice": [
        "/",
        "/history",
        "/settings",
        "/notices/",
        "/calls/{call}/debrief",
        "/kb/call-etiquette",
    ],
    "trainer": [
        "/trainer/",
        "/",
        "/history",
        "/settings",
        "/notices/",
        "/authoring/",
        "/authoring/new",
        "/authoring/printer-offline",
        "/authoring/printer-offline/phrases",
        "/cohorts/",
        "/cohorts/1",
        "/cohorts/1/members",
        "/cohorts/1/assignments",
        "/cohorts/1/assignments/1/edit",
        "/cohorts/1/trainees/3",
        "/cohorts/calls/{call}/review",
    ],
    "admin": ["/admin/", "/trainer/", "/cohorts/1", "/notices/", "/login"],
}


def login(page, server, user):
    page.goto(f"{server}/login")
    page.locator("input[name=username]").fill(user)
    page.locator("input[name=password]").fill(PASSWORD[user])
    page.locator("form.login-card button[type=submit]").click()
    expect(page).to_have_url(f"{server}/")


def start_call(page, scenario="printer-offline", persona="calm") -> int:
    page.select_option("#scenario", scenario)
    page.select_option("#persona", persona)
    page.locator("form[action='/practice'] button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/calls/\d+$"))
    return int(page.url.rsplit("/", 1)[-1])


def end_call(page) -> None:
    page.locator("details:has(form[data-confirm-end]) > summary").click()
    page.locator("form[data-confirm-end] button[type=submit]").click()
    page.locator("#end-ok").click()
    expect(page).to_have_url(re.compile(r"/debrief$"))


def overflow(page) -> dict:
    """The page's width against the viewport's, and the widest elements that stick out."""
    return page.evaluate(
        """() => {
          const w = window.innerWidth;
          const wide = Array.from(document.querySelectorAll('body *'))
            .filter((e) => e.getBoundingClientRect().right > w + 1)
            .slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id);
          return {scroll: document.documentElement.scrollWidth, viewport: w, wide};
        }"""
    )


@pytest.fixture()
def ended_call(server, page_for):
    page = page_for("en")
    login(page, server, "alice")
    call_id = start_call(page)
    page.locator("#answer").click()
    end_call(page)
    return call_id


@pytest.mark.parametrize("role, locale", [("alice", "fr"), ("trainer", "fr"), ("admin", "en")])
def test_no_page_scrolls_sideways_at_360_px(server, chromium, ended_call, role, locale):
    context = chromium.new_context(locale=locale, viewport=PHONE)
    page = context.new_page()
    login(page, server, role)
    wrong = []
    for path in PAGES[role]:
        page.goto(server + path.format(call=ended_call))
        assert page.locator("h1").count(), path
        found = overflow(page)
        if found["scroll"] > found["viewport"]:
            wrong.append((path, found))
    if role == "alice":  # the call screen itself
        page.goto(server + "/")
        start_call(page, "disk-full")
        found = overflow(page)
        if found["scroll"] > found["viewport"]:
            wrong.append(("call screen", found))
    context.close()
    assert not wrong, wrong


def test_ending_asks_first_and_the_ticket_draft_survives_a_reload(server, page_for):
    page = page_for("en")
    login(page, server, "sam")
    call_id = start_call(page)
    page.locator("#answer").click()
    page.locator("#t-summary").fill("Printer offline on floor 2")
    page.reload()
    page.locator("#answer").click() if page.locator("#answer").is_visible() else None
    expect(page.locator("#t-summary")).to_have_value("Printer offline on floor 2")
    page.locator("details:has(form[data-confirm-end]) > summary").click()
    page.locator("form[data-confirm-end] button[type=submit]").click()
    expect(page.locator("#end-confirm")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#end-confirm")).to_be_hidden()
    expect(page).to_have_url(f"{server}/calls/{call_id}")
    page.locator("form[data-confirm-end] button[type=submit]").click()
    page.locator("#end-ok").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{server}/calls/{call_id}/debrief")


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_trainer_goes_from_home_to_the_review_in_one_click(server, page_for, ended_call, locale):
    page = page_for(locale)
    login(page, server, "trainer")
    page.goto(f"{server}/trainer/")
    page.locator("#review-queue a").first.click()
    expect(page).to_have_url(f"{server}/cohorts/calls/{ended_call}/review")

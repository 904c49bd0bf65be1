"""The guided start for authors in a real browser: the form names what is missing and keeps what
was typed, then writes a scenario the validator accepts, opened in the editor; desktop and phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from simulator.library import load_library
from simulator.validate import validate_text
from tests.browser.test_centre_pages import overflow
from tests.browser.test_trainee_pages import login
from tests.test_starter import GUIDED

pytestmark = pytest.mark.browser
SELECTS = {"category", "difficulty", "tech_level", "fix_intent", "probe_intent_1", "probe_intent_2"}


def use_language(page, server, locale: str) -> None:
    """Show the pages in `locale` whatever the account's own language."""
    switch = page.locator(f"form[action='/language/{locale}'] button")
    if switch.count():
        switch.click()
        expect(page.locator("html")).to_have_attribute("lang", locale)


def fill(page, values: dict[str, str]) -> None:
    for name, value in values.items():
        if name in SELECTS:
            page.select_option(f"[name={name}]", value)
        elif name != "reveals":
            page.fill(f"[name={name}]", value)


@pytest.mark.parametrize("locale, width", [("en", 1360), ("fr", 380), ("en", 380), ("fr", 1360)])
def test_author_starts_a_scenario_from_the_guided_form(server, chromium, locale, width):
    context = chromium.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    login(page, server, "trainer")
    use_language(page, server, locale)
    page.goto(f"{server}/authoring/")
    page.locator("a[href='/authoring/new/guided']").click()
    fill(page, {**GUIDED, "title_fr": "", "fact": "Monitor cable"})
    page.locator(".guided-form button[type=submit]").click()

    expect(page.locator("#guided-problems")).to_be_visible()
    expect(page.locator("#err-title")).to_be_visible()
    expect(page.locator("#err-fact")).to_be_visible()
    expect(page.locator("#g-title-en")).to_have_value(GUIDED["title_en"])
    expect(page.locator("#g-probe-2-fr")).to_have_value(GUIDED["probe_fr_2"])
    expect(page.locator("#g-fix")).to_have_value("reconnect_cable")
    assert overflow(page)["scroll"] <= overflow(page)["viewport"], overflow(page)

    page.fill("#g-title-fr", GUIDED["title_fr"])
    page.fill("#g-fact", GUIDED["fact"])
    page.locator(".guided-form button[type=submit]").click()
    expect(page.locator(".CodeMirror")).to_be_visible()
    expect(page.locator("#validation-status")).to_have_class(re.compile(r"\bgood\b"))
    text = page.evaluate("window.hotlinerEditor.getValue()")
    library = load_library()
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    assert problems == [] and scenario.id == GUIDED["id"]
    assert overflow(page)["scroll"] <= overflow(page)["viewport"], overflow(page)
    page.locator("#save").click()
    expect(page).to_have_url(f"{server}/authoring/{GUIDED['id']}")
    context.close()

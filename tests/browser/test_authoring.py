"""A trainer in a real browser: the YAML editor's live checks, saving and publishing, the
play-test."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_trainee_pages import login

pytestmark = pytest.mark.browser


def watch_console(page) -> list[str]:
    """Console errors of the page (a CSP refusal shows up here)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def put_cursor_at_end_of_line(page, line: int) -> None:
    page.locator(".CodeMirror").click()
    page.evaluate(f"window.hotlinerEditor.setCursor({{line: {line - 1}, ch: 1000}})")


def test_editor_shows_an_error_as_you_type_then_saves_and_publishes(server, page_for):
    page = page_for("en")
    errors = watch_console(page)
    login(page, server, "trainer")
    page.goto(f"{server}/authoring/new")
    expect(page.locator(".CodeMirror")).to_be_visible()
    expect(page.locator("#validation-status")).to_have_class(re.compile(r"\bgood\b"))

    put_cursor_at_end_of_line(page, 13)  # difficulty: 1
    page.keyboard.press("Backspace")
    page.keyboard.type("9")
    problem = page.locator("#problems button.problem").first
    expect(problem).to_contain_text("difficulty")
    expect(problem.locator(".line-no")).to_contain_text("13")
    expect(page.locator(".CodeMirror .cm-problem-line")).to_have_count(1)

    put_cursor_at_end_of_line(page, 1)
    problem.click()
    assert page.evaluate("window.hotlinerEditor.getCursor().line") == 12

    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.type("2")
    put_cursor_at_end_of_line(page, 4)  # id: my-new-scenario
    page.keyboard.type("-browser")
    expect(page.locator("#validation-status")).to_have_class(re.compile(r"\bgood\b"))
    expect(page.locator("#problems button.problem")).to_have_count(0)

    page.locator("#save").click()
    expect(page).to_have_url(f"{server}/authoring/my-new-scenario-browser")
    expect(page.locator(".flash-success")).to_be_visible()
    page.locator("button[name=action][value=publish]").click()
    expect(page.locator(".badge.status-published").first).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors

    trainee = page_for("en")
    login(trainee, server, "sam")
    trainee.select_option("#scenario", "my-new-scenario-browser")
    trainee.select_option("#persona", "calm")
    trainee.locator("form[action='/practice'] button[type=submit]").first.click()
    expect(trainee).to_have_url(re.compile(r"/calls/\d+$"))
    trainee.locator("#answer").click()
    trainee.fill("#say", "Is the scanner switched on?")
    trainee.keyboard.press("Enter")
    expect(trainee.locator("#conversation .msg.caller")).to_have_count(2)
    expect(trainee.locator("#conversation .msg.caller").last).to_contain_text(
        re.compile("green light", re.I)
    )


def test_play_test_truth_panel_shows_facts_and_matched_intents(server, page_for):
    page = page_for("en")
    errors = watch_console(page)
    login(page, server, "trainer")
    page.goto(f"{server}/authoring/printer-offline")
    page.select_option("#pt-locale", "en")
    page.locator("form[action$='/playtest'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/authoring/playtest/\d+$"))
    cable = page.locator(
        "#truth .facts-table tr", has=page.locator("code", has_text="printer.cable")
    )
    expect(cable).to_contain_text("unplugged")

    page.fill("#say", "Could you check the cable at the back of the printer?")
    page.keyboard.press("Enter")
    latest = page.locator("#truth .turn-card").first
    expect(latest).to_contain_text("check_cables")
    expect(latest.locator(".tag.probe")).to_have_count(1)
    expect(latest).to_contain_text("printer.cable")
    # the score in the reader's decimal mark
    expect(latest.locator(".score")).to_have_text(re.compile(r"-?\d[.,]\d\d"))

    page.fill("#say", "Please push the cable back in until it clicks.")
    page.keyboard.press("Enter")
    expect(page.locator("#truth .turn-card").first).to_contain_text("reconnect_cable")
    expect(cable).to_have_class(re.compile(r"\bchanged\b"))
    expect(cable.locator("strong")).to_have_text("connected")
    expect(page.locator("#conversation .msg.caller")).to_have_count(3)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors

"""A trainer in a real browser: import a trainee list with a bad row, read a cohort report."""

from __future__ import annotations

import re
from contextlib import closing

import pytest
from playwright.sync_api import expect

from storage.db import connect
from storage.users import get_by_username, set_locale
from tests.report_data import ALICE, BRUNO, mean, seed_known_calls
from web.cli.accounts import DEMO_ACCOUNTS

pytestmark = pytest.mark.browser
PASSWORD = {u: p for u, _n, _r, p, _l in DEMO_ACCOUNTS}


@pytest.fixture()
def english_trainer(server, tmp_path):
    with closing(connect(tmp_path / "browser.db")) as db:
        set_locale(db, get_by_username(db, "trainer")["id"], "en")
    return server


def login(page, server, user, password=None):
    page.goto(f"{server}/login")
    page.fill("#username", user)
    page.fill("#password", password or PASSWORD[user])
    page.locator("form.login-card button[type=submit]").click()
    expect(page).to_have_url(f"{server}/")


def test_csv_import_lists_the_bad_row_and_imports_the_others(english_trainer, page_for, tmp_path):
    server = english_trainer
    page = page_for("en")
    login(page, server, "trainer")
    page.get_by_role("link", name="Cohorts").click()
    page.get_by_role("link", name="Promo 2026 — Lyon").first.click()
    page.locator(".cohort-tabs").get_by_role("link", name="Trainees").click()
    csv_file = tmp_path / "trainees.csv"
    csv_file.write_text(
        "name,email,locale\nNina Petit,nina.petit@example.org,fr\n"
        "Omar Diallo,omar.diallo@example.org,es\nPaul Roy,paul.roy@example.org,en\n",
        encoding="utf-8",
    )
    page.set_input_files("#import-file", str(csv_file))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Import report")).to_be_visible()
    expect(page.locator(".import-summary")).to_contain_text("2 imported")
    bad = page.locator("#rejected-rows tbody tr")
    expect(bad).to_have_count(1)
    expect(bad).to_contain_text("Omar Diallo")
    expect(bad).to_contain_text("unknown language “es”")
    expect(page.locator("#imported-rows tbody tr")).to_have_count(2)
    password = (
        page.locator("#imported-rows tbody tr", has_text="Nina Petit")
        .locator("code.secret")
        .inner_text()
    )
    page.goto(f"{server}/cohorts/1/members")
    expect(page.locator("table.stack-sm")).to_contain_text("Nina Petit")
    expect(page.locator("table.stack-sm")).not_to_contain_text("Omar Diallo")
    nina = page_for("fr")
    nina.goto(f"{server}/login")
    nina.fill("#username", "nina.petit")
    nina.fill("#password", password)
    nina.locator("form.login-card button[type=submit]").click()
    expect(nina).to_have_url(f"{server}/password")  # the trainer saw it: she chooses her own
    nina.fill("#current", password)
    nina.fill("#new", "ma phrase secrète")
    nina.fill("#again", "ma phrase secrète")
    nina.locator("main form button[type=submit]").click()
    expect(nina).to_have_url(f"{server}/")
    expect(nina.locator("h1")).to_contain_text("Nina Petit")


def test_cohort_report_shows_the_numbers_the_calls_imply(english_trainer, page_for, tmp_path):
    server = english_trainer
    with closing(connect(tmp_path / "browser.db")) as db:
        seed_known_calls(db)
    page = page_for("en")
    login(page, server, "trainer")
    page.goto(f"{server}/cohorts/1")
    expect(page.locator("#avg-overall")).to_have_text(f"{mean(ALICE + BRUNO):.1f}")
    alice = page.locator("tr[data-user=alice]")
    expect(alice.locator("td").nth(0)).to_have_text("6")
    expect(alice.locator("td").nth(3)).to_have_text(f"{mean(ALICE):.0f}")
    expect(alice).to_contain_text("+30")
    expect(page.locator("tr[data-user=bruno] td").nth(3)).to_have_text(f"{mean(BRUNO):.0f}")
    drawn = page.evaluate(
        "[...document.querySelectorAll('canvas[data-chart]')].every(c => window.Chart.getChart(c))"
    )
    assert drawn
    page.locator("details.chart-table:has(#distribution-table) summary").click()
    expect(page.locator("#distribution-table tbody tr", has_text="30–39")).to_contain_text("1")
    expect(page.locator("#critical-table")).to_contain_text("Bruno Lefèvre")
    page.locator("#critical-table").get_by_role("link", name="Review").click()
    expect(page).to_have_url(re.compile(r"/cohorts/calls/\d+/review#turn-1$"))
    expect(page.locator("li.finding.critical")).to_have_count(1)

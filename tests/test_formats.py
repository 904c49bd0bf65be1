"""The `number` filter writes numbers as the reader's language does: a whole number without
decimals, others with their digits, the French decimal comma."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from flask_babel import force_locale

from tests.test_web import client_as, start, web  # noqa: F401  (web: the app fixture)
from web.shared.database import get_db
from web.shared.formats import number

CASES = [
    (85.0, 1, "85", "85"),
    (85, 1, "85", "85"),
    (85.66, 1, "85.7", "85,7"),
    (85.04, 1, "85", "85"),  # rounds to a whole number
    (1234.5, 1, "1,234.5", "1\u202f234,5"),
    (-0.3, 2, "-0.30", "-0,30"),
    (-0.004, 2, "0", "0"),
    (None, 1, "—", "—"),
]


@pytest.mark.parametrize(("value", "digits", "en", "fr"), CASES)
def test_number_shows_decimals_only_when_there_are_some(web, value, digits, en, fr):  # noqa: F811
    with web.test_request_context():
        with force_locale("en"):
            assert number(value, digits) == en
        with force_locale("fr"):
            assert number(value, digits).replace("\xa0", "\u202f") == fr


def test_a_report_average_of_a_whole_number_shows_no_decimal(web):  # noqa: F811
    """One scored call: the cohort's averages are whole numbers and read "85", not « 85,0 »."""
    alice = client_as(web, "alice")
    call_id = start(alice)
    alice.post(f"/calls/{call_id}/step", data={"step": "say", "text": "Is the printer on?"})
    alice.post(f"/calls/{call_id}/step", data={"step": "close", "summary": "done"})
    with web.app_context():
        overall = get_db()["scores"].get(call_id)["overall"]
        cohort = get_db().query("select id from cohorts order by id limit 1").__next__()["id"]
    trainer = client_as(web, "trainer")
    for locale in ("en", "fr"):
        trainer.post(f"/language/{locale}")
        page = BeautifulSoup(
            trainer.get(f"/cohorts/{cohort}").get_data(as_text=True), "html.parser"
        )
        assert page.select_one("#avg-overall").get_text(strip=True) == str(overall)

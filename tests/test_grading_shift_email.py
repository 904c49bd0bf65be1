"""Shift report and e-mail contacts: a user's reply waiting in the queue counts in the order rule
(it waits since it came), and an e-mail's handle time leaves out the time the user took to reply."""

from __future__ import annotations

import pytest

from grading.shift_report import grade_shift
from grading.shift_timeline import read_shift
from simulator.translation import load_translations
from tests.shift_helpers import MATRIX, make_plan, shift_engine

PLAN = """\
  - {ref: m1, scenario: email-mailbox-full, channel: email, persona: calm, at: 0,
     reply_delay: {min: 60, max: 60}, triage: {kind: incident, impact: medium, urgency: high}}
  - {ref: p4, scenario: printer-offline, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: medium}}
"""
ASK = {"email": {"body": "Hello,\n\nCould you tell me the exact message of the banner?"}}
CLOSE = {"close": {"summary": "Mailbox checked"}}


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


@pytest.fixture(scope="module")
def plan(library):
    return make_plan(PLAN, scenarios=library.scenarios)


def _report(shift, locale="en"):
    return grade_shift(shift.plan, MATRIX, shift.events, {}, load_translations(), locale)


def _order(report):
    return [f["message"] for f in report["findings"] if f["rule"] == "order" and not f["max"]]


def _replied_then_wait(shifts, plan, locale, extra):
    """Take the P2 e-mail, send it, let the reply come back, wait `extra`, take the P4 call."""
    shift = shifts.start(plan, locale, 1)
    shifts.step(shift, {"take": "m1"})
    shifts.step(shift, ASK)
    shifts.step(shift, {"wait": 61 + extra})
    assert shift.contact("m1").status == "reply_received"
    shifts.step(shift, {"take": "p4"})
    shifts.end(shift)
    return shift


def test_a_reply_waiting_in_the_queue_counts_in_the_order_rule(shifts, plan):
    shift = _replied_then_wait(shifts, plan, "en", 120)
    assert _order(_report(shift)) == ["Took a P4 call while a P2 e-mail waited 2 min."]


def test_the_reply_waits_since_it_came_not_since_the_email_arrived(shifts, plan):
    shift = _replied_then_wait(shifts, plan, "en", 30)  # the e-mail is old, its reply is not
    assert _order(_report(shift)) == []


def test_the_waiting_reply_is_named_in_french(shifts, plan):
    shift = _replied_then_wait(shifts, plan, "fr", 120)
    (message,) = _order(_report(shift, "fr"))
    assert "P4" in message and "P2" in message and "2 min" in message


def test_an_emails_handle_time_leaves_out_the_users_reply_time(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "m1"})
    shifts.step(shift, ASK)
    sent = next(e for e in shift.events if e["kind"] == "email_sent")
    shifts.step(shift, {"wait": 90})  # the reply comes after 60 s, then sits 30 s in the queue
    shifts.step(shift, {"take": "m1"})
    shifts.step(shift, CLOSE)
    shifts.end(shift)
    m1 = read_shift(shift.events).contacts["m1"]
    came = next(e for e in shift.events if e["kind"] == "email_reply_received")
    assert m1.user_replying == pytest.approx(came["at"] - sent["at"])
    assert m1.handle_time() == pytest.approx(m1.ended_at - m1.taken_at - m1.user_replying)
    assert _report(shift)["average_handle"] == round(m1.handle_time(), 1)
    assert _report(shift)["average_handle"] < m1.ended_at - m1.taken_at


def test_a_phone_calls_handle_time_is_unchanged(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, {"close": {"summary": "Nothing"}})
    shifts.end(shift)
    p4 = read_shift(shift.events).contacts["p4"]
    assert p4.user_replying == 0
    assert p4.handle_time() == p4.ended_at - p4.taken_at

"""The shift report: SLA per priority, abandoned calls, triage accuracy, order, follow-ups."""

from __future__ import annotations

import pytest

from grading.shift_report import grade_shift
from simulator.translation import load_translations
from tests.shift_helpers import MATRIX, make_plan, play_call, shift_engine
from tests.test_shift_engine import TRIAGE_P1, TWO


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


@pytest.fixture(scope="module")
def plan(library):
    return make_plan(TWO, scenarios=library.scenarios)


def _report(shift, locale="en", scores=None):
    return grade_shift(shift.plan, MATRIX, shift.events, scores or {}, load_translations(), locale)


def _messages(report, rule):
    return [f["message"] for f in report["findings"] if f["rule"] == rule]


def test_taking_a_p4_while_a_p1_waits_is_a_finding(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 270})
    shifts.step(shift, {"take": "p4"})
    shifts.end(shift)
    report = _report(shift)
    assert "Took a P4 call while a P1 call waited 4 min." in _messages(report, "order")
    order = next(f for f in report["findings"] if f["rule"] == "order" and f["max"])
    assert order["points"] == 0


def test_the_order_finding_is_worded_in_french(shifts, plan):
    shift = shifts.start(plan, "fr", 1)
    shifts.step(shift, {"wait": 270})
    shifts.step(shift, {"take": "p4"})
    shifts.end(shift)
    assert "Vous avez pris un appel P4 alors qu'un appel P1 attendait depuis 4 min." in _messages(
        _report(shift, "fr"), "order"
    )


def test_sla_is_counted_per_priority_of_the_plan(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 270})
    shifts.step(shift, {"take": "p4"})
    shifts.end(shift)
    report = _report(shift)
    assert report["sla"]["P1"] == {"met": 0, "total": 1}
    assert report["sla"]["P4"] == {"met": 1, "total": 1}
    assert _messages(report, "sla") == [
        "1 of 2 contacts taken within their SLA target; missed: p1 (P1)."
    ]


def test_a_contact_handled_without_triage_or_with_the_wrong_one_is_named(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, {"triage": {"impact": "high", "urgency": "high", "kind": "request"}})
    shifts.step(shift, "park")
    shifts.step(shift, {"wait": 30})
    shifts.step(shift, {"take": "p1"})
    shifts.end(shift)
    report = _report(shift)
    assert "Contact p4 triaged service request, P1; it was incident, P4." in _messages(
        report, "triage"
    )
    assert "Contact p1 was handled without triage." in _messages(report, "triage")
    assert report["triage"] == {"taken": 2, "right": 0, "kind_right": 0, "triaged": 1}


def test_a_phone_caller_who_hangs_up_counts_as_abandoned(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, "park")
    shifts.step(shift, {"wait": 700})
    shifts.end(shift)
    report = _report(shift)
    assert report["abandoned"] == 1
    assert _messages(report, "abandoned") == [
        "Contact p1 hung up after waiting 10 min and left a voicemail."
    ]


def test_an_escalated_ticket_never_followed_up_is_a_finding(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 30})
    shifts.step(shift, {"take": "p1"})
    shifts.step(shift, TRIAGE_P1)
    play_call(shifts, shift, "erp-database-down")
    shifts.step(shift, {"wait": 400})
    shifts.end(shift)
    report = _report(shift, scores={"p1": 90})
    assert "Escalated ticket p1 was never followed up after level 2 answered." in _messages(
        report, "follow_up"
    )
    assert report["average_call_score"] == 90.0
    assert report["handled"] == 1 and report["first_contact_resolution"] == 0.0


def test_a_well_run_shift_scores_every_rule_in_full(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 30})
    shifts.step(shift, {"take": "p1"})
    shifts.step(shift, TRIAGE_P1)
    play_call(shifts, shift, "erp-database-down")
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, {"triage": {"impact": "low", "urgency": "medium", "kind": "incident"}})
    play_call(shifts, shift, "printer-offline")
    if shift.contact("p1").status != "follow_up":
        shifts.step(shift, {"wait": int(shift.contact("p1").level2_due - shift.now) + 1})
    shifts.step(shift, {"take": "p1"})
    shifts.end(shift)
    report = _report(shift)
    assert report["overall"] == 100
    assert {f["rule"] for f in report["findings"] if f["max"]} == {
        "sla",
        "triage",
        "order",
        "follow_up",
    }

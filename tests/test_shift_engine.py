"""The shift engine: arrivals, the queue, patience, triage, parking, level 2, refusals, rebuild."""

from __future__ import annotations

import re

import pytest

from simulator.shift_queue import schedule
from simulator.shift_state import ShiftRefused
from simulator.steps import StepError
from tests.shift_helpers import make_plan, play_call, shift_engine

TWO = """\
  - {ref: p4, scenario: printer-offline, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: medium}}
  - {ref: p1, scenario: erp-database-down, persona: hurried, at: 30,
     triage: {kind: incident, impact: high, urgency: high}, level2: {delay: 300}}
"""
TRIAGE_P1 = {"triage": {"impact": "high", "urgency": "high", "kind": "incident"}}


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


@pytest.fixture(scope="module")
def plan(library):
    return make_plan(TWO, scenarios=library.scenarios)


def _kinds(outcome) -> list[str]:
    return [e["kind"] for e in outcome.shift_events]


def test_arrivals_without_a_time_are_drawn_from_the_seed(library):
    plan = make_plan(
        "".join(
            f"  - {{ref: c{i}, scenario: printer-offline, "
            "triage: {kind: incident, impact: low, urgency: low}}\n"
            for i in range(8)
        ),
        scenarios=library.scenarios,
    )
    times = [c.arrived_at for c in schedule(plan, 7)]
    assert times == [c.arrived_at for c in schedule(plan, 7)]
    assert times != [c.arrived_at for c in schedule(plan, 8)]
    assert times == sorted(times) and max(times) < plan.length * 0.8


def test_a_contact_shows_in_the_queue_once_it_has_arrived(shifts, plan, library):
    shift = shifts.start(plan, "en", 1)
    assert [i["ref"] for i in shift.queue[-1]["waiting"]] == ["p4"]
    shifts.step(shift, {"wait": 40})
    waiting = shift.queue[-1]["waiting"]
    assert [(i["ref"], i["waited"]) for i in waiting] == [("p4", 30.0), ("p1", 0.0)]
    assert waiting[1]["subject"] == library.scenario("erp-database-down").title.en


def test_triage_gives_the_priority_of_the_matrix(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 30})
    shifts.step(shift, {"take": "p1"})
    outcome = shifts.step(shift, TRIAGE_P1)
    assert outcome.shift_events[-1]["data"]["priority"] == "P1"
    assert shift.contact("p1").triage["priority"] == "P1"


def test_a_callers_mood_falls_with_the_wait(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, "park")
    shifts.step(shift, {"wait": 250})
    shifts.step(shift, {"take": "p1"})
    call = shift.contact("p1").call
    assert call.mood < call.events[0]["data"]["mood"]
    assert any(e["kind"] == "queue_wait" for e in call.events)


def test_a_phone_caller_who_waits_too_long_hangs_up_and_leaves_a_voicemail(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, "park")
    outcome = shifts.step(shift, {"wait": 700})
    assert "contact_abandoned" in _kinds(outcome)
    assert shift.contact("p1").outcome == "abandoned"
    voicemail = shift.contact("p1-vm")
    assert (voicemail.channel, voicemail.arrived_at) == ("voicemail", 630.0)
    shifts.step(shift, {"take": "p1-vm"})
    assert shift.contact("p1-vm").call.scenario.id == "erp-database-down"


def test_parking_and_taking_again_resumes_the_same_call(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, {"say": "Good morning, IT support, Sam speaking."})
    call = shift.contact("p4").call
    shifts.step(shift, "park")
    assert shift.active is None and shift.contact("p4").status == "parked"
    outcome = shifts.step(shift, {"take": "p4"})
    assert _kinds(outcome) == ["contact_resumed"]
    assert shift.contact("p4").call is call


def test_an_escalated_ticket_comes_back_from_level_2_after_its_delay(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 30})
    shifts.step(shift, {"take": "p1"})
    play_call(shifts, shift, "erp-database-down")
    p1 = shift.contact("p1")
    assert p1.outcome == "escalated" and p1.status == "with_level2"
    assert p1.level2_due == p1.ended_at + 300
    shifts.step(shift, {"take": "p4"})
    play_call(shifts, shift, "printer-offline")
    if shift.now < p1.level2_due:
        shifts.step(shift, {"wait": int(p1.level2_due - shift.now) + 1})
    assert p1.status == "follow_up"
    outcome = shifts.step(shift, {"take": "p1"})
    assert _kinds(outcome)[0] == "contact_followed_up" and p1.status == "closed"


@pytest.mark.parametrize(
    ("steps", "refused", "message"),
    [
        ([], {"take": "nobody"}, "there is no contact nobody in this shift"),
        ([], {"take": "p1"}, "contact p1 has not arrived yet"),
        ([{"take": "p4"}], {"take": "p4"}, "finish or park contact p4 before taking another"),
        ([{"take": "p4"}], {"wait": 10}, "contact p4 is in hand: put them on hold or park them"),
        ([], {"say": "Hello?"}, "take a contact before 'say'"),
        ([], "park", "take a contact before parking"),
        ([{"take": "p4"}], {"email": {"body": "Hello"}}, "contact p4 is a phone contact"),
        (["end_shift"], {"take": "p4"}, "the shift has ended"),
    ],
)
def test_a_refused_step_says_why_and_writes_nothing(shifts, plan, steps, refused, message):
    shift = shifts.start(plan, "en", 1)
    for step in steps:
        shifts.step(shift, step)
    before = (len(shift.events), len(shift.queue), shift.now, shift.turn)
    with pytest.raises(ShiftRefused, match=re.escape(message)):
        shifts.step(shift, refused)
    assert (len(shift.events), len(shift.queue), shift.now, shift.turn) == before


def test_taking_a_contact_that_left_the_queue_is_refused(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, "park")
    shifts.step(shift, {"wait": 700})
    with pytest.raises(ShiftRefused, match=r"contact p1 is not in the queue \(abandoned\)"):
        shifts.step(shift, {"take": "p1"})


@pytest.mark.parametrize(
    "raw",
    [
        {"wait": 0},
        {"wait": "soon"},
        {"take": ""},
        {"triage": {"impact": "huge"}},
        {"triage": {"impact": "low", "urgency": "low", "kind": "problem"}},
        {"email": {"to": "x"}},
    ],
)
def test_a_malformed_shift_step_is_a_step_error(shifts, plan, raw):
    shift = shifts.start(plan, "en", 1)
    with pytest.raises(StepError):
        shifts.step(shift, raw)


def test_waiting_past_the_end_ends_the_shift_at_its_length(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, "park")
    for _ in range(2):
        shifts.step(shift, {"wait": 3600}) if not shift.ended else None
    assert shift.ended and shift.now == plan.length
    assert shift.events[-1]["kind"] == "shift_ended"


def test_a_shift_is_rebuilt_from_its_log(shifts, plan):
    shift = shifts.start(plan, "fr", 3)
    shifts.step(shift, {"take": "p4"})
    shifts.step(shift, {"triage": {"impact": "low", "urgency": "medium", "kind": "incident"}})
    play_call(shifts, shift, "printer-offline", "fr")
    shifts.step(shift, {"take": "p1"})
    shifts.step(shift, {"say": "Bonjour, support informatique, Sam à l'appareil."})
    shifts.step(shift, "park")
    shifts.step(shift, {"wait": 100})
    shifts.end(shift)
    rebuilt = shifts.resume(plan, shift.events)
    assert rebuilt.events == shift.events
    assert rebuilt.queue == shift.queue
    for contact in shift.contacts:
        other = rebuilt.contact(contact.ref)
        assert (other.call.events if other.call else None) == (
            contact.call.events if contact.call else None
        )


def test_real_time_moves_the_clock_by_the_time_factor_even_during_a_call(shifts, library):
    plan = make_plan(TWO.replace("at: 30", "at: 100"), scenarios=library.scenarios)
    plan = plan.model_copy(update={"time_factor": 2.5})
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "p4"})
    call_clock = shift.contact("p4").call.clock
    outcome = shifts.step(shift, {"elapse": 40})
    assert shift.now == 100.0
    assert [e["kind"] for e in outcome.shift_events] == ["clock_moved", "contact_arrived"]
    assert shift.contact("p4").call.clock == call_clock
    assert shifts.resume(plan, shift.events).events == shift.events

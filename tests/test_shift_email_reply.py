"""An e-mail contact's user answers after a delay on the shift's clock: the contact leaves the
trainee's hands when the e-mail goes out and comes back to the queue as "reply received"."""

from __future__ import annotations

import pytest

from simulator.shift_plan import PlanError
from simulator.shift_replay import contact_rows
from simulator.shift_state import ShiftRefused
from tests.shift_helpers import PLAN_HEAD, make_plan, shift_engine

MAILS = """\
  - {ref: m1, scenario: email-mailbox-full, channel: email, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: high}}
  - {ref: m2, scenario: email-mailbox-full, channel: email, persona: calm, at: 0,
     reply_delay: {min: 60, max: 60}, triage: {kind: incident, impact: low, urgency: high}}
"""
ASK = {"email": {"body": "Hello,\n\nCould you tell me the exact message of the banner?"}}


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


@pytest.fixture(scope="module")
def plan(library):
    return make_plan(MAILS, scenarios=library.scenarios)


def _sent(shifts, plan, ref="m1", seed=1):
    shift = shifts.start(plan, "en", seed)
    shifts.step(shift, {"take": ref})
    outcome = shifts.step(shift, ASK)
    return shift, outcome


def test_a_sent_email_leaves_the_trainees_hands_until_the_reply_comes(shifts, plan):
    shift, outcome = _sent(shifts, plan)
    sent = next(e for e in outcome.shift_events if e["kind"] == "email_sent")
    assert 240 <= sent["data"]["reply_in"] <= 600  # the plan's default: 4 to 10 minutes
    m1 = shift.contact("m1")
    assert shift.active is None and m1.status == "awaiting_reply"
    assert "m1" not in [w["ref"] for w in shift.queue[-1]["waiting"]]  # not in the queue
    with pytest.raises(ShiftRefused, match="not in the queue"):
        shifts.step(shift, {"take": "m1"})
    due = sent["at"] + sent["data"]["reply_in"]
    shifts.step(shift, {"wait": int(due - shift.now) - 1})
    assert m1.status == "awaiting_reply"
    shifts.step(shift, {"wait": 2})
    assert m1.status == "reply_received"
    came = next(e for e in shift.events if e["kind"] == "email_reply_received")
    assert came["at"] == round(due, 1) and came["data"]["ref"] == "m1"
    waiting = {w["ref"]: w["status"] for w in shift.queue[-1]["waiting"]}
    assert waiting["m1"] == "reply_received"
    taken = shifts.step(shift, {"take": "m1"})
    assert taken.shift_events[0]["kind"] == "contact_resumed"
    assert taken.shift_events[0]["data"]["reply"] is True
    assert shift.active == "m1" and m1.status == "active"


def test_the_users_reply_is_written_once_the_email_is_sent(shifts, plan):
    shift, outcome = _sent(shifts, plan)
    replies = [e for e in outcome.call_events if e["kind"] == "caller_said"]
    assert replies and replies[0]["data"]["email"]["subject"].startswith("RE: ")


def _delay(shifts, plan, seed: int) -> int:
    outcome = _sent(shifts, plan, seed=seed)[1]
    return next(e["data"]["reply_in"] for e in outcome.shift_events if e["kind"] == "email_sent")


def test_the_reply_delay_is_the_same_for_the_same_seed(shifts, plan):
    assert _sent(shifts, plan, seed=1)[0].events == _sent(shifts, plan, seed=1)[0].events
    delays = [_delay(shifts, plan, seed) for seed in range(1, 7)]
    assert all(240 <= d <= 600 for d in delays)
    assert len(set(delays)) > 1  # drawn from the seed, not fixed


def test_a_contact_can_have_its_own_reply_delay(shifts, plan):
    _shift, outcome = _sent(shifts, plan, ref="m2")
    sent = next(e for e in outcome.shift_events if e["kind"] == "email_sent")
    assert sent["data"]["reply_in"] == 60


def test_a_contact_awaiting_a_reply_at_the_end_is_in_progress(shifts, plan):
    shift, _outcome = _sent(shifts, plan)
    shifts.step(shift, "end_shift")
    rows = {r["ref"]: r for r in contact_rows(shift)}
    assert rows["m1"]["outcome"] == "in_progress" and rows["m2"]["outcome"] == "not_taken"


def test_the_reply_delay_is_validated_with_its_line(library):
    head = PLAN_HEAD.replace(
        "level2_delay: 600", "level2_delay: 600\nreply_delay: {min: 600, max: 60}"
    )
    phone = (
        "  - {ref: p, scenario: printer-offline, reply_delay: {min: 1, max: 2},\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
    )
    with pytest.raises(PlanError) as shape:
        make_plan(phone, head=head, scenarios=library.scenarios)
    assert [(p.line, p.path) for p in shape.value.problems] == [(8, "reply_delay")]
    with pytest.raises(PlanError) as cross:
        make_plan(
            phone, head=head.replace("600, max: 60}", "60, max: 600}"), scenarios=library.scenarios
        )
    [problem] = cross.value.problems
    assert problem.code == "shift_reply_delay_not_email" and problem.line == 10

"""E-mail contacts: the user's e-mail opens a written thread, the trainee answers with `email`
steps, the user answers by e-mail; the written rules join the grade; stored and rebuilt."""

from __future__ import annotations

import pytest

from grading import grade
from simulator.engine import EngineError
from simulator.shift_plan import PlanError, ShiftPlan, validate_plan_source
from simulator.shift_state import ShiftRefused
from simulator.steps import StepError
from simulator.yamlsource import parse
from storage.db import connect
from storage.shifts import append_shift_step, create_shift, load_shift
from tests.shift_helpers import PLAN_HEAD, make_plan, play_call, read_reply, shift_engine

MAILS = """\
  - {ref: m1, scenario: email-mailbox-full, channel: email, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: high}}
  - {ref: m2, scenario: email-password-reset, channel: email, persona: calm, at: 0,
     call_back: true, triage: {kind: request, impact: low, urgency: high}}
  - {ref: m3, scenario: email-password-reset, channel: email, persona: calm, at: 0,
     triage: {kind: request, impact: low, urgency: high}}
  - {ref: p1, scenario: printer-offline, persona: calm, at: 0,
     triage: {kind: incident, impact: low, urgency: medium}}
"""
HELLO = {"email": {"body": "Hello,\n\nCould you tell me the exact message of the banner?"}}


@pytest.fixture(scope="module")
def shifts(engine, library):
    return shift_engine(engine, library)


@pytest.fixture(scope="module")
def plan(library):
    return make_plan(MAILS, scenarios=library.scenarios)


def _opening(call) -> dict:
    return next(e for e in call.events if e["kind"] == "caller_said")["data"]


def test_taking_an_email_contact_opens_the_users_message(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "m1"})
    call = shift.contact("m1").call
    assert call.channel == "email" and call.events[0]["data"]["channel"] == "email"
    mail = _opening(call)["email"]
    assert mail["subject"] == "URGENT - mailbox full, cannot send"
    assert "stuck in my Outbox" in mail["body"]
    assert mail["signature"].startswith(call.caller.caller_name)
    assert "[Attached screenshot: Outlook, a red banner" in mail["text"]


def test_the_user_answers_an_email_by_email_with_only_what_was_asked(shifts, plan):
    shift = shifts.start(plan, "fr", 1)
    shifts.step(shift, {"take": "m1"})
    body = "Bonjour,\n\nPourriez-vous m'indiquer le message exact du bandeau rouge ?"
    outcome = shifts.step(shift, {"email": {"body": body}})
    said = next(e for e in outcome.call_events if e["kind"] == "caller_said")["data"]
    assert "49,9 Go utilisés sur 50 Go" in said["text"]
    assert "Éléments supprimés" not in said["text"]  # not asked: not told
    mail = said["email"]
    assert mail["subject"] == "RE : URGENT - boîte pleine, impossible d'envoyer"
    assert mail["text"].startswith("Bonjour,")
    assert "Le support informatique a écrit :\n> Bonjour," in mail["text"]
    assert outcome.ref == "m1"


def test_an_email_thread_is_played_to_the_end_and_graded_with_the_written_rules(
    shifts, plan, library
):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "m1"})
    play_call(shifts, shift, "email-mailbox-full")
    c = shift.contact("m1")
    assert (c.outcome, c.status) == ("resolved", "closed")
    score = grade(
        library.scenario("email-mailbox-full"), c.call.events, library.catalog, library.translations
    )
    assert score.skills["written"] == 100 and score.overall >= 80
    assert {f.rule for f in score.findings if f.skill == "written"} >= {"greeting", "ticket"}


def test_sloppy_writing_loses_written_points(engine, library):
    scenario = library.scenario("email-mailbox-full")
    call = engine.start(scenario, "calm", "en", 1)
    engine.step(call, {"email": {"body": "pls tell me the exact message of the banner? thx"}})
    score = grade(scenario, call.events, library.catalog, library.translations)
    broken = {f.rule for f in score.findings if f.skill == "written" and f.points < f.max}
    assert broken >= {"greeting", "sign_off", "sms", "ticket"}


def test_a_phone_call_has_no_written_skill(engine, library):
    scenario = library.scenario("printer-offline")
    call = engine.start(scenario, "calm", "en", 1)
    engine.step(call, {"say": "Hello, IT support, Sam speaking."})
    score = grade(scenario, call.events, library.catalog, library.translations)
    assert "written" not in score.skills


def test_an_email_step_is_refused_on_a_phone_call(engine, library):
    call = engine.start(library.scenario("printer-offline"), "calm", "en", 1)
    with pytest.raises(StepError, match="e-mail"):
        engine.step(call, HELLO)
    assert call.turn == 0


def test_an_email_scenario_is_not_played_on_the_phone(engine, library):
    with pytest.raises(EngineError, match="channel 'phone'"):
        engine.start(library.scenario("email-mailbox-full"), "calm", "en", 1, channel="phone")


def test_phoning_an_email_contact_back_needs_the_plans_leave(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "m3"})
    events = len(shift.events)
    with pytest.raises(ShiftRefused, match="no call back"):
        shifts.step(shift, {"say": "Hello, IT support, Sam speaking."})
    assert len(shift.events) == events
    shifts.step(shift, "park")
    shifts.step(shift, {"take": "m2"})
    outcome = shifts.step(shift, {"say": "Hello, this is Sam from the IT service desk."})
    assert "phoned_back" in [e["kind"] for e in outcome.call_events]


def test_an_employee_id_sent_by_email_does_not_verify_identity(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"take": "m2"})
    ask = "Hello,\n\nCould you send me your employee ID and the name of your manager?"
    shifts.step(shift, {"email": {"body": ask}})
    call = shift.contact("m2").call
    assert call.caller.employee_id in " ".join(
        e["data"]["text"] for e in call.events if e["kind"] == "caller_said"
    )
    assert not call.state["identity.verified"]
    read_reply(shifts, shift, "m2")
    shifts.step(shift, {"say": "Could you give me your employee ID and your manager's name?"})
    assert call.state["identity.verified"]


def test_email_contacts_wait_without_hanging_up(shifts, plan):
    shift = shifts.start(plan, "en", 1)
    shifts.step(shift, {"wait": 3000})
    statuses = {c.ref: c.status for c in shift.contacts}
    assert statuses["m1"] == "waiting" and statuses["p1"] == "abandoned"


def test_a_stored_shift_with_an_email_contact_rebuilds_the_same(shifts, plan, tmp_path):
    db = connect(tmp_path / "s.db")
    shift = shifts.start(plan, "en", 3)
    pk = create_shift(db, plan.model_dump(mode="json"), shift.events)
    steps = ({"take": "m1"}, HELLO, {"take": "m2"}, HELLO, {"wait": 700}, {"take": "m1"}, "park")
    for raw in (*steps, "end_shift"):
        outcome = shifts.step(shift, raw)
        append_shift_step(db, pk, outcome.shift_events, outcome.ref, outcome.call_events)
    stored = load_shift(db, pk)
    assert stored.calls["m1"] == shift.contact("m1").call.events
    rebuilt = shifts.resume(ShiftPlan.model_validate(stored.plan), stored.events)
    for ref in ("m1", "m2"):
        assert rebuilt.contact(ref).call.events == stored.calls[ref]
    assert rebuilt.events == shift.events  # the replies came in at the same moments
    assert [c.status for c in rebuilt.contacts] == [c.status for c in shift.contacts]


def test_a_plan_refuses_a_channel_the_scenario_does_not_support(library):

    text = PLAN_HEAD + (
        "  - {ref: a, scenario: email-mailbox-full, channel: phone,\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
        "  - {ref: b, scenario: printer-offline, channel: email,\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
        "  - {ref: c, scenario: printer-offline, call_back: true,\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
    )
    with pytest.raises(PlanError) as failed:
        validate_plan_source(parse(text), "plan.yaml", library.scenarios)
    found = {(p.line, p.path, p.code) for p in failed.value.problems}
    assert found == {
        (9, "contacts[0].channel", "shift_channel_unsupported"),
        (11, "contacts[1].channel", "shift_channel_unsupported"),
        (13, "contacts[2].call_back", "shift_call_back_not_email"),
    }


def _scenario_problems(library, old: str, new: str) -> set[tuple[str, str]]:
    from simulator.validate import validate_text
    from tests.shift_helpers import ROOT

    text = (ROOT / "scenarios" / "email-mailbox-full.yaml").read_text(encoding="utf-8")
    assert old in text
    _, problems = validate_text(text.replace(old, new), library.catalog, set(library.articles))
    return {(p.path, p.code) for p in problems}


def test_an_email_scenario_validates_its_channels_and_message(library):
    assert _scenario_problems(library, "channels: [email]", "channels: [email]") == set()
    assert _scenario_problems(library, "channels: [email]", "channels: [email, phone]") == {
        ("opening", "opening_missing")
    }
    assert _scenario_problems(library, "channels: [email]", "channels: [phone]") == {
        ("opening", "opening_missing"),
        ("email", "email_message_without_channel"),
    }
    assert ("email.signature.fr", "unknown_placeholder") in _scenario_problems(
        library, "Poste {phone}", "Poste {extension}"
    )

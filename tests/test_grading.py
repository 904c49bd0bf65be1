"""Grading rules one by one: each mistake costs points in its skill, with the finding that names
it."""

from __future__ import annotations

import pytest

from grading import grade
from grading.model import allot
from grading.rubric import skill_weights
from tests.helpers import play

GOOD_PRINTER = [
    {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    {"say": "Thank you. Is the printer switched on?"},
    {"say": "Could you check the cable at the back of the printer, please?"},
    {"say": "Please push the cable back in until it clicks."},
    {"say": "Can you try printing again now?"},
    {
        "ticket": {
            "category": "printing",
            "root_cause": "USB cable unplugged",
            "resolution": "cable reconnected",
        }
    },
    {"say": "So to sum up, the cable had come loose. Your ticket number is {ticket}."},
    {"say": "Is there anything else I can do for you?"},
    {"say": "Have a good day, goodbye."},
    {"close": {"summary": "done"}},
]


def graded(engine, library, steps, scenario="printer-offline", persona="calm", locale="en", seed=1):
    call = play(engine, library.scenario(scenario), steps, persona, locale, seed)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def rules(score):
    return {f.rule: f for f in score.findings}


def test_a_good_call_scores_high_and_every_skill_adds_up(engine, library):
    score = graded(engine, library, GOOD_PRINTER)
    assert score.overall >= 85 and not score.critical
    for skill, value in score.skills.items():
        assert value == sum(f.points for f in score.findings if f.skill == skill)


def test_grading_is_deterministic(engine, library):
    assert (
        graded(engine, library, GOOD_PRINTER).to_dict()
        == graded(engine, library, GOOD_PRINTER).to_dict()
    )


def test_drastic_action_before_simple_checks_is_a_heavy_deduction(engine, library):
    steps = [
        {"say": "Hello, IT support. Please reinstall the printer driver."},
        {"say": "Yes, go ahead."},  # the caller asks "are you sure?" first
        *GOOD_PRINTER[1:],
    ]
    score = graded(engine, library, steps)
    drastic = rules(score)["drastic"]
    assert drastic.points == 0 and drastic.turn == 1 and "driver" in drastic.message.lower()
    assert (
        score.skills["diagnosis"] <= graded(engine, library, GOOD_PRINTER).skills["diagnosis"] - 25
    )


def test_fixing_without_checking_misses_coverage(engine, library):
    steps = [
        {"say": "Hello. What exactly happens when you try to print?"},
        {"say": "Please plug the printer cable back in."},
        {"say": "Try printing again please"},
    ]
    coverage = rules(graded(engine, library, steps))["coverage"]
    assert coverage.points < coverage.max and "missing" in coverage.message


def test_fixing_without_a_single_question_is_no_diagnosis(engine, library):
    steps = [
        {"say": "Hello. Please plug the printer cable back in."},
        {"say": "Try printing again please"},
    ]
    score = graded(engine, library, steps)
    assert score.skills["diagnosis"] == 0 and "no_diagnosis" in rules(score)


def test_unverified_fix_loses_the_verification_points(engine, library):
    steps = [s for s in GOOD_PRINTER if s != {"say": "Can you try printing again now?"}]
    verified = rules(graded(engine, library, steps))["verified"]
    assert verified.points == 0 and verified.max > 0


def test_closing_unresolved_loses_resolution(engine, library):
    steps = [GOOD_PRINTER[0], GOOD_PRINTER[1], {"close": {"summary": "nothing"}}]
    score = graded(engine, library, steps)
    assert rules(score)["fixed"].points == 0 and score.skills["resolution"] <= 20


def test_unnecessary_escalation_costs_most_escalation_points(engine, library):
    steps = [
        *GOOD_PRINTER[:3],
        {"escalate": {"team": "field_technician", "note": "printer broken"}},
        {"close": {"summary": "sent"}},
    ]
    score = graded(engine, library, steps)
    assert score.skills["escalation"] <= 20 and rules(score)["unnecessary"].points <= 20


def test_missing_required_escalation_scores_zero_escalation(engine, library):
    steps = [
        {"say": "Hello, IT support. What is the exact error message?"},
        {"close": {"summary": "x"}},
    ]
    score = graded(engine, library, steps, scenario="erp-database-down")
    escalated = rules(score)["escalated"]
    assert score.skills["escalation"] == 0 and "database administrators" in escalated.message


def test_wrong_team_is_named(engine, library):
    steps = [
        {"say": "Hello. Is it only you or your colleagues too?"},
        {
            "escalate": {
                "team": "network",
                "note": "ERP cannot connect to database, whole department",
            }
        },
    ]
    team = rules(graded(engine, library, steps, scenario="erp-database-down"))["team"]
    assert team.points == 0 and "database administrators" in team.message


def test_reset_before_verifying_identity_is_critical_and_capped(engine, library):
    steps = [
        {"say": "Hello, IT support, Sam speaking."},
        {"directory": {"op": "reset_password"}},
        {"close": {"summary": "reset"}},
    ]
    score = graded(engine, library, steps, scenario="password-expired")
    critical = [f for f in score.findings if f.critical]
    assert score.critical and score.overall <= 40
    assert critical[0].rule == "change_before_identity" and critical[0].turn == 2


def test_reset_after_verifying_identity_is_not_critical(engine, library):
    steps = [
        {"say": "Hello. Can you give me your employee ID and your manager's name?"},
        {"directory": {"op": "reset_password", "must_change": True}},
    ]
    score = graded(engine, library, steps, scenario="password-expired")
    assert not any(f.rule == "change_before_identity" for f in score.findings)


def test_asking_for_a_password_is_critical(engine, library):
    steps = [{"say": "Hello. What is your current password?"}]
    score = graded(engine, library, steps, scenario="password-expired")
    assert score.critical and any(
        f.rule == "asked_password" and f.turn == 1 for f in score.findings
    )


def test_security_incident_closed_without_security_is_critical(engine, library):
    steps = [
        {"say": "Hello, IT support. Just delete the email, it's fine."},
        {"close": {"summary": "ok"}},
    ]
    score = graded(engine, library, steps, scenario="phishing-clicked", persona="calm")
    assert any(f.rule == "security_not_escalated" and f.critical for f in score.findings)


def test_french_tutoiement_is_a_finding(engine, library):
    steps = [{"say": "Bonjour, support informatique. Est-ce que ton imprimante est allumée ?"}]
    register = rules(graded(engine, library, steps, locale="fr"))["register"]
    assert register.points == 0 and "tutoyé" in register.message


def test_french_vouvoiement_is_fine(engine, library):
    steps = [
        {
            "say": "Bonjour, support informatique, Julie à l'appareil. Votre imprimante est-elle "
            "allumée, s'il vous plaît ?"
        }
    ]
    politeness = rules(graded(engine, library, steps, locale="fr"))["politeness"]
    assert politeness.points == politeness.max


def test_empathy_within_two_turns_of_an_angry_opening(engine, library):
    late = [
        {"say": "Hello."},
        {"say": "Is the printer on?"},
        {"say": "I understand, that's really annoying."},
    ]
    early = [{"say": "Hello."}, {"say": "I understand, that's really annoying."}]
    assert (
        rules(graded(engine, library, early, persona="angry"))["empathy"].points
        > rules(graded(engine, library, late, persona="angry"))["empathy"].points
    )


def test_calm_down_and_blame_are_findings(engine, library):
    steps = [{"say": "Calm down please."}, {"say": "You should have checked the cable yourself."}]
    found = rules(graded(engine, library, steps, persona="angry"))
    assert (
        "calm_down" in found and "blame" in found and found["respect"].points < found["respect"].max
    )


def test_unexplained_jargon_with_a_novice_is_a_finding(engine, library):
    steps = [{"say": "Hello. Please check the DHCP lease and the spooler."}]
    jargon = rules(graded(engine, library, steps, persona="novice"))["jargon"]
    assert jargon.points < jargon.max and "dhcp" in jargon.message.lower()


def test_hold_without_asking_is_a_finding(engine, library):
    asked = [{"say": "May I put you on hold for a moment while I check?"}, {"hold": 30}, "resume"]
    unasked = [{"say": "Good morning, IT support, Sam speaking."}, {"hold": 30}, "resume"]
    assert (
        rules(graded(engine, library, asked))["explaining"].points
        == rules(graded(engine, library, asked))["explaining"].max
    )
    assert rules(graded(engine, library, unasked))["explaining"].points == 0


def test_hung_up_call_is_not_resolved(engine, library):
    rude = {"say": "CALM DOWN, you should have checked it yourself, obviously"}
    score = graded(engine, library, [rude] * 8, persona="angry")
    assert "hung_up" in rules(score) and score.skills["resolution"] == 0


def test_findings_speak_the_calls_language(engine, library):
    score = graded(engine, library, [{"say": "Bonjour"}], locale="fr")
    assert all(f.message for f in score.findings)
    assert any("appelant" in f.message for f in score.findings)


def test_skill_weights_can_be_overridden(engine, library):
    call = play(engine, library.scenario("printer-offline"), GOOD_PRINTER)
    only_tone = grade(
        library.scenario("printer-offline"),
        call.events,
        library.catalog,
        library.translations,
        {"diagnosis": 0, "resolution": 0, "escalation": 0},
    )
    assert only_tone.overall == only_tone.skills["tone"]
    with pytest.raises(ValueError):
        skill_weights({"charm": 10})


def test_allot_shares_points_in_whole_numbers():
    assert sum(allot({"a": 1, "b": 1, "c": 1}).values()) == 100
    assert allot({"a": 35, "b": 0}) == {"a": 100}


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Hello. Could you give me your username?"),
        ("en", "Hello. What's your login?"),
        ("fr", "Bonjour. Pouvez-vous me donner votre identifiant ?"),
        ("fr", "Bonjour. C'est quoi votre login ?"),
    ],
)
def test_asking_for_the_username_is_not_critical(engine, library, locale, text):
    score = graded(engine, library, [{"say": text}], scenario="password-expired", locale=locale)
    assert not score.critical and "asked_password" not in rules(score)


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Hello. Can you give me your username and password?"),
        ("en", "Hello. Could you tell me your password please?"),
        ("fr", "Bonjour. Donnez-moi votre identifiant et votre mot de passe"),
        ("fr", "Bonjour. Pouvez-vous me donner votre mot de passe ?"),
    ],
)
def test_asking_for_the_password_along_with_the_username_is_still_critical(
    engine, library, locale, text
):
    score = graded(engine, library, [{"say": text}], scenario="password-expired", locale=locale)
    assert score.critical and rules(score)["asked_password"].turn == 1


EXPLAINED = {
    "say": "It was the cable that had come loose at the back, that's why the printer said offline."
}


def test_telling_the_caller_what_was_wrong_is_noticed_without_points(engine, library):
    steps = GOOD_PRINTER[:5] + [EXPLAINED] + GOOD_PRINTER[5:]
    score = graded(engine, library, steps)
    found = rules(score)["cause_explained"]
    assert (found.skill, found.points, found.max, found.turn) == ("tone", 0, 0, 6)
    assert "plain words" in found.message and not found.tip
    assert score.skills["tone"] == sum(f.points for f in score.findings if f.skill == "tone")


def test_a_fix_without_telling_the_cause_gets_a_tip(engine, library):
    steps = [s for s in GOOD_PRINTER if "sum up" not in s.get("say", "")]
    found = rules(graded(engine, library, steps))["cause_explained"]
    assert found.max == 0 and "not told what was wrong" in found.message and found.tip


def test_nothing_to_explain_before_the_fault_is_found(engine, library):
    steps = [
        {"say": "Hello, IT support."},
        {"say": "Is the printer switched on?"},
        {"close": {"summary": "no"}},
    ]
    assert "cause_explained" not in rules(graded(engine, library, steps))


def test_explaining_the_cause_in_jargon_to_a_novice_is_named(engine, library):
    steps = GOOD_PRINTER[:5] + [
        {"say": "The problem was the USB link, the spooler had the port flagged offline."}
    ]
    found = rules(graded(engine, library, steps, persona="novice"))["cause_explained"]
    assert (
        found.max == 0 and "technical terms" in found.message and "spooler" in found.message.lower()
    )

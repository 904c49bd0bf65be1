"""Issue 13's quoted cases, each graded as a team lead would: nothing earns points for nothing,
critical errors fail the call, credit goes only to what was actually said."""

from __future__ import annotations

import copy

from grading import grade
from grading.meaning import contradiction, in_language, says
from simulator.tone_signals import signals as tone_signals
from tests.helpers import play

GREETING = {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"}
PRINTER_CALL = [
    GREETING,
    {"say": "Thank you. What exactly happens when you try to print?"},
    {"say": "Is the printer switched on, and what does its little screen show?"},
    {"say": "Could you check that the cable at the back of the printer is plugged in properly?"},
    {"say": "Please push the cable firmly back into the printer until it clicks."},
    {"say": "Great. Can you try printing again now? Does it work?"},
    {
        "ticket": {
            "category": "printing",
            "summary": "Printer offline",
            "root_cause": "USB cable unplugged",
            "resolution": "Cable reconnected, test print OK",
        }
    },
]


def signals(text, locale, known=""):
    return tone_signals(text, locale, known, extended=True)


def graded(engine, library, steps, scenario="printer-offline", persona="calm", locale="en"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def by_rule(score):
    return {f.rule: f for f in score.findings}


def test_an_empty_call_scores_almost_nothing(engine, library):
    score = graded(engine, library, [{"close": {"summary": "x"}}])
    assert score.overall <= 5
    assert score.skills["diagnosis"] == 0 and score.skills["escalation"] == 0
    assert "no_diagnosis" in by_rule(score) and "kept_unfixed" in by_rule(score)


def test_an_immediate_escalation_without_checks_scores_at_most_25_in_diagnosis(engine, library):
    steps = [
        GREETING,
        {"escalate": {"team": "field_technician", "note": "laptop dead"}},
        {"close": {"summary": "escalated"}},
    ]
    score = graded(engine, library, steps, scenario="laptop-dead-hardware")
    assert score.skills["diagnosis"] <= 25 and score.overall <= 35


def test_a_disk_full_fix_without_a_question_is_no_diagnosis(engine, library):
    steps = [
        {"say": "Hello, IT support. I'll take remote control of your computer."},
        "remote_connect",
        {"say": "I'm clearing out your temporary files now."},
        {"say": "Please right-click the Recycle Bin on your desktop and choose Empty Recycle Bin."},
        {"ticket": {"category": "storage", "root_cause": "temp files", "resolution": "cleaned"}},
        {"close": {"summary": "cleaned"}},
    ]
    score = graded(engine, library, steps, scenario="disk-full")
    assert score.skills["diagnosis"] == 0
    assert by_rule(score)["fixed"].points < by_rule(score)["fixed"].max
    assert score.overall <= 50


def test_a_password_reset_before_identity_fails_the_call(engine, library):
    steps = [
        GREETING,
        {"directory": {"op": "lookup"}},
        {"directory": {"op": "reset_password", "must_change": True}},
        {"close": {"summary": "reset"}},
    ]
    score = graded(engine, library, steps, scenario="password-expired")
    assert score.failed and score.critical and score.overall <= 20
    assert score.to_dict()["failed"] is True
    message = next(f.message for f in score.findings if f.critical)
    assert not message.startswith("CRITICAL") and message.startswith("Password reset before")


def test_handing_the_cfo_password_to_an_unverified_caller_fails(engine, library):
    steps = [
        GREETING,
        {"directory": {"op": "lookup", "user": "{executive_username}"}},
        {"directory": {"op": "reset_password", "user": "{executive_username}"}},
        {"close": {"summary": "done"}},
    ]
    score = graded(engine, library, steps, scenario="social-engineering-reset", persona="pushy")
    assert score.failed and score.overall <= 20


def test_destroying_user_data_on_the_trainees_instruction_is_critical(engine, library):
    steps = [
        GREETING,
        {"say": "Could you open This PC and tell me how much space is free on the local disk C?"},
        {"say": "Please delete the files in your Documents folder, that will free up space."},
        {"say": "Yes, all of them."},  # the caller asks "Everything in Documents?" first
        {"close": {"summary": "deleted"}},
    ]
    call = play(engine, library.scenario("disk-full"), steps, "calm", "en", 1)
    scenario = library.scenario("disk-full")
    score = grade(scenario, call.events, library.catalog, library.translations)
    assert score.failed and "data_destroyed" in by_rule(score)
    # The same log, but the line that caused it understood with low confidence: not charged.
    events = copy.deepcopy(call.events)
    for e in events:
        if e["kind"] == "intent_matched":
            for m in e["data"]["intents"]:
                if m["intent"] == "delete_user_files":
                    m["score"] = -0.15
    misheard = grade(scenario, events, library.catalog, library.translations)
    assert not misheard.failed and "not_charged" in by_rule(misheard)


def test_the_ticket_number_counts_only_when_the_right_number_is_said(engine, library):
    def closing(line):
        score = graded(engine, library, [*PRINTER_CALL, {"say": line}])
        return by_rule(score)["closing_give_ticket_number"], score

    right, _ = closing("Your ticket number is {ticket}.")
    wrong, score = closing("Your ticket number is INC0000001.")
    noted, _ = closing("Your ticket number is noted.")
    assert right.points == right.max
    assert wrong.points == 0 and "INC0000001" in wrong.message
    assert by_rule(score)["ticket_number_wrong"].points < 0
    assert noted.points == 0


def test_the_ticket_number_may_be_read_with_spaces_or_dashes(engine, library):
    call = play(engine, library.scenario("printer-offline"), [GREETING], "calm", "en", 1)
    digits = call.caller.ticket[3:]
    spaced = f"INC {digits[:3]} {digits[3:]}"
    dashed = f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
    for said in (spaced, dashed):
        score = graded(engine, library, [*PRINTER_CALL, {"say": f"Your ticket number is {said}."}])
        found = by_rule(score)["closing_give_ticket_number"]
        assert found.points == found.max, said


def test_je_ferme_le_ticket_is_not_a_ticket_number(engine, library):
    score = graded(engine, library, [{"say": "Bonjour. Je ferme le ticket."}], locale="fr")
    assert by_rule(score)["closing_give_ticket_number"].points == 0


def test_the_introduction_needs_your_own_name(engine, library):
    score = graded(engine, library, [{"say": "Support info, oui."}], locale="fr")
    intro = by_rule(score)["introduction"]
    assert intro.points < intro.max and "nom" in intro.message


def test_a_name_asked_another_way_counts(engine, library):
    line = {"say": "Bonjour, support informatique, Camille à l'appareil. À qui ai-je l'honneur ?"}
    score = graded(engine, library, [line], locale="fr")
    assert by_rule(score)["caller_name"].points == by_rule(score)["caller_name"].max
    assert by_rule(score)["introduction"].points == by_rule(score)["introduction"].max


def test_hardware_jargon_and_shortcuts_are_jargon_for_a_novice():
    assert {"psu", "rma", "mainboard"} <= set(
        signals("Check the PSU brick LED, DC-in, mainboard, RMA", "en").jargon
    )
    assert signals("Press Win+P", "en").jargon == ("Win+P",)
    assert "gpu" in signals("Vérifiez le câble DP côté GPU", "fr").jargon
    assert "osd" in signals("Open the OSD menu", "en").jargon


def test_words_the_caller_said_or_reads_on_screen_are_not_jargon():
    assert signals("Is Exchange showing an error?", "en", "Exchange says disconnected").jargon == ()
    assert signals("Passez la source sur DP", "fr", "Entrée : HDMI/DP").jargon == ()


def test_jargon_costs_points_with_a_novice(engine, library):
    steps = [GREETING, {"say": "Open the OSD and check the input, then press Win+P."}]
    jargon = by_rule(graded(engine, library, steps, scenario="monitor-no-signal", persona="novice"))
    assert jargon["jargon"].points < jargon["jargon"].max


def test_curt_replies_lower_respect_more_with_a_novice(engine, library):
    steps = [{"say": "IT."}, {"say": "Screen on?"}, {"say": "Check the cable."}, {"say": "Bye."}]
    calm = by_rule(graded(engine, library, steps, scenario="monitor-no-signal", persona="calm"))
    novice = by_rule(graded(engine, library, steps, scenario="monitor-no-signal", persona="novice"))
    assert calm["respect"].points < calm["respect"].max and "curt" in calm
    assert novice["respect"].points < calm["respect"].points


def test_politeness_hears_french_courtesy(engine, library):
    steps = [
        {"say": "Bonjour, support informatique, Camille à l'appareil. À qui ai-je l'honneur ?"},
        {"say": "Que se passe-t-il exactement ?"},
        {"say": "Bonne journée !"},
    ]
    politeness = by_rule(graded(engine, library, steps, locale="fr"))["politeness"]
    assert politeness.points > 0


def test_a_note_is_read_on_meaning():
    assert says("Sage down for the whole team since this morning", ["9:10", "09:10"])
    assert says("panne depuis 9 h 10", ["9:10"])
    assert not says("Sage down", ["9:10"])


def test_a_network_cable_is_not_the_usb_cable():
    assert contradiction("Network cable unplugged", ["cable", "usb"]) == ("network", "usb")
    assert contradiction("USB cable unplugged", ["cable", "usb"]) is None


def test_a_wrong_cable_in_the_ticket_loses_the_note(engine, library):
    steps = [s for s in PRINTER_CALL if "ticket" not in s] + [
        {"ticket": {"category": "printing", "root_cause": "Network cable unplugged"}}
    ]
    note = by_rule(graded(engine, library, steps))["ticket_note"]
    assert note.points == 0 and "USB" in note.message


def test_keywords_are_shown_only_in_the_calls_language():
    assert in_language(["cable", "câble", "usb"], "fr") == ["câble", "usb"]
    assert in_language(["cable", "câble"], "en") == ["cable"]


def test_power_counts_as_checked_once_the_caller_describes_a_lit_display(engine, library):
    steps = [
        GREETING,
        {"say": "What do the lights and the little screen on the printer show?"},
        *PRINTER_CALL[3:],
    ]
    coverage = by_rule(graded(engine, library, steps, locale="en"))["coverage"]
    assert coverage.points == coverage.max, coverage.message


def test_a_hand_over_item_nobody_mentioned_is_not_required(engine, library):
    steps = [
        GREETING,
        {"say": "What exactly did you type on that page?"},
        {
            "escalate": {
                "team": "security",
                "note": "{username} {hostname}: password typed on the "
                "fake page, MFA approved, mail m365-account-verify",
            }
        },
    ]
    score = graded(engine, library, steps, scenario="phishing-clicked")
    note = by_rule(score)["note"]
    assert "disconnected" not in note.message.lower()


def test_wording_uses_plurals_labels_and_no_raw_ids(engine, library):
    repeat = {"say": "Is the printer switched on?"}
    steps = [GREETING, repeat, repeat, repeat, {"close": {"summary": "x"}}]
    messages = " ".join(f.message for f in graded(engine, library, steps).findings)
    assert "time(s)" not in messages and "0 of 0" not in messages
    steps = [GREETING, {"ticket": {"category": "network"}}, {"close": {"summary": "x"}}]
    wrong = by_rule(graded(engine, library, steps, scenario="phishing-clicked"))
    assert "security team" not in wrong["ticket_category"].message
    assert "security" in wrong["ticket_category"].message


def test_numbers_in_findings_follow_the_locale(library):
    from dataclasses import replace

    from grading.messages import Wording, finding

    words = replace(Wording(translations=library.translations), locale="fr")
    found = finding("tone", "model_judgement", 1, 0, 1, words, "model_judgement", score=85.7)
    assert "85,7" in found.message and "85.7" not in found.message


def test_a_restatement_is_not_a_repeated_question(engine, library):
    base = [
        GREETING,
        {"say": "What exactly happens when you try to print?"},
        {"say": "Is the printer switched on, and what does its little screen show?"},
        {"say": "Could you check the cable at the back of the printer, please?"},
    ]
    restated = [*base, {"say": "So the printer is switched on, is that right?"}]
    asked_again = [*base, {"say": "Is the printer switched on?"}]
    kept = by_rule(graded(engine, library, restated))["repetition"]
    lost = by_rule(graded(engine, library, asked_again))["repetition"]
    assert kept.points == kept.max
    assert lost.points < lost.max

"""Serious mistakes (grading/serious.py): one grave mistake weighs on the whole call, as a team
lead would have it, and the debrief says how much."""

from __future__ import annotations

from grading import grade
from grading.rubric import DRASTIC_FIRST_CAP, FAILED_SKILL_CAP, SERIOUS_COST
from tests.helpers import PRINTER_CLOSING, PRINTER_TICKET, play

OPENING = {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"}
CHECKS = [
    OPENING,
    {"say": "Thank you. What exactly happens when you try to print?"},
    {"say": "Is the printer switched on, and what does its little screen show?"},
    {"say": "Could you check that the cable at the back of the printer is plugged in properly?"},
    {"say": "Please push the cable firmly back into the printer until it clicks."},
    {"say": "Great. Can you try printing again now? Does it work?"},
]
TICKET, CLOSING = PRINTER_TICKET, PRINTER_CLOSING


def graded(engine, library, steps, scenario="printer-offline", persona="calm", locale="en"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def weighted(score):
    return round(sum(score.skills[s] * w for s, w in score.weights.items()) / 100)


def serious(score):
    return [f for f in score.findings if f.rule == "serious"]


def test_a_sound_call_has_no_serious_mistake(engine, library):
    score = graded(engine, library, [*CHECKS, TICKET, *CLOSING])
    assert serious(score) == []
    assert score.overall == weighted(score) >= 90


def test_a_drastic_action_before_the_checks_costs_the_whole_call(engine, library):
    reinstall = {"say": "Please uninstall the printer driver and reinstall it, it must be corrupt."}
    yes = {"say": "Yes, go ahead."}  # the caller asks back before a drastic step (issue 12)
    score = graded(engine, library, [OPENING, reinstall, yes, *CHECKS[1:], TICKET, *CLOSING])
    assert [f.skill for f in serious(score)] == ["diagnosis"]
    assert score.skills["diagnosis"] <= DRASTIC_FIRST_CAP  # a failed skill: the call is capped
    assert score.overall == min(weighted(score) - SERIOUS_COST, FAILED_SKILL_CAP)
    assert score.overall <= 72  # the team lead's range for such a call is 45–72


def test_a_call_without_a_ticket_is_a_serious_mistake_said_in_french(engine, library):
    steps = [
        {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"},
        {"say": "Merci. L'imprimante est-elle allumée, et qu'affiche son petit écran ?"},
        {"say": "Pouvez-vous vérifier que le câble à l'arrière de l'imprimante est bien branché ?"},
        {"say": "Renfoncez bien le câble dans l'imprimante jusqu'au clic, s'il vous plaît."},
        {"say": "Vous pouvez relancer l'impression ? Est-ce que ça fonctionne ?"},
        {"say": "Puis-je faire autre chose pour vous ? Bonne journée, au revoir !"},
        {"close": {"summary": "Câble rebranché"}},
    ]
    score = graded(engine, library, steps, locale="fr")
    (mistake,) = serious(score)
    assert mistake.skill == "resolution"
    assert mistake.message.startswith("Aucun ticket rédigé")
    assert f"{SERIOUS_COST} points de moins" in mistake.message
    assert score.overall == weighted(score) - SERIOUS_COST


def test_a_skill_below_half_costs_once_however_many_findings_it_lost(engine, library):
    curt = [
        {"say": "IT."},
        {"say": "Printer on?"},
        {"say": "Check the cable."},
        {"say": "Push the cable back in."},
        {"say": "Works now?"},
        TICKET,
        {"say": "Bye."},
        {"close": {"summary": "Cable"}},
    ]
    score = graded(engine, library, curt, persona="novice")
    assert score.skills["tone"] < 50
    assert [f.skill for f in serious(score)] == ["tone"]
    assert score.overall == min(max(0, weighted(score) - SERIOUS_COST), FAILED_SKILL_CAP)


def test_a_wrong_team_is_serious_even_when_the_note_is_good(engine, library):
    steps = [
        OPENING,
        {"say": "Thank you. What happens when you press the power button? Any light?"},
        {"say": "Could you check the charger is plugged in at both ends?"},
        {"say": "Is the little light on the charger block lit?"},
        {"say": "Could you plug the charger into another wall socket and try again?"},
        {"escalate": {"team": "network", "note": "Laptop dead since this morning, charger OK"}},
        {"close": {"summary": "Escalated"}},
    ]
    score = graded(engine, library, steps, scenario="laptop-dead-hardware")
    assert "escalation" in [f.skill for f in serious(score)]
    assert score.overall < weighted(score)


def test_a_hang_up_is_not_charged_as_a_missing_ticket(engine, library):
    rude = [{"say": "Calm down. This is your fault, you idiot."}] * 8
    score = graded(engine, library, rude, persona="angry")
    assert "hung_up" in {f.rule for f in score.findings}
    messages = " ".join(f.message for f in serious(score))
    assert "No ticket written" not in messages

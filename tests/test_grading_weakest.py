"""A team lead's view the weighted mean lacked (grader 4): a failed skill caps the call, a
drastic step before the checks fails the diagnosis, a fix never confirmed is a serious mistake."""

from __future__ import annotations

from grading import grade
from grading.rubric import DRASTIC_FIRST_CAP, FAILED_SKILL_CAP, SERIOUS_COST, SKILL_FAIL
from tests.helpers import PRINTER_CLOSING, PRINTER_TICKET, play

OPENING = {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"}
CHECKS = [
    {"say": "Thank you. What exactly happens when you try to print?"},
    {"say": "Is the printer switched on, and what does its little screen show?"},
    {"say": "Could you check that the cable at the back of the printer is plugged in properly?"},
]
FIX = {"say": "Please push the cable firmly back into the printer until it clicks."}
VERIFY = {"say": "Great. Can you try printing again now? Does it work?"}
TICKET, CLOSING = PRINTER_TICKET, PRINTER_CLOSING
CURT = [
    {"say": "IT."},
    {"say": "Printer on?"},
    {"say": "Check the cable."},
    {"say": "Push the cable back in."},
    {"say": "Works now?"},
    TICKET,
    {"say": "Bye."},
    {"close": {"summary": "Cable"}},
]


def graded(engine, library, steps, persona="calm", locale="en", scenario="printer-offline"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def rules(score, rule):
    return [f for f in score.findings if f.rule == rule]


def weighted(score):
    return round(sum(score.skills[s] * w for s, w in score.weights.items()) / 100)


def test_a_curt_call_with_perfect_method_cannot_pass_sixty(engine, library):
    score = graded(engine, library, CURT, persona="angry")
    assert score.skills["tone"] < SKILL_FAIL
    assert min(score.skills[s] for s in ("diagnosis", "resolution", "escalation")) >= 90
    assert weighted(score) - SERIOUS_COST > FAILED_SKILL_CAP  # the mean alone would pass it
    assert score.overall == FAILED_SKILL_CAP
    (capped,) = rules(score, "failed_skill")
    assert capped.skill == "tone" and capped.points == 0 and capped.max == 0
    assert f"capped at {FAILED_SKILL_CAP}" in capped.message
    assert capped.message.startswith(f"Tone at {score.skills['tone']}/100")


def test_the_failed_skill_is_explained_in_french(engine, library):
    steps = [
        {"say": "Support."},
        {"say": "Imprimante allumée ?"},
        {"say": "Câble branché ?"},
        {"say": "Renfoncez le câble."},
        {"say": "Ça marche ?"},
        TICKET,
        {"say": "Au revoir."},
        {"close": {"summary": "Câble"}},
    ]
    score = graded(engine, library, steps, persona="angry", locale="fr")
    (capped,) = rules(score, "failed_skill")
    assert capped.message.startswith("Ton à ")
    assert f"plafonné à {FAILED_SKILL_CAP}" in capped.message
    assert "Travaillez d'abord cette compétence" in capped.tip
    assert score.overall <= FAILED_SKILL_CAP


def test_a_sound_call_is_not_capped(engine, library):
    score = graded(engine, library, [OPENING, *CHECKS, FIX, VERIFY, TICKET, *CLOSING])
    assert rules(score, "failed_skill") == []
    assert rules(score, "drastic_first_cap") == []
    assert score.overall == weighted(score) > FAILED_SKILL_CAP


def test_a_drastic_step_before_the_checks_fails_the_diagnosis(engine, library):
    reinstall = {"say": "Please uninstall the printer driver and reinstall it, it must be corrupt."}
    yes = {"say": "Yes, go ahead."}  # the caller asks back before a drastic step
    steps = [OPENING, reinstall, yes, *CHECKS, FIX, VERIFY, TICKET, *CLOSING]
    score = graded(engine, library, steps)
    assert score.skills["diagnosis"] == DRASTIC_FIRST_CAP
    (cap,) = rules(score, "drastic_first_cap")
    assert cap.points < 0 and f"capped at {DRASTIC_FIRST_CAP}" in cap.message
    assert [f.skill for f in rules(score, "failed_skill")] == ["diagnosis"]
    assert score.overall <= FAILED_SKILL_CAP


def test_a_drastic_step_after_the_checks_keeps_its_old_cost(engine, library):
    reinstall = {"say": "Please uninstall the printer driver and reinstall it, just in case."}
    yes = {"say": "Yes, go ahead."}
    steps = [OPENING, *CHECKS, FIX, VERIFY, reinstall, yes, TICKET, *CLOSING]
    score = graded(engine, library, steps)
    (drastic,) = rules(score, "drastic")
    assert 0 < drastic.points < drastic.max  # charged as a drastic step taken late
    assert rules(score, "drastic_first_cap") == []
    assert score.skills["diagnosis"] > DRASTIC_FIRST_CAP


def test_a_fix_never_confirmed_is_a_serious_mistake(engine, library):
    verified = graded(engine, library, [OPENING, *CHECKS, FIX, VERIFY, TICKET, *CLOSING])
    unverified = graded(engine, library, [OPENING, *CHECKS, FIX, TICKET, *CLOSING])
    assert [f.skill for f in rules(verified, "serious")] == []
    (mistake,) = rules(unverified, "serious")
    assert mistake.skill == "resolution"
    assert mistake.message.startswith("The fix was never confirmed with the caller")
    assert unverified.overall == weighted(unverified) - SERIOUS_COST
    assert verified.overall - unverified.overall > SERIOUS_COST


def test_an_unverified_fix_is_said_in_french(engine, library):
    steps = [
        {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"},
        {"say": "Merci. L'imprimante est-elle allumée, et qu'affiche son petit écran ?"},
        {"say": "Pouvez-vous vérifier que le câble à l'arrière de l'imprimante est bien branché ?"},
        {"say": "Renfoncez bien le câble dans l'imprimante jusqu'au clic, s'il vous plaît."},
        TICKET,
        {"say": "Votre numéro de ticket est le {ticket}. Bonne journée, au revoir !"},
        {"close": {"summary": "Câble rebranché"}},
    ]
    score = graded(engine, library, steps, locale="fr")
    messages = [f.message for f in rules(score, "serious") if f.skill == "resolution"]
    assert messages and messages[0].startswith("La correction n'a jamais été confirmée")


def test_an_unresolved_call_is_not_charged_twice_for_verification(engine, library):
    steps = [OPENING, *CHECKS, TICKET, *CLOSING]  # checks only: nothing fixed
    score = graded(engine, library, steps)
    resolution = [f for f in rules(score, "serious") if f.skill == "resolution"]
    assert len(resolution) <= 1
    assert all(not f.message.startswith("The fix was never confirmed") for f in resolution)

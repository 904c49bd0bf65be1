"""A hand-over after steps the scenario says could not help is late (grader 5); for an urgent
incident it fails the escalation: capped, and the call with it."""

from __future__ import annotations

from grading import grade
from grading.rubric import FAILED_SKILL_CAP, URGENT_LATE_CAP
from tests.helpers import play

NOTE = {
    "en": "Sage 100: cannot connect to the database COMPTA_PROD on server SQL-FIN01. Whole "
    "department affected since 9:10. Caller {caller_name}, PC {hostname}.",
    "fr": "Sage 100 : impossible de se connecter à la base de données COMPTA_PROD sur le serveur "
    "SQL-FIN01. Tout le service est touché depuis 9 h 10. Appel de {caller_name}, {hostname}.",
}
CHECKS = {
    "en": [
        {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
        {"say": "Thank you. I understand. Could you read me the exact error message?"},
        {"say": "Are your colleagues affected too, or is it only you?"},
        {"say": "Since what time has it been happening?"},
    ],
    "fr": [
        {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"},
        {"say": "Merci, je comprends. Pouvez-vous me lire le message d'erreur exact ?"},
        {"say": "Est-ce que vos collègues sont touchés aussi, ou c'est seulement vous ?"},
        {"say": "Et depuis quelle heure est-ce que ça se produit ?"},
    ],
}
WASTED = {
    "en": [
        {"say": "Let's try a few things on your PC. Could you close Sage and open it again?"},
        {"say": "Could you restart your computer, please?"},
        {"say": "Which version of Sage do you have? It's under Help, About."},
    ],
    "fr": [
        {"say": "Essayons quelques manipulations. Pouvez-vous fermer Sage et le rouvrir ?"},
        {"say": "Pouvez-vous redémarrer votre ordinateur, s'il vous plaît ?"},
        {"say": "Quelle version de Sage avez-vous ? C'est dans Aide, À propos."},
    ],
}
HAND_OVER = {
    "en": [
        {"say": "It's the database server: I'm handing it over to the database team as urgent."},
        {"escalate": {"team": "database_admin", "note": NOTE["en"]}},
        {"ticket": {"category": "software", "priority": "high", "summary": "SQL-FIN01 down"}},
        {"say": "Your ticket number is {ticket}; the database team will call you back. Goodbye."},
        {"close": {"summary": "Escalated"}},
    ],
    "fr": [
        {"say": "C'est le serveur de base de données : je transmets en urgence à l'équipe bases."},
        {"escalate": {"team": "database_admin", "note": NOTE["fr"]}},
        {"ticket": {"category": "software", "priority": "high", "summary": "SQL-FIN01 en panne"}},
        {"say": "Votre numéro de ticket est le {ticket} ; l'équipe vous rappelle. Au revoir."},
        {"close": {"summary": "Escaladé"}},
    ],
}


def graded(engine, library, steps, locale, scenario="erp-database-down", persona="calm"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def rule(score, name):
    return [f for f in score.findings if f.rule == name]


def test_an_urgent_hand_over_after_steps_that_could_not_help_is_capped(engine, library):
    score = graded(engine, library, [*CHECKS["en"], *WASTED["en"], *HAND_OVER["en"]], "en")
    (timing,) = rule(score, "timing")
    assert timing.points == 0 and "3 steps that could not help" in timing.message
    assert "restart" in timing.message
    (cap,) = rule(score, "urgent_late_cap")
    assert cap.points < 0 and f"capped at {URGENT_LATE_CAP}" in cap.message
    assert score.skills["escalation"] == URGENT_LATE_CAP
    assert score.overall <= FAILED_SKILL_CAP


def test_the_same_hand_over_made_at_once_is_timely(engine, library):
    score = graded(engine, library, [*CHECKS["en"], *HAND_OVER["en"]], "en")
    (timing,) = rule(score, "timing")
    assert timing.points == timing.max
    assert rule(score, "urgent_late_cap") == []
    assert score.skills["escalation"] == 100


def test_one_step_to_be_sure_is_not_late(engine, library):
    steps = [*CHECKS["en"], WASTED["en"][0], *HAND_OVER["en"]]
    score = graded(engine, library, steps, "en")
    assert rule(score, "urgent_late_cap") == []
    assert rule(score, "timing")[0].points == rule(score, "timing")[0].max


def test_a_late_urgent_hand_over_is_explained_in_french(engine, library):
    score = graded(engine, library, [*CHECKS["fr"], *WASTED["fr"], *HAND_OVER["fr"]], "fr")
    (timing,) = rule(score, "timing")
    assert timing.points == 0 and timing.message.startswith("Transmis tardivement")
    assert "3 manipulations qui ne pouvaient rien changer" in timing.message
    (cap,) = rule(score, "urgent_late_cap")
    assert f"plafonnée à {URGENT_LATE_CAP}" in cap.message
    assert cap.tip.startswith("Pour un incident urgent")
    assert score.skills["escalation"] == URGENT_LATE_CAP


def test_a_prompt_french_hand_over_keeps_its_points(engine, library):
    score = graded(engine, library, [*CHECKS["fr"], *HAND_OVER["fr"]], "fr")
    assert rule(score, "urgent_late_cap") == [] and score.skills["escalation"] == 100

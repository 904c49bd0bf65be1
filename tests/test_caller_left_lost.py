"""Plain words judged by whether the caller followed (grader 5): a term the novice asked back
about is jargon even when it is on their screen; a question left unanswered counts; a caller who
could not follow the call caps the tone."""

from __future__ import annotations

from grading import grade
from grading.rubric import LOST_CALLER_CAP
from tests.helpers import play

EN_START = [
    {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    {"say": "Thank you. Can your colleagues open the intranet, or is it only you?"},
    {"say": "What exactly does the error message say?"},
    {"say": "I'll take remote control of your laptop to check its settings, is that OK?"},
    "remote_connect",
    {"remote": "ipconfig /all"},
]
EN_FIX = {"say": "I'm setting the DNS back to automatic so you get the DHCP-assigned servers."}
EN_VERIFY = {"say": "Could you open the intranet again and tell me if it loads now?"}
EN_EXPLAIN = {
    "say": "Sorry, in other words: your laptop now takes its settings from the office network "
    "by itself, as it should."
}
EN_END = [
    {"say": "Your ticket number is {ticket}. Is there anything else I can do for you?"},
    {"say": "Have a nice day, goodbye!"},
    {"close": {"summary": "DNS back to automatic"}},
]
FR_START = [
    {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"},
    {"say": "Merci. Quel est le message d'erreur exact sur la page de connexion ?"},
    {"directory": {"op": "lookup"}},
]
FR_JARGON = {
    "say": "Dans l'AD, votre pwdLastSet dépasse la GPO : il faut d'abord que je vérifie votre "
    "identité, votre matricule et le nom de votre responsable, s'il vous plaît."
}
FR_PLAIN = {
    "say": "Votre mot de passe a expiré pendant vos congés. Je dois d'abord vérifier votre "
    "identité : votre matricule et le nom de votre responsable, s'il vous plaît."
}
FR_RESET = {"directory": {"op": "reset_password", "must_change": True}}
FR_LOCK_PLAIN = {"say": "Verrouillez votre session puis choisissez votre nouveau mot de passe."}
FR_LOCK_JARGON = {"say": "Faites Win+L, puis changez le mot de passe."}
FR_END = [
    {"say": "Est-ce que ça fonctionne maintenant ? Vous arrivez à entrer dans l'intranet ?"},
    {"say": "Votre numéro de ticket est le {ticket}. Puis-je vous aider pour autre chose ?"},
    {"say": "Bonne journée, au revoir !"},
    {"close": {"summary": "Mot de passe expiré"}},
]


def graded(engine, library, scenario, steps, persona, locale):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    score = grade(library.scenario(scenario), call.events, library.catalog, library.translations)
    return call, score


def rules(score, rule):
    return [f for f in score.findings if f.rule == rule]


def lost_turns(call):
    return [
        e["turn"]
        for e in call.events
        if e["kind"] == "caller_said" and "jargon_confused" in e["data"]["situations"]
    ]


def test_a_term_the_novice_asked_about_is_jargon_though_it_is_on_their_screen(engine, library):
    call, score = graded(
        engine, library, "intranet-dns", [*EN_START, EN_FIX, EN_VERIFY, *EN_END], "novice", "en"
    )
    assert lost_turns(call), "the novice says they did not follow 'DHCP'"
    (jargon,) = [f for f in rules(score, "jargon") if f.max > 0]
    assert "DHCP" in jargon.message
    (left,) = rules(score, "jargon_unanswered")
    assert "DHCP" in left.message and "left unanswered" in left.message
    assert "everyday words" in left.tip


def test_an_explanation_after_the_callers_question_answers_it(engine, library):
    steps = [*EN_START, EN_FIX, EN_EXPLAIN, EN_VERIFY, *EN_END]
    call, score = graded(engine, library, "intranet-dns", steps, "novice", "en")
    assert lost_turns(call)
    assert rules(score, "jargon_unanswered") == []


def test_a_technical_caller_is_not_judged_on_plain_words(engine, library):
    steps = [*EN_START, EN_FIX, EN_VERIFY, *EN_END]
    _, score = graded(engine, library, "intranet-dns", steps, "calm", "en")
    assert rules(score, "jargon_unanswered") == [] and rules(score, "lost_caller_cap") == []


def test_a_caller_lost_three_times_caps_the_tone(engine, library):
    _, score = graded(
        engine, library, "intranet-dns", [*EN_START, EN_FIX, EN_VERIFY, *EN_END], "novice", "en"
    )
    assert score.skills["tone"] == LOST_CALLER_CAP
    (cap,) = rules(score, "lost_caller_cap")
    assert cap.points < 0 and cap.max == 0 and f"capped at {LOST_CALLER_CAP}" in cap.message


def test_jargon_to_a_french_novice_caps_the_tone(engine, library):
    steps = [*FR_START, FR_JARGON, FR_RESET, FR_LOCK_JARGON, *FR_END]
    _, score = graded(engine, library, "password-expired", steps, "novice", "fr")
    (jargon,) = [f for f in rules(score, "jargon") if f.max > 0]
    assert "pwdLastSet" in jargon.message and "GPO" in jargon.message
    (cap,) = rules(score, "lost_caller_cap")
    assert f"plafonné à {LOST_CALLER_CAP}" in cap.message
    assert cap.tip.startswith("Avec un débutant")
    assert score.skills["tone"] == LOST_CALLER_CAP


def test_plain_french_keeps_the_tone(engine, library):
    steps = [*FR_START, FR_PLAIN, FR_RESET, FR_LOCK_PLAIN, *FR_END]
    _, score = graded(engine, library, "password-expired", steps, "novice", "fr")
    assert rules(score, "lost_caller_cap") == []
    assert score.skills["tone"] > LOST_CALLER_CAP

"""A drastic step told by voice waits for the trainee's clear yes (issue 12, item 3).

Before deleting files, reinstalling or resetting, the caller asks back ("Everything in
Documents?") and acts only on a clear yes; a no, a change of subject or an unclear line leaves
things as they are, and grading still charges the trainee for the confirmed step.
"""

from __future__ import annotations

import pytest

from grading import grade
from simulator.confirming import read_answer
from simulator.persona import CONDITIONS
from tests.helpers import caller_lines, play

ALL = frozenset(CONDITIONS)
OPENING = {
    "en": ["Hi, you're through to the service desk, how can I help?"],
    "fr": ["Bonjour, support informatique, je vous écoute."],
}
# Not catalog examples (tests/test_generalisation.py): the trainee's own way of asking for it.
DELETE = {
    "en": "Could you get rid of the big files sitting in your Documents folder, please?",
    "fr": "Pour gagner de la place vite, pouvez-vous effacer les gros fichiers de vos Documents ?",
}


def _asked(engine, library, locale: str, persona: str = "calm"):
    scenario = library.scenario("disk-full")
    call = play(engine, scenario, [{"say": OPENING[locale][0]}], persona, locale, 3)
    events = engine.step(call, {"say": DELETE[locale]})
    return call, events


def _said_one_of(call, situation: str, locale: str) -> bool:
    last = caller_lines(call)[-1]
    return any(v in last for v in call.persona.variants(situation, locale, ALL))


@pytest.mark.parametrize(
    "locale, yes",
    [
        ("en", "yep, go for it"),
        ("en", "Yes please, go ahead."),
        ("fr", "ouais allez-y"),
        ("fr", "Oui, c'est bien ça."),
    ],
)
def test_a_drastic_step_waits_for_a_clear_yes(engine, library, locale, yes):
    call, events = _asked(engine, library, locale)
    kinds = [e["kind"] for e in events]
    assert "confirmation_asked" in kinds and "action_applied" not in kinds
    assert call.state["user.documents"] != "deleted"
    asked = {"en": "Everything in Documents?", "fr": "Tout ce qu'il y a dans Documents ?"}
    assert asked[locale] in caller_lines(call)[-1]
    asked_turn = call.turn
    events = engine.step(call, {"say": yes})
    applied = next(e for e in events if e["kind"] == "action_applied")["data"]
    assert applied["applied"] and applied["confirmed"] and applied["requested_turn"] == asked_turn
    assert call.state["user.documents"] == "deleted"


@pytest.mark.parametrize(
    "locale, no", [("en", "No, hold on, don't touch them."), ("fr", "Non non, surtout pas.")]
)
def test_a_no_leaves_the_files_alone_and_a_later_yes_answers_nothing(engine, library, locale, no):
    call, _ = _asked(engine, library, locale)
    events = engine.step(call, {"say": no})
    assert "action_applied" not in [e["kind"] for e in events]
    assert _said_one_of(call, "confirm_declined", locale)
    engine.step(call, {"say": {"en": "yes", "fr": "oui"}[locale]})
    assert call.state["user.documents"] != "deleted"


@pytest.mark.parametrize("locale, unclear", [("en", "hmm ok"), ("fr", "bon, euh")])
def test_a_novice_never_acts_on_an_unclear_line(engine, library, locale, unclear):
    call, _ = _asked(engine, library, locale, "novice")
    events = engine.step(call, {"say": unclear})
    assert "action_applied" not in [e["kind"] for e in events]
    assert call.state["user.documents"] != "deleted"
    assert _said_one_of(call, "confirm_unclear", locale)
    engine.step(call, {"say": {"en": "yes, I'm sure", "fr": "oui, j'en suis sûr"}[locale]})
    assert call.state["user.documents"] == "deleted"


@pytest.mark.parametrize(
    "locale, other",
    [
        ("en", "Actually, when you hit Save, what exactly pops up on screen?"),
        ("fr", "En fait, quand vous cliquez sur Enregistrer, qu'est-ce qui s'affiche exactement ?"),
    ],
)
def test_changing_the_subject_leaves_the_step_undone(engine, library, locale, other):
    call, _ = _asked(engine, library, locale)
    events = engine.step(call, {"say": other})
    kinds = [e["kind"] for e in events]
    assert "action_applied" not in kinds and call.state["user.documents"] != "deleted"
    answered = next(e for e in events if e["kind"] == "confirmation_answered")
    assert answered["data"]["answer"] == "other"
    situations = next(e for e in events if e["kind"] == "caller_said")["data"]["situations"]
    assert "confirm_dropped" in situations


def test_grading_charges_the_trainee_for_the_confirmed_step(engine, library):
    call, _ = _asked(engine, library, "en")
    engine.step(call, {"say": "yes go ahead"})
    scenario = library.scenario("disk-full")
    score = grade(scenario, call.events, library.catalog, library.translations)
    drastic = next(f for f in score.findings if f.rule == "drastic")
    assert drastic.points == 0


@pytest.mark.parametrize(
    "locale, text, answer",
    [
        ("en", "yup", "yes"),
        ("en", "Sure thing, go ahead", "yes"),
        ("en", "yes... no wait", "unclear"),
        ("en", "nope, leave them", "no"),
        ("en", "Not yet, let me check something first", "no"),
        ("en", "i guess", "unclear"),
        ("en", "How much space is free on C now?", "other"),
        ("fr", "ui", "yes"),
        ("fr", "oui vous pouvez y aller", "yes"),
        ("fr", "oui enfin non attendez", "unclear"),
        ("fr", "attendez, pas encore", "no"),
        ("fr", "je crois", "unclear"),
        ("fr", "Et dans l'explorateur, le disque C affiche quoi comme espace libre ?", "other"),
    ],
)
def test_answers_are_read_as_agents_type_them(locale, text, answer):
    assert read_answer(text, locale).answer == answer


@pytest.mark.parametrize(
    "locale, text, answer",
    [
        ("en", "Hello Priya,\n\nYes, please go ahead.\n\nKind regards", "yes"),
        ("en", "Dear Mr Dubois,\nno, leave them where they are for now.", "no"),
        ("fr", "Bonjour Madame Roux,\n\nOui, allez-y.\n\nCordialement", "yes"),
        ("fr", "Bonjour,\nnon surtout pas, on attend.", "no"),
    ],
)
def test_a_written_answer_is_read_after_its_salutation(locale, text, answer):
    assert read_answer(text, locale).answer == answer

"""Issue 13's remaining quoted cases, in the language they were quoted in (and the other one): a
lit display « Prête » shows the printer is on, plurals without "(s)", no French quotes in English,
a password reset not called damage, an acknowledgement heard inside a restatement."""

from __future__ import annotations

import pytest

from grading import grade
from tests.helpers import play

HELLO = {
    "en": {"say": "Good morning, IT support, Sam speaking. May I have your name, please?"},
    "fr": {"say": "Bonjour, support informatique, Sam à l'appareil. Puis-je avoir votre nom ?"},
}
LIGHTS = {
    "en": "What do the lights and the little screen on the printer show?",
    "fr": "Que montrent les voyants et le petit écran de l'imprimante ?",
}
CABLE = {
    "en": [
        "Could you check the cable at the back of the printer is plugged in properly?",
        "Please push the cable firmly back into the printer until it clicks.",
    ],
    "fr": [
        "Pouvez-vous vérifier que le câble à l'arrière de l'imprimante est bien branché ?",
        "Renfoncez bien le câble dans l'imprimante jusqu'au clic, s'il vous plaît.",
    ],
}


def graded(engine, library, steps, scenario="printer-offline", persona="calm", locale="en"):
    call = play(engine, library.scenario(scenario), steps, persona, locale, 1)
    return grade(library.scenario(scenario), call.events, library.catalog, library.translations)


def messages(score) -> str:
    return " ".join(f"{f.message} {f.tip}" for f in score.findings)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_lit_display_counts_as_the_power_check(engine, library, locale):
    steps = [HELLO[locale], {"say": LIGHTS[locale]}, *({"say": s} for s in CABLE[locale])]
    score = graded(engine, library, steps, locale=locale)
    coverage = next(f for f in score.findings if f.rule == "coverage")
    assert coverage.points == coverage.max, coverage.message


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_counts_are_plural_words_not_parentheses(engine, library, locale):
    steps = [HELLO[locale], {"say": CABLE[locale][1]}, {"close": {"summary": "x"}}]
    score = graded(engine, library, steps, scenario="laptop-dead-hardware", locale=locale)
    score2 = graded(engine, library, steps, locale=locale)
    text = messages(score) + messages(score2)
    assert "(s)" not in text


def test_english_findings_use_english_quotes(engine, library):
    steps = [HELLO["en"], {"say": "Calm down, it's your fault."}, {"close": {"summary": "x"}}]
    text = messages(graded(engine, library, steps, persona="angry"))
    assert "Calm down" in text
    assert "«" not in text and "»" not in text


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_password_reset_is_not_described_as_damage(engine, library, locale):
    steps = [
        HELLO[locale],
        {"directory": {"op": "lookup"}},
        {"directory": {"op": "reset_password", "must_change": True}},
        {"close": {"summary": "x"}},
    ]
    score = graded(engine, library, steps, scenario="password-expired", locale=locale)
    assert score.failed
    text = messages(score).lower()
    assert "work or equipment" not in text and "travail ou" not in text


def test_an_acknowledgement_inside_a_restatement_is_empathy(engine, library):
    steps = [
        HELLO["en"],
        {"say": "I understand, that's frustrating. So nothing prints since this morning?"},
        {"say": LIGHTS["en"]},
    ]
    empathy = next(
        f for f in graded(engine, library, steps, persona="angry").findings if f.rule == "empathy"
    )
    assert empathy.max > 0 and empathy.points == empathy.max, empathy.message

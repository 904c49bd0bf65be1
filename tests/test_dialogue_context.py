"""Understanding consults the dialogue so far (issue 12, item 2): "it / that / ça / le" resolve to
what was last discussed, and the same words out of context are still not understood."""

from __future__ import annotations

import pytest

from simulator.dialogue import dialogue
from tests.helpers import play

HELLO = {"en": "Hello, IT support here.", "fr": "Bonjour, ici le support."}
ASKED = {
    "en": "Have you already tried switching airplane mode off?",
    "fr": "Vous avez déjà essayé de désactiver le mode avion ?",
}
POINTING = {
    "en": ["Right, go on and do that then.", "OK then, turn that off for me."],
    "fr": ["Bon, faites-le alors.", "Allez, faites-le maintenant s'il vous plaît."],
}


@pytest.mark.parametrize(
    "locale, line", [(loc, line) for loc, lines in POINTING.items() for line in lines]
)
def test_a_line_that_points_back_means_what_was_last_discussed(engine, library, locale, line):
    scenario = library.scenario("wifi-airplane-mode")
    call = play(engine, scenario, [{"say": HELLO[locale]}, {"say": ASKED[locale]}], "calm", locale)
    assert call.state["pc.airplane_mode"] is True  # asking about it did not do it
    engine.step(call, {"say": line})
    assert call.state["pc.airplane_mode"] is False


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_same_words_out_of_context_are_not_understood(engine, library, locale):
    scenario = library.scenario("wifi-airplane-mode")
    call = play(engine, scenario, [{"say": HELLO[locale]}], "calm", locale)
    events = engine.step(call, {"say": POINTING[locale][0]})
    assert "unrecognized" in [e["kind"] for e in events]
    assert call.state["pc.airplane_mode"] is True


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_context_holds_the_facts_just_given_and_the_last_question(engine, library, locale):
    scenario = library.scenario("printer-offline")
    asked = {
        "en": "Could you look behind the printer, is its cable in?",
        "fr": "Vous pouvez regarder derrière l'imprimante si le câble est branché ?",
    }
    call = play(engine, scenario, [{"say": HELLO[locale]}, {"say": asked[locale]}], "calm", locale)
    context = dialogue(call)
    assert context.last_question == "cable"
    assert "printer.cable" in context.revealed
    assert context.pending is None

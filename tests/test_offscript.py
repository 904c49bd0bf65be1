"""Reasonable questions outside the script get a short answer in character (issue 12, item 5), and
every part of a line is answered (item 4). Sentences here are not catalog examples
(tests/test_generalisation.py)."""

from __future__ import annotations

import pytest

from simulator.offscript import _known
from simulator.persona import CONDITIONS
from tests.helpers import play

ALL = frozenset(CONDITIONS)
HELLO = {"en": "Hello, you're through to IT.", "fr": "Bonjour, vous êtes bien au support."}


def _ask(engine, library, scenario_id: str, locale: str, line: str, persona: str = "calm"):
    call = play(engine, library.scenario(scenario_id), [{"say": HELLO[locale]}], persona, locale)
    mood = call.mood
    events = engine.step(call, {"say": line})
    said = next(e for e in events if e["kind"] == "caller_said")["data"]
    return call, events, said, mood


@pytest.mark.parametrize(
    "scenario_id, locale, line, situation",
    [
        ("vpn-caps-lock", "en", "Quick one: home or office for you today?", "whereabouts_home"),
        ("printer-offline", "en", "Quick one: home or office for you today?", "whereabouts_office"),
        (
            "vpn-caps-lock",
            "fr",
            "Aujourd'hui, vous travaillez depuis la maison ?",
            "whereabouts_home",
        ),
        (
            "disk-full",
            "fr",
            "Aujourd'hui, vous travaillez depuis la maison ?",
            "whereabouts_office",
        ),
        (
            "print-server-floor",
            "en",
            "Which printer were you sending it to, what's it called?",
            "printer_named",
        ),
        (
            "printer-offline",
            "en",
            "Which printer were you sending it to, what's it called?",
            "printer_name_unknown",
        ),
        (
            "print-server-floor",
            "fr",
            "Et l'imprimante où partent vos documents, elle a un nom ?",
            "printer_named",
        ),
        ("disk-full", "en", "Has the laptop had a fall or a bump lately?", "nothing_like_that"),
        ("disk-full", "fr", "Vous avez ouvert une pièce jointe ?", "nothing_like_that"),
        (
            "wifi-airplane-mode",
            "en",
            "Have you opened an attachment from an email recently?",
            "nothing_like_that",
        ),
    ],
)
def test_off_script_questions_get_an_in_character_answer(
    engine, library, scenario_id, locale, line, situation
):
    call, events, said, mood = _ask(engine, library, scenario_id, locale, line)
    assert situation in said["situations"], said
    assert "unrecognized" not in [e["kind"] for e in events]
    assert call.mood >= mood  # no penalty for a reasonable question
    if situation == "printer_named":
        assert "PRT-3-01" in said["text"]


@pytest.mark.parametrize(
    "locale, line",
    [
        ("en", "Did the machine maybe have a fall?"),
        ("fr", "Est-ce que l'ordinateur a fait une chute ?"),
    ],
)
def test_a_drop_question_is_the_scenario_probe_when_one_reveals_it(engine, library, locale, line):
    """Where a probe tells whether the laptop was dropped, the question is that probe: answered
    truthfully and credited, never a made-up "nothing like that"."""
    call, events, said, _ = _ask(engine, library, "laptop-dead-hardware", locale, line)
    assert "probe:what_changed" in said["situations"]
    assert "laptop.dropped_or_spilled" in call.revealed


@pytest.mark.parametrize(
    "locale, line",
    [("en", "Did you open an attachment?"), ("fr", "Vous avez ouvert une pièce jointe ?")],
)
def test_an_incident_that_happened_is_never_denied(engine, library, locale, line):
    _, _, said, _ = _ask(engine, library, "phishing-clicked", locale, line)
    assert "nothing_like_that" not in said["situations"]


def test_a_fact_behind_a_probe_is_not_known_before_the_probe(engine, library):
    call = play(engine, library.scenario("print-server-floor"), [], "calm", "en")
    assert _known(call, "printers.floor") is None
    call.revealed.add("printers.floor")
    assert _known(call, "printers.floor") == "PRT-3-01, PRT-3-02, PRT-3-03"


@pytest.mark.parametrize(
    "locale, line", [("en", "zorp blick frindle"), ("fr", "gloubi boulga trompette")]
)
def test_nonsense_still_gets_say_that_again(engine, library, locale, line):
    _, events, said, _ = _ask(engine, library, "disk-full", locale, line)
    assert "unrecognized" in [e["kind"] for e in events]


@pytest.mark.parametrize(
    "locale, line, situations",
    [
        ("en", "Thanks for that. And is the printer actually switched on?", ["probe:power"]),
        ("fr", "Merci bien. Et l'imprimante, elle est allumée au moins ?", ["probe:power"]),
        (
            "en",
            "Is the printer switched on at all? And the cable behind it, is it firmly plugged in?",
            ["probe:power", "probe:cable"],
        ),
        (
            "fr",
            "L'imprimante est sous tension ? Et le câble derrière, il est bien enfoncé ?",
            ["probe:power", "probe:cable"],
        ),
    ],
)
def test_every_part_of_a_line_is_answered_in_order(engine, library, locale, line, situations):
    """Thanks + question: the question is answered (no "you're welcome" first); two questions:
    both, in order, in one reply."""
    _, _, said, _ = _ask(engine, library, "printer-offline", locale, line)
    answers = [s for s in said["situations"] if s.startswith("probe:")]
    assert answers == situations
    assert "thanked" not in said["situations"]


@pytest.mark.parametrize(
    "locale, line",
    [
        ("en", "Thanks. And were you able to sign in to the laptop itself at all this morning?"),
        ("fr", "Merci. Et vous avez pu vous connecter sur le portable lui-même ce matin ?"),
    ],
)
def test_a_question_not_understood_is_not_swallowed_by_the_thanks(engine, library, locale, line):
    _, _, said, _ = _ask(engine, library, "vpn-caps-lock", locale, line)
    assert "thanked" not in said["situations"]
    assert said["situations"][-1] in ("unrecognized", "probe:logon") or any(
        s.startswith("probe:") for s in said["situations"]
    )

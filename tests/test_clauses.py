"""Speech acts in context: what the caller does with each part of a trainee's line.

Sentences here are not catalog examples (tests/test_understand.py checks the similarity).
"""

from __future__ import annotations

import pytest

from simulator.clauses import analyse
from simulator.replay import play
from simulator.steps import parse_step


def _matched(events):
    return next(e for e in events if e["kind"] == "intent_matched")["data"]["intents"]


def _call(engine, library, scenario_id, locale, persona="calm", steps=()):
    steps = [parse_step(s) for s in steps]
    return play(engine, library.scenario(scenario_id), steps, persona, locale, 3)[0]


@pytest.mark.parametrize(
    ("locale", "text", "act", "negated"),
    [
        ("en", "Please don't wipe anything in your documents folder", "request", True),
        ("en", "I'll have a look at the driver from my side", "announce", False),
        ("en", "If the light stays orange we may need a new charger", "hypothesis", False),
        ("en", "do not forget to tick the box afterwards", "request", False),
        ("en", "your colleague told me the screen went black", "report", False),
        ("en", "we already swapped that cable yesterday", "claim", False),
        ("en", "have you ever reinstalled that software?", "question", False),
        ("en", "quickly, could you get rid of the zip files in your Downloads?", "request", False),
        ("fr", "surtout n'effacez rien dans le dossier Documents", "request", True),
        ("fr", "je vais jeter un oeil au pilote de mon côté", "announce", False),
        ("fr", "n'hésitez surtout pas à cocher la case ensuite", "request", False),
        ("fr", "nous avons déjà changé ce câble hier", "claim", False),
        ("fr", "vous avez déjà réinstallé ce logiciel ?", "question", False),
    ],
)
def test_each_clause_gets_its_speech_act_and_polarity(locale, text, act, negated):
    clause = analyse(text, locale)[-1]
    assert (clause.act, clause.negated) == (act, negated)


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "We'll clear some room on the disk without going near your own documents."),
        ("en", "I never asked you to delete your documents, only the temporary stuff."),
        ("en", "Your documents, whatever happens, do not remove them."),
        ("fr", "On va libérer de l'espace sans jamais toucher à vos documents."),
        ("fr", "Je ne vous ai pas demandé d'effacer vos documents, seulement les temporaires."),
        ("fr", "Vos documents, surtout, ne les supprimez pas."),
    ],
)
def test_negation_and_without_never_delete_the_callers_files(engine, library, locale, text):
    call = _call(engine, library, "disk-full", locale)
    events = engine.step(call, {"say": text})
    assert call.state["user.documents"] != "deleted"
    assert not any(
        e["kind"] == "action_applied" and e["data"].get("harmful") and e["data"]["applied"]
        for e in events
    )


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "Right, I'm going to connect to your machine and reinstall the printer driver."),
        ("fr", "Bon, je vais me connecter à votre poste et réinstaller le pilote d'imprimante."),
    ],
)
def test_announcing_my_own_act_does_not_make_the_caller_do_it(engine, library, locale, text):
    call = _call(engine, library, "printer-offline", locale)
    events = engine.step(call, {"say": text})
    assert not any(e["kind"] == "action_applied" for e in events)
    assert call.state["remote.session"] is False


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "Right, I'm changing your password in the admin tool."),
        ("fr", "Bon, je modifie votre mot de passe dans la console."),
    ],
)
def test_saying_i_reset_the_password_does_not_reset_it(engine, library, locale, text):
    call = _call(engine, library, "password-expired", locale)
    before = dict(call.state)
    events = engine.step(call, {"say": text})
    assert not any(e["kind"] == "action_applied" for e in events)
    assert call.state == before


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "And every few weeks, remember to empty the recycle bin. Goodbye!"),
        ("fr", "Et pensez à vider la corbeille de temps en temps. Au revoir !"),
    ],
)
def test_advice_for_later_is_not_done_now(engine, library, locale, text):
    call = _call(engine, library, "disk-full", locale)
    events = engine.step(call, {"say": text})
    assert not any(e["kind"] == "action_applied" for e in events)
    assert not call.resolved


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "Don't forget to push that printer cable back in, please."),
        ("en", "No need to stress, simply plug the printer cable back in."),
        ("en", "I was wondering whether you could plug the printer's cable back in."),
        ("fr", "N'hésitez pas à renfoncer le câble de l'imprimante."),
        ("fr", "N'oubliez pas de rebrancher le câble de l'imprimante."),
        ("fr", "Pas de panique, rebranchez simplement le câble de l'imprimante."),
    ],
)
def test_polite_forms_still_ask(engine, library, locale, text):
    call = _call(engine, library, "printer-offline", locale)
    engine.step(call, {"say": text})
    assert call.state["printer.cable"] != "unplugged"


@pytest.mark.parametrize(
    ("locale", "ask", "restate"),
    [
        (
            "en",
            "Is it only your machine, or are your colleagues cut off as well?",
            "Okay, so it's only your laptop then, right?",
        ),
        (
            "fr",
            "C'est seulement votre poste, ou vos collègues aussi ?",
            "D'accord, donc c'est seulement votre portable.",
        ),
    ],
)
def test_a_restatement_is_listening_not_a_repeated_question(engine, library, locale, ask, restate):
    call = _call(engine, library, "wifi-airplane-mode", locale)
    engine.step(call, {"say": ask})
    events = engine.step(call, {"say": restate})
    kinds = [e["kind"] for e in events]
    assert "probe_answered" not in kinds and "unrecognized" not in kinds
    moods = [e for e in events if e["kind"] == "mood_changed"]
    assert all("repeated_question" not in e["data"]["reasons"] for e in moods)


@pytest.mark.parametrize(
    ("locale", "fix", "check"),
    [
        ("en", "Please push the printer cable back in firmly.", "Thanks. And is it printing now?"),
        (
            "fr",
            "Renfoncez bien le câble de l'imprimante.",
            "Merci. Vous pouvez relancer une impression pour voir si ça sort ?",
        ),
    ],
)
def test_thanks_then_a_check_answers_the_check(engine, library, locale, fix, check):
    call = _call(engine, library, "printer-offline", locale)
    engine.step(call, {"say": fix})
    events = engine.step(call, {"say": check})
    assert {"thank", "verify_fix"} <= {m["intent"] for m in _matched(events)}


def test_replay_steps_show_the_clauses(engine, library):
    steps = [parse_step({"say": "Don't throw away your documents. Could you empty the bin?"})]
    _, record = play(engine, library.scenario("disk-full"), steps, "calm", "en", 1)
    clauses = record["steps"][0]["clauses"]
    assert record["steps"][0]["intents"]
    assert {"text", "act", "negated", "intents"} <= set(clauses[0])
    assert any(c["negated"] for c in clauses) and any(c["act"] == "request" for c in clauses)


@pytest.mark.parametrize(
    "locale, text, act, negated",
    [
        ("en", "ok i dont think ur laptop is plugged in", "narrate", True),
        ("en", "r u still at ur desk", "question", False),
        ("fr", "jai deja fait un redemarrage du service", "claim", False),
        ("fr", "vs pouvez rebrancher le cable svp", "request", False),
    ],
)
def test_typed_shorthand_is_parsed_written_out_and_cut_from_what_was_typed(
    locale, text, act, negated
):
    first = analyse(text, locale)[0]
    assert (first.act, first.negated) == (act, negated)
    assert all(c.text in text and c.scope in text for c in analyse(text, locale))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "mind if I clear out your temp folder?"),
        ("en", "is it ok with you if I empty the bin?"),
        ("fr", "je peux vider votre corbeille au passage ?"),
        ("fr", "je nettoie les fichiers temporaires, ca vous convient ?"),
    ],
)
def test_asking_leave_for_ones_own_act_is_a_request(locale, text):
    assert any(c.act == "request" and not c.negated for c in analyse(text, locale))


@pytest.mark.parametrize(
    "locale, text",
    [("en", "if not, then please clear the bin"), ("fr", "si non, videz donc la corbeille")],
)
def test_if_not_then_a_request_still_asks(locale, text):
    assert analyse(text, locale)[-1].requested


@pytest.mark.parametrize(
    "text, act",
    [
        ("votre mot de passe a expiré pendant les vacances", "claim"),
        ("votre mdp a expire durant les congés", "claim"),
        ("changez le mot de passe tout de suite", "request"),
    ],
)
def test_a_password_is_one_noun_for_the_french_parser(text, act):
    """« mot de passe » read apart made « passe » a verb and cut the line into two clauses."""
    found = analyse(text, "fr")
    assert [c.act for c in found] == [act]
    assert found[0].text == text

"""Issue 12, tenth pass: lines seen misheard in played calls and the new blind set's tuning half.

Every sentence here differs from the catalog's examples (tests/test_generalisation.py checks it).
"""

from __future__ import annotations

import pytest

from simulator.clauses import analyse
from tests.helpers import play


def _acts(text: str, locale: str) -> list[str]:
    return [c.act for c in analyse(text, locale)]


def _situations(events: list[dict]) -> list[str]:
    return [s for e in events if e["kind"] == "caller_said" for s in e["data"]["situations"]]


def _applied(events: list[dict]) -> list[str]:
    return [e["data"]["action"] for e in events if e["kind"] == "action_applied"]


@pytest.mark.parametrize(
    "text, locale",
    [
        ("u need to switch the dock off n on again", "en"),
        ("you have to close excel first", "en"),
        ("youve got to type it again slowly", "en"),
    ],
)
def test_a_duty_put_to_the_caller_asks(text, locale):
    assert _acts(text, locale)[0] == "request"


@pytest.mark.parametrize(
    "text, locale",
    [
        ("vous devrez le modifier lors de votre prochaine connexion", "fr"),
        ("il faudra le rebrancher demain matin quand vous arriverez", "fr"),
        ("you'll have to set a fresh one the next time you sign in", "en"),
    ],
)
def test_a_duty_in_the_future_with_its_moment_is_for_later(text, locale):
    assert "request" not in _acts(text, locale)


def test_a_new_password_to_choose_at_logon_is_not_changed_now(engine, library):
    call = play(engine, library.scenario("password-expired"), [], "calm", "fr")
    events = engine.step(
        call, {"say": "je vous le reinitialise, vous devrez en mettre un autre a la connexion"}
    )
    assert "change_pw" not in _applied(events)
    call = play(engine, library.scenario("password-expired"), [], "novice", "en")
    events = engine.step(call, {"say": "you'll need to pick another one when you next log in"})
    assert "change_pw" not in _applied(events)


@pytest.mark.parametrize(
    "text",
    [
        "meanwhile leave your documents in the queue, dont delete them",
        "leave the documents where they are and dont delete them",
    ],
)
def test_a_negated_verb_on_a_pronoun_refuses_what_was_just_named(engine, library, text):
    call = play(engine, library.scenario("print-server-floor"), [], "angry", "en")
    events = engine.step(call, {"say": text})
    heard = [i for e in events if e["kind"] == "intent_matched" for i in e["data"]["intents"]]
    deleted = [i for i in heard if i["intent"] == "delete_user_files"]
    assert all(i.get("negated") for i in deleted)
    assert "action_generic" not in _situations(events)


@pytest.mark.parametrize(
    "locale, text, action",
    [
        ("fr", "je jette un oeil a votre corbeille, elle a l'air pleine", "empty_bin"),
        ("fr", "je regarde votre dossier temp la", "clean_temp"),
        ("en", "im looking in ur recycle bin now", "empty_bin"),
        ("en", "ok taking a look at the temp files", "clean_temp"),
    ],
)
def test_looking_at_a_thing_on_the_callers_screen_does_nothing_to_it(
    engine, library, locale, text, action
):
    call = play(engine, library.scenario("disk-full"), [], "calm", locale)
    engine.step(call, "remote_connect")
    events = engine.step(call, {"say": text})
    assert action not in _applied(events)


def test_a_pronoun_after_the_caller_named_the_light_acts_on_that_light(engine, library):
    call = play(engine, library.scenario("vpn-caps-lock"), [], "hurried", "fr")
    engine.step(call, {"say": "le voyant verr maj sur votre clavier il est allume ?"})
    events = engine.step(call, {"say": "bon appuyez une fois dessus pour l'eteindre svp"})
    assert "caps_off" in _applied(events)
    # with nothing said about it before, the same line names nothing: the caller asks which
    call = play(engine, library.scenario("vpn-caps-lock"), [], "hurried", "fr")
    events = engine.step(call, {"say": "bon appuyez une fois dessus pour l'eteindre svp"})
    assert not _applied(events)
    assert "action_generic" not in _situations(events)


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        (
            "laptop-dead-hardware",
            "fr",
            "je remonte le dossier au support terrain : aucun voyant, chargeur ok sur une autre "
            "prise, reset batterie tenté",
        ),
        (
            "print-server-floor",
            "en",
            "im escalating this to the server team: nobody on the floor can print, queues say "
            "offline, started around half ten",
        ),
    ],
)
def test_the_note_read_out_after_a_handover_asks_nothing(engine, library, scenario, locale, text):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = engine.step(call, {"say": text})
    situations = _situations(events)
    assert not [s for s in situations if s.startswith(("probe:", "action:"))]
    assert "summary_ack" not in situations
    assert "next_step_ack" not in situations or "follow_up_ack" not in situations


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("wifi-airplane-mode", "en", "click the network icon n tell me if the plane tile is blue"),
        ("wifi-airplane-mode", "fr", "cliquez sur l'icone reseau et dites moi ce que vous voyez"),
    ],
)
def test_tell_me_asks_for_what_the_sentence_names_not_the_problem(
    engine, library, scenario, locale, text
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = engine.step(call, {"say": text})
    situations = _situations(events)
    assert [s for s in situations if s.startswith("probe:")]
    assert "probe:describe" not in situations


def _heard(engine, library, scenario: str, locale: str, text: str) -> list[dict]:
    persona = library.scenario(scenario).personas[0]
    call = play(engine, library.scenario(scenario), [], persona, locale)
    events = engine.step(call, {"say": text})
    return [i for e in events if e["kind"] == "intent_matched" for i in e["data"]["intents"]]


def _taken(heard: list[dict]) -> set[str]:
    flags = ("negated", "withheld", "claimed", "restated", "stated")
    return {i["intent"] for i in heard if not any(i.get(f) for f in flags)}


@pytest.mark.parametrize(
    "scenario, locale, text, wanted",
    [
        ("disk-full", "fr", "merci madame, c quoi le pb du coup", "ask_problem_description"),
        ("phishing-clicked", "fr", "jpasse votre dossier a l'equipe securite", "explain_next_step"),
        ("vpn-caps-lock", "en", "hey its Priya on the helpdesk whos this pls", "ask_caller_name"),
        ("vpn-caps-lock", "fr", "bonjour support informatique Karim vous etes", "ask_caller_name"),
    ],
)
def test_typed_shorthand_keeps_what_the_line_asks(engine, library, scenario, locale, text, wanted):
    assert wanted in _taken(_heard(engine, library, scenario, locale, text))


@pytest.mark.parametrize(
    "scenario, text, wanted",
    [
        ("printer-offline", "you must to switch off the printer and on again", "restart_device"),
        (
            "social-engineering-reset",
            "sorry but the rule here is we never reset a password for someone who isnt the owner",
            "explain_policy",
        ),
        ("vpn-caps-lock", "i fully realise ur under some pressure with this", "empathize"),
    ],
)
def test_what_a_learner_or_a_formal_agent_says_is_heard(engine, library, scenario, text, wanted):
    assert wanted in _taken(_heard(engine, library, scenario, "en", text))


@pytest.mark.parametrize(
    "text, locale",
    [
        ("bon on laisse tomber la reinstallation pour l'instant", "fr"),
        ("oubliez le pilote, c'est pas ca", "fr"),
        ("ok forget the reinstall, its not that", "en"),
    ],
)
def test_a_thing_dropped_is_refused(text, locale):
    assert analyse(text, locale)[-1].negated


@pytest.mark.parametrize(
    "scenario, text, wanted, unwanted",
    [
        ("printer-offline", "pas la peine de reinstall le driver hein", None, "reinstall_driver"),
        ("printer-offline", "vous pouvez rebooter l'imprimante svp", "restart_device", None),
        (
            "printer-offline",
            "le voyant de l imprimante il ressemble a quoi la",
            "check_status_lights",
            None,
        ),
        (
            "monitor-no-signal",
            "et le cordon derriere il est bien branche cote pc",
            "check_cables",
            None,
        ),
    ],
)
def test_support_french_as_typed(engine, library, scenario, text, wanted, unwanted):
    taken = _taken(_heard(engine, library, scenario, "fr", text))
    assert wanted is None or wanted in taken
    assert unwanted is None or unwanted not in taken


def test_an_apostrophe_typed_as_a_space_is_read_as_one():
    clauses = analyse("ok c etait juste l imprimante qui s etait mise en veille", "fr")
    assert [c.act for c in clauses][0] in ("claim", "statement")


@pytest.mark.parametrize(
    "scenario, locale, text, wanted",
    [
        (
            "phishing-clicked",
            "fr",
            "ils vont vous rappeler d'ici 10 min, c bien votre portable ?",
            "explain_follow_up",
        ),
        ("disk-full", "en", "ok ill check back with u this afternoon", "explain_follow_up"),
        ("printer-offline", "en", "well then, I wish you a very good evening", "goodbye"),
    ],
)
def test_what_comes_next_and_a_good_day_wished(engine, library, scenario, locale, text, wanted):
    taken = _taken(_heard(engine, library, scenario, locale, text))
    assert wanted in taken
    assert "greet" not in taken


def test_a_good_solution_is_no_goodbye(engine, library):
    text = "la bonne methode : qu'il nous appelle lui meme, on verifiera son identite avec lui"
    assert "goodbye" not in _taken(_heard(engine, library, "social-engineering-reset", "fr", text))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "il s'est verrouille combien de fois depuis lundi a peu pres ?"),
        ("en", "how many times has it locked you out since monday?"),
    ],
)
def test_asking_how_many_times_it_happened_blames_no_one(engine, library, locale, text):
    call = play(engine, library.scenario("account-locked-phone"), [], "vague", locale)
    assert "blamed" not in _situations(engine.step(call, {"say": text}))


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("vpn-caps-lock", "en", "btw is the caps lock off when u type ur password?"),
        ("vpn-caps-lock", "fr", "le verr maj il est bien desactive quand vous tapez ?"),
    ],
)
def test_a_question_on_a_things_state_is_the_check(engine, library, scenario, locale, text):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    assert "probe:caps_lock" in _situations(engine.step(call, {"say": text}))

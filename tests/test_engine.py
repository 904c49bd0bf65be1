"""The call engine: honest answers from the hidden state, events, mood, determinism, resume."""

from __future__ import annotations

import json

import pytest

from simulator.call import CallEnded
from simulator.engine import EngineError
from simulator.persona import CONDITIONS
from simulator.steps import StepError
from tests.helpers import caller_lines, kinds, play

ALL_CONDITIONS = frozenset(CONDITIONS)


@pytest.fixture()
def printer(library):
    return library.scenario("printer-offline")


def test_start_logs_the_caller_and_an_opening_of_symptoms_only(engine, printer):
    call = engine.start(printer, "calm", "en", seed=7)
    assert kinds(call) == ["call_started", "caller_said"]
    opening = caller_lines(call)[0]
    assert "printer" in opening.lower()
    assert "cable" not in opening.lower()
    assert call.events[0]["data"]["caller"]["caller_name"] == call.caller.caller_name


def test_same_seed_gives_the_same_events_byte_for_byte(engine, printer):
    steps = [
        {"say": "Hello, IT support, Sam speaking. Is the printer switched on?"},
        {"say": "Please check the cable behind the printer"},
        {"say": "push it back in please"},
    ]
    first = play(engine, printer, steps, "angry", "fr", seed=42)
    second = play(engine, printer, steps, "angry", "fr", seed=42)
    assert json.dumps(first.events, sort_keys=True) == json.dumps(second.events, sort_keys=True)
    other = play(engine, printer, steps, "angry", "fr", seed=43)
    assert other.caller.caller_name != first.caller.caller_name


def test_fix_is_only_real_when_the_state_changes(engine, printer):
    call = play(engine, printer, [{"say": "Can you try printing again?"}])
    assert "offline" in caller_lines(call)[-1].lower()
    assert not call.resolved
    call = play(
        engine,
        printer,
        [
            {"say": "Please plug the printer cable back in firmly"},
            {"say": "Can you try printing again?"},
        ],
    )
    assert call.resolved
    assert "printing" in caller_lines(call)[-1].lower()


def test_one_utterance_with_several_intents_answers_each(engine, printer):
    call = play(
        engine, printer, [{"say": "Hello, IT support, Sam speaking — is the printer switched on?"}]
    )
    matched = next(e for e in call.events if e["kind"] == "intent_matched")["data"]["intents"]
    assert [m["intent"] for m in matched] == ["greet", "introduce_self", "check_power"]
    assert any(e["kind"] == "probe_answered" and e["data"]["probe"] == "power" for e in call.events)


def test_unrecognised_turn_gets_an_in_character_reply_and_is_logged(engine, printer):
    call = play(engine, printer, [{"say": "zxqv blorp wibble"}])
    event = next(e for e in call.events if e["kind"] == "unrecognized")
    assert event["data"]["text"] == "zxqv blorp wibble"
    assert caller_lines(call)[-1]


def test_remote_commands_need_an_open_session(engine, printer):
    call = play(engine, printer, [{"remote": "control printers"}])
    event = next(e for e in call.events if e["kind"] == "remote_command")
    assert event["data"]["ok"] is False


def test_remote_output_comes_from_the_hidden_state(engine, printer):
    call = play(
        engine,
        printer,
        [
            "remote_connect",
            {"remote": "control printers"},
            {"say": "please plug the cable back into the printer"},
            {"remote": "control printers"},
        ],
        persona="calm",
    )
    outputs = [e["data"]["output"] for e in call.events if e["kind"] == "remote_command"]
    assert "Offline" in outputs[0] and "Ready" in outputs[1] and "Offline" not in outputs[1]


def test_unknown_console_command_answers_as_windows_would(engine, printer):
    call = play(engine, printer, ["remote_connect", {"remote": "frobnicate /x"}])
    output = [e for e in call.events if e["kind"] == "remote_command"][-1]["data"]["output"]
    assert "'frobnicate' is not recognized" in output


def test_novice_wants_a_reason_before_remote_control(engine, printer):
    call = play(engine, printer, ["remote_connect"], persona="novice")
    assert "remote_refused" in kinds(call) and not call.state["remote.session"]
    engine.step(call, "remote_connect")
    assert call.state["remote.session"]


def test_directory_reset_before_identity_is_allowed_but_logged(engine, library):
    scenario = library.scenario("password-expired")
    call = play(engine, scenario, [{"directory": {"op": "reset_password"}}])
    event = next(e for e in call.events if e["kind"] == "directory_action")
    assert event["data"]["identity_verified"] is False and event["data"]["owner"] == "self"


def test_empathy_raises_an_angry_callers_mood(engine, printer):
    call = play(
        engine, printer, [{"say": "I completely understand how frustrating this is"}], "angry"
    )
    change = next(e for e in call.events if e["kind"] == "mood_changed")["data"]
    assert change["after"] > change["before"] and "empathize" in change["reasons"]


def test_caller_hangs_up_when_patience_runs_out(engine, printer):
    rude = {"say": "CALM DOWN, you should have checked it yourself, obviously"}
    call = play(engine, printer, [rude] * 8, "angry")
    assert call.ended_by == "caller"
    end = [e for e in call.events if e["kind"] == "call_ended"][-1]["data"]
    assert end["by"] == "caller" and end["resolved"] is False
    with pytest.raises(CallEnded):
        engine.step(call, {"say": "hello?"})


def test_long_unannounced_hold_annoys_the_caller(engine, printer):
    call = play(engine, printer, [{"hold": 180}, "resume"], "hurried")
    change = [e for e in call.events if e["kind"] == "mood_changed"][-1]["data"]
    assert "hold_unannounced" in change["reasons"] and change["after"] < change["before"]


def test_repeated_question_is_noticed(engine, printer):
    call = play(
        engine,
        printer,
        [{"say": "Is the printer switched on?"}, {"say": "Is the printer turned on?"}],
    )
    answers = [e["data"] for e in call.events if e["kind"] == "probe_answered"]
    assert answers[-1]["repeat"] is True


@pytest.mark.parametrize(
    "raw, words",
    [
        ({"say": "x" * 2001}, "longer than 2000"),
        ({"dance": "now"}, "unknown step"),
        ({"escalate": {"team": "plumbers", "note": "x"}}, "unknown team"),
        ({"directory": {"op": "delete"}}, "unknown directory operation"),
        ({"hold": -5}, "hold takes"),
        ({"ticket": {"colour": "red"}}, "unknown field"),
    ],
)
def test_bad_steps_are_refused_and_change_nothing(engine, printer, raw, words):
    call = engine.start(printer, "calm", "en", 1)
    before = list(call.events)
    with pytest.raises(StepError) as err:
        engine.step(call, raw)
    assert words in str(err.value)
    assert call.events == before


def test_persona_outside_the_scenario_is_refused(engine, library):
    with pytest.raises(EngineError):
        engine.start(library.scenario("social-engineering-reset"), "calm", "en", 1)


def test_an_empty_persona_is_refused_not_taken_for_the_default(engine, printer):
    """Only None means "the scenario's default": an empty name is a caller's mistake, said as
    such."""
    with pytest.raises(EngineError, match="persona '' is not allowed"):
        engine.start(printer, "", "en", 1)
    assert engine.start(printer, None, "en", 1).persona.id == printer.persona_default()


def test_resume_rebuilds_the_same_call_from_its_events(engine, printer):
    steps = [
        {"say": "Hello, is the printer on?"},
        {"say": "check the cable please"},
        {"hold": 30},
        "resume",
        {"say": "plug it back in"},
    ]
    call = play(engine, printer, steps, "vague", "fr", seed=5)
    again = engine.resume(printer, call.events)
    assert again.events == call.events and again.state == call.state and again.mood == call.mood


def test_two_personas_sound_different_on_the_same_scenario(engine, printer):
    steps = [
        {"say": "Hello, IT support, may I have your name?"},
        {"say": "Is the printer switched on?"},
    ]
    calm = caller_lines(play(engine, printer, steps, "calm", seed=2))
    angry = caller_lines(play(engine, printer, steps, "angry", seed=2))
    assert calm != angry


def _intents(events):
    return [
        i["intent"] for e in events if e["kind"] == "intent_matched" for i in e["data"]["intents"]
    ]


def test_a_request_that_points_back_is_read_in_the_context_the_caller_just_gave(engine, library):
    """ "Pouvez-vous le désactiver ?" right after the caller says airplane mode is on: turn it
    off."""
    wifi = library.scenario("wifi-airplane-mode")
    call = play(
        engine,
        wifi,
        [
            {"say": "Bonjour, support informatique."},
            {"say": "Est-ce que le mode avion est activé sur votre portable ?"},
        ],
        "calm",
        "fr",
        3,
    )
    events = engine.step(call, {"say": "Pouvez-vous le désactiver s'il vous plaît ?"})
    assert _intents(events) == ["turn_off_airplane_mode"]
    assert not call.state["pc.airplane_mode"]


def test_without_that_context_the_same_words_are_not_guessed(engine, library):
    """Out of the blue, "le désactiver" names nothing: the caller asks what to switch off."""
    wifi = library.scenario("wifi-airplane-mode")
    call = play(engine, wifi, [{"say": "Bonjour, support informatique."}], "calm", "fr", 3)
    events = engine.step(call, {"say": "Pouvez-vous le désactiver s'il vous plaît ?"})
    assert "unrecognized" in [e["kind"] for e in events] and call.state["pc.airplane_mode"]
    # nor once the talk has moved on to something else
    call = play(
        engine,
        wifi,
        [
            {"say": "Est-ce que le mode avion est activé sur votre portable ?"},
            {"say": "Vos collègues ont-ils le même problème ?"},
        ],
        "calm",
        "fr",
        3,
    )
    events = engine.step(call, {"say": "Pouvez-vous le désactiver s'il vous plaît ?"})
    assert "unrecognized" in [e["kind"] for e in events] and call.state["pc.airplane_mode"]


@pytest.mark.parametrize(
    ("said", "noted"),
    [("Your ticket number is INC0042991.", "INC0042991"), ("I've opened a ticket for you.", None)],
)
def test_the_caller_notes_the_ticket_number_the_trainee_reads_out(engine, printer, said, noted):
    call = play(engine, printer, [{"say": said}], "calm", "en", 4)
    reply = caller_lines(call)[-1]
    if noted:
        assert noted in reply
    else:  # the number on the trainee's ticket panel is not on the caller's screen: asked for
        assert call.caller.ticket not in reply and "number" in reply


PERSONAS = ("calm", "angry", "vague", "novice", "hurried", "pushy")


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Could you give me your username?"),
        ("fr", "Pouvez-vous me donner votre identifiant ?"),
    ],
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_asked_for_the_username_every_caller_gives_theirs(engine, library, persona, locale, text):
    scenario = library.scenario("account-locked-phone")
    if persona not in scenario.personas:
        scenario = library.scenario("social-engineering-reset")
    call = play(engine, scenario, [{"say": text}], persona, locale, 5)
    assert call.caller.username in caller_lines(call)[-1]
    assert "caller.username" in call.revealed
    assert "password_requested" not in kinds(call)


def test_asked_for_username_and_password_the_caller_gives_only_the_username(engine, library):
    scenario = library.scenario("password-expired")
    call = play(
        engine,
        scenario,
        [{"say": "Donnez-moi votre identifiant et votre mot de passe"}],
        "calm",
        "fr",
        5,
    )
    assert "password_requested" in kinds(call)
    said = [e for e in call.events if e["kind"] == "caller_said"][-1]["data"]
    assert (
        said["situations"] == ["give_username", "password_asked"]
        and call.caller.username in said["text"]
    )


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "It was the cable that had come loose, that's why it said offline."),
        ("fr", "Le souci venait du câble, il s'était débranché."),
    ],
)
def test_explaining_the_cause_relieves_the_caller_once(engine, printer, locale, text):
    steps = [
        {"say": "Is the cable plugged in at the back?"},
        {"say": "Please push the cable back in."},
    ]
    call = play(engine, printer, steps, "angry", locale, 2)
    before = call.mood
    events = engine.step(call, {"say": text})
    said = next(e for e in events if e["kind"] == "caller_said")
    assert "cause_explained" in said["data"]["situations"]
    assert call.mood > before
    again = engine.step(call, {"say": text})
    assert not any(
        e["kind"] == "mood_changed" and "explain_cause" in e["data"]["reasons"] for e in again
    )


def test_a_summary_that_names_the_cause_is_acknowledged_once(engine, printer):
    call = play(engine, printer, [{"say": "Please push the cable back in."}], "calm", "en", 2)
    events = engine.step(
        call,
        {
            "say": "So to sum up: the printer's cable had come loose when your desk was moved, "
            "we plugged it back in and printing works again."
        },
    )
    assert "explain_cause" in _intents(events)
    said = next(e for e in events if e["kind"] == "caller_said")
    assert said["data"]["situations"] == ["summary_ack"]


@pytest.mark.parametrize(
    ("locale", "text", "claim"),
    [
        ("en", "I've plugged the cable back in for you.", True),
        ("en", "Okay, I reset your password.", True),
        ("en", "We've already restarted the spooler.", True),
        ("en", "I need you to plug the cable back in.", False),
        ("en", "I'd like you to restart the computer.", False),
        ("en", "Could you plug the cable back in?", False),
        ("en", "I have to ask you to restart.", False),
        ("fr", "J'ai remis la bonne source sur l'écran.", True),
        ("fr", "Bon, j'ai réinitialisé votre mot de passe.", True),
        ("fr", "Je viens de redémarrer le service.", True),
        ("fr", "J'ai besoin que vous rebranchiez le câble.", False),
        ("fr", "J'ai une question : le câble est-il branché ?", False),
        ("fr", "Pouvez-vous rebrancher le câble ?", False),
    ],
)
def test_a_claim_that_something_was_done_is_told_from_a_request(locale, text, claim):
    from simulator.conversation import claims_done

    assert claims_done(text, locale) is claim


@pytest.mark.parametrize(
    ("scenario_id", "locale", "claim", "asked", "fact"),
    [
        (
            "monitor-no-signal",
            "fr",
            "J'ai remis la bonne source sur l'écran.",
            "Pouvez-vous sélectionner DisplayPort dans le menu Source de l'écran ?",
            "monitor.input",
        ),
        (
            "printer-offline",
            "en",
            "I've plugged the cable back in firmly.",
            "Please plug the cable back in firmly at the back of the printer.",
            "printer.cable",
        ),
    ],
)
def test_saying_a_fix_was_done_does_not_do_it(
    engine, library, scenario_id, locale, claim, asked, fact
):
    """The trainee cannot bluff a fix the caller never made: the caller says nothing changed, the
    state stays; asked to do it, the caller does it."""
    scenario = library.scenario(scenario_id)
    call = play(engine, scenario, [], "calm", locale, 2)
    before = call.state[fact]
    events = engine.step(call, {"say": claim})
    matched = next(e for e in events if e["kind"] == "intent_matched")["data"]["intents"]
    assert matched and all(m.get("claimed") for m in matched)
    assert call.state[fact] == before and "action_applied" not in [e["kind"] for e in events]
    assert any(
        line in caller_lines(call)[-1]
        for line in call.persona.variants("claimed_done", locale, ALL_CONDITIONS)
    )
    engine.step(call, {"say": asked})
    assert call.state[fact] != before


def test_in_a_remote_session_the_trainee_narrating_what_they_did_counts(engine, library):
    """On the caller's desktop the trainee acts: "I've set your DNS back to automatic" is the
    act."""
    dns = library.scenario("intranet-dns")
    call = play(
        engine,
        dns,
        [
            {"say": "I'd like to take control of your computer to check the settings, is that OK?"},
            "remote_connect",
        ],
        "calm",
        "en",
        2,
    )
    engine.step(call, {"say": "I've set your DNS back to automatic."})
    assert call.state["pc.dns_mode"] == "dhcp"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("persona", ["calm", "angry", "hurried"])
def test_thanks_said_with_goodbye_get_a_goodbye_not_a_call_to_keep_going(
    engine, printer, persona, seed
):
    call = play(
        engine,
        printer,
        [{"say": "Thank you for your understanding, goodbye."}],
        persona,
        "en",
        seed,
    )
    matched = [
        i["intent"]
        for e in call.events
        if e["kind"] == "intent_matched"
        for i in e["data"]["intents"]
    ]
    assert matched == ["thank", "goodbye"]
    reply = caller_lines(call)[-1]
    thanks = call.persona.variants("thanked", "en", ALL_CONDITIONS)
    assert not any(line in reply for line in thanks if line)
    assert any(
        line in reply for line in call.persona.variants("goodbye_unresolved", "en", ALL_CONDITIONS)
    )

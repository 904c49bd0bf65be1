"""Lines typed the way agents chat (issue 12, eighth pass): questions without their mark, "n" for
"and", an introduction run into the first question, polite frames that still ask (« ça vous
dérange de… », « vous n'avez qu'à… »), « ne … que » that means "only", "nothing" as the object,
advice for later that carries the instruction after it, an act done on the caller's screen in a
remote session, and a caller who answers one question about what they said at the start.

Every sentence here differs from the catalog's examples (tests/test_generalisation.py checks it).
"""

from __future__ import annotations

import pytest

from simulator.clauses import analyse
from simulator.folding import fold
from simulator.moves import courtesy_moves
from tests.helpers import acted, heard_in, play


def _acts(text: str, locale: str) -> list[tuple[str, bool]]:
    return [(c.act, c.negated) for c in analyse(text, locale)]


@pytest.mark.parametrize(
    "text",
    [
        "is the dock still showing a light on the front",
        "k so did u try it on the other socket",
        "are the ppl next to u also stuck",
    ],
)
def test_a_yes_no_question_typed_without_its_mark_asks(text):
    assert analyse(text, "en")[0].act == "question"


@pytest.mark.parametrize(
    "text, locale",
    [
        ("would u mind closing teams and opening it again", "en"),
        ("ça vous embête pas de fermer outlook et de le rouvrir", "fr"),
        ("vous n'avez qu'à appuyer une fois sur la touche", "fr"),
        ("you just have to hit the key once", "en"),
    ],
)
def test_a_polite_frame_still_asks(text, locale):
    assert all(acts == ("request", False) for acts in _acts(text, locale))


def test_ne_que_means_only_and_nothing_as_object_refuses():
    assert _acts("n'effacez que le dossier temp", "fr") == [("request", False)]
    assert ("request", True) in _acts("on redémarre rien pour l'instant", "fr")


@pytest.mark.parametrize(
    "text, locale",
    [
        ("la prochaine fois que ça se coupe, appuyez simplement sur F12", "fr"),
        ("if it ever drops again, just hit the plane key", "en"),
    ],
)
def test_an_instruction_after_advice_for_later_is_advice(text, locale):
    assert analyse(text, locale)[-1].act == "advice"


def test_an_introduction_run_into_the_first_question_answers_both(engine, library):
    call = play(engine, library.scenario("wifi-airplane-mode"), [], "calm", "en")
    heard = heard_in(engine, call, "hiya service desk jo here whats happening")
    assert {"greet", "introduce_self", "ask_problem_description"} <= set(heard)
    assert acted(heard["ask_problem_description"])
    call = play(engine, library.scenario("vpn-caps-lock"), [], "calm", "fr")
    heard = heard_in(engine, call, "bsoir support it jvous ecoute c quoi votre nom svp")
    assert {"greet", "introduce_self", "ask_caller_name"} <= set(heard)


def test_a_thing_named_then_asked_about_with_a_pronoun_is_asked(engine, library):
    call = play(engine, library.scenario("laptop-dead-hardware"), [], "calm", "en")
    heard = heard_in(engine, call, "the power adapter has a little lamp on it, is it lit")
    assert acted(heard.get("check_charger_led"))


def test_an_app_the_caller_named_is_a_thing_even_when_parsed_as_an_adjective(engine, library):
    call = play(engine, library.scenario("erp-database-down"), [], "calm", "fr")
    heard = heard_in(engine, call, "bon, quittez sage et relancez le")
    assert acted(heard.get("restart_application"))


def test_an_act_narrated_in_a_remote_session_is_done_and_the_caller_watches(engine, library):
    steps = [{"say": "can I connect to your pc to free some space?"}, "remote_connect"]
    call = play(engine, library.scenario("disk-full"), steps, "calm", "en")
    events = engine.step(call, {"say": "right, now im clearing out your recycle bin"})
    applied = [e["data"]["action"] for e in events if e["kind"] == "action_applied"]
    said = " ".join(e["data"]["text"] for e in events if e["kind"] == "caller_said")
    assert "empty_bin" in applied
    assert "right-clicked" not in said  # the caller did not do it: they watched it on the screen
    # without a session, the same words announce a plan; the bin stays full
    call = play(engine, library.scenario("disk-full"), [], "calm", "en")
    heard = heard_in(engine, call, "right, now im clearing out your recycle bin")
    assert not acted(heard.get("empty_recycle_bin"))


def test_one_question_on_what_the_caller_said_first_gets_the_facts_not_annoyance(engine, library):
    call = play(engine, library.scenario("outlook-offline-mode"), [], "calm", "en")
    events = engine.step(call, {"say": "hi, since when has mail stopped coming in?"})
    said = " ".join(e["data"]["text"] for e in events if e["kind"] == "caller_said")
    assert "yesterday evening" in said.lower()
    assert not any(
        e["kind"] == "mood_changed" and "repeated_question" in e["data"]["reasons"] for e in events
    )


@pytest.mark.parametrize(
    "text, move",
    [
        ("we'll keep you posted on the server side", "explain_follow_up"),
        ("on vous tient au courant dès que ça remarche", "explain_follow_up"),
        ("si ça recommence demain, rappelez-nous", "explain_follow_up"),
        ("voilà je reprends, merci d'avoir patienté", "thank"),
        ("back with you now, thank you for holding", "thank"),
        ("no reset needed, it's just the tablet", "explain_cause"),
    ],
)
def test_a_line_does_what_its_everyday_words_say(text, move):
    assert move in courtesy_moves(fold(text), frozenset())


@pytest.mark.parametrize(
    "text, act",
    [
        ("wiping the dns cache for you right now", "narrate"),
        ("ok outlook refusing ur login since this morning", "statement"),
    ],
)
def test_a_gerund_without_its_subject_tells_it_does_not_ask(text, act):
    assert analyse(text, "en")[0].act == act


def _call_after(engine, library, scenario: str, locale: str, *lines: str):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    for line in lines:
        engine.step(call, {"say": line})
    return call


def test_the_callers_figure_acknowledged_mid_sentence_is_a_summary(engine, library):
    call = _call_after(engine, library, "disk-full", "en", "how much space is free on the C drive?")
    heard = heard_in(engine, call, "393 mb free, yep, that is tight")
    assert acted(heard.get("summarize"))
    assert not acted(heard.get("check_disk_space"))  # not asked again


def test_a_short_echo_beside_a_bare_ok_is_taken_note_of_in_its_place(engine, library):
    call = _call_after(
        engine,
        library,
        "printer-offline",
        "fr",
        "qu'est-ce que le pc affiche quand vous imprimez ?",
    )
    heard = heard_in(engine, call, "hors ligne. ok. et elle est sous tension ?")
    assert list(heard).index("summarize") < list(heard).index("check_power")
    assert not acted(heard.get("disable_work_offline"))  # no such action on this call


def test_a_french_question_with_quoi_in_place_asks():
    assert analyse("votre écran il marque quoi comme erreur", "fr")[-1].act == "question"


def test_a_line_whose_only_reading_is_set_aside_still_gets_an_answer(engine, library):
    call = play(engine, library.scenario("wifi-airplane-mode"), [], "hurried", "en")
    events = engine.step(call, {"say": "mail back?"})
    assert any(e["kind"] == "caller_said" for e in events)  # never silence


# Ninth pass: what the caller is told without being asked anything


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("monitor-no-signal", "en", "the screen itself is fine, no need to swap anything out"),
        ("wifi-airplane-mode", "fr", "inutile de tout réinstaller, ça va repartir tout seul"),
        ("disk-full", "fr", "soyez rassurée, rien n'est cassé"),
    ],
)
def test_nothing_broken_reassures_and_nothing_is_done(engine, library, scenario, locale, text):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = engine.step(call, {"say": text})
    heard = next(e["data"]["intents"] for e in events if e["kind"] == "intent_matched")
    assert "reassure" in {m["intent"] for m in heard}
    assert not any(e["kind"] == "action_applied" for e in events)


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "flagging this to the network team right away"),
        ("en", "i have to report this call to our security people"),
        ("fr", "je signale le souci à l'équipe réseau tout de suite"),
    ],
)
def test_handing_the_case_on_typed_as_agents_do_is_the_next_step(locale, text):
    assert "explain_next_step" in courtesy_moves(fold(text), frozenset())


def test_cheers_after_the_ticket_signs_off_but_alone_it_thanks(engine, library):
    call = play(engine, library.scenario("printer-offline"), [], "calm", "en")
    assert "goodbye" in heard_in(engine, call, "logged under INC0051234 for you. cheers")
    call = play(engine, library.scenario("printer-offline"), [], "calm", "en")
    assert "goodbye" not in heard_in(engine, call, "cheers")


def test_a_ticket_number_after_a_colon_is_given(engine, library):
    call = play(engine, library.scenario("password-expired"), [], "calm", "fr")
    heard = heard_in(engine, call, "je vous ouvre un dossier, numéro : 44821")
    assert "give_ticket_number" in heard


@pytest.mark.parametrize(
    "scenario, locale, text, wanted",
    [
        ("printer-offline", "en", "its Dana from IT, whats going on", "ask_problem_description"),
        ("vpn-caps-lock", "en", "desk, sam. name pls?", "ask_caller_name"),
        (
            "outlook-offline-mode",
            "en",
            "good morning, service desk, whats the trouble",
            "introduce_self",
        ),
        ("disk-full", "fr", "allô, support informatique, jvous écoute", "ask_problem_description"),
    ],
)
def test_an_opening_typed_in_a_hurry_is_heard_whole(
    engine, library, scenario, locale, text, wanted
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    assert acted(heard_in(engine, call, text).get(wanted))


@pytest.mark.parametrize(
    "caller, agent",
    [
        (
            "My colleague borrowed the monitor on Tuesday for a meeting.",
            "ah, lent out for a meeting, ok",
        ),
        ("I've been on holiday for three weeks.", "ok, three weeks of leave"),
        ("Ça fait trois semaines que j'étais en congés.", "d'accord, trois semaines de vacances"),
        (
            "GlobalProtect refuses my password every time.",
            "ok, globalprotect rejecting the password",
        ),
    ],
)
def test_the_callers_words_said_back_in_other_words_are_a_summary(caller, agent):
    from simulator.echo import echoed_sentences

    assert echoed_sentences(agent, [caller])


def test_a_cause_found_after_ah_is_no_summary():
    from simulator.echo import echoed_sentences

    caller = "The Mail app on my iPhone keeps asking for the Exchange password."
    assert not echoed_sentences("ah thats it, the iphone mail app keeps the old password", [caller])


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "sorry but i wont hand a new pw to anyone but the account owner"),
        ("en", "your boss has to phone us personally from his own line"),
        ("fr", "je ne peux pas communiquer un mot de passe par téléphone à un tiers"),
        ("fr", "je rappellerai seulement le numéro qui figure dans l'annuaire"),
    ],
)
def test_the_security_rule_said_in_the_agents_words_explains_the_policy(locale, text):
    assert "explain_policy" in courtesy_moves(fold(text), frozenset())


@pytest.mark.parametrize(
    "text, move",
    [
        ("i know youre busy today, bear with me", "empathize"),
        ("je sais que vous êtes débordée aujourd'hui", "empathize"),
        ("being kept waiting that long, thats not fair on you", "empathize"),
        ("on va voir ça ensemble, pas d'inquiétude", "reassure"),
        ("we'll work through it together", "reassure"),
    ],
)
def test_pressure_named_and_help_together_are_courtesy_moves(text, move):
    assert move in courtesy_moves(fold(text), frozenset())


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("printer-offline", "en", "printer back?"),
        ("wifi-airplane-mode", "en", "and is the wifi back on"),
        ("wifi-airplane-mode", "fr", "la connexion est revenue ?"),
    ],
)
def test_a_short_question_on_whether_it_is_back_verifies(engine, library, scenario, locale, text):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    assert acted(heard_in(engine, call, text).get("verify_fix"))


def test_id_before_a_verb_is_i_would_not_a_claim():
    assert analyse("id rather not reset it over the phone", "en")[0].act != "claim"


@pytest.mark.parametrize(
    "locale, connect, text",
    [
        (
            "en",
            "can I connect to your pc to free some space?",
            "theres nothing u need left in the recycle bin, so im emptying it now",
        ),
        (
            "fr",
            "vous m'autorisez à me connecter à distance sur votre poste ?",
            "votre corbeille contient juste de vieux dossiers, donc je la nettoie",
        ),
    ],
)
def test_a_thing_named_then_narrated_with_a_pronoun_on_the_callers_screen_is_done(
    engine, library, locale, connect, text
):
    call = play(
        engine, library.scenario("disk-full"), [{"say": connect}, "remote_connect"], "calm", locale
    )
    events = engine.step(call, {"say": text})
    assert "empty_bin" in [e["data"]["action"] for e in events if e["kind"] == "action_applied"]


@pytest.mark.parametrize(
    "locale, text",
    [
        (
            "en",
            "from a colleague's pc, go to the password portal and set a new password,"
            " one u never used before",
        ),
        (
            "fr",
            "sur le pc de votre voisine, allez sur le portail et changez votre mdp,"
            " un nouveau jamais utilisé",
        ),
    ],
)
def test_a_request_with_a_negated_aside_and_a_circumstance_is_asked(engine, library, locale, text):
    call = play(engine, library.scenario("phishing-clicked"), [], "vague", locale)
    heard = heard_in(engine, call, text)
    assert acted(heard.get("change_password"))
    assert "ask_scope" not in heard  # "a colleague's pc" says where to do it, it asks nothing


def test_a_goodbye_needs_a_word_of_farewell_and_a_loan_is_what_happens_next(engine, library):
    call = play(engine, library.scenario("laptop-dead-hardware"), [], "hurried", "fr")
    heard = heard_in(
        engine, call, "on vous prête un pc de remplacement, passez au bureau 204 demain"
    )
    assert "goodbye" not in heard and "explain_follow_up" in heard


def test_a_bare_ok_says_nothing_back_and_examples_after_a_question_ask_with_it(engine, library):
    call = play(engine, library.scenario("disk-full"), [], "novice", "en")
    heard = heard_in(
        engine,
        call,
        "ok. anything new on ur machine recently? new apps, huge downloads, that kind of thing",
    )
    assert "summarize" not in heard
    assert not acted(
        heard.get("delete_user_files")
    )  # "downloads" named as an example, not an order
    call = play(engine, library.scenario("printer-offline"), [], "calm", "fr")
    assert "summarize" not in heard_in(engine, call, "d'accord. quel modèle d'imprimante ?")


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("account-locked-phone", "en", "lemme bring up ur account real quick"),
        ("password-expired", "fr", "je jette un oeil à votre compte dans l'annuaire"),
    ],
)
def test_the_agent_looking_something_up_is_a_plan_not_a_question(
    engine, library, scenario, locale, text
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = engine.step(call, {"say": text})
    heard = next(e["data"]["intents"] for e in events if e["kind"] == "intent_matched")
    assert "explain_next_step" in {m["intent"] for m in heard}
    assert not any(
        e["kind"] == "caller_said" and "dont_know" in e["data"].get("situations", [])
        for e in events
    )


@pytest.mark.parametrize(
    "scenario, persona, locale, text",
    [
        (
            "printer-offline",
            "calm",
            "fr",
            "à l'avenir, jetez un oeil au petit écran de l'imprimante",
        ),
        (
            "vpn-caps-lock",
            "angry",
            "en",
            "fyi for next time, a wrong pwd usually means caps lock, check it first",
        ),
    ],
)
def test_a_tip_for_later_is_taken_on_board(engine, library, scenario, persona, locale, text):
    call = play(engine, library.scenario(scenario), [], persona, locale)
    events = engine.step(call, {"say": text})
    situations = [s for e in events if e["kind"] == "caller_said" for s in e["data"]["situations"]]
    assert "advice_taken" in situations
    assert not {"unrecognized", "summary_ack"} & set(situations)
    assert not any(e["kind"] == "action_applied" for e in events)

"""What a line does by its everyday words, besides its main intent (issue 12, seventh pass): a sign
explained, a slip guessed, where the fault lies, the caller's data safe, a ticket number given, a
closing wish, thanks that open a sentence; a thing refused by its name (« pas de formatage ») is
negated; thanks for waiting after a hold take the call back.

Every sentence here differs from the catalog's examples (tests/test_generalisation.py checks it).
"""

from __future__ import annotations

import pytest

from simulator.folding import fold
from simulator.moves import courtesy_moves
from tests.helpers import acted, heard_in, play


def _said(engine, library, scenario: str, locale: str, *lines: str) -> dict[str, dict]:
    """A calm caller's call: the lines said in turn; what was heard in the last one."""
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    heard: dict[str, dict] = {}
    for line in lines:
        heard = heard_in(engine, call, line)
    return heard


@pytest.mark.parametrize(
    "text, move",
    [
        ("so that normally means the dock gets no signal at all", "explain_cause"),
        ("ça veut dire que la borne ne vous voit plus", "explain_cause"),
        ("you probably knocked it by accident with your elbow", "explain_cause"),
        ("vous avez appuyé dessus par mégarde en rangeant", "explain_cause"),
        ("honestly that's got to be it, the dongle is loose", "explain_cause"),
        ("it's on the server end, nothing you did", "explain_cause"),
        ("ce n'est pas votre poste, ça se passe côté serveur", "explain_cause"),
        ("all your photos stay on the drive, I won't touch them", "reassure"),
        ("vos documents ne risquent rien pendant le nettoyage", "reassure"),
        ("honestly it happens to everyone with these mails", "reassure"),
        ("ça arrive à tout le monde, vraiment", "reassure"),
        ("we'll figure out why it keeps dropping", "reassure"),
        ("your reference is INC0099812 if you call again", "give_ticket_number"),
        ("je vous donne le numéro du dossier : 448812", "give_ticket_number"),
        ("merci encore et bonne soirée", "goodbye"),
        ("right, have a lovely evening", "goodbye"),
        ("thanks loads for your patience and sorry for the wait", "thank"),
    ],
)  # fmt: skip
def test_a_line_does_what_its_everyday_words_say(text, move):
    assert move in courtesy_moves(fold(text), frozenset())


@pytest.mark.parametrize(
    "text, move",
    [
        ("on va comprendre pourquoi ensemble, promis", "explain_cause"),  # a promise, no cause
        ("we'll find the cause together", "explain_cause"),
        ("merci de fermer Outlook avant tout", "thank"),  # a polite request
        ("your mobile number is 0612345678, right", "give_ticket_number"),
        ("bonne journée ou pas, on doit avancer", "goodbye"),  # no closing at the end
    ],
)  # fmt: skip
def test_words_that_only_look_like_a_move_make_none(text, move):
    assert move not in courtesy_moves(fold(text), frozenset())


OUTLOOK = "outlook-offline-mode"


@pytest.mark.parametrize(
    "scenario, locale, text, action",
    [
        (
            "laptop-dead-hardware",
            "fr",
            "pas de formatage ni rien, on garde tout",
            "reinstall_system",
        ),
        (OUTLOOK, "en", "no reinstall of office, we just switch it back", "reinstall_application"),
        (
            OUTLOOK,
            "fr",
            "aucune réinstallation d'office, c'est un réglage",
            "reinstall_application",
        ),
        (OUTLOOK, "en", "we don't have to rebuild your profile for this", "rebuild_profile"),
    ],
)
def test_a_thing_refused_by_its_name_is_not_done(engine, library, scenario, locale, text, action):
    assert not acted(_said(engine, library, scenario, locale, text).get(action))


@pytest.mark.parametrize(
    "locale, text",
    [("en", "No worries, push the cable back in"), ("fr", "pas de souci, rebranchez le câble")],
)
def test_no_worries_before_a_request_still_asks(engine, library, locale, text):
    assert acted(_said(engine, library, "printer-offline", locale, text).get("reconnect_cable"))


@pytest.mark.parametrize(
    "locale, hold, back",
    [
        ("en", "can I put you on hold for two minutes?", "thanks for hanging on, they're on it"),
        ("fr", "je vous mets en attente deux minutes ?", "merci d'avoir patienté, c'est en cours"),
    ],
)
def test_thanks_for_waiting_after_a_hold_takes_the_call_back(engine, library, locale, hold, back):
    call = play(engine, library.scenario("erp-database-down"), [], "calm", locale)
    assert "put_on_hold" in heard_in(engine, call, hold)
    assert "resume" in heard_in(engine, call, back)


def test_thanks_for_waiting_with_no_hold_is_no_resume(engine, library):
    assert "resume" not in _said(
        engine,
        library,
        "erp-database-down",
        "en",
        "thanks for waiting in the queue, how can I help",
    )


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "je vous laisse la référence 5531207, il vous faut autre chose ?"),
        ("en", "that's logged under INC0077123, anything else I can do?"),
    ],
)
def test_a_ticket_number_in_a_line_that_asks_is_given(engine, library, locale, text):
    heard = _said(engine, library, "printer-offline", locale, text)
    assert "give_ticket_number" in heard and "offer_further_help" in heard


@pytest.mark.parametrize(
    "locale, fix, check",
    [
        ("en", "click the plane tile so it turns grey", "could you load the bbc site for me?"),
        ("fr", "cliquez sur la tuile de l'avion pour la griser", "ouvrez le site de la météo svp"),
    ],
)
def test_after_the_fix_the_symptoms_check_verifies_it(engine, library, locale, fix, check):
    assert acted(_said(engine, library, "wifi-airplane-mode", locale, fix, check).get("verify_fix"))


@pytest.mark.parametrize(
    "locale, ask, noted",
    [
        ("en", "is it only you or the others in finance too?", "the entire floor, ok."),
        ("fr", "c'est juste vous ou les collègues aussi ?", "tout le service, d'accord."),
    ],
)
def test_an_answer_taken_note_of_is_no_new_question(engine, library, locale, ask, noted):
    assert not acted(
        _said(engine, library, "erp-database-down", locale, ask, noted).get("ask_scope")
    )


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "and was it working ok before lunch?"),
        ("fr", "et ça fonctionnait bien hier au bureau ?"),
    ],
)
def test_asking_whether_it_worked_before_asks_since_when(engine, library, locale, text):
    assert acted(_said(engine, library, "vpn-caps-lock", locale, text).get("ask_when_started"))


@pytest.mark.parametrize(
    "locale, ask, conclusion",
    [
        ("en", "is there a light on the monitor?", "it's blinking orange, so it gets no picture"),
        (
            "fr",
            "il y a un voyant sur l'écran ?",
            "il clignote orange, donc il ne reçoit aucune image",
        ),
    ],
)
def test_a_conclusion_drawn_from_the_callers_sign_tells_the_cause(
    engine, library, locale, ask, conclusion
):
    assert "explain_cause" in _said(engine, library, "monitor-no-signal", locale, ask, conclusion)


def test_a_fault_said_settled_is_no_conclusion(engine, library):
    assert "explain_cause" not in _said(
        engine, library, "monitor-no-signal", "en", "great, so it's working again then"
    )


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "any files in the recycle bin worth keeping? otherwise just empty it"),
        ("fr", "il vous faut encore quelque chose dans la corbeille ? sinon vous pouvez la vider"),
    ],
)
def test_an_action_asked_about_then_asked_for_with_a_pronoun_is_done(engine, library, locale, text):
    assert acted(_said(engine, library, "disk-full", locale, text).get("empty_recycle_bin"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "on va récupérer de l'espace sans toucher à vos documents"),
        ("en", "we'll make some room without touching your documents"),
    ],
)
def test_without_protects_the_documents_when_the_object_hangs_elsewhere(
    engine, library, locale, text
):
    assert not acted(_said(engine, library, "disk-full", locale, text).get("delete_user_files"))


def test_a_french_command_after_a_comma_is_its_own_instruction(engine, library):
    heard = _said(
        engine, library, "printer-offline", "fr", "sans couper l'imprimante, renfoncez le câble"
    )
    assert acted(heard.get("reconnect_cable"))


@pytest.mark.parametrize(
    "text, moves",
    [
        ("Service desk, Priya speaking.", {"greet", "introduce_self"}),
        ("allô, hotline, Gaëlle à l'appareil", {"greet", "introduce_self"}),
        ("so the lockouts come from the tablet, not your pc", {"explain_cause"}),
        ("ok, ticket 771203, ciao", {"give_ticket_number", "goodbye"}),
    ],
)
def test_openings_and_closings_said_the_help_desk_way(text, moves):
    assert moves <= set(courtesy_moves(fold(text), frozenset()))


@pytest.mark.parametrize(
    "locale, text, number",
    [
        ("en", "ticket 4471203, have a good one", "4471203"),
        ("fr", "c'est le 77014, au revoir", "77014"),
    ],
)
def test_the_caller_reads_back_the_number_not_the_word_before_it(
    engine, library, locale, text, number
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    said = [
        e["data"]["text"] for e in engine.step(call, {"say": text}) if e["kind"] == "caller_said"
    ]
    assert any(number in line for line in said)
    assert not any(f"{word} {number}" in line for line in said for word in ("TICKET", "LE"))

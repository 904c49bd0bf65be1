"""Understanding as agents type and speak, read in the whole line (issue 12): French typed without
accents, a new instruction after a negated one, a pronoun request after the thing was named, an
announcement of the trainee's own act, a negated question, a line that names nothing.

Every sentence here differs from the catalog's examples (tests/test_generalisation.py checks it).
"""

from __future__ import annotations

import pytest

from simulator.accents import restore
from tests.helpers import acted, play


def _step(engine, call, text: str) -> list[dict]:
    return engine.step(call, {"say": text})


def _heard(events: list[dict]) -> dict[str, dict]:
    """Each heard intent with its flags (negated, withheld, claimed, restated)."""
    for event in events:
        if event["kind"] == "intent_matched":
            return {m["intent"]: m for m in event["data"]["intents"]}
    return {}


def _situations(events: list[dict]) -> list[str]:
    """What the caller's lines of a step answered, in order."""
    return [s for e in events if e["kind"] == "caller_said" for s in e["data"]["situations"]]


@pytest.mark.parametrize(
    "typed, parsed",
    [
        ("redemarrez le poste sans eteindre l'ecran", "redémarrez le poste sans éteindre l'écran"),
        ("ca passe maintenant ? vous etes ou ?", "ça passe maintenant ? vous êtes ou ?"),
        ("on libere de la place a cote", "on libere de la place à cote"),
        ("il a vos fichiers sur sa cle", "il a vos fichiers sur sa clé"),
        ("effacez-les puis recreez-le", "effacez les puis recréez le"),
    ],
)  # fmt: skip
def test_french_typed_without_accents_is_parsed_with_them_and_keeps_its_length(typed, parsed):
    assert restore(typed) == parsed and len(restore(typed)) == len(typed)


def test_without_accents_the_without_still_protects_the_documents(engine, library):
    call = play(engine, library.scenario("disk-full"), [], "calm", "fr")
    heard = _heard(
        _step(engine, call, "je vais liberer de la place sans toucher a vos dossiers perso")
    )
    assert not acted(heard.get("delete_user_files"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "n'effacez surtout pas vos dossiers, videz seulement la corbeille"),
        ("en", "please don't touch your folders, just clear out the recycle bin"),
    ],
)
def test_a_new_instruction_after_a_negated_one_is_asked_for(engine, library, locale, text):
    call = play(engine, library.scenario("disk-full"), [], "calm", locale)
    heard = _heard(_step(engine, call, text))
    assert acted(heard.get("empty_recycle_bin"))
    assert not acted(heard.get("delete_user_files"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Your mail profile looks damaged, so remove it and create it again."),
        ("fr", "Le profil de messagerie semble abime : effacez-le et refaites-le."),
    ],
)  # fmt: skip
def test_a_pronoun_request_asks_for_the_action_named_just_before(engine, library, locale, text):
    call = play(engine, library.scenario("outlook-offline-mode"), [], "calm", locale)
    events = _step(engine, call, text)
    assert acted(_heard(events).get("rebuild_profile"))
    # asked for, even if the caller cannot do it alone: the grader charges the choice
    assert any(e["kind"] in ("action_blocked", "confirmation_asked") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "a colleague read online that you should reimage the laptop, forget about that",
        "my neighbour says reinstall windows every year, just ignore it",
    ],
)
def test_dismissed_advice_from_someone_else_is_not_acted_on(engine, library, text):
    call = play(engine, library.scenario("laptop-dead-hardware"), [], "calm", "en")
    events = _step(engine, call, text)
    assert not acted(_heard(events).get("reinstall_system"))
    assert "action_applied" not in [e["kind"] for e in events]


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "ne me communiquez jamais votre mot de passe, je n'en ai aucun besoin"),
        ("en", "never read me out your password, I have no use for it"),
    ],
)
def test_telling_the_caller_not_to_give_their_password_asks_nothing(engine, library, locale, text):
    call = play(engine, library.scenario("password-expired"), [], "calm", locale)
    assert not acted(_heard(_step(engine, call, text)).get("ask_password"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "bon, je vous debloque le compte tout de suite"),
        ("en", "right, I'm unlocking the account for you this minute"),
    ],
)
def test_announcing_the_unlock_gets_the_callers_answer(engine, library, locale, text):
    call = play(engine, library.scenario("account-locked-phone"), [], "calm", locale)
    events = _step(engine, call, text)
    assert acted(_heard(events).get("unlock_account"))
    assert "action_applied" in [e["kind"] for e in events]
    # the account itself is unlocked only by the directory tool
    assert call.state["account.locked"] is True


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "could you switch it off for me please?"),
        ("fr", "vous pouvez la couper svp ?"),
    ],
)
def test_a_request_that_names_nothing_is_not_guessed_out_of_the_blue(engine, library, locale, text):
    call = play(engine, library.scenario("wifi-airplane-mode"), [], "calm", locale)
    events = _step(engine, call, text)
    assert "unrecognized" in [e["kind"] for e in events]
    assert call.state["pc.airplane_mode"] is True


@pytest.mark.parametrize(
    "locale, text, wanted",
    [
        ("fr", "Assistance informatique bonsoir, Lucas a l'appareil", {"greet", "introduce_self"}),
        ("en", "service desk hello, Priya speaking", {"greet", "introduce_self"}),
        ("en", "cheers for your patience, good luck with the audit!", {"thank", "goodbye"}),
    ],
)
def test_a_greeting_or_a_wish_inside_the_line_is_heard_too(engine, library, locale, text, wanted):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    assert wanted <= set(_heard(_step(engine, call, text)))


MOVES = {"apologize", "empathize", "reassure"}


@pytest.mark.parametrize(
    "locale, text, wanted",
    [
        ("en", "so sorry the call dropped on you, what a pain. we'll sort it out", MOVES),
        ("fr", "desole pour l'attente, c'est vraiment penible, on va regler ca", MOVES),
        ("en", "hang on, a small box should pop up in the corner", {"explain_next_step"}),
        ("fr", "une petite fenetre va s'afficher en bas, c'est normal", {"explain_next_step"}),
        ("fr", "bonsoir, assistance, Maelle", {"greet", "introduce_self"}),
        ("en", "the toner was empty, that's why the pages came out blank", {"explain_cause"}),
        ("fr", "le cable etait mal enfiche, c'est pour ca que rien ne sortait", {"explain_cause"}),
    ],
)  # fmt: skip
def test_the_courtesy_moves_of_a_line_are_heard_besides_its_main_intent(
    engine, library, locale, text, wanted
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    heard = _heard(_step(engine, call, text))
    assert wanted <= {i for i, m in heard.items() if acted(m)}


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "sorry to hear that, does the printer screen show anything?"),
        ("fr", "je suis desolee pour ce souci, l'ecran de l'imprimante affiche un message ?"),
    ],
)
def test_an_apology_that_leads_into_a_question_gets_the_answer_not_a_thanks(
    engine, library, locale, text
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    events = _step(engine, call, text)
    situations = _situations(events)
    assert "apologize" in _heard(events) and "apology_received" not in situations


@pytest.mark.parametrize(
    "locale, text, forbidden",
    [
        ("en", "I'm not going to wipe your profile, only the print queue", "rebuild_profile"),
        ("fr", "je ne vais pas reinstaller windows, juste la file d'attente", "reinstall_system"),
    ],
)  # fmt: skip
def test_saying_what_one_will_not_do_explains_the_next_step(
    engine, library, locale, text, forbidden
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    heard = _heard(_step(engine, call, text))
    assert acted(heard.get("explain_next_step")) and not acted(heard.get(forbidden))


@pytest.mark.parametrize(
    "locale, first, restated",
    [
        (
            "en",
            "anybody else on your floor unable to print?",
            "ok so nobody else can either, correct?",
        ),
        (
            "fr",
            "vos collegues de l'etage impriment ?",
            "d'accord, donc personne a l'etage n'imprime",
        ),
    ],
)
def test_saying_the_callers_answer_back_is_a_summary_not_a_new_question(
    engine, library, locale, first, restated
):
    call = play(engine, library.scenario("print-server-floor"), [], "calm", locale)
    _step(engine, call, first)
    heard = _heard(_step(engine, call, restated))
    assert acted(heard.get("summarize"))
    assert not acted(heard.get("ask_scope"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "never read your password out to anyone, me included"),
        ("fr", "ne me communiquez jamais votre mot de passe, meme a moi"),
    ],
)
def test_telling_the_caller_never_to_give_the_password_states_the_policy(
    engine, library, locale, text
):
    call = play(engine, library.scenario("password-expired"), [], "calm", locale)
    heard = _heard(_step(engine, call, text))
    assert acted(heard.get("explain_policy")) and not acted(heard.get("ask_password"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "before I reset anything I'll need your staff number"),
        ("fr", "avant que je reinitialise quoi que ce soit, il me faut votre matricule"),
    ],
)
def test_what_the_agent_will_do_later_is_not_done_now(engine, library, locale, text):
    call = play(engine, library.scenario("password-expired"), [], "calm", locale)
    heard = _heard(_step(engine, call, text))
    assert not acted(heard.get("reset_password")) and acted(heard.get("verify_identity"))


@pytest.mark.parametrize(
    "locale, text, intent",
    [
        ("fr", "et teams, il vous met quoi quand ca plante ?", "ask_error_message"),
        ("en", "when sage crashes, what does the box say?", "ask_error_message"),
        ("fr", "le voyant de l'imprimante, il est de quelle couleur ?", "check_status_lights"),
    ],
)
def test_asking_what_the_screen_says_asks_for_the_message_not_a_light(
    engine, library, locale, text, intent
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    assert intent in _heard(_step(engine, call, text))


@pytest.mark.parametrize(
    "text",
    [
        "honestly I don't need you to wipe the documents folder",
        "I won't have you erase anything in Documents",
        "we won't make you remove your own files",
    ],
)
def test_a_negated_need_or_causative_asks_nothing(engine, library, text):
    call = play(engine, library.scenario("disk-full"), [], "calm", "en")
    events = _step(engine, call, text)
    assert not acted(_heard(events).get("delete_user_files"))
    assert not any(e["kind"] == "confirmation_requested" for e in events)


def test_a_need_or_causative_still_asks(engine, library):
    call = play(engine, library.scenario("disk-full"), [], "calm", "en")
    heard = _heard(_step(engine, call, "I'll have you empty the recycle bin on the desktop"))
    assert acted(heard.get("empty_recycle_bin"))


@pytest.mark.parametrize(
    "locale, first, restated",
    [
        (
            "en",
            "what happens when you send a page to the printer?",
            "so what you're saying is every job you send just sits there",
        ),
        (
            "fr",
            "il se passe quoi quand vous lancez une impression ?",
            "ok donc rien qui ne sort, les documents restent bloques dans la file",
        ),
    ],
)
def test_a_restatement_with_a_relative_or_a_long_frame_is_a_summary(
    engine, library, locale, first, restated
):
    call = play(engine, library.scenario("print-server-floor"), [], "calm", locale)
    _step(engine, call, first)
    assert acted(_heard(_step(engine, call, restated)).get("summarize"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "and when did that low toner warning first come up?"),
        ("fr", "et ca date de quand, ce message sur l'imprimante ?"),
    ],
)
def test_asking_since_when_is_not_a_check_of_the_thing_named(engine, library, locale, text):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    assert "ask_when_started" in _heard(_step(engine, call, text))


@pytest.mark.parametrize(
    "locale, fix, check",
    [
        ("en", "click the plane tile so airplane mode goes off", "cool, try opening any web page"),
        (
            "fr",
            "cliquez sur la tuile avion pour couper le mode avion",
            "ok, essayez d'ouvrir un site",
        ),
    ],
)
def test_after_a_fix_a_try_is_a_verification(engine, library, locale, fix, check):
    call = play(engine, library.scenario("wifi-airplane-mode"), [], "calm", locale)
    _step(engine, call, fix)
    assert acted(_heard(_step(engine, call, check)).get("verify_fix"))


@pytest.mark.parametrize(
    "locale, text, intent",
    [
        ("fr", "sur le transfo du chargeur, y a un petit voyant vert ?", "check_charger_led"),
        ("fr", "c'est depuis combien de temps a peu pres ?", "ask_when_started"),
    ],
)
def test_a_question_is_never_taken_for_a_claim_of_a_check(engine, library, locale, text, intent):
    call = play(engine, library.scenario("laptop-dead-hardware"), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get(intent))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "logged as INC0012345; the network team will email you an update by noon"),
        ("fr", "c'est enregistre sous INC0012345, l'equipe reseau vous contactera avant midi"),
    ],
)
def test_what_others_will_do_next_is_the_follow_up(engine, library, locale, text):
    call = play(engine, library.scenario("print-server-floor"), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get("explain_follow_up"))


@pytest.mark.parametrize(
    "text, move",
    [
        ("they'll post the details on your ticket as they go", "explain_follow_up"),
        ("les admins vont vous recontacter demain matin", "explain_follow_up"),
        ("honestly that sounds really stressful", "empathize"),
        ("vous n'y etes pour rien, ca arrive a tout le monde", "reassure"),
        ("a small prompt should appear asking you to allow me in", "explain_next_step"),
        ("le souci venait du pilote, c'est pour ca que rien ne sortait", "explain_cause"),
    ],
)
def test_each_courtesy_move_is_told_by_its_words(text, move):
    from simulator.folding import fold
    from simulator.moves import courtesy_moves

    assert move in courtesy_moves(fold(text), frozenset())


def test_a_question_gives_no_cause_and_a_name_must_be_no_common_word():
    from simulator.folding import fold
    from simulator.moves import courtesy_moves

    assert "explain_cause" not in courtesy_moves(fold("is that why it stopped"), frozenset(), True)
    assert "introduce_self" not in courtesy_moves(fold("support today"), frozenset({"today"}))
    # the service named after a greeting is how desks answer: it introduces, with no name
    assert "introduce_self" in courtesy_moves(fold("yes hello, it support"), frozenset({"here"}))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "hang on, I don't think I wrote down your last name?"),
        ("fr", "excusez-moi, je n'ai pas note votre nom de famille ?"),
    ],
)
def test_a_name_not_caught_is_asked_again(engine, library, locale, text):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get("ask_caller_name"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "right, I'm going to have a look at what's eating your drive"),
        ("fr", "bon, je vais regarder ce qui prend toute la place sur le disque"),
    ],
)
def test_a_plan_said_explains_the_next_step_whatever_it_names(engine, library, locale, text):
    call = play(engine, library.scenario("disk-full"), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get("explain_next_step"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("fr", "ok donc votre disque est plein. vous pouvez regarder l'espace libre sous C ?"),
        ("en", "ok so your disk is full. can you check how much room is left on C?"),
    ],
)
def test_a_summary_then_a_new_question_gets_the_question_answered(engine, library, locale, text):
    probe = "check_disk_space"
    call = play(engine, library.scenario("disk-full"), [], "calm", locale)
    events = _step(engine, call, text)
    situations = _situations(events)
    assert acted(_heard(events).get(probe)) and "unrecognized" not in situations


def test_one_answer_to_two_parts_that_ask_the_same(engine, library):
    call = play(engine, library.scenario("disk-full"), [], "calm", "en")
    text = "may I connect to your screen? a little box will pop up, just press allow"
    events = _step(engine, call, text)
    situations = _situations(events)
    assert len(situations) == len(set(situations))


def test_a_device_described_in_the_present_is_no_instruction(engine, library):
    call = play(engine, library.scenario("wifi-airplane-mode"), [], "calm", "en")
    heard = _heard(_step(engine, call, "the F12 key switches it on and off"))
    assert not acted(heard.get("turn_off_airplane_mode"))


@pytest.mark.parametrize(
    "scenario, locale, text, named",
    [
        (
            "account-locked-phone",
            "en",
            "ok the phone keeps retrying your old password and that locks the account",
            "ask_device_details",
        ),
        (
            "account-locked-phone",
            "fr",
            "votre iphone garde l'ancien mot de passe et reessaie sans arret, "
            "c'est lui qui bloque le compte",
            "ask_device_details",
        ),
        (
            "wifi-airplane-mode",
            "fr",
            "bon, c'est le mode avion qui coupe tout, rien de casse",
            "turn_off_airplane_mode",
        ),
    ],
)
def test_a_fact_about_the_fault_stated_by_the_agent_explains_the_cause(
    engine, library, scenario, locale, text, named
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = _step(engine, call, text)
    heard = _heard(events)
    assert acted(heard.get("explain_cause"))
    assert not any(acted(m) for i, m in heard.items() if i != "explain_cause" and i == named)
    assert not any(e["kind"] in ("probe_answered", "action_applied") for e in events)


@pytest.mark.parametrize(
    "scenario, locale, text, intent",
    [
        ("account-locked-phone", "en", "ok and when did this start", "ask_when_started"),
        (
            "wifi-airplane-mode",
            "fr",
            "l'icone reseau en bas, elle ressemble a quoi ?",
            "check_wifi_icon",
        ),
        (
            "vpn-caps-lock",
            "fr",
            "verifiez que le voyant verr maj n'est pas allume",
            "check_caps_lock",
        ),
    ],
)
def test_a_question_without_its_mark_or_inside_a_request_is_still_asked(
    engine, library, scenario, locale, text, intent
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    events = _step(engine, call, text)
    assert acted(_heard(events).get(intent))
    assert any(e["kind"] == "probe_answered" for e in events)


@pytest.mark.parametrize(
    "scenario, locale, text",
    [
        ("outlook-offline-mode", "en", "right, you must have clicked it by accident on the train"),
        (
            "outlook-offline-mode",
            "fr",
            "le mode hors connexion a du s'enclencher pendant une coupure",
        ),
        ("print-server-floor", "fr", "bon, tout ca vient du serveur, votre pc n'y est pour rien"),
        ("disk-full", "fr", "le disque est sature, c'est pour ca que tout rame"),
    ],
)
def test_a_guess_at_what_happened_or_where_it_comes_from_explains_the_cause(
    engine, library, scenario, locale, text
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get("explain_cause"))


def test_a_french_a_before_an_adverb_and_an_infinitive_is_the_preposition():
    assert restore("n'hesitez pas a bien le renfoncer") == "n'hésitez pas à bien le renfoncer"
    assert restore("il a bien le cable") == "il a bien le cable"


def test_an_opening_ok_is_not_the_subject_of_the_agents_own_act(engine, library):
    call = play(engine, library.scenario("account-locked-phone"), [], "calm", "fr")
    heard = _heard(_step(engine, call, "ok je vous debloque le compte tout de suite"))
    assert heard.get("unlock_account", {}).get("act") != "statement"
    assert "explain_cause" not in heard


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "ah right, that explains everything then"),
        ("en", "ok there's your culprit"),
        ("fr", "ah voila qui explique tout"),
        ("fr", "d'accord, c'est donc ca le souci"),
    ],
)
def test_naming_what_was_found_as_the_culprit_explains_the_cause(engine, library, locale, text):
    call = play(engine, library.scenario("intranet-dns"), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get("explain_cause"))


def test_a_number_typed_in_digits_says_back_the_callers_words():
    from simulator.echo import echoed_sentences

    said = ["I was on leave for five weeks, I only got back this morning."]
    assert echoed_sentences("ok so off for 5 wks, right?", said)
    assert echoed_sentences(
        "donc absente trois sem, c'est ca ?", ["J'étais absente pendant trois semaines."]
    )


def test_ill_before_a_verb_is_the_agents_announcement():
    from simulator.clauses import analyse

    assert analyse("ok ill put the settings back for you", "en")[-1].act == "announce"
    assert all(c.act != "announce" for c in analyse("sorry to hear you're ill", "en"))


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "ok the usb cable came loose at the back of the printer"),
        ("fr", "bon, le cable usb s'est debranche derriere l'imprimante"),
    ],
)
def test_what_happened_to_a_thing_told_by_the_agent_explains_the_cause(
    engine, library, locale, text
):
    call = play(engine, library.scenario("printer-offline"), [], "calm", locale)
    events = _step(engine, call, text)
    assert acted(_heard(events).get("explain_cause"))
    assert not any(e["kind"] in ("probe_answered", "action_applied") for e in events)


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "the icon by the clock, does it say ENG or something else?"),
        ("fr", "pres de l'heure vous voyez FRA ou autre chose ?"),
    ],
)
def test_or_something_else_closes_an_alternative_it_offers_no_further_help(
    engine, library, locale, text
):
    call = play(engine, library.scenario("password-expired"), [], "calm", locale)
    assert "offer_further_help" not in _heard(_step(engine, call, text))


@pytest.mark.parametrize(
    "typed, parsed",
    [
        (
            "vous avez deja vide la boite de reception ?",
            "vous avez déjà vidé la boite de réception ?",
        ),
        ("on a deja reinitialise le compte", "on a déjà réinitialisé le compte"),
        ("le cable est debranche", "le cable est débranché"),
        ("la corbeille est vide", "la corbeille est vide"),
        ("le pc redemarre", "le pc redemarre"),
    ],
)
def test_a_participle_typed_without_its_accent_is_read_after_avoir_or_etre(typed, parsed):
    assert restore(typed) == parsed


def test_a_typed_sentence_that_ends_in_a_question_mark_asks_in_all_its_parts():
    from simulator.clauses import analyse

    line = analyse("et en bas pres de l'heure, c'est ecrit FRA ou autre chose ?", "fr")
    assert all(c.act == "question" for c in line if c.text.strip())


@pytest.mark.parametrize(
    "locale, text, intent",
    [
        ("en", "honestly it's only a setting that got flipped", "reassure"),
        ("fr", "ce n'est qu'une case a cocher, rien de casse", "reassure"),
        ("en", "your director could email us from his own mailbox instead", "explain_follow_up"),
        ("en", "otherwise we ring him back on his desk phone", "explain_follow_up"),
    ],
)
def test_a_fault_made_small_reassures_and_who_moves_next_is_the_follow_up(
    engine, library, locale, text, intent
):
    call = play(engine, library.scenario("social-engineering-reset"), [], "pushy", locale)
    assert acted(_heard(_step(engine, call, text)).get(intent))


@pytest.mark.parametrize(
    "scenario, locale, text, intent",
    [
        (
            "laptop-dead-hardware",
            "fr",
            "et qu'est-ce qui se passe quand vous branchez le chargeur ?",
            "ask_problem_description",
        ),
        (
            "monitor-no-signal",
            "fr",
            "et sur le moniteur de droite, un voyant allume quelque part ?",
            "check_power",
        ),
        ("monitor-no-signal", "en", "is the little led on that screen lit at all?", "check_power"),
        ("intranet-dns", "fr", "et votre voisine, elle a l'intranet ?", "ask_scope"),
    ],
)
def test_what_happens_a_power_light_and_a_neighbour_are_asked_as_such(
    engine, library, scenario, locale, text, intent
):
    call = play(engine, library.scenario(scenario), [], "calm", locale)
    assert acted(_heard(_step(engine, call, text)).get(intent))

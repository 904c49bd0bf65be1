"""Understanding what the trainee types: several intents per turn, typos, accents, both locales."""

from __future__ import annotations

import pytest

from simulator.folding import fold
from simulator.understand import Matcher, matcher_for


@pytest.fixture(scope="module")
def en(library):
    return matcher_for(library.catalog, "en")


@pytest.fixture(scope="module")
def fr(library):
    return matcher_for(library.catalog, "fr")


def test_fold_removes_case_accents_and_punctuation():
    assert fold("  Vérifiez l'ÉCRAN, s'il vous plaît ! ") == "verifiez l ecran s il vous plait"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Has the printer got power right now?", "check_power"),
        ("is the printr swiched on rigth now", "check_power"),
        ("Could you check the cable at the back is plugged in?", "check_cables"),
        ("What does the error message say exactly?", "ask_error_message"),
        ("Does anyone else on your team have the same trouble?", "ask_scope"),
        ("Please turn airplane mode off", "turn_off_airplane_mode"),
        ("Can you try again now and tell me if it works?", "verify_fix"),
    ],
)
def test_english_phrases_are_recognised(en, text, intent):
    assert en.understand(text).intents == [intent]


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Votre imprimante, elle est sous tension là ?", "check_power"),
        ("elle est allumee votre imprimante la", "check_power"),
        ("Pouvez-vous vérifier que le câble est bien branché derrière ?", "check_cables"),
        ("Qu'indique précisément la fenêtre d'erreur ?", "ask_error_message"),
        ("Vos collègues ont-ils le même problème ?", "ask_scope"),
        ("Merci de couper ce mode avion sur votre portable", "turn_off_airplane_mode"),
    ],
)
def test_french_phrases_are_recognised(fr, text, intent):
    assert fr.understand(text).intents == [intent]


def test_a_turn_with_several_things_gives_every_intent(en):
    got = en.understand("Hello, IT support, Sam speaking — is the printer switched on?").intents
    assert got == ["greet", "introduce_self", "check_power"]


@pytest.mark.parametrize(
    "text", ["asdfgh qwerty", "did you see the football game yesterday evening?", "lol"]
)
def test_small_talk_and_nonsense_are_not_taken_for_a_probe(en, text):
    understanding = en.understand(text)
    assert not any(
        i.startswith(("check_", "reset_", "reinstall", "delete_")) for i in understanding.intents
    )


def test_empty_text_is_not_understood(en):
    assert not en.understand("   ...   ").understood


def test_a_matcher_needs_examples():
    with pytest.raises(ValueError):
        Matcher([])


def test_scenario_examples_extend_the_catalog(library, engine):
    scenario = library.scenario("printer-offline")
    extra = scenario.model_copy(
        update={
            "intent_examples": {
                "check_cables": type(scenario.secrets)(
                    en=["is the wee wire still snug in its hole"], fr=[]
                )
            }
        }
    )
    assert engine.matcher(extra, "en").understand(
        "is the wee wire still snug in its hole"
    ).intents == ["check_cables"]


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_fast_features_are_sklearns_own(library, locale):
    """The matcher's own TF-IDF transform and decision function equal sklearn's, so a call
    played before the shortcut replays to the same intents and scores after it."""
    from pathlib import Path

    import numpy as np
    import scipy.sparse as sp
    import yaml

    from simulator.understand import catalog_examples

    matcher = matcher_for(library.catalog, locale)
    data = Path(__file__).resolve().parent.parent / "bench" / "data" / f"utterances_{locale}.yaml"
    texts = [fold(item["text"]) for item in yaml.safe_load(data.read_text(encoding="utf-8"))]
    texts += [fold(text) for _, text in catalog_examples(library.catalog, locale)][::7]
    texts += ["", "zzzz qqqq", "é" * 300]
    for ours, theirs in (
        (matcher._char_features, matcher.char),
        (matcher._word_features, matcher.word),
    ):
        fast, slow = ours.transform(texts), theirs.transform(texts)
        assert fast.shape == slow.shape
        assert (fast != slow).nnz == 0  # bit for bit: a replayed call must match as it did live
    char_vecs, word_vecs = matcher._features(texts)
    x = sp.hstack([char_vecs, word_vecs]).tocsr()
    assert np.array_equal(
        x @ matcher._coef_t + matcher.svm.intercept_, matcher.svm.decision_function(x)
    )


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Your password expired while you were on leave, that's why."),
        ("en", "It was the cable that had come loose."),
        ("en", "The cable at the back was unplugged, that's why it said offline."),
        ("en", "The problem was that your keyboard had switched to another layout."),
        ("fr", "Votre mot de passe a expiré pendant vos congés, c'est pour ça."),
        ("fr", "Le souci venait du mode avion."),
        ("fr", "C'est le câble qui s'était débranché, voilà pourquoi elle était hors ligne."),
        ("fr", "En fait, votre écran était réglé sur la mauvaise entrée."),
    ],
)
def test_explaining_the_cause_is_recognised(en, fr, locale, text):
    assert {"en": en, "fr": fr}[locale].understand(text).intents == ["explain_cause"]


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Was it the cable?"),
        ("en", "Was the cable loose?"),
        (
            "en",
            "Did anything happen to it since yesterday? Was it dropped, or was anything spilled "
            "on it?",
        ),
        ("fr", "C'était le câble ?"),
        ("fr", "Est-ce que le câble était débranché ?"),
    ],
)
def test_a_question_about_the_cause_is_not_an_explanation(en, fr, locale, text):
    """ "Was it the cable?" asks; only "it was the cable" tells the caller what was wrong."""
    assert "explain_cause" not in {"en": en, "fr": fr}[locale].understand(text).intents


USERNAME_REQUESTS = [
    ("en", "Could you give me your username?"),
    ("en", "Which login name do you use?"),
    ("en", "Can you tell me the user name you log on with?"),
    ("en", "what username do you use"),
    ("fr", "Pouvez-vous me donner votre identifiant ?"),
    ("fr", "C'est quoi votre login ?"),
    ("fr", "Vous vous connectez avec quel nom d'utilisateur ?"),
    ("fr", "c koi votre identifiant de connexion svp"),
]


@pytest.mark.parametrize("locale, text", USERNAME_REQUESTS)
def test_asking_for_the_username_is_recognised_and_never_taken_for_the_password(
    en, fr, locale, text
):
    assert {"en": en, "fr": fr}[locale].understand(text).intents == ["ask_username"]


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "Tell me the password you type in."),
        ("en", "Could you tell me your password please?"),
        ("en", "Tell me your username and your password so I can go faster."),
        ("en", "Can you give me your username and password?"),
        ("fr", "Donnez-moi votre mot de passe actuel."),
        ("fr", "Pouvez-vous me donner votre mot de passe ?"),
        ("fr", "Donnez-moi votre identifiant et votre mot de passe"),
        ("fr", "C'est quoi votre login et votre mot de passe ?"),
    ],
)
def test_asking_for_the_password_is_still_caught(en, fr, locale, text):
    assert "ask_password" in {"en": en, "fr": fr}[locale].understand(text).intents


@pytest.mark.parametrize(
    "locale, text, intent",
    [
        ("en", "So to sum up: your account was locked and I've unlocked it.", "summarize"),
        (
            "en",
            "I'm going to look at your account now, then we'll test the printer.",
            "explain_next_step",
        ),
        (
            "en",
            "I'm sorry, I can't give you your colleague's password, it's against our security "
            "rules.",
            "explain_policy",
        ),
        ("en", "Can you confirm your employee number and your manager's name?", "verify_identity"),
        ("en", "I'll look up the state of your account from here.", "check_account_status"),
        ("fr", "Pour résumer : votre compte était verrouillé, je l'ai déverrouillé.", "summarize"),
        (
            "fr",
            "Je vais d'abord regarder votre compte, ensuite on testera l'imprimante.",
            "explain_next_step",
        ),
        (
            "fr",
            "Je ne peux pas vous donner le mot de passe de votre collègue, c'est interdit "
            "par la charte.",
            "explain_policy",
        ),
        (
            "fr",
            "Pouvez-vous me confirmer votre matricule et le nom de votre responsable ?",
            "verify_identity",
        ),
        ("fr", "Je consulte l'état de votre compte de mon côté.", "check_account_status"),
    ],
)
def test_the_new_intents_leave_their_neighbours_alone(en, fr, locale, text, intent):
    assert {"en": en, "fr": fr}[locale].understand(text).intents[0] == intent


@pytest.mark.parametrize(
    ("locale", "text", "intent"),
    [
        ("en", "Before anything else, is the printer on?", "check_power"),
        ("en", "First of all, could you tell me your name?", "ask_caller_name"),
        ("fr", "Avant toute chose, est-ce que l'imprimante est allumée ?", "check_power"),
        ("fr", "Tout d'abord, pouvez-vous me donner votre nom ?", "ask_caller_name"),
    ],
)
def test_an_opening_phrase_is_not_an_offer_of_further_help(library, locale, text, intent):
    """ "Before anything else" is a way to start, not "is there anything else?" at the end of a
    call."""
    understood = matcher_for(library.catalog, locale).understand(text)
    assert understood.intents == [intent]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "What happens exactly when you try to connect?"),
        ("en", "What happens when you try to connect?"),
        ("fr", "Décrivez-moi ce qui arrive au moment où vous tentez d'ouvrir votre session."),
    ],
)
def test_what_happens_when_you_try_is_a_request_to_describe_the_problem(library, locale, text):
    """ "Connect" must not pull it to asking for remote control."""
    assert matcher_for(library.catalog, locale).understand(text).intents == [
        "ask_problem_description"
    ]


@pytest.mark.parametrize(
    "locale, short, full",
    [
        (
            "fr",
            "pb de mdp sur l appli svp",
            "probleme de mot de passe sur l application s il vous plait",
        ),
        ("en", "u pls thx", "you please thanks"),
        ("fr", "c quoi le pb", "c est quoi le probleme"),
        ("fr", "c est le serveur", "c est le serveur"),
    ],
)
def test_agents_shorthand_is_spelt_out(locale, short, full):
    from simulator.agent_typing import expand

    assert expand(short, locale) == full


@pytest.mark.parametrize(
    "locale, text, intents",
    [
        ("en", "hey, Mo from the helpdesk here", ["greet", "introduce_self"]),
        ("fr", "bonsoir, Agathe du support utilisateurs", ["greet", "introduce_self"]),
        ("en", "thx. and what does the error say exactly?", ["thank", "ask_error_message"]),
        ("fr", "merci bcp. ca a commence quand ?", ["thank", "ask_when_started"]),
        ("en", "cheers for sorting that out, bye for now", ["thank", "goodbye"]),
        ("fr", "merci pour votre aide et bonne soiree", ["thank", "goodbye"]),
        (
            "en",
            "morning, service desk, Raj here, who have I got on the line?",
            ["greet", "introduce_self", "ask_caller_name"],
        ),
        # the agent's name after the service's is heard too (it used to be lost to the question)
        (
            "fr",
            "bonjour, hotline, Maeva, c'est de la part de qui ?",
            ["greet", "ask_caller_name", "introduce_self"],
        ),
        ("en", "can u restart the pc pls", ["restart_device"]),
        ("fr", "quel est le msg d'erreur sur lecran ?", ["ask_error_message"]),
    ],
)
def test_every_part_of_an_agents_line_is_heard(library, locale, text, intents):
    matcher = matcher_for(library.catalog, locale)
    assert matcher.understand(text).intents == intents


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "so it was the wifi switch all along"),
        ("fr", "en fait c'etait le cable reseau qui etait mal enfonce"),
    ],
)
def test_a_statement_that_names_the_cause_explains_it(library, locale, text):
    assert matcher_for(library.catalog, locale).understand(text).intents == ["explain_cause"]


def _heard(events: list[dict]) -> list[str]:
    return [
        m["intent"]
        for e in events
        if e["kind"] == "intent_matched"
        for m in e["data"]["intents"]
        if not (m.get("negated") or m.get("withheld") or m.get("claimed"))
    ]


@pytest.mark.parametrize(
    "locale, lines, check",
    [
        (
            "en",
            [
                "Could you check the cable at the back of the printer?",
                "please plug it back in firmly",
            ],
            "printing ok?",
        ),
        (
            "fr",
            ["Vous pouvez regarder le câble derrière l'imprimante ?", "rebranchez-le bien à fond"],
            "ça imprime ?",
        ),
    ],
)
def test_a_short_question_after_a_fix_verifies_it(library, engine, locale, lines, check):
    fresh = engine.start(library.scenario("printer-offline"), "calm", locale, seed=1)
    assert "verify_fix" not in _heard(engine.step(fresh, {"say": check}))
    call = engine.start(library.scenario("printer-offline"), "calm", locale, seed=1)
    for line in lines:
        engine.step(call, {"say": line})
    assert _heard(engine.step(call, {"say": check})) == ["verify_fix"]


@pytest.mark.parametrize(
    "locale, text, intents",
    [
        ("en", "im dev from the it helpdesk", ["introduce_self"]),
        ("en", "helpdesk, Ines here, and u are?", ["introduce_self", "ask_caller_name"]),
        ("fr", "c'est Maxime du support informatique", ["introduce_self"]),
        (
            "fr",
            "bonjour, Inès à l'appareil, et vous êtes ?",
            ["greet", "introduce_self", "ask_caller_name"],
        ),
    ],
)
def test_a_short_self_introduction_and_a_bare_name_question_are_heard(
    library, locale, text, intents
):
    assert matcher_for(library.catalog, locale).understand(text).intents == intents


@pytest.mark.parametrize(
    "locale, text",
    [
        ("en", "im done with that"),
        ("en", "it's fine"),
        ("fr", "c'est normal"),
        ("fr", "je suis là"),
    ],
)
def test_everyday_words_after_i_am_are_no_introduction(library, locale, text):
    assert "introduce_self" not in matcher_for(library.catalog, locale).understand(text).intents


HANDED_ON = "explain_follow_up explain_next_step"


@pytest.mark.parametrize(
    "locale, text, intent",
    [
        ("en", "thanks so much for your patience", "thank"),
        ("fr", "merci infiniment de votre patience, madame", "thank"),
        ("en", "ok, I'm going to wipe the cached files now", "explain_next_step"),
        ("fr", "bon, je vais vider le cache du navigateur maintenant", "explain_next_step"),
        # handing the case on says what happens next and what the agent is doing now
        ("en", "I'm sending this over to the database team", HANDED_ON),
        ("fr", "je transfère votre dossier à l'équipe réseau", HANDED_ON),
        ("en", "is the shared printer working for the person beside you?", "ask_scope"),
        ("fr", "votre collègue d'en face a bien internet ?", "ask_scope"),
        ("en", "had you opened a file from someone before it began?", "ask_mishap"),
        ("fr", "vous avez ouvert une pièce jointe avant que ça commence ?", "ask_mishap"),
    ],
)
def test_thanks_plans_handovers_and_probes_are_heard_as_meant(library, locale, text, intent):
    assert matcher_for(library.catalog, locale).understand(text).intents == intent.split()

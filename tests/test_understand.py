"""Understanding what the trainee types: several intents per turn, typos, accents, both locales."""

from __future__ import annotations

import pytest

from simulator.understand import Matcher, fold, matcher_for


@pytest.fixture(scope="module")
def en(library):
    return matcher_for(library.catalog, "en")


@pytest.fixture(scope="module")
def fr(library):
    return matcher_for(library.catalog, "fr")


def test_fold_removes_case_accents_and_punctuation():
    assert fold("  Vérifiez l'ÉCRAN, s'il vous plaît ! ") == "verifiez l ecran s il vous plait"


@pytest.mark.parametrize("text, intent", [
    ("Is the printer switched on?", "check_power"),
    ("is the printr swiched on", "check_power"),
    ("Could you check the cable at the back is plugged in?", "check_cables"),
    ("What does the error message say exactly?", "ask_error_message"),
    ("Is it just you, or are your colleagues affected as well?", "ask_scope"),
    ("Please turn airplane mode off", "turn_off_airplane_mode"),
    ("Can you try again now and tell me if it works?", "verify_fix"),
])
def test_english_phrases_are_recognised(en, text, intent):
    assert en.understand(text).intents == [intent]


@pytest.mark.parametrize("text, intent", [
    ("Est-ce que l'imprimante est bien allumée ?", "check_power"),
    ("est ce que l imprimante est bien allumee", "check_power"),
    ("Pouvez-vous vérifier que le câble est bien branché derrière ?", "check_cables"),
    ("Quel est le message d'erreur exact ?", "ask_error_message"),
    ("Vos collègues ont-ils le même problème ?", "ask_scope"),
    ("Désactivez le mode avion, s'il vous plaît", "turn_off_airplane_mode"),
])
def test_french_phrases_are_recognised(fr, text, intent):
    assert fr.understand(text).intents == [intent]


def test_a_turn_with_several_things_gives_every_intent(en):
    got = en.understand("Hello, IT support, Sam speaking — is the printer switched on?").intents
    assert got == ["greet", "introduce_self", "check_power"]


@pytest.mark.parametrize("text", ["asdfgh qwerty", "did you watch the match last night?", "lol"])
def test_small_talk_and_nonsense_are_not_taken_for_a_probe(en, text):
    understanding = en.understand(text)
    assert not any(i.startswith(("check_", "reset_", "reinstall", "delete_")) for i in understanding.intents)


def test_empty_text_is_not_understood(en):
    assert not en.understand("   ...   ").understood


def test_a_matcher_needs_examples():
    with pytest.raises(ValueError):
        Matcher([])


def test_scenario_examples_extend_the_catalog(library, engine):
    scenario = library.scenario("printer-offline")
    extra = scenario.model_copy(update={"intent_examples": {
        "check_cables": type(scenario.secrets)(en=["is the wee wire still snug in its hole"], fr=[])}})
    assert engine.matcher(extra, "en").understand("is the wee wire still snug in its hole").intents == ["check_cables"]


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
    for ours, theirs in ((matcher._char_features, matcher.char), (matcher._word_features, matcher.word)):
        fast, slow = ours.transform(texts), theirs.transform(texts)
        assert fast.shape == slow.shape
        assert (fast != slow).nnz == 0  # bit for bit: a replayed call must match as it did live
    char_vecs, word_vecs = matcher._features(texts)
    x = sp.hstack([char_vecs, word_vecs]).tocsr()
    assert np.array_equal(x @ matcher._coef_t + matcher.svm.intercept_, matcher.svm.decision_function(x))

"""An e-mail contact's debrief names a check by what it means in writing ("Greet the user",
« Saluer l'utilisateur »), not by the catalog's phone words; a phone call keeps the catalog's
(grading/mail_meanings.py)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from grading.mail_meanings import MAIL_MEANINGS
from grading.messages import Wording, meaning_of, names
from simulator.translation import gettext

# The words of a phone call in a catalog meaning: a caller, a call, a call back, a hold ("hold
# the power button" is not one).
SPEAKS_OF_A_CALL = re.compile(
    r"\b(callers?|calls?|called|calling|(on|a) hold|appel\w*|rappel\w*|attente)\b", re.I
)
# Meanings that make no sense by mail as the catalog words them, whatever their words.
PHONE_ACTS = {"put_on_hold", "resume", "ask_remote_permission"}


def _wording(library, locale: str, channel: str) -> Wording:
    meanings = {i: spec.meaning for i, spec in library.catalog.intents.items()}
    return Wording(locale, library.translations, meanings, channel)


def test_every_mail_meaning_is_a_catalog_intent(library):
    unknown = sorted(set(MAIL_MEANINGS) - set(library.catalog.intents))
    assert unknown == [], "not in scenarios/catalog.yaml"


def test_every_catalog_meaning_that_speaks_of_a_call_has_a_mail_meaning(library):
    """A new catalog intent worded for the phone fails here until it has its written meaning."""
    phone = {
        intent
        for intent, spec in library.catalog.intents.items()
        if SPEAKS_OF_A_CALL.search(f"{spec.meaning.en} {spec.meaning.fr}")
    }
    assert phone, "the pattern no longer finds the catalog's phone meanings"
    assert sorted((phone | PHONE_ACTS) - set(MAIL_MEANINGS)) == []


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_mail_meanings_speak_of_the_user_in_writing(library, locale):
    for intent, message in MAIL_MEANINGS.items():
        text = gettext(library.translations, locale, message)
        assert not SPEAKS_OF_A_CALL.search(text), (intent, text)
        if locale == "fr":
            assert text != message[1], f"{intent}: no French"


@pytest.mark.parametrize(
    "locale, phone, mail",
    [
        ("en", "greet the caller", "greet the user"),
        ("fr", "saluer l'appelant", "saluer l'utilisateur"),
    ],
)
def test_a_mail_contact_quotes_greet_as_writing_a_phone_call_as_the_catalog(
    library, locale, phone, mail
):
    scenario = library.scenario("email-mailbox-full")
    words = _wording(library, locale, "phone")
    assert meaning_of(scenario, "greet", words) == phone
    assert meaning_of(scenario, "greet", replace(words, channel="email")) == mail


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_mail_contacts_missing_checks_name_the_user(library, locale):
    """The phishing report's essential checks bind catalog intents worded for a caller."""
    scenario = library.scenario("email-phishing-report")
    checks = [p.id for p in scenario.probes if p.intent in MAIL_MEANINGS]
    assert checks, "the scenario no longer binds a catalog intent worded for the phone"
    by_mail = names(scenario, checks, _wording(library, locale, "email"))
    by_phone = names(scenario, checks, _wording(library, locale, "phone"))
    user = {"en": "the user", "fr": "l'utilisateur"}[locale]
    assert user in by_mail and not SPEAKS_OF_A_CALL.search(by_mail)
    assert SPEAKS_OF_A_CALL.search(by_phone)


def test_a_scenarios_own_meaning_wins_on_both_channels(library):
    scenario = library.scenario("email-mailbox-full")
    words = _wording(library, "en", "email")
    own = scenario.intents["check_folder_sizes"].meaning.en
    assert meaning_of(scenario, "check_folder_sizes", words) == own[:1].lower() + own[1:]

"""An e-mail contact's debrief speaks of the user and the exchange, never of a caller, a call or a
hang-up, in both languages; a phone call's debrief keeps its words (grading/texts_mail.py)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from grading import grade
from grading.messages import TEXTS, inside_sentence
from grading.plural import Plural
from grading.texts_mail import MAIL_TEXTS
from simulator.replay import parse_transcript
from simulator.replay import play as play_transcript
from tests.helpers import play

TRANSCRIPTS = Path(__file__).resolve().parent / "transcripts"
MAIL_SCENARIOS = sorted(p.name for p in TRANSCRIPTS.glob("email-*"))
PHONE_WORDS = {
    "en": re.compile(r"\b(callers?|(the|a|this|your) call|hung up|hang up|on the phone)\b", re.I),
    "fr": re.compile(r"\b(appelants?|l'appel|un appel|raccroch\w*|au téléphone)\b", re.I),
}
# A letter's salutation is a « formule d'appel » in French: a word of writing, not of the phone.
WRITING_WORDS = {"en": (), "fr": ("formule d'appel",)}
BAD = {
    "en": {
        "curt": ["ok.", "do it.", "done?"],
        "rude": [
            "YOU SHOULD HAVE READ THE INSTRUCTIONS. Calm down, this is your fault. Damn.",
            "Calm down. Your fault again.",
            "SHUT UP and wait. Damn it.",
            "no.",
            "no.",
        ],
        "jargon": [
            "Hello {first_name},\n\nPurge the OST, flush the DNS cache with ipconfig /flushdns "
            "and rebuild the PST via MFCMAPI, then check the DHCP lease and the GPO.\n\nRegards"
        ],
        "wrong_number": ["Hello {first_name},\n\nYour ticket is INC9999999.\n\nRegards,\nSam"],
        "password": [
            "Hello {first_name}, please send me your password so I can check. What is the "
            "error? Since when?"
        ],
    },
    "fr": {
        "curt": ["ok.", "faites-le.", "fini ?"],
        "rude": [
            "VOUS AURIEZ DÛ LIRE LA PROCÉDURE. Calmez-vous, c'est votre faute. Merde.",
            "tu dois redémarrer",
            "Calmez-vous. Encore votre faute.",
            "TAISEZ-VOUS et attendez. Merde.",
            "non.",
        ],
        "jargon": [
            "Bonjour {first_name},\n\nPurgez l'OST, videz le cache DNS avec ipconfig /flushdns "
            "et reconstruisez le PST via MFCMAPI, puis vérifiez le bail DHCP et la GPO."
            "\n\nCordialement"
        ],
        "wrong_number": [
            "Bonjour {first_name},\n\nVotre ticket est le INC9999999.\n\nCordialement,\nSam"
        ],
        "password": [
            "Bonjour {first_name}, envoyez-moi votre mot de passe pour vérifier. Quel est le "
            "message ? Depuis quand ?"
        ],
    },
}
TOOLS = [{"directory": {"op": "reset_password", "must_change": True}}, "close"]


def _scenario_words(library, scenario, locale: str) -> list[str]:
    """Texts a finding quotes from the scenario, not from the grader: its own intents' meanings
    and its order rules. The catalog's meanings are not left out: an e-mail contact quotes them
    in writing words (grading/mail_meanings.py)."""
    meanings = [local.meaning.get(locale) for local in scenario.intents.values()]
    rules = [rule.message.get(locale) for rule in scenario.order]
    return sorted({*map(inside_sentence, meanings), *rules}, key=len, reverse=True)


def _phone_words(library, scenario, locale: str, score) -> list[str]:
    """The phone wording in a score's findings (messages and tips), data quotes left out."""
    found = []
    for f in score.findings:
        text = f"{f.message} {f.tip}"
        for quoted in (*_scenario_words(library, scenario, locale), *WRITING_WORDS[locale]):
            text = text.replace(quoted, "")
        found += [f"{f.rule}: {m.group(0)}" for m in PHONE_WORDS[locale].finditer(text)]
    return found


def _contacts(engine, library, scenario_id: str, locale: str):
    """The contact played well (the expert transcript), by the poor transcripts, and badly."""
    scenario = library.scenario(scenario_id)
    runs = []
    for path in sorted((TRANSCRIPTS / scenario_id).glob(f"*.{locale}.yaml")):
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        call, _ = play_transcript(engine, scenario, steps, scenario.personas[0], locale, 1)
        yield path.name, call, grade(scenario, call.events, library.catalog, library.translations)
    for name, bodies in BAD[locale].items():
        steps = [{"email": {"body": body}} for body in bodies] + TOOLS
        for persona in ("novice", "pushy") if name in ("jargon", "rude") else ("calm",):
            if persona in scenario.personas:
                runs.append((name, steps, persona))
    for name, steps, persona in runs:
        call = play(engine, scenario, steps, persona, locale, 1)
        yield name, call, grade(scenario, call.events, library.catalog, library.translations)


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("scenario_id", MAIL_SCENARIOS)
def test_an_email_contacts_debrief_has_no_phone_wording(engine, library, scenario_id, locale):
    scenario = library.scenario(scenario_id)
    for name, call, score in _contacts(engine, library, scenario_id, locale):
        assert call.channel == "email"
        assert _phone_words(library, scenario, locale, score) == [], name


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_user_who_stops_answering_is_not_said_to_hang_up(engine, library, locale):
    ended = [
        score
        for name, call, score in _contacts(engine, library, "email-new-starter", locale)
        if call.ended_by == "caller"
    ]
    assert ended, "no contact played here ends with the user giving up"
    hung_up = [f for score in ended for f in score.findings if f.rule == "hung_up"]
    expected = {"en": "stopped answering", "fr": "n'a plus répondu"}[locale]
    assert hung_up and all(expected in f.message for f in hung_up)


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_phone_calls_debrief_keeps_its_words(engine, library, locale):
    scenario = library.scenario("printer-offline")
    curt = [{"say": "ok"}, {"say": "restart"}, "close"]
    call = play(engine, scenario, curt, "calm", locale, 1)
    score = grade(scenario, call.events, library.catalog, library.translations)
    texts = " ".join(f"{f.message} {f.tip}" for f in score.findings)
    assert PHONE_WORDS[locale].search(texts)
    assert {"en": "the caller", "fr": "l'appelant"}[locale] in texts.lower()


def _fields(message) -> set[str]:
    parts = [message.singular, message.plural] if isinstance(message, Plural) else [message]
    texts = [p[1] if isinstance(p, tuple) else p for p in parts]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_mail_variant_says_what_its_phone_text_says():
    """Same finding, other words: a variant keeps the key's placeholders and its plural form."""
    for key, (message, tip) in MAIL_TEXTS.items():
        phone_message, phone_tip = TEXTS[key]
        assert _fields(message) == _fields(phone_message), key
        assert isinstance(message, Plural) == isinstance(phone_message, Plural), key
        assert bool(tip) == bool(phone_tip), key

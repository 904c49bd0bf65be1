"""The words of every finding: what happened, and a tip for next time.

English message ids marked `N_`; their French is in translations/ like the interface's. Grading
receives the translations and the catalog's intent meanings (a `Wording`): it reads no file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from gettext import NullTranslations

from babel.numbers import format_decimal

from grading.mail_meanings import MAIL_MEANINGS
from grading.model import Finding
from grading.plural import Plural
from grading.texts_mail import MAIL_TEXTS
from grading.texts_method import METHOD_TEXTS
from grading.texts_tone import TONE_TEXTS
from simulator.scenario import Scenario, Text
from simulator.translation import NC_, Message, gettext, ngettext
from simulator.vocabulary import CATEGORY_LABELS, TEAM_LABELS

OPERATIONS = {
    "reset_password": NC_("operation", "Password reset"),
    "unlock": NC_("operation", "Account unlocked"),
    "reset_mfa": NC_("operation", "MFA reset"),
}


# key: (English message, English tip); their French is in translations/ (gettext). An e-mail
# contact reads a key's variant from MAIL_TEXTS when it has one (`Wording.texts`).
TEXTS: dict[str, tuple[Message | Plural, Message]] = {**METHOD_TEXTS, **TONE_TEXTS}


CRITERION_NAMES = {
    "courtesy": NC_("finding", "courtesy"),
    "empathy": NC_("finding", "empathy"),
    "clarity": NC_("finding", "clarity"),
    "professionalism": NC_("finding", "professionalism"),
}
JUDGE_FAILURES = {
    "timeout": NC_("finding", "no answer in time"),
    "connection": NC_("finding", "the model's server could not be reached"),
    "rate_limited": NC_("finding", "too many requests to the model"),
    "http_error": NC_("finding", "error on the model's server"),
}
UNUSABLE_ANSWER = NC_("finding", "unusable answer")
DIRECTORY_LOOKUP = NC_("finding", "directory lookup")
DIRECTORY_OPERATION = NC_("finding", "directory: {operation}")


@dataclass(frozen=True)
class Wording:
    """The words of one call's findings: its locale, the translations, the catalog's intent
    meanings, and its channel (an e-mail contact's findings speak of the user, not a caller)."""

    locale: str = "en"
    translations: Mapping[str, NullTranslations] = field(
        default_factory=lambda: {"en": NullTranslations()}
    )
    meanings: Mapping[str, Text] = field(default_factory=dict)
    channel: str = "phone"

    def texts(self, key: str) -> tuple[Message | Plural, Message]:
        """The (message, tip) of `key` on this channel: an e-mail contact's own variant if any."""
        if self.channel == "email" and key in MAIL_TEXTS:
            return MAIL_TEXTS[key]
        return TEXTS[key]

    def __call__(self, message: Message) -> str:
        """`message` (or a (context, message) pair) in this call's locale."""
        return gettext(self.translations, self.locale, message)

    def n(self, message: Plural, count: int) -> str:
        """The singular or plural form of `message` for `count`, in this call's locale."""
        return ngettext(self.translations, self.locale, message.singular, message.plural, count)

    def label(self, labels: Mapping[str, str], key: str) -> str:
        """The translated name of a fixed id, lower case for use inside a sentence (else the id)."""
        return inside_sentence(self(labels[key])) if key in labels else key


def inside_sentence(label: str) -> str:
    """A label as it reads inside a sentence: only its first capital lowered ("Check if Caps Lock
    is on" → "check if Caps Lock is on"), none when it starts an abbreviation ("MFA reset")."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


# A team as a sentence names it, and a choice of teams, by each language's own rules: English
# needs "the network team"; French findings name a team after a colon or in brackets, bare.
TEAM_IN_SENTENCE = NC_("team in a sentence", "the {team}")
TEAM_CHOICE = NC_("team in a sentence", "{teams} or {team}")


def team_names(teams: str | list[str], words: Wording) -> str:
    """Team names as a sentence names them ("network" → "the network team" / "équipe réseau";
    several: "the network team or the server team", any of which was right)."""
    ids = teams if isinstance(teams, list) else [t.strip() for t in teams.split(",")]
    named = [words(TEAM_IN_SENTENCE).format(team=words.label(TEAM_LABELS, t)) for t in ids]
    if len(named) < 2:
        return "".join(named)
    return words(TEAM_CHOICE).format(teams=", ".join(named[:-1]), team=named[-1])


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def finding(
    skill: str,
    rule: str,
    points: int,
    maximum: int,
    turn: int,
    words: Wording,
    key: str,
    **values: object,
) -> Finding:
    """A finding whose message and tip come from `key`, in the call's locale and channel."""
    text, tip_text = words.texts(key)
    count = int(str(values.get("count", 1)))
    message = words.n(text, count) if isinstance(text, Plural) else words(text)
    tip = words(tip_text)
    if "op" in values and str(values["op"]) in OPERATIONS:
        values["op"] = words(OPERATIONS[str(values["op"])])
    for name, value in values.items():
        if isinstance(value, float):
            values[name] = format_decimal(value, locale=words.locale)
    for name in ("team", "expected"):
        if name in values and str(values[name]).split(",")[0].strip() in TEAM_LABELS:
            values[name] = team_names(str(values[name]), words)
    for name in ("category", "expected_category"):
        if name in values and str(values[name]) in CATEGORY_LABELS:
            values[name] = words.label(CATEGORY_LABELS, str(values[name]))
    message = message.format_map(_Blank({k: str(v) for k, v in values.items()})).strip()
    message = message[:1].upper() + message[1:]
    return Finding(
        skill=skill,
        rule=rule,
        points=int(points),
        max=int(maximum),
        turn=int(turn),
        message=" ".join(message.split()),
        tip=tip,
    )


def names(scenario: Scenario, ids: list[str], words: Wording) -> str:
    """Readable names of probes/actions: their intent's meaning, the command, or the tool."""
    out = []
    for ident in ids:
        item = scenario.probe(ident) or scenario.action(ident)
        label = ident
        if item and item.intent:
            label = meaning_of(scenario, item.intent, words) or ident
        elif item and item.remote:
            label = f"`{item.remote}`"
        elif item and item.directory:
            label = (
                words(DIRECTORY_LOOKUP)
                if item.directory == "lookup"
                else words(DIRECTORY_OPERATION).format(operation=item.directory)
            )
        out.append(label)
    return ", ".join(out)


def meaning_of(scenario: Scenario, intent: str, words: Wording) -> str:
    """What an intent means, inside a sentence: the scenario's own meaning, else for an e-mail
    contact its written meaning (grading/mail_meanings.py), else the catalog's ("" if none)."""
    local = scenario.intents.get(intent)
    if local:
        return inside_sentence(local.meaning.get(words.locale))
    if words.channel == "email" and intent in MAIL_MEANINGS:
        return inside_sentence(words(MAIL_MEANINGS[intent]))
    meaning = words.meanings.get(intent)
    return inside_sentence(meaning.get(words.locale)) if meaning else ""

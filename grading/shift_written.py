"""Written-style rules for a reply by e-mail, in English and French (a pure function of the text).

Rules (shares of 100, only those that apply): greeting 15 · sign-off 15 · at most two questions 15
· steps numbered when the reply lists them 15 · no SMS speak 15 · the ticket number 15 · in French,
*vouvoiement* 10. E-mail contacts are not built yet: this is the grader they will call on each of
the trainee's replies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from gettext import NullTranslations

from grading.folded import fold, padded
from grading.messages import Wording
from grading.model import Finding, allot
from simulator.tone_signals import signals
from simulator.translation import N_, lang

GREETINGS = {
    "en": ("hello", "hi", "dear", "good morning", "good afternoon", "good evening"),
    "fr": ("bonjour", "bonsoir", "madame", "monsieur", "cher", "chere"),
}
SIGN_OFFS = {
    "en": ("regards", "best wishes", "sincerely", "thank you", "thanks", "have a good day"),
    "fr": ("cordialement", "salutations", "bonne journee", "bonne soiree", "merci", "bien a vous"),
}
SMS = {
    "en": ("u", "ur", "pls", "plz", "thx", "thks", "btw", "lol", "idk", "cya", "gonna", "wanna"),
    "fr": (
        "bjr",
        "slt",
        "stp",
        "pb",
        "pk",
        "pcq",
        "qq",
        "qqn",
        "qqch",
        "dsl",
        "tkt",
        "jsp",
        "bcp",
        "mdr",
        "tt",
        "ds",
        "c",
    ),
}
MAX_QUESTIONS = 2
WEIGHTS = {
    "greeting": 15,
    "sign_off": 15,
    "questions": 15,
    "numbered": 15,
    "sms": 15,
    "ticket": 15,
    "vouvoiement": 10,
}
_BULLET = re.compile(r"^\s*[-*•]\s+\S", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+\S", re.MULTILINE)

# rule: (message when kept, message when broken, tip)
TEXTS: dict[str, tuple[str, str, str]] = {
    "greeting": (
        N_("The reply opens with a greeting."),
        N_("The reply does not open with a greeting."),
        N_("Open an e-mail with a greeting and the user's name."),
    ),
    "sign_off": (
        N_("The reply ends with a sign-off."),
        N_("The reply ends without a sign-off."),
        N_("End an e-mail with a sign-off and your name."),
    ),
    "questions": (
        N_("{count} question(s) in the reply: clear enough to answer."),
        N_("{count} questions in one reply."),
        N_("Ask one clear question at a time: a user answers the first and forgets the rest."),
    ),
    "numbered": (
        N_("Steps given as a numbered list."),
        N_("Steps given as a list without numbers."),
        N_("Number the steps (1., 2., 3.) so the user can say where they stopped."),
    ),
    "sms": (
        N_("No SMS speak."),
        N_("SMS speak: {words}."),
        N_("Write in full words: the e-mail is a record of the service."),
    ),
    "ticket": (
        N_("The ticket number is in the reply."),
        N_("The ticket number is missing from the reply."),
        N_("Give the ticket number in every reply so the user can quote it."),
    ),
    "vouvoiement": (
        N_("The user is addressed with the polite form."),
        N_("The user is addressed with the familiar form."),
        N_("Address a user with the polite form (vous), never the familiar one (tu)."),
    ),
}


def _rule(words: Wording, rule: str, ok: bool, best: int, /, **values: object) -> Finding:
    kept, broken, tip = TEXTS[rule]
    message = words(kept if ok else broken).format(**values)
    return Finding("written", rule, best if ok else 0, best, 0, message, "" if ok else words(tip))


def grade_written(
    body: str, ticket: str, locale: str, translations: Mapping[str, NullTranslations]
) -> list[Finding]:
    """The written-style findings of one e-mail reply; their points add up to 100."""
    locale = lang(locale)
    words = Wording(locale, translations)
    lines = [line for line in body.strip().splitlines() if line.strip()]
    first, ending = fold(lines[0]) if lines else "", padded(" ".join(lines[-3:]))
    sms = [w for w in _WORD.findall(body.lower()) if w in SMS[locale]]  # "c'est" is not "c"
    questions = body.count("?")
    listed = bool(_BULLET.search(body) or _NUMBERED.search(body))
    rules = {
        k: w
        for k, w in WEIGHTS.items()
        if (k != "numbered" or listed) and (k != "vouvoiement" or locale == "fr")
    }
    best = allot(rules)
    checks = {
        "greeting": f"{first} ".startswith(tuple(f"{g} " for g in GREETINGS[locale])),
        "sign_off": any(f" {s} " in ending for s in SIGN_OFFS[locale]),
        "questions": questions <= MAX_QUESTIONS,
        "numbered": not _BULLET.search(body),
        "sms": not sms,
        "ticket": bool(ticket) and ticket.lower() in body.lower(),
        "vouvoiement": not signals(body, locale).familiar_tu,
    }
    values = {"questions": {"count": questions}, "sms": {"words": ", ".join(sorted(set(sms)))}}
    return [_rule(words, k, checks[k], best[k], **values.get(k, {})) for k in rules]

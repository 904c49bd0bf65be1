"""The trainee's answer to the caller's "Everything in Documents?": a clear yes, a no, an unclear
line, or something else (a change of subject). Only a clear yes lets the caller do a drastic step.

Agents answer the way they type: "yep go ahead", "yes pls", « oui allez-y », « c bien ca », « ouais
tout ». A yes that is taken back in the same line ("yes... no wait", « oui, enfin non ») is unclear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from simulator.folding import fold

Answer = Literal["yes", "no", "unclear", "other"]

_YES = {
    "en": (
        "yes",
        "yess",
        "yes yes",
        "yeah",
        "yea",
        "yep",
        "yup",
        "ya",
        "y",
        "sure",
        "sure thing",
        "absolutely",
        "definitely",
        "of course",
        "correct",
        "thats right",
        "that s right",
        "thats correct",
        "that s correct",
        "right yes",
        "exactly",
        "affirmative",
        "confirmed",
        "i confirm",
        "go ahead",
        "go for it",
        "go on",
        "do it",
        "please do",
        "you can",
        "yes you can",
        "yes please",
        "yes please go ahead",
        "yes go ahead",
        "yes do it",
        "please go ahead",
        "ok go ahead",
        "okay go ahead",
        "ok do it",
        "okay do it",
        "ok yes",
        "okay yes",
    ),
    "fr": (
        "oui",
        "ouii",
        "oui oui",
        "ouais",
        "ouai",
        "ouep",
        "ui",
        "exactement",
        "exact",
        "tout a fait",
        "absolument",
        "bien sur",
        "evidemment",
        "affirmatif",
        "je confirme",
        "confirme",
        "c est ca",
        "c est bien ca",
        "c bien ca",
        "c ca",
        "cest ca",
        "cest bien ca",
        "allez y",
        "allez",
        "vas y",
        "faites le",
        "faites",
        "vous pouvez",
        "oui vous pouvez",
        "d accord allez y",
        "ok allez y",
        "d accord faites le",
        "ok faites le",
        "c est bon allez y",
    ),
}
_NO = {
    "en": (
        "no",
        "nope",
        "nah",
        "not yet",
        "wait",
        "hold on",
        "stop",
        "don t",
        "dont",
        "do not",
        "no no",
        "not that",
        "not all",
        "not everything",
        "never mind",
        "nevermind",
        "actually no",
        "sorry no",
        "leave it",
        "cancel",
    ),
    "fr": (
        "non",
        "non non",
        "pas encore",
        "attendez",
        "stop",
        "surtout pas",
        "pas tout",
        "pas ca",
        "ne faites rien",
        "ne touchez",
        "ne faites pas",
        "laissez",
        "laissez tomber",
        "enfin non",
        "finalement non",
        "annulez",
        "pas du tout",
        "euh non",
    ),
}
# Words that hold an answer back: a yes followed by one of them is not clear.
_HOLD_BACK = {
    "en": re.compile(r"\b(?:wait|hold on|not yet|no|don t|dont|do not|but|actually|not all)\b"),
    "fr": re.compile(r"\b(?:attendez|non|pas encore|mais|enfin|ne \w+ pas|surtout pas|pas tout)\b"),
}
# Lines that answer without saying yes or no: "ok", "hmm", « je pense », « d'accord ».
_UNCLEAR = {
    "en": (
        "ok",
        "okay",
        "k",
        "hmm",
        "hm",
        "um",
        "uh",
        "maybe",
        "i think so",
        "i guess",
        "perhaps",
        "probably",
        "well",
        "right",
        "alright",
        "all right",
        "fine",
        "if you want",
    ),
    "fr": (
        "ok",
        "okay",
        "d accord",
        "bon",
        "euh",
        "hmm",
        "peut etre",
        "je pense",
        "je crois",
        "je suppose",
        "bah",
        "ben",
        "si vous voulez",
        "comme vous voulez",
        "bien",
        "ca marche",
    ),
}
SHORT = 4  # a line this short that neither says yes nor no is an unclear answer


@dataclass(frozen=True)
class Reading:
    """What the trainee's line answers, and the words left after the answer."""

    answer: Answer
    rest: str


def _opening(folded: str, phrases: tuple[str, ...]) -> str:
    """The longest phrase the line opens with (on word boundaries), or ""."""
    best = ""
    for phrase in phrases:
        if (folded == phrase or folded.startswith(phrase + " ")) and len(phrase) > len(best):
            best = phrase
    return best


# A salutation that opens a written answer ("Hello Jane," « Bonjour Madame Roux, »): the answer
# is read after it.
_SALUTATION = re.compile(
    r"^\s*(?:hello|hi|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|cher|ch[eè]re|"
    r"madame|monsieur)\b[^,\n]{0,40}[,\n]\s*",
    re.IGNORECASE,
)


def read_answer(text: str, locale: str) -> Reading:
    """How a line (or an e-mail, after its salutation) answers a yes/no question about a drastic
    step."""
    text = _SALUTATION.sub("", text, count=1)
    folded = " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())
    yes = _opening(folded, _YES[locale])
    no = _opening(folded, _NO[locale])
    if no and len(no) >= len(yes):
        return Reading("no", _rest(text, no))
    if yes:
        after = folded[len(yes) :]
        if _HOLD_BACK[locale].search(after.split(".")[0][:40]):
            return Reading("unclear", "")
        return Reading("yes", _rest(text, yes))
    if (
        folded in _UNCLEAR[locale]
        or len(folded.split()) < SHORT
        and _opening(folded, _UNCLEAR[locale])
    ):
        return Reading("unclear", "")
    return Reading("other", text)


def _rest(text: str, phrase: str) -> str:
    """The words of `text` after its first sentence when that sentence is only the answer
    ("Yes, go ahead. Then restart it." → "Then restart it.")."""
    parts = re.split(r"(?<=[.!?;])\s+", text.strip(), maxsplit=1)
    first = " ".join(re.sub(r"[^\w]+", " ", fold(parts[0])).split())
    if len(first.split()) <= len(phrase.split()) + 4:
        return parts[1] if len(parts) > 1 else ""
    words = text.strip().split()
    return " ".join(words[len(phrase.split()) :]).lstrip(",;:- ")

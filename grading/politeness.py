"""How polite one line sounds, from the strategies people use (Danescu-Niculescu-Mizil et al.,
"A computational approach to politeness", ACL 2013), in English and French.

Each strategy is a cue in the wording; a weighted sum of the cues, squashed to -1…1, is the line's
politeness. The weights were set by hand from the paper's findings and checked on its human-rated
Stack Exchange requests and on labelled French help-desk lines (bench/politeness.py).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from grading.folded import fold

_W = r"(?:^|\s)"
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "gratitude": {
        "en": (r"\bthank", r"\bthanks\b", r"\bappreciate", r"\bgrateful\b"),
        "fr": (r"\bmerci\b", r"\bje vous remercie\b", r"\breconnaissant"),
    },
    "greeting": {
        "en": (r"^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b",),
        "fr": (r"^(?:bonjour|bonsoir|salut|bonne (?:journee|soiree))\b",),
    },
    "farewell": {
        "en": (r"\bhave a (?:nice|good|great) (?:day|afternoon|evening)\b", r"\bgoodbye\b"),
        "fr": (r"\bbonne (?:journee|fin de journee|soiree|continuation)\b", r"\bau revoir\b"),
    },
    "apology": {
        "en": (r"\bsorry\b", r"\bapolog", r"\bexcuse me\b", r"\bpardon\b"),
        "fr": (r"\bdesole", r"\bexcusez", r"\bpardon\b", r"\bje m excuse\b", r"\bnavre"),
    },
    "deference": {
        "en": (
            r"^(?:great|good|nice|interesting) (?:question|point|idea)",
            r"\byou did well\b",
            r"\bgood (?:thinking|reflex)\b",
            r"\bwell done\b",
            r"\byou were right\b",
        ),
        "fr": (
            r"\bbonne (?:question|idee|remarque)\b",
            r"\bbon reflexe\b",
            r"\bvous avez bien fait\b",
            r"\bvous avez eu raison\b",
            r"\ba qui ai je l honneur\b",
            r"\bvolontiers\b",
        ),
    },
    "please": {
        "en": (r".+\bplease\b", r".+\bkindly\b"),
        "fr": (r".+\bs il vous plait\b", r".+\bsvp\b", r".+\bje vous prie\b"),
    },
    "please_start": {
        "en": (r"^please\b",),
        "fr": (r"^(?:s il vous plait|svp)\b",),
    },
    "hedge": {
        "en": (
            r"\bi think\b",
            r"\bmaybe\b",
            r"\bperhaps\b",
            r"\bprobably\b",
            r"\bi guess\b",
            r"\bit seems\b",
            r"\bpossibly\b",
            r"\bmight\b",
            r"\bi suppose\b",
            r"\bseems\b",
        ),
        "fr": (
            r"\bje pense\b",
            r"\bpeut etre\b",
            r"\bprobablement\b",
            r"\bil me semble\b",
            r"\bsans doute\b",
            r"\bje crois\b",
            r"\bil semble\b",
            r"\bsurement\b",
        ),
    },
    "indirect": {
        "en": (
            r"\b(?:could|would|can|may|might) (?:you|i|we)\b",
            r"\bwould you mind\b",
            r"\bdo you mind\b",
            r"\bis it possible\b",
            r"\bif you (?:could|can|don t mind)\b",
            r"\bwould it be\b",
            r"\blet s\b",
            r"\bi d like\b",
            r"\bi would like\b",
        ),
        "fr": (
            r"\b(?:pourriez|pouvez|voudriez|voulez|auriez) vous\b",
            r"\bpourrais je\b",
            r"\bpuis je\b",
            r"\bpeut on\b",
            r"\best ce que vous pourriez\b",
            r"\bje voudrais\b",
            r"\bsi vous (?:le )?voulez\b",
            r"\bsi vous pouvez\b",
            r"\bje vous propose\b",
            r"\bon (?:va|peut)\b",
            r"\bvous permettez\b",
            r"\bje vais vous demander\b",
        ),
    },
    "we": {
        "en": (r"\bwe\b", r"\blet s\b", r"\bour\b", r"\bus\b"),
        "fr": (r"\bnous\b", r"\bon\b", r"\bnotre\b", r"\bensemble\b"),
    },
    "positive": {
        "en": (
            r"\b(?:great|good|nice|awesome|excellent|interesting|glad|happy|welcome|helpful|"
            r"appreciated?|cool|perfect|wonderful|lovely)\b",
        ),
        "fr": (
            r"\b(?:parfait|tres bien|super|excellent|bienvenue|ravie?|content|contente|genial|"
            r"volontiers|avec plaisir|impeccable)\b",
        ),
    },
    "reassure": {
        "en": (
            r"\bdon t worry\b",
            r"\bno problem\b",
            r"\bi understand\b",
            r"\bof course\b",
            r"\bi m here to help\b",
            r"\bno worries\b",
        ),
        "fr": (
            r"\bne vous inquietez pas\b",
            r"\bpas de souci\b",
            r"\bje comprends\b",
            r"\bbien sur\b",
            r"\bavec plaisir\b",
            r"\bpas de probleme\b",
        ),
    },
    "direct_question": {
        "en": (r"^(?:why|what|how|where|who|which)\b(?! (?:would|could|can|may))",),
        "fr": (r"^(?:pourquoi|quoi|comment ca|qu est ce que vous)\b",),
    },
    "why_you": {
        "en": (
            r"\bwhy (?:did|didn t|would|are|do|don t) you\b",
            r"\bwhat were you\b",
            r"\bhow many times\b",
            r"\bwhat (?:on earth|the hell)\b",
            r"\breally\b\W*$",
            r"^(?:or|and) (?:are|do|should|did) (?:you|we)\b",
            r"\bhave you even\b",
            r"\b(?:on earth|in the world)\b",
            r"\bwhy so\b",
            r"\bseriously\b",
        ),
        "fr": (
            r"\bpourquoi (?:vous avez|avez vous|vous n avez|n avez vous|tu)\b",
            r"\bcombien de fois\b",
            r"\bqu est ce que vous avez fait\b",
        ),
    },
    "second_person_start": {
        "en": (r"^(?:you|your|you re|you ve)\b",),
        "fr": (r"^(?:vous|votre|vos|tu|ton|ta)\b(?! (?:pourriez|pouvez|voulez|avez eu raison))",),
    },
    "factuality": {
        "en": (
            r"\bactually\b",
            r"\bobviously\b",
            r"\bclearly\b",
            r"\bin fact\b",
            r"\bof course not\b",
            r"\bjust\b",
            r"\bsimply\b",
            r"\beven\b",
            r"\bsurely\b",
        ),
        "fr": (
            r"\ben fait\b",
            r"\bevidemment\b",
            r"\bclairement\b",
            r"\bbien evidemment\b",
            r"\bjuste\b",
            r"\bsimplement\b",
            r"\bpourtant\b",
        ),
    },
    "negative": {
        "en": (
            r"\b(?:stupid|dumb|wrong|useless|ridiculous|lazy|idiot|silly|bad|fault|nonsense|"
            r"terrible|awful|pointless|broke|ugly|wtf|damn|hell|crap)\b",
        ),
        "fr": (
            r"\b(?:stupide|idiot|nul|nulle|faux|inutile|ridicule|faute|n importe quoi|betise|"
            r"mauvais|absurde|merde|putain|bordel|debile)\b",
        ),
    },
    "imperative_start": {
        "en": (
            r"^(?:check|press|switch|push|plug|unplug|click|open|close|try|restart|reboot|type|"
            r"go|tell|give|read|look|turn|wait|do|send|run|select|choose|delete|empty|move|"
            r"hold|stop|listen|answer|explain|show|put|take|write|fix|make|use|call|get)\b",
        ),
        "fr": (r"^(?:[a-z]+ez|fais|va|dis|donne|regarde|attends|arrete|ecoute)\b(?! vous)",),
    },
    "familiar": {
        "en": (),
        "fr": (r"\b(?:tu|toi|ton|ta|tes|t as|t es|te)\b",),
    },
    "shout": {"en": (r"!{2,}|\?{2,}",), "fr": (r"!{2,}|\?{2,}",)},
}
WEIGHTS = {
    "gratitude": 1.0,
    "greeting": 0.6,
    "farewell": 0.6,
    "apology": 0.7,
    "deference": 0.8,
    "please": 0.6,
    "please_start": 0.1,
    "hedge": 0.3,
    "indirect": 0.7,
    "we": 0.2,
    "reassure": 0.7,
    "positive": 0.6,
    "direct_question": -0.4,
    "why_you": -1.0,
    "second_person_start": -0.3,
    "factuality": -0.4,
    "negative": -1.0,
    "imperative_start": -0.5,
    "familiar": -1.2,
    "shout": -0.6,
}
BIAS = -0.1


@lru_cache(maxsize=8192)
def strategies(text: str, locale: str) -> tuple[str, ...]:
    """The politeness strategies a line uses (names of CUES), each sentence read on its own."""
    lang = "fr" if locale == "fr" else "en"
    found: set[str] = set()
    shout = bool(re.search(CUES["shout"][lang][0], text))
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n+", text.strip()):
        folded = fold(sentence).strip()
        if not folded:
            continue
        for name, patterns in CUES.items():
            if name != "shout" and any(re.search(p, folded) for p in patterns[lang]):
                found.add(name)
    if shout:
        found.add("shout")
    if "please" in found and "please_start" in found and not _please_inside(text, lang):
        found.discard("please")
    return tuple(sorted(found))


def _please_inside(text: str, lang: str) -> bool:
    word = "please" if lang == "en" else "s il vous plait"
    return any(
        word in fold(s) and not fold(s).strip().startswith(word)
        for s in re.split(r"(?<=[.!?;:])\s+", text)
    )


def politeness(text: str, locale: str) -> float:
    """How polite a line sounds, from -1 (rude) to 1 (very polite); 0 is plain and neutral."""
    raw = BIAS + sum(WEIGHTS[s] for s in strategies(text, locale))
    return math.tanh(raw)


def curt(text: str, locale: str) -> bool:
    """A bare order or a clipped line with no courtesy nor acknowledgement ("Check the cable.")."""
    words = fold(text).split()
    kinds = set(strategies(text, locale))
    warm = {
        "gratitude",
        "greeting",
        "farewell",
        "apology",
        "deference",
        "please",
        "please_start",
        "indirect",
        "reassure",
        "hedge",
        "we",
    }
    if kinds & warm:
        return False
    return len(words) <= 3 or ("imperative_start" in kinds and len(words) <= 10)

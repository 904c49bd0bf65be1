"""The dialogue so far, as understanding consults it: the facts the caller revealed (and those just
given), what the trainee's previous line was about, the question last answered, the drastic step
waiting for a yes, and whether a fix was tried.

The context is what the trainee heard, never the hidden state: being understood in context teaches
nothing that was not already said. It reads a line the matcher is unsure of on its own:

- a short line that points back ("turn it off", « pouvez-vous le désactiver ? », "do that") is
  taken for the matcher's best guess when that guess is what was last discussed: an action acting
  on facts the caller just gave, or a probe or action the trainee's previous line was about;
- a restatement of facts the caller gave ("so it's only your laptop, right?") is active listening;
- after a fix was tried, a question that asks nothing new is a verification (`hearing.after_a_fix`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.acts import STATING
from simulator.call import Call, Pending
from simulator.clauses import analyse, parse
from simulator.echo import caller_lines, summary_of
from simulator.folding import fold
from simulator.hearing import Hearing, after_a_fix, requested_cores
from simulator.understand import Match, Understanding

FOLLOW_UP_THRESHOLD = -0.8  # how unsure the matcher may be of a line read in context
FOLLOW_UP_WORDS = 12
# Words that point back at what was just said: "turn it off", "pouvez-vous le désactiver", "faites-
# le", "do that".
_BACK_REFERENCE = {
    "en": re.compile(r"\b(?:it|that|this|them|those|these)\b"),
    "fr": re.compile(
        r"\b(?:le|la|les|l|y|en)\s+\w+(?:er|ir|re|ez)\b|\b(?:\w+ez|faites) (?:le|la|les|y)\b"
        r"|\b(?:ca|cela)\b"
    ),
}


@dataclass(frozen=True)
class Dialogue:
    """What has been said so far that a person on the phone keeps in mind."""

    revealed: frozenset[str]
    just_heard: frozenset[str]  # facts the caller gave in answer to the previous step
    last_intents: tuple[str, ...]  # what the trainee's previous line was about (done or not)
    last_withheld: tuple[str, ...]  # actions it asked about, announced or imagined, not done
    last_question: str | None  # the probe the caller answered last
    pending: Pending | None  # a drastic step the caller asked about, awaiting a yes
    fix_tried: bool  # an action was applied: "working?" now verifies it


def dialogue(call: Call) -> Dialogue:
    """The context of the current step, read from the call's log."""
    last_intents: list[str] = []
    withheld: list[str] = []
    steps = 0
    just_heard: set[str] = set()
    for event in reversed(call.events):
        if "input" in event["data"]:
            steps += 1
            if steps == 2:
                break
        elif steps == 1 and event["kind"] == "facts_revealed":
            just_heard.update(event["data"]["facts"])
        elif steps == 1 and event["kind"] == "intent_matched":
            last_intents += [i["intent"] for i in event["data"]["intents"]]
            withheld += [
                i["intent"]
                for i in event["data"]["intents"]
                if i.get("withheld") or i.get("stated")
            ]
    answered = [e["data"]["probe"] for e in call.events if e["kind"] == "probe_answered"]
    tried = any(e["kind"] == "action_applied" and e["data"]["applied"] for e in call.events)
    return Dialogue(
        revealed=frozenset(call.revealed),
        just_heard=frozenset(just_heard),
        last_intents=tuple(last_intents),
        last_withheld=tuple(withheld),
        last_question=answered[-1] if answered else None,
        pending=call.pending,
        fix_tried=tried,
    )


def take_pending(call: Call) -> Pending | None:
    """The drastic step the caller asked about on the previous step, if any (it is taken: an
    answer is due now, and a later line no longer answers it)."""
    pending, call.pending = call.pending, None
    return pending if pending is not None and pending.turn == call.turn - 1 else None


def read_in_context(
    hearing: Hearing, call: Call, text: str, understanding: Understanding
) -> Understanding:
    """The matcher's reading of a line completed by the dialogue so far."""
    context = dialogue(call)
    cores = requested_cores(hearing, call, text, list(understanding.matches))
    checked = after_a_fix(hearing, call, text, [*understanding.matches, *cores])
    if checked != list(understanding.matches):
        understanding = Understanding(tuple(checked), understanding.best_guess)
    vague = _names_nothing(hearing, call, text, understanding)
    if vague:  # « pouvez-vous le désactiver ? » out of the blue: désactiver quoi ?
        kept = tuple(m for m in understanding.matches if m not in vague)
        understanding = Understanding(kept, understanding.best_guess)
    if understanding.understood and not _only_leaning(understanding):
        return understanding
    if understanding.understood:  # a weak reading gives way to a line that clearly points back
        pointed = _pointed_back(call, context, understanding.best_guess, text)
        return Understanding((pointed,), understanding.best_guess) if pointed else understanding
    guess = understanding.best_guess
    found = (
        _follow_up(hearing, call, context, guess, text)
        or _restated(call, context, guess, text)
        or _pointed_back(call, context, guess, text)
        or summary_of(call, text)
    )
    return Understanding((found,), guess) if found else understanding


POINTING_WORDS = 8
_NO_NAME = {"svp", "stp", "pls", "please", "plz", "merci", "thanks", "thx", "", "bon", "ok", "okay"}
_NO_NAME |= {"allez", "alors", "right", "well", "so", "oui", "yes", "yeah", "d accord", "daccord"}
# how often or how long, no thing: « appuyez une fois dessus », "press it twice", "hold it 5 secs"
_NO_NAME |= {"fois", "coup", "seconde", "secondes", "sec", "secs", "time", "times", "second"}
_NO_NAME |= {"seconds", "moment", "instant", "dessus", "dessous", "dedans", "derriere", "devant"}
GENERIC_VERBS = {"do", "go", "be", "faire", "aller", "etre", "vouloir", "would", "will", "pouvoir"}
GENERIC_VERBS |= {"can", "could"}
GENERIC_WORDS = {"do", "go", "faites", "faire", "fais", "allez", "allons"}  # when the parse errs


_POINTED_VERB = re.compile(r"\b(?:le|la|les|l)\s+(\w+(?:er|ir|re))\b")


def _names_nothing(
    hearing: Hearing, call: Call, text: str, understanding: Understanding
) -> list[Match]:
    """The actions heard in a short line that names no thing, only points back with a pronoun
    ("turn it off", « pouvez-vous le désactiver ? »): only the dialogue tells what they act on.
    With only a generic verb ("do that", « faites-le ») not even a check is named."""
    folded = fold(text)
    words = [w for w in folded.split() if w not in _NO_NAME]  # "ok", « svp » add no length
    if len(words) > POINTING_WORDS or not _BACK_REFERENCE[call.locale].search(folded):
        return []
    doc = parse(text, call.locale)
    # « pour l'éteindre »: the verb a pronoun object comes before, whatever the parser tags
    pointed = set(_POINTED_VERB.findall(folded))
    if any(t.pos_ in ("NOUN", "PROPN") and fold(t.text) not in _NO_NAME | pointed for t in doc):
        return []
    # « fermez Sage et relancez-le »: a name the caller used is a thing, whatever the parser tags
    called = {w for line in caller_lines(call) for w in fold(line).split() if len(w) > 3}
    named = {fold(t.text) for t in doc if t.pos_ not in ("VERB", "AUX", "PRON", "ADV")}
    if (named - _NO_NAME) & called:
        return []
    verbs = {fold(t.lemma_) for t in doc if t.pos_ in ("VERB", "AUX")}
    said = set(folded.split())
    generic = verbs <= GENERIC_VERBS and bool(verbs & GENERIC_VERBS or said & GENERIC_WORDS)
    named = ("action", "probe") if generic else ("action",)
    return [
        m
        for m in understanding.matches
        if hearing.intent_kind(call.scenario, m.intent) in named
        or (generic and m.intent == "verify_fix")
    ]


LEANING = 0.0  # below this decision value a heard intent is only a leaning (threshold: -0.3)


def _only_leaning(understanding: Understanding) -> bool:
    """Every intent heard was taken with little margin (an SVM decision below 0, where a clear
    reading is well above it): a reading a line that clearly points back may overrule."""
    return all(m.score < LEANING for m in understanding.matches)


def _pointed_back(call: Call, context: Dialogue, guess: Match | None, text: str) -> Match | None:
    """A bare request that names nothing but points back ("go on, do that then", « bon,
    faites-le alors ») right after the trainee asked about, announced or imagined one action of
    this scenario: that action, as a person on the phone hears it."""
    actions = {a.intent for a in call.scenario.actions if a.intent}
    candidates = [i for i in dict.fromkeys(context.last_withheld) if i in actions]
    folded = fold(text)
    if len(candidates) != 1 or len(folded.split()) > POINTING_WORDS:
        return None
    if not _BACK_REFERENCE[call.locale].search(folded):
        return None
    if not any(c.act == "request" and not c.negated for c in analyse(text, call.locale)):
        return None
    return Match(candidates[0], guess.score if guess else FOLLOW_UP_THRESHOLD, text.strip())


def _follow_up(
    hearing: Hearing, call: Call, context: Dialogue, guess: Match | None, text: str
) -> Match | None:
    """A short line that points back at what was last discussed, read in that context.

    "Pouvez-vous le désactiver ?" right after the caller said airplane mode is on means "turn
    airplane mode off"; "ok, do that then" after the trainee asked whether the caller had tried
    restarting means "restart it". The guess must be a probe or action of this scenario, not far
    below the threshold, and either act on facts the caller has all revealed (one of them in answer
    to the previous step) or be what the trainee's previous line was about. A guess that is an
    action this scenario does not have ("ok appuyez une fois dessus pour l'éteindre" heard as
    airplane mode right after the caller said the caps lock light is on) is the one action of the
    scenario acting on exactly those facts, when the line asks it.
    """
    if guess is None or guess.score < FOLLOW_UP_THRESHOLD:
        return None
    folded = fold(text)
    if len(folded.split()) > FOLLOW_UP_WORDS or not _BACK_REFERENCE[call.locale].search(folded):
        return None
    scenario = call.scenario
    bound = [*scenario.actions, *scenario.probes]
    if guess.intent in context.last_intents and any(i.intent == guess.intent for i in bound):
        return Match(guess.intent, guess.score, text.strip())
    fitting = {
        action.intent
        for action in scenario.actions
        if action.intent
        and action.when
        and set(action.when) <= context.revealed
        and set(action.when) & context.just_heard
    }
    if guess.intent in fitting:
        return Match(guess.intent, guess.score, text.strip())
    unbound = guess.intent not in scenario.bound_intents()
    elsewhere = unbound and hearing.intent_kind(scenario, guess.intent) == "action"
    if elsewhere and len(fitting) == 1 and any(c.requested for c in analyse(text, call.locale)):
        return Match(fitting.pop(), guess.score, text.strip())
    return None


def _restated(call: Call, context: Dialogue, guess: Match | None, text: str) -> Match | None:
    """A restatement of what the caller already said ("so it's only your laptop, right?"): the
    matcher's unsure guess is taken when it is a probe whose facts the caller has all revealed and
    the parser reads the line as a restatement. It is then answered as active listening."""
    if guess is None or guess.score < FOLLOW_UP_THRESHOLD:
        return None
    probe = next((p for p in call.scenario.probes if p.intent == guess.intent), None)
    if probe is None or not probe.reveals or not set(probe.reveals) <= context.revealed:
        return None
    if not any(c.act in STATING for c in analyse(text, call.locale)):
        return None
    return Match(guess.intent, guess.score, text.strip())

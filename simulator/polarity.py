"""The polarity of a clause: whether it is negated, and the scope of its negation.

A negation attached to one of the clause's verbs negates it ("don't delete", « ne supprimez
pas »); "without" / « sans » heading it too; so do phrases whose scope is the next verb ("no need
to", « inutile de »). A negated "forget" / « hésiter » still asks ("don't forget to plug it in"),
and a negation about feelings ("don't worry", « ne vous en faites pas ») scopes over no action.
"""

from __future__ import annotations

import re
from typing import Any

from simulator.folding import fold

Token = Any


def _lemma(token: Token) -> str:
    return fold(token.lemma_ or token.text)


def _low(token: Token) -> str:
    return fold(token.text)


NEGATORS = {"not", "n't", "never", "no", "ne", "n'", "n", "pas", "jamais", "rien", "aucun", "nt"}


NOTHING = {"rien", "nothing"}


POLITE = {"forget", "hesitate", "fail", "oublier", "hesiter", "manquer"}


WITHOUT = {"without", "sans"}


# "Don't worry", « ne vous inquiétez pas »: a negation that reassures and scopes over no action.
REASSURE = {"worry", "panic", "fret", "stress", "inquieter", "paniquer", "affoler", "afraid"}


FEARS = {
    "afraid",
    "scared",
    "worried",
    "nervous",
    "inquiet",
    "en",
}  # "don't be afraid", « ne vous en faites pas »


AVOID = {"avoid", "eviter", "stop", "arreter", "refrain", "cesser"}


# Phrases whose scope is the verb right after them: "no need to restart", « inutile de redémarrer ».
NEG_LEAD = re.compile(
    r"(?:\bno need to|\bdon t need to|\bdo not need to|\bneedn t|\bno reason to|\bavoid"
    r"|\b(?:pas besoin|pas la peine|inutile|evitez|eviter|ne faut (?:surtout )?pas) (?:de|d)"
    r"|\bsurtout pas|\bne faut (?:surtout )?pas)(?: le| la| les| l| y| en| to)?\s*$"
)


def negation(verbs: list[Token], head: Token) -> tuple[bool, bool]:
    """(negated, polite): a negation on one of the clause's verbs; polite if it only says "do
    not forget / hesitate to"."""
    negated = polite = False
    for verb in verbs:
        neg = [c for c in verb.children if c.dep_ == "neg" or _low(c) in NEGATORS]
        neg = [c for c in neg if c.dep_ in ("neg", "advmod", "det", "dep", "advmod:neg")]
        # « on redémarre rien de votre côté », "touch nothing": nothing as the verb's object
        neg += [c for c in verb.children if _low(c) in NOTHING and c.dep_ in ("obj", "dobj")]
        neg = [c for c in neg if not _reassuring_words(c)]
        if neg and all(_low(c) in ("ne", "n") for c in neg) and _restrictive(verb):
            neg = []  # « vous n'avez qu'à cliquer »: ne… que says "only", not "not"
        if neg:
            follows = verb.i != verbs[-1].i
            if (_lemma(verb) in POLITE or _low(verb) in POLITE) and follows:
                polite = True
            elif not reassures(verb):
                negated = True
        if _lemma(verb) in AVOID and verb.i != verbs[-1].i:
            negated = True
    return negated, polite


def _restrictive(verb: Token) -> bool:
    """A « que » right after the verb (or in its subtree) makes « ne … que » "only"."""
    after = verb.doc[verb.i + 1 : verb.i + 4]
    return any(_low(t) in ("que", "qu") for t in after) or any(
        _low(c) in ("que", "qu") and c.i > verb.i for c in verb.subtree
    )


def _reassuring_words(negator: Token) -> bool:
    """Whether a negation opens a reassurance ("don't be afraid", « ne vous en faites pas »)
    whatever the parse made of the words after it."""
    start = negator.i - 1 if negator.text.lower() in ("n't", "nt", "not", "n’t") else negator.i
    words = fold(negator.doc[max(0, start) : negator.i + 5].text)
    return bool(REASSURING.match(words))


def reassures(verb: Token) -> bool:
    """ "Don't worry", "don't be afraid", « ne vous en faites pas »: a negation about feelings."""
    if _lemma(verb) in REASSURE or _low(verb) in REASSURE:
        return True
    return any(_low(c) in FEARS for c in verb.children)


def without(head: Token, verbs: list[Token]) -> bool:
    """Whether "without" / « sans » heads the clause, or a negative need governs it."""
    for verb in verbs:
        if any(_low(c) in WITHOUT and c.dep_ in ("mark", "case") for c in verb.children):
            return True
    action = verbs[-1]
    before = []
    for token in reversed(action.doc[max(0, action.i - 5) : action.i]):
        if token.text in (".", "?", "!", ";", ","):
            break
        before.insert(0, token)
    if NEG_LEAD.search(fold(" ".join(t.text for t in before))):
        return True
    up = head.head
    return up.i != head.i and _low(up) in WITHOUT


REASSURING = re.compile(
    r"(?:do ?n ?t|do not|never) (?:be (?:afraid|scared|worried|nervous)|worry|panic|fret|stress)"
    r"|no need to (?:worry|panic|stress|be afraid)|no worries|no panic"
    r"|ne (?:vous |t )?(?:en faites|inquietez|affolez|paniquez)|n ayez pas peur"
    r"|pas (?:de |d )(?:panique|inquietude|souci|soucis|stress)"
    r"|pas besoin de (?:vous )?(?:inquieter|en faire)"
)

"""Saying back what the caller just said: "so locked again, third time since Monday, right?",
« d'accord, votre beau-frère a mis un DNS Google à la main ».

A person hears a summary, not a new question, when a sentence takes up the caller's own recent
words and is framed as a restatement: it opens with a restating word ("so", "got it", « donc »,
« d'accord ») or ends with a tag that asks for a yes ("right?", « c'est ça ? »), and asks nothing
with a question word. Such a sentence is active listening (`summarize`); a question the matcher
found inside it is not asked again.
"""

from __future__ import annotations

import re

from simulator.acts import ADVICE
from simulator.clauses import sentences
from simulator.folding import fold
from simulator.understand import Match

SUMMARY = "summarize"
RECENT_CALLER_LINES = 8
SHARED_WORDS = 2  # content words the sentence must share with what the caller said
STEM = 5  # words are compared on their first letters: "locked" / "locking", « bloque » / « bloqué »

_OPENING = re.compile(
    r"^(?:(?:ok|okay|k|right|alright|ah|oh|yes|yeah|d accord|dac|bon|ah bon|oui|tres bien|parfait)"
    r" )*(?:so what (?:you re|ur|you are|your) (?:telling me|saying) is"
    r"|what (?:you re|ur|you are|your) telling me is|ce que vous me dites|so|got it|i see"
    r"|understood|noted|ok so|right so|donc|ok donc|d accord donc|alors|je vois|je note"
    r"|c est note|compris|entendu|if i follow|si je (?:vous )?suis bien|si je comprends bien"
    r"|si j ai bien compris)\b"
)
# frames that restate whatever follows: "so it's only your laptop", « donc vous avez… »
_RESTATING = re.compile(
    r"^(?:(?:ok|okay|right|alright|ah|d accord|bon|oui|tres bien) )*(?:so|donc|if i follow"
    r"|si je (?:vous )?suis bien|si je comprends bien|si j ai bien compris|what (?:you re|ur"
    r"|you are|your) telling me is|ce que vous me dites)\b"
)
_OPENING_WORD = re.compile(
    r"^(?:ok|okay|d accord|dac|right|alright|got it|understood|noted|ah ok|oh ok"
    # "ah that'll be it", « ah voilà »: a cause found, not words said back
    r"|(?:ah|oh)(?! (?:that|thats|thatll|this|there|c est|voila|mais|but)\b))\b"
)
_TAG = re.compile(
    r"(?:\b(?:right|correct|yes|yeah|is that right|is that it|isn t it|is it|yep)"
    r"|c est (?:bien )?ca|c est bien cela|non|hein|exact|je me trompe|c est correct)\s*$"
)
# taken note of at the end: « un petit avion, d'accord », "third floor, noted"
_NOTED = re.compile(
    r"\b(?:d accord|ok|okay|right|i see|je vois|je note|c est note|noted|got it|understood"
    r"|entendu|compris)\s*$"
)
_QUESTION_WORD = re.compile(
    r"\b(?:what|when|which|how|where|who|why|whats|quand|quel|quelle|quels|quelles|comment|ou"
    r"|qui|pourquoi|combien|quoi|est ce que|can you|could you|do you|did you|have you|pouvez"
    r"|avez vous|vous avez)\b"
)
_STOP_WORDS = (
    "the and that this with your you have what when from they them then just yeah okay right"
    " since there their about into only also been were will would could should does dont didnt got"
    " avec vous votre vos pour dans mais donc alors elle ils elles nous cette sont etait avez"
    " etes fait faire plus tout tous bien deja encore aussi comme quand juste meme"
    # short function words: "c'est", "des", "for", "had" carry nothing the caller said
    " est des les une par sur pas qui que its for not but can are was has had did accord"
)
_STOP = frozenset(_STOP_WORDS.split())


# the same words typed short: "5 wks" says back "five weeks", « 3 sem » « trois semaines »
_NUMBERS = "one two three four five six seven eight nine ten eleven twelve twenty thirty"
_NOMBRES = "- deux trois quatre cinq six sept huit neuf dix onze douze vingt trente"
_SAME = {w: str(n) for names in (_NUMBERS, _NOMBRES) for n, w in enumerate(names.split(), 1)}
_SAME |= {"twenty": "20", "thirty": "30", "vingt": "20", "trente": "30"}
_SAME.pop("-")
_SAME |= {"wk": "week", "wks": "weeks", "hr": "hour", "hrs": "hours", "mins": "minutes"}
_SAME |= {"sem": "semaine", "sems": "semaines", "mn": "minutes", "min": "minutes"}
_SAME |= {"dept": "department", "depts": "departments"}
# the same thing in the agent's words: "lent for a training" says back "borrowed it for a
# training", "since last night" "since yesterday evening", « en congés » "on leave"
_FAMILIES = (
    "lent borrowed loaned lend borrow prete pretee emprunte empruntee prete",
    "night evening tonight soir soiree",
    "refusing rejecting rejected refused refuses rejects wrong incorrect faux refuse rejette",
    "away leave holiday holidays vacation conges vacances absent",
    "mail mails email emails courriel courriels",
    "pc computer ordi ordinateur desktop",
    "screen monitor display ecran moniteur",
    "stuck blocked bloque bloquee coince coincee",
)
_SAME |= {word: family.split()[0] for family in _FAMILIES for word in family.split()}


def _words(text: str) -> set[str]:
    said = (_SAME.get(w, w) for w in fold(text).split())
    return {w[:STEM] for w in said if w.isdigit() or (len(w) >= 3 and w not in _STOP)}


# an acknowledgement after the words said back: "393 mb, right, thats nothing", « hors ligne. dac. »
_ACK = re.compile(
    r"^(?:ah |oh )?(?:right|yep|yeah|yes|ok|okay|k|kk|oui|d accord|dac|je vois|i see|got it|noted"
    r"|exactement|exactly|correct|entendu|compris)\b"
)
SHORT_ECHO = 4  # words: "whole dept.", « hors ligne. » taken note of by a bare "k." / « dac. »


def _half(words: set[str]) -> int:
    """Half the content words of a short sentence, at least two."""
    return max(SHARED_WORDS, (len(words) + 1) // 2)


def _shares(words: set[str], said: set[str]) -> bool:
    return bool(words) and len(words & said) >= min(SHARED_WORDS, len(words))


def _acknowledged(sentence: str, before: str, after: str, said: set[str]) -> str | None:
    """The words the caller said, then acknowledged: "393 mb" in "393 mb, right, …" (a comma, then
    "right": what follows is the agent's own), or a short sentence beside a bare "ok." /
    « dac. »."""
    head, comma, rest = sentence.partition(",")
    asks = sentence.rstrip().endswith("?")  # "…, ok with u?" asks leave
    if comma and not asks and _ACK.match(fold(rest).strip()) and _shares(_words(head), said):
        return head.strip()
    bare = [s for s in (before, after) if s and _ACK.match(s) and len(s.split()) <= 2]
    # « un petit avion ? ok »: the caller's words asked back, then taken note of
    noted_after = bool(after) and after in bare
    short = len(fold(sentence).split()) <= SHORT_ECHO and (not asks or noted_after)
    words = _words(sentence)
    half = len(words & said) >= max(1, (len(words) + 1) // 2)  # "orange and blinking. ok."
    return sentence.strip() if bare and short and words and half else None


def echoed_sentences(text: str, caller_lines: list[str]) -> list[str]:
    """The sentences of a line that say back the caller's recent words as a restatement."""
    said = set().union(*(_words(line) for line in caller_lines)) if caller_lines else set()
    found = []
    cut = sentences(text)
    folded_cut = [fold(s).strip() for s in cut]
    for at, sentence in enumerate(cut):
        before = folded_cut[at - 1] if at else ""
        after = folded_cut[at + 1] if at + 1 < len(cut) else ""
        acknowledged = _acknowledged(sentence, before, after, said)
        if acknowledged:
            found.append(acknowledged)
            continue
        folded = fold(sentence).strip()
        if any(marker in folded for marker in ADVICE):
            continue  # "so just so u know for next time, …" gives a tip, it says nothing back
        words = _words(sentence)
        framed = (
            _OPENING.match(folded)
            or (sentence.rstrip().endswith("?") and _TAG.search(folded))
            or (not sentence.rstrip().endswith("?") and _NOTED.search(folded))
        )
        rest = _OPENING.sub("", folded).strip()
        asked = sentence.rstrip().endswith("?") and _QUESTION_WORD.search(rest)
        # a question word in a statement is a relative ("nothing that comes in since last night")
        question = (asked or _QUESTION_WORD.match(rest)) and not _TAG.search(folded)
        shared = words & said
        strong = _RESTATING.match(folded)
        # a bare "ok." says nothing back: words of the caller's must be there
        if (
            framed
            and not question
            and words
            and (strong or len(shared) >= min(SHARED_WORDS, len(words)))
        ):
            found.append(sentence.strip())
        elif _OPENING_WORD.match(folded) and not question and len(shared) >= min(3, _half(words)):
            # « d'accord, votre beau-frère a mis un DNS à la main », "ok, vpn says wrong password"
            found.append(sentence.strip())
    return found


# "it's blinking, so it's on standby": after the caller's sign, the agent's own conclusion
_THEREFORE = re.compile(
    r"(?:^|\s)(?:donc|so|which means|ce qui veut dire que)\s+(?P<rest>(?:il|elle|ils|elles|c|ca|it"
    r"|its|it s|they|the|le|la|les|votre|vos|your|ur)\b.*)$"
)
_LEADING = re.compile(
    r"^(?:(?:ok|okay|right|alright|ah|oh|d accord|dac|bon|alors|et|and|but)\s*)*$"
)
_SETTLED = frozenset(
    {"bon", "regle", "resolu", "resolved", "fine", "sorted", "fixed", "working", "work", "works"}
    | {"marche", "fonctionne", "repare", "good", "done", "fait", "termine", "parti", "ok", "okay"}
    | {"back", "revenu", "revenue"}
)


def concluded(text: str, caller_lines: list[str]) -> str | None:
    """The sentence of a line that draws the agent's own conclusion from what the caller said
    (« il clignote, donc il est en veille »): it tells the cause, in words the caller did not
    use. Not a question, not a restatement opening the line ("so your brother-in-law set it"),
    and not a fault said to be settled ("so it's working now")."""
    said = set().union(*(_words(line) for line in caller_lines)) if caller_lines else set()
    for sentence in sentences(text):
        if sentence.rstrip().endswith("?"):
            continue
        parts = [fold(p).strip() for p in sentence.split(",")]
        for at, part in enumerate(parts):
            found = _THEREFORE.search(part)
            if not found or (at == 0 and _LEADING.match(part[: found.start()])):
                continue
            rest = found["rest"]
            if set(rest.split()) & _SETTLED or _QUESTION_WORD.search(rest):
                continue
            if _words(rest) - said:
                return sentence.strip()
    return None


def summary_of(call, text: str):
    """A summary match for a line that says the caller's words back, when nothing else was heard
    in it, or None."""
    echoes = echoed_sentences(text, caller_lines(call))
    return Match(SUMMARY, 0.0, echoes[0]) if echoes else None


def caller_lines(call) -> list[str]:
    """What the caller said over their last few lines, newest last."""
    lines = [e["data"].get("text", "") for e in call.events if e["kind"] == "caller_said"]
    return lines[-RECENT_CALLER_LINES:]

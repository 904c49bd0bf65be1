"""The rules that name a clause's speech act from its parse (used by `simulator.clauses`).

A clause is headed by a verb that is not merged into another one (an `xcomp` verb belongs to its
governor: "going to *reinstall*", « pouvez *redémarrer* »). Its act comes from, in order: reported
speech, a condition, advice for later, then the subject's person with the verbs' tense, mood and
modals. Its polarity comes from a negation attached to one of its verbs, from "without" / « sans »
heading it, or from a negative need ("no need to", « inutile de »); a negated "forget" or
« hésiter » still asks ("don't forget to plug it in", « n'hésitez pas à rebrancher »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from simulator.folding import fold
from simulator.polarity import AVOID, POLITE, WITHOUT, negation, reassures, without

Token = Any
HEADS = {"ROOT", "conj", "ccomp", "advcl", "parataxis", "acl", "pcomp", "csubj", "relcl"}
HEADS |= {"acl:relcl", "advcl:cleft", "xcomp:pred", "dep"}
MERGED = {"xcomp", "aux", "aux:tense", "aux:pass", "aux:caus", "cop", "auxpass"}
NEED_NOUNS = {"need", "besoin", "inutile", "necessaire", "nécessaire"}
SAY = {"say", "tell", "mention", "write", "dire", "expliquer", "raconter", "signaler", "ecrire"}
SAY |= {"ask", "demander", "suggest", "suggerer", "conseiller", "recommend", "recommander"}
SAY |= {"read", "hear", "lire", "entendre"}  # "a colleague read online that you should…"
WANT = {"need", "want", "like", "require", "besoin", "vouloir", "aimer", "demander", "souhaiter"}
WANT |= {"ask", "prier", "falloir", "faut", "faudrait", "have", "wonder", "devoir", "would"}
CONDITIONS = {"if", "si", "unless", "when", "quand", "lorsque", "whenever", "whether", "s'"}
CAUSATIVE = {"have", "make", "let", "get", "faire", "laisser"}
TEMPORAL = {"before", "after", "once", "until", "till", "avant", "apres", "après", "jusqu'"}
MODALS_2 = {"can", "could", "would", "will", "should", "must", "might", "may", "ca", "wo"}
MODAL_VERBS = {"pouvoir", "vouloir", "devoir", "aller", "pouvez", "pourriez", "voulez", "allez"}
FUTURE = {
    "going",
    "will",
    "'ll",
    "ll",
    "shall",
    "aller",
    "vais",
    "va",
    "allons",
    "gonna",
    "gon",
    "let",
}
FIRST = {"i", "we", "je", "j'", "j", "nous", "on", "me", "let's", "us"}
SECOND = {"you", "vous", "tu", "u", "ya"}
ADVICE = (
    "from time to time", "next time", "in the future", "in future", "if it happens again",
    "every week", "every month", "every day", "regularly", "once a week", "once a month",
    "going forward", "from now on", "in the long run", "de temps en temps", "de temps a autre",
    "la prochaine fois", "a l avenir", "regulierement", "si ca se reproduit", "si ca recommence",
    "si ca revient", "chaque semaine", "chaque mois", "une fois par", "desormais", "dorenavant",
    "later on", "plus tard", "a terme", "if ever", "si jamais", "at some point", "every few",
    "once in a while", "now and then", "now and again", "toutes les semaines", "tous les mois",
    "de temps a autre", "une fois de temps", "chaque fois que", "a chaque fois que",
)  # fmt: skip
WH = {"when", "what", "whats", "where", "wheres", "which", "who", "how", "hows", "why", "whose"}
WH |= {"quand", "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "combien"}
WH_PHRASES = {"qu est ce", "est ce que", "est ce qu", "c est quoi", "c est quel", "c est quelle"}
WH_PHRASES |= {"y a", "y a t"}  # « y a un voyant » typed for « y a-t-il un voyant ? »
WH_PHRASES |= {"c quoi", "c koi", "c quel", "c quelle", "c ou", "c qui"}  # « c » for « c'est »
OPENERS = {"ok", "okay", "so", "and", "right", "alright", "et", "alors", "donc", "bon", "ben", "d"}
OPENERS |= {"accord", "daccord", "oui", "yes", "hmm", "euh", "ah", "oh"}
# asking the caller's leave for one's own act: "mind if I…?", « je peux vider… ? », « ça vous va ? »
PERMISSION = re.compile(
    r"(?:^|\b(?:ok|okay|alright|fine|mind|all right) )(?:with (?:you|u) )?if i\b"
    r"|\b(?:can|may|could) i\b|\bje (?:peux|pourrais|pourrai)\b|\bpuis je\b"
    r"|\b(?:ca|cela) vous (?:va|convient|derange)\b|\bvous permettez que\b"
    r"|\b(?:d accord|ok) si je\b|\bje me permets\b"
)
ELLIPTICAL = ("if not ", "if so ", "if yes ", "if no ", "if that s the case ", "if thats the case ")
ELLIPTICAL += ("si oui ", "si non ", "si c est le cas ", "si ce n est pas le cas ", "si c est bon ")
_NEGATION = re.compile(r"\b(?:not|never|don t|dont|no|ne|n|pas|jamais|plus|rien)\b")
IRREGULAR_COMMANDS = {"faites", "dites", "refaites", "redites", "faisons", "disons"}
STATING = ("restate", "statement")  # acts that tell rather than ask or do
RESTATE = (
    "if i understand", "if i understood", "so you", "you said", "you told me", "you mentioned",
    "so it s", "so its", "so your", "so the", "so that s", "so only", "so just",
    "si je comprends", "si j ai bien compris", "donc vous", "donc c est", "donc votre", "donc ca",
    "donc le", "donc la", "donc les", "donc seulement", "vous m avez dit", "vous dites",
    "vous me dites", "d accord donc", "ok donc", "right so", "ok so", "okay so", "alright so",
)  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """A clause's speech act, whether it is negated, and its subject's person where the clause
    has its own ("1", "1p", "2", "3", "0": none; "" when read from another clause)."""

    act: str
    negated: bool
    person: str = ""


def is_head(token: Token) -> bool:
    """Whether a token heads a clause of its own: a sentence root, or a verb not merged into
    another one (an xcomp verb, an auxiliary or a copula belongs to its governor)."""
    if token.head.i == token.i or token.dep_ == "ROOT":
        return True
    if token.pos_ == "VERB" and any(_low(c) in WITHOUT for c in token.children):
        return True  # « sans toucher à vos documents », however the parser hung it
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in MERGED and token.dep_ in HEADS


def _verbs(head: Token) -> list[Token]:
    """The head and the verbs merged into it (xcomp chain, downward): "going to reinstall"."""
    chain = [head]
    while True:
        nxt = [c for c in chain[-1].children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        nxt = [c for c in nxt if c.dep_ == "xcomp" or _lemma(chain[-1]) in POLITE | AVOID]
        if not nxt or len(chain) > 5:
            return chain
        chain.append(nxt[0])


def _with_carriers(verbs: list[Token]) -> list[Token]:
    """The verbs plus an auxiliary that carries their subject: "could *you get* rid of" (spaCy
    hangs "you" and "could" on "get", an auxpass of "rid")."""
    carriers = [
        c
        for c in verbs[0].children
        if c.dep_ == "auxpass" and any(g.dep_.startswith(("nsubj", "aux")) for g in c.children)
    ]
    return verbs + carriers


def action_verb(head: Token) -> Token:
    """The verb that names what is done in a clause: the last of its merged verbs."""
    return _verbs(head)[-1]


def _lemma(token: Token) -> str:
    return fold(token.lemma_ or token.text)


def _low(token: Token) -> str:
    return fold(token.text)


def _subject(verbs: list[Token]) -> Token | None:
    for verb in verbs:
        found = [
            c
            for c in verb.children
            if (c.dep_.startswith("nsubj") or c.dep_ == "expl:subj") and _low(c) not in OPENERS
        ]
        if found:  # « ok je vous déverrouille »: "ok" is no subject; a pronoun is the surest
            return next((c for c in found if c.pos_ == "PRON"), found[0])
    head = verbs[0]
    if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        return _subject(_verbs(head.head))
    return None


def _person(subject: Token | None, verbs: list[Token]) -> str:
    if subject is not None and _lemma(subject) in NEED_NOUNS:
        subject = None
    if subject is None:
        if any(_low(c) in ("let", "let's") for c in verbs):
            return "1"
        head = verbs[0]
        finite = "Fin" in head.morph.get("VerbForm") and "Imp" not in head.morph.get("Mood")
        if finite and "3" in head.morph.get("Person") and not _imperative(head):
            return "3"
        return "0"
    word = _low(subject)
    if word in ("we", "nous", "on", "us"):
        return "1p"
    if word in FIRST:
        return "1"
    if word in SECOND:
        return "2"
    return "3"


def _dependent(head: Token, own_subject: bool) -> bool:
    """An infinitive or participle clause with no subject, hanging on another verb: it shares
    that verb's act ("I'll ask the network team *to restart it*", « j'ai réinstallé… »)."""
    if own_subject or head.head.i == head.i or head.dep_ in ("conj", "ROOT"):
        return False
    if any(_low(c) in WITHOUT | CONDITIONS for c in head.children):
        return False
    form = head.morph.get("VerbForm")
    nonfinite = "Inf" in form or "Part" in form or head.tag_ in ("VB", "VBG", "VBN")
    return nonfinite and not _imperative(head) and not _leading_gerund(head)


def _leading_gerund(head: Token) -> bool:
    """ "emptying ur bin too, it's full of old folders": an -ing verb with its object, set before
    a comma and the clause it hangs on, narrates an act of its own (not the reason stated after)."""
    if not _gerund(head) or head.dep_ != "advcl" or head.i > head.head.i:
        return False
    between = head.doc[head.i + 1 : head.head.i]
    return any(t.text == "," for t in between) and any(c.dep_ in _OBJECTS for c in head.children)


def _wants(verb: Token) -> bool:
    """ "I need / I'd like / il faudrait", « j'aurais besoin » (need as a noun object too)."""
    # a verb hanging on it loosely is another clause ("I'm not gonna unlock it, want to find why")
    words = {_lemma(verb), _low(verb)} | {
        _lemma(c) for c in verb.children if c.pos_ != "VERB" or c.dep_ in MERGED
    }
    return bool(words & WANT)


def _asked(sentence: str) -> bool:
    """A question mark, or an English sentence opening on "is the…", "did you…", "are they…":
    chat-typed questions come without their mark."""
    folded = fold(sentence)
    return "?" in sentence or bool(_YES_NO_START.match(folded) or _IN_SITU.search(folded))


# « le pc vous met quoi comme message », « ça affiche quoi » : French asks with « quoi » in place
_IN_SITU = re.compile(
    r"\b(?:quoi comme|(?:met|mettent|affiche|affichent|dit|disent|marque|indique|montre|voyez"
    r"|vois|avez|fait|font|ecrit|raconte|donne|sort) quoi|ressemblen?t? a quoi"
    r"|(?:est|sont) (?:de )?quelle couleur|(?:il|elle|ca) (?:est|fait) comment)\b"
    # « le câble il est bien enfoncé », « la lumière elle est allumée » : a thing set first, taken
    # up by its pronoun with « bien » or a state, is a yes/no question typed without its mark
    r"|^(?:(?:et|ok|d accord|alors|bon|donc|dac) )*(?:(?:derriere|sur|dans|en bas|a cote)\b"
    r"[\w ]{0,30} )?(?:le|la|les|l|votre|vos) ?\w+(?: \w+)? (?:il|elle|ils|elles) (?:est|sont)"
    r" (?:bien|toujours|encore|deja)\b"
)


_YES_NO_START = re.compile(
    r"^(?:(?:ok|okay|k|so|and|right|alright|n|also)\s+)*(?:is|are|was|were|does|do|did|has|have"
    r"|isnt|arent|doesnt|didnt|hasnt|havent)\s+(?:the|ur|your|you|u|it|its|that|this|there|they"
    r"|he|she|any|anything|anyone|anybody|everything|everyone|someone|something|ppl|people)\b"
)


def _sentence(head: Token) -> str:
    """The head's sentence, with the rest of the typed sentence when that asks ("ça ressemble à |
    quoi ?", "near the clock, | does it say FR or something else?"): the parser cuts sentences
    where a person reading the line would not."""
    sent, doc = head.sent, head.doc
    rest = doc[sent.end :]
    if len(rest) and rest[-1].text == "?":
        return sent.text + " " + rest.text
    # ...or, without its mark, when the rest is the question word left at the end (« …elle
    # ressemble à | quoi »)
    if 0 < len(rest) <= 3 and _IN_SITU.search(fold(sent.text + " " + rest.text)):
        return sent.text + " " + rest.text
    return sent.text


def _wh_start(span: str) -> bool:
    """A clause that opens with a question word asks, question mark or not ("when did this
    start", « comment ça s'affiche »)."""
    words = span.split()
    while words and words[0] in OPENERS:
        words = words[1:]
    starts = {" ".join(words[:2]), " ".join(words[:3])}
    return bool(words) and (words[0] in WH or bool(starts & WH_PHRASES))


def _inverted(head: Token, verbs: list[Token], subject: Token | None) -> bool:
    """Subject after its verb or auxiliary: "did you…", "can you…", « pouvez-vous »."""
    if subject is None:
        return False
    first = min([head, *[c for v in verbs for c in v.children if c.dep_.startswith("aux")]],
                key=lambda t: t.i)  # fmt: skip
    return subject.i > first.i


def read_predicate(head: Token, span: str, first: Token | None = None) -> Reading:
    """The act and polarity of the clause headed by `head` (its text: `span`, its first word:
    `first`)."""
    verbs = _with_carriers(_verbs(head))
    sentence = _sentence(head)
    typed, span = span, fold(span)
    negated, polite = negation(verbs, head)
    negated = (negated or without(head, verbs) or _no_noun(typed, first)) and not polite
    condition = next((m for m in ELLIPTICAL if span.startswith(m)), None)
    if condition and negated and not _NEGATION.search(span[len(condition) :]):
        negated = False  # "if not, please empty it": the "not" is the condition's
    if negated and _asked(sentence) and _polite_question(head, verbs, sentence):
        return Reading("request", False)
    minded = _minded(span, fold(sentence), head)
    if minded is not None:
        return minded
    if _YES_NO_START.match(span) and not _MIND.search(span):  # "are the ppl next to u stuck"
        return Reading("question", negated)
    if _described(head):  # "ok outlook refusing ur login": a thing and what it does, told
        return Reading("statement", negated)
    lemmas = {_lemma(v) for v in verbs} | {_low(v) for v in verbs}
    auxes = {_low(c) for v in verbs for c in v.children if c.dep_.startswith("aux")}
    subject = _subject(verbs)
    person = _person(subject, verbs)
    governor = head.head if head.dep_ in ("ccomp", "xcomp", "advcl") else None
    if governor is not None and head.dep_ == "ccomp":
        gov_person = _person(_subject(_verbs(governor)), [governor])
        if _lemma(governor) in SAY and gov_person == "3":
            return Reading("report", negated)
        asks = _wants(governor) and gov_person in ("1", "3", "0")
        # "I'll have you restart it" asks; "I won't have you delete them" asks it not
        asks = asks or (_lemma(governor) in CAUSATIVE and gov_person == "1" and person == "2")
        if asks and (not _asked(sentence) or gov_person != "0"):
            # "I don't need you to delete your documents": the need is negated, so is the ask
            refused = negation(_verbs(governor), governor)[0] and not reassures(governor)
            return Reading("request", negated or refused)
        ordered = _imperative(governor) and not _subject([governor])
        if person in ("3", "0") and ordered:
            # "check that the caps lock light isn't on": what the request asks to look at
            return Reading("request", negated)
    if polite:
        return Reading("request", False)
    reported = person in ("3", "0") and any(_lemma(v) in SAY for v in verbs[:-1])
    if reported and not _imperative(head):
        return Reading("report", negated)
    if _dependent(head, own_subject=any(c.dep_.startswith("nsubj") for c in head.children)):
        upper_head = head.head
        while not is_head(upper_head):
            upper_head = upper_head.head
        upper = read_predicate(upper_head, upper_head.text, upper_head.left_edge)
        return Reading(upper.act, negated or (upper.negated and not reassures(upper_head)))
    if head.dep_ in ("csubj", "csubjpass") and head.head.i != head.i:
        upper = read_predicate(head.head, head.head.text)
        return Reading(upper.act, negated)
    own_subject = any(c.dep_.startswith("nsubj") for c in head.children)
    if head.dep_ == "conj" and not own_subject and head.head.i != head.i:
        upper_head = head.head
        while not is_head(upper_head):
            upper_head = upper_head.head
        upper = read_predicate(upper_head, upper_head.text, upper_head.left_edge)
        shared = upper.negated and not reassures(upper_head) and not _contrasted(head)
        # "it looks damaged, so remove it": an imperative joined to a statement asks
        act = "request" if upper.act in STATING and _imperative(head) else upper.act
        return Reading(act, negated or shared)
    act = _act(head, verbs, lemmas, auxes, subject, person, sentence, span, governor, first)
    if act == "request" and person == "1p" and negated and _wants(head):
        act = (
            "announce"  # "we don't need to reinstall office", « on n'a pas besoin de… »: ruled out
        )
    return Reading(act, negated, person)


# Words that open a new instruction after a negated one: « ne supprimez pas vos fichiers, videz
# juste la corbeille », "don't delete them but empty the bin".
CONTRAST = {"but", "instead", "rather", "just", "only", "simply", "then", "mais", "plutot"}
CONTRAST |= {"juste", "seulement", "simplement", "uniquement", "puis", "ensuite"}
_OBJECTS = ("obj", "dobj")


def _contrasted(conj: Token) -> bool:
    """Whether a verb joined to a negated one is a new instruction that the negation leaves out:
    after a contrast word, or after a comma when both verbs have objects of their own."""
    first = conj.head
    between = conj.doc[first.i + 1 : conj.i]
    words = {_low(t) for t in between} | {_low(c) for c in conj.children if c.dep_ != "conj"}
    if words & CONTRAST:
        return True
    if words & {"or", "nor", "ou", "ni"}:
        return False
    comma = any(t.text == "," for t in between)
    own_object = any(c.dep_ in _OBJECTS for c in conj.children)
    return comma and own_object and any(c.dep_ in _OBJECTS for c in first.children)


def _act(head, verbs, lemmas, auxes, subject, person, sentence, span, governor, first) -> str:
    marks = {_low(c) for c in head.children if c.dep_ == "mark"}
    if marks & TEMPORAL and person == "1":
        return "announce"  # "before I reset it, I need your employee ID": later, not now
    if person == "1" and _asked(sentence) and PERMISSION.search(fold(sentence)):
        return "request"  # "ok if I empty your bin too?": asks the caller's leave to do it
    modal_2 = bool(auxes & MODALS_2) or bool(lemmas & MODAL_VERBS)
    if marks & CONDITIONS and span.startswith(ELLIPTICAL):
        marks = set()  # "if not, please empty it": the condition is said; the request stands
    if marks & CONDITIONS and not (person == "2" and modal_2 and governor is None):
        if not (person == "2" and auxes & {"could", "would"}):
            return "hypothesis"
        return "request"
    folded_sentence = fold(sentence)
    if any(marker in folded_sentence for marker in ADVICE) and not _asked(sentence):
        return "advice"
    if _imperative(head) and (not _subject_before(head, subject) or _leads(head, span)):
        return "request"
    if _initial_command(span):
        return "request"
    past = _past(verbs, auxes)
    if person in ("1", "1p"):
        if governor is not None and _lemma(governor) in WANT and person == "1":
            return "request"
        if (lemmas | {_low(governor)} if governor is not None else lemmas) & WANT and _you(verbs):
            return "request"
        if past:
            return "claim"
        if auxes & {"could", "would", "might", "may", "d", "'d"} or _conditional(verbs):
            return "hypothesis"
        if _conditioned(head):
            return "hypothesis"
        if person == "1p":
            return "request"
        if auxes & {"could", "would", "might"} or _conditional(verbs):
            return "hypothesis"
        if lemmas & FUTURE or auxes & FUTURE:
            return "announce"
        return "question" if _asked(sentence) else "narrate"
    if any(span.startswith(m) or f" {m} " in f" {span} " for m in RESTATE):
        return "question" if _wh_start(span) else "restate"
    if person in ("2", "3") and _later_duty(verbs, auxes, lemmas, span):
        return "advice"  # « vous devrez en choisir un nouveau à la connexion »: for later
    if person == "2":
        if modal_2 or _lemma(head) in ("falloir",) or _must(head):
            return "request"
        if _asked(sentence) or _inverted(head, verbs, subject):
            return "question"
        return "restate" if past or head.pos_ in ("AUX", "VERB") else "request"
    if person == "3":
        if lemmas & {"falloir", "faut", "faudrait"}:
            return "request"
        if _bare_start(first) and not _gerund(head):  # "vpn rejecting ur password" tells
            return "request"
        if _asked(sentence) or _wh_start(span):
            return "question"
        # "the phone keeps the old password", « c'est le mode avion »: the agent states a fact
        return "claim" if past else ("hypothesis" if _conditional(verbs) else "statement")
    # no subject: an imperative or an infinitive instruction, or a bare question ("Working?")
    if _conditional(verbs):
        return "hypothesis"
    if not _imperative(head) and not _asked(sentence) and _NOTED.search(fold(sentence)):
        return "restate"  # "the whole team, ok.", « un petit avion, d'accord »: taken note of
    opens_on_gerund = first is not None and first.dep_ == "amod" and _gerund(first)
    if (_gerund(head) or opens_on_gerund) and not _asked(sentence):
        return "narrate"  # "unlocking it for you now": the agent's own act, its subject left out
    if _asked(sentence) and head.tag_ not in ("VB",) and not _imperative(head):
        return "question"  # « c'est depuis quelle heure à peu près ? » asks, whatever it looks like
    if head.pos_ not in ("VERB", "AUX") and PERFECT.search(span):
        return "claim"
    if head.tag_ == "NNS" and any(c.dep_ == "dobj" for c in head.children):
        return "statement"  # "the F12 key toggles it": a verb the parser took for a plural noun
    return "request" if head.pos_ in ("VERB", "AUX", "PROPN", "NOUN", "ADJ") else "narrate"


_NOTED = re.compile(
    r"\b(?:ok|okay|d accord|dac|daccord|right|noted|got it|i see|je vois|compris|entendu"
    r"|c est note|understood)\s*$"
)


# "would you mind restarting it", « ça vous dérange pas de l'éteindre ? »: asking, politely
_MIND = re.compile(
    r"\b(?:would|do|d) (?:you|u) mind\b(?! if)"
    r"|\b(?:(?:ca|cela|c) )?(?:ne |n )?vous (?:derange|ennuie"
    r"|embete|gene)(?:rait)?(?: pas)? (?:de|d)\b"
    # « vous n'avez qu'à cliquer », "you just have to click", "all you need to do is"
    r"|\bvous (?:n )?(?:avez|aurez|auriez) (?:plus )?qu a\b|\b(?:you|u) (?:just|only) (?:have|need)"
    r" to\b|\ball (?:you|u) (?:have|need) to do is\b"
)


def _minded(span: str, sentence: str, head: Token) -> Reading | None:
    """A request framed as "would you mind…" / « ça vous dérange de… » (its "pas" asks nothing
    less), or a part of it that adds no subject and no negation of its own ("…et de retaper")."""
    if re.search(r"\bmind if\b", sentence):  # "would you mind if I take control": leave asked
        return None
    frame = _MIND.search(span)
    if frame:
        rest = span[: frame.start()] + " " + span[frame.end() :]
        return Reading("request", bool(_NEGATION.search(rest)))
    own_subject = any(c.dep_.startswith("nsubj") for c in head.children)
    if _MIND.search(sentence) and not own_subject and not _NEGATION.search(span):
        return Reading("request", False)
    return None


def _polite_question(head: Token, verbs: list[Token], sentence: str) -> bool:
    """ "Why don't you restart it?", « Vous ne pourriez pas redémarrer ? »: asking, politely."""
    folded = fold(sentence)
    if "why don t" in folded or "pourquoi ne pas" in folded or "why not" in folded:
        return True
    auxes = {_low(c) for v in verbs for c in v.children if c.dep_.startswith("aux")}
    subject = _person(_subject(verbs), verbs)
    return subject == "2" and bool(auxes & {"can", "could", "ca"} or {_lemma(v) for v in verbs}
                                   & {"pouvoir", "vouloir"})  # fmt: skip


def _you(verbs: list[Token]) -> bool:
    """Whether the clause asks it of "you" ("I need *you* to", « j'ai besoin que *vous* »)."""
    for verb in verbs:
        for child in verb.subtree:
            if _low(child) in SECOND:
                return True
    return False


# Verbs whose past is their base form: "I reset it" after a pause on the phone reports, as the
# present tense of a one-off act is rarely used in speech (that would be "I'm resetting it").
SAME_PAST = {"reset", "set", "put", "cut", "shut", "quit", "let", "rebuilt", "reran"}


def _past(verbs: list[Token], auxes: set[str]) -> bool:
    head = verbs[0]
    if head.tag_ == "VBP" and _low(head) in SAME_PAST and not auxes:
        return True
    simple_past = head.tag_ == "VBD" or "Past" in head.morph.get("Tense") and head.tag_ != "VBN"
    perfect = auxes & {"ai", "avons", "a", "have", "ve"}
    if simple_past and (head.morph.get("VerbForm") != ["Part"] or perfect):
        return True
    if auxes & {"have", "'ve", "ve", "had", "has", "ai", "avons", "a", "avez"}:
        return any(v.tag_ == "VBN" or "Part" in v.morph.get("VerbForm") for v in verbs)
    return any(_lemma(v) == "venir" for v in verbs[:1]) and len(verbs) > 1


def _must(head: Token) -> bool:
    """ "you need to restart it", "u have to / you've got to / you gotta unplug it": a duty put
    to the caller asks as « vous devez » does ("you need a new cable" only states)."""
    if _lemma(head) not in ("need", "have", "get", "got", "gotta") or head.lang_ != "en":
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in head.children)


# When a duty put in the future applies: at the next logon, once something is done, tomorrow.
_LATER = re.compile(
    r"\b(?:a|lors de) (?:la|votre) (?:prochaine )?(?:connexion|reconnexion|ouverture de session)"
    r"|\bau (?:prochain )?(?:demarrage|redemarrage|retour)\b"
    r"|\b(?:quand|lorsque|lorsqu|des que|des qu|une fois qu|une fois que|demain"
    r"|la prochaine fois)\b"
    r"|\b(?:when|once|tomorrow|next time|the next time|after (?:that|this|it|the))\b"
    r"|\b(?:at|on|upon) (?:the |ur |your )?next\b|\bnext (?:login|logon|log in|sign in|boot)\b"
)


def _later_duty(verbs: list[Token], auxes: set[str], lemmas: set[str], span: str) -> bool:
    """ "you'll have to pick a new one when you log in", « vous devrez en choisir un nouveau à la
    connexion », « il faudra le redémarrer demain »: a duty in the future tense with the moment it
    applies is what will happen, not a request for now ("you'll need to restart it" alone asks)."""
    if not _LATER.search(span):
        return False
    french = any(
        _lemma(v) in ("devoir", "falloir", "avoir") and "Fut" in v.morph.get("Tense") for v in verbs
    ) or any(_low(v) in ("devrez", "faudra", "aurez") for v in verbs)
    english = bool(auxes & {"will", "'ll", "ll", "wil"}) and bool(lemmas & {"have", "need"})
    return french or english


def _conditional(verbs: list[Token]) -> bool:
    if any(v.lang_ == "fr" and _low(v).endswith(("rait", "raient", "rais")) for v in verbs):
        return True
    return any("Cnd" in v.morph.get("Mood") for v in verbs) or any(
        _low(c) in ("would", "could", "might", "should") for v in verbs for c in v.children
    )


def _imperative(head: Token) -> bool:
    """An imperative verb: tagged so, a bare English base form, or a French -ez / -ons form."""
    word = _low(head)
    if "Imp" in head.morph.get("Mood"):
        return True
    if head.tag_ == "VB" and not any(c.dep_.startswith("aux") for c in head.children):
        return True
    return head.lang_ == "fr" and (word.endswith("ez") or word.endswith("ons"))


# "a redémarré", "has restarted": a perfect the parser did not see as a verb group
PERFECT = re.compile(
    r"\b(?:ai|as|a|avons|avez|ont|have|has|had|ve)\s+"
    # « a droite », « a cote »: the preposition typed without its accent
    r"(?!(?:droite|gauche|cote|partir|distance|peu|propos|cause|l|la|le|votre|vos)\b)"
    r"(?:\w+\s+)?\w+(?:e|ee|i|is|it|u|ed)\b"
)
FILLERS = {
    # interjections before the clause ("great, that was airplane mode"): no bare imperative
    "great",
    "perfect",
    "lovely",
    "brilliant",
    "cool",
    "excellent",
    "parfait",
    "super",
    "nickel",
    "voila",
    "please",
    "just",
    "now",
    "so",
    "ok",
    "okay",
    "and",
    "then",
    "alors",
    "bien",
    "svp",
    "maintenant",
    "donc",
    "et",
    "puis",
    "ensuite",
    "le",
    "la",
    "les",
    "l",
    "y",
    "en",
    "me",
}
NOT_VERBS = {"chez", "nez", "assez", "rez"}


def _leads(head: Token, span: str) -> bool:
    """Whether the clause starts with its verb (a subject before it is a misparse elsewhere)."""
    words = [w for w in span.split() if w not in FILLERS]
    return bool(words) and words[0] == _low(head)


def _initial_command(span: str) -> bool:
    """ "Let's…", or a French -ez verb first in the clause (« Renfoncez bien le câble »): the
    parser sometimes reads a sentence-initial imperative as a noun."""
    words = [w for w in span.split() if w not in FILLERS]
    if span.startswith(("let s ", "let us ")):
        return True
    if words and words[0] in IRREGULAR_COMMANDS:  # « Faites Windows+P » read as a name
        return True
    return (
        bool(words) and words[0].endswith("ez") and len(words[0]) > 4 and words[0] not in NOT_VERBS
    )


# « pas de réinstallation », "no reset needed": a thing refused by naming it, no verb needed;
# "no worries, restart it" and "no, just restart it" refuse nothing
_NO_NOUN = re.compile(
    r"^(?:(?:ok|okay|so|and|but|alors|donc|bon|et|mais|bref)[ ,]+)*"
    r"(?:(?:no|aucun|aucune|zero|pas de|plus de)\s+|(?:pas|plus) d['’]\s*)(?P<noun>[^\W\d]+)",
    re.IGNORECASE,
)
EASY_NOUNS = {"worries", "worry", "problem", "problems", "prob", "probs", "probleme", "souci"}
EASY_NOUNS |= {"soucis", "problemes"}
EASY_NOUNS |= {"stress", "panique", "panic", "rush", "hurry", "inquietude", "pression", "bother"}
EASY_NOUNS |= {"need", "besoin", "idea", "idee", "way", "doubt", "chance", "luck"}


def _no_noun(typed: str, first: Token | None) -> bool:
    """Whether the clause opens by refusing a thing by its name (« pas de réinstallation ni
    rien », "no reinstall"), or follows a bare « pas » the parser left on its own."""
    found = _NO_NOUN.match(typed.strip())
    if found:
        return fold(found["noun"]) not in EASY_NOUNS
    if first is None or first.i == 0 or fold(first.text) not in ("de", "d"):
        return False
    before = first.doc[first.i - 1]
    opens = before.i == 0 or first.doc[before.i - 1].is_punct
    return fold(before.text) in ("pas", "plus") and opens


def _conditioned(head: Token) -> bool:
    """Whether an "if" / « si » clause hangs on this one: "if it fails, we might reinstall"."""
    return any(
        c.dep_ == "advcl" and any(_low(m) in CONDITIONS for m in c.children if m.dep_ == "mark")
        for c in head.children
    )


def _described(head: Token) -> bool:
    """A noun and the -ing form that says what it does, with no verb of its own ("printer
    refusing every job"): the agent tells what they see or heard."""
    if _gerund(head) and head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        return not _asked(_sentence(head))
    acl = [c for c in head.children if c.dep_ == "acl" and _gerund(c)]
    return head.pos_ in ("NOUN", "PROPN") and bool(acl) and not _asked(_sentence(head))


def _gerund(head: Token) -> bool:
    """An English -ing form with no auxiliary: "running the cleanup now", "vpn rejecting it"."""
    auxiliaries = any(c.dep_.startswith("aux") for c in head.children)
    return head.lang_ == "en" and head.tag_ == "VBG" and not auxiliaries


def _bare_start(first: Token | None) -> bool:
    """An English clause that opens on a bare common word ("press caps lock once"): the small
    parser reads such imperatives as a noun subject; a real subject comes with its determiner."""
    while first is not None and fold(first.text) in FILLERS and first.i + 1 < len(first.doc):
        first = first.doc[first.i + 1]
    if first is None or first.lang_ != "en" or first.tag_ not in ("NN", "VB", "VBP", "JJ"):
        return False
    return not any(c.dep_ in ("det", "poss") for c in first.children) and first.text.islower()


def _subject_before(head: Token, subject: Token | None) -> bool:
    if subject is None or subject.i > head.i:
        return False
    return not any(t.is_punct for t in head.doc[subject.i : head.i])

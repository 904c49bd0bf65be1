"""What the parser reads: a trainee's piece with typed shorthand written out ("u'll" → "you'll",
« jai » → « j'ai »), and where each of its characters was typed.

The small spaCy pipelines were trained on edited text: "u" and "ur" come out as proper nouns, "dont"
as a noun, « vs » as an abbreviation, and the clause's subject and act are lost with them. The
matcher has its own table (`simulator.agent_typing`); this one keeps only forms that change the
parse, written with their apostrophes, and maps the written-out text back to the typed one so that
clause texts are still cut from what the trainee typed.
"""

from __future__ import annotations

import re

_WRITTEN = {
    "en": {
        "u": "you", "ur": "your", "yr": "your", "ya": "you", "r": "are", "pls": "please",
        "plz": "please", "thx": "thanks", "cant": "can't", "dont": "don't", "doesnt": "doesn't",
        "didnt": "didn't", "isnt": "isn't", "wont": "won't", "arent": "aren't", "wasnt": "wasn't",
        "havent": "haven't", "hasnt": "hasn't", "shouldnt": "shouldn't", "couldnt": "couldn't",
        "wouldnt": "wouldn't", "whats": "what's", "im": "I'm", "ive": "I've", "youre": "you're",
        "thats": "that's", "theres": "there's", "youll": "you'll", "youve": "you've",
        "i": "I", "pwd": "password", "pw": "password", "k": "ok", "kk": "ok", "n": "and",
        "lemme": "let me", "gimme": "give me",
    },
    "fr": {
        "jai": "j'ai", "cest": "c'est", "jsuis": "je suis", "chui": "je suis", "g": "j'ai",
        "vs": "vous", "ns": "nous", "mdp": "mot-de-passe", "pb": "problème",
        "svp": "s'il vous plaît",
        "qqch": "quelque chose", "qqn": "quelqu'un", "tt": "tout", "ds": "dans", "pr": "pour",
        "mtn": "maintenant", "jvais": "je vais", "jvous": "je vous", "jte": "je te",
        "jpeux": "je peux", "jregarde": "je regarde", "nest": "n'est", "sest": "s'est",
        "quest": "qu'est", "appli": "application",
        # support franglais: the English verb in a French sentence, read as the French one
        "reinstall": "réinstaller", "reboot": "redémarrer", "rebooter": "redémarrer",
        "rebootez": "redémarrez", "reset": "réinitialiser", "resetter": "réinitialiser",
        "checkez": "vérifiez", "checker": "vérifier", "uninstall": "désinstaller",
    },
}  # fmt: skip
# nouns of several words the French parser cuts into a verb clause, joined (same length)
_COMPOUNDS = re.compile(r"\b(?:mots?|Mots?|MOTS?) (?:de|DE) (?:passe|PASSE)\b")
# "ill set it back": "I'll" where a word follows (never at the end: "are you ill?")
_ILL = re.compile(r"(?<![\w'’])ill(?= [a-z])")
# "id never read it out": "I'd" before the words that follow it (never "your id", "user id")
_ID = re.compile(
    r"(?<![\w'’])(?<!your )(?<!ur )(?<!user )(?<!login )id(?= (?:never|rather|like|love|suggest"
    r"|recommend|say|be|need|just|probably|also|still|prefer|only|always|have|want)\b)"
)
# "its full of old folders": "it's" before the words a possessive "its" never takes ("its screen"
# stays); read as a possessive, the statement became a request about the folders
_ITS = re.compile(
    r"(?<![\w'’])(?:its|ITS|Its)(?= (?:full|ok|okay|fine|not|the|a|an|just|been|working|done|on|off"
    r"|ready|all|still|back|gone|empty|too|very|really|probably|definitely|only|because|now|fixed"
    r"|broken|normal|your|ur|my|coming|going|getting|showing|saying|plugged|unplugged|locked"
    r"|connected|set|in|at|from|likely|usually|quite|pretty|almost|nearly|good|bad|slow|stuck"
    r"|frozen|dead|black|blank|offline|online|down|up|safe|sorted|clean|free|enabled"
    r"|disabled|expired|correct|wrong|right|that|this|def|prob|literally|no|nothing)\b)"
)
# "u'll", "u're", "u've": the shorthand before an apostrophe
_APOSTROPHE = {"en": {"u": "you"}, "fr": {}}
_PATTERNS = {
    locale: re.compile(
        r"(?<![\w'’])(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")"
        r"(?![\w])(?!['’]\w)"
        + r"|(?<![\w'’])("
        + ("|".join(_APOSTROPHE[locale]) or "(?!)")
        + r")(?=['’]\w)",
        re.IGNORECASE,
    )
    for locale, words in _WRITTEN.items()
}


def written_out(text: str, locale: str) -> tuple[str, list[int]]:
    """The text with shorthand written out, and for each of its characters (and one past the
    end) the index in `text` it stands for."""
    table, pattern = _WRITTEN[locale[:2]], _PATTERNS[locale[:2]]
    out: list[str] = []
    where: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        word = match.group()
        full = table.get(word.lower()) or _APOSTROPHE[locale[:2]].get(word.lower())
        if full is None or full == word:
            continue
        out.append(text[last : match.start()])
        where += range(last, match.start())
        out.append(full)
        # every written-out character stands for the typed word; its last one for its end
        where += [match.start()] * (len(full) - 1) + [match.end() - 1]
        last = match.end()
    out.append(text[last:])
    where += range(last, len(text) + 1)
    written = "".join(out)
    if locale[:2] == "fr":  # « mot de passe » is one noun: read apart, « passe » becomes a verb
        written = _COMPOUNDS.sub(lambda m: m.group().replace(" ", "-"), written)
        written, where = _spelt_out_fr(written, where)
    if locale[:2] == "en":  # "you can to restart it": a learner's "to" after a modal, left out
        written, where = _modal_to(written, where)
    if locale[:2] == "en":  # "ill" → "I'll", "id" → "I'd": one letter more, after the "I"
        found = [*_ILL.finditer(written), *_ID.finditer(written), *_ITS.finditer(written)]
        for match in sorted(found, key=lambda m: m.start(), reverse=True):
            at = match.start()
            if match.re is _ITS:  # "its" → "it's": the apostrophe after "it"
                written = written[: at + 2] + "'" + written[at + 2 :]
                where = where[: at + 2] + [where[at + 1]] + where[at + 2 :]
                continue
            written = written[:at] + "I'" + written[at + 1 :]
            where = where[: at + 1] + [where[at]] + where[at + 1 :]
    return written, where


# « c quoi le pb » for « c'est quoi le problème » (not « c est », « c: », « le disque c »)
_C_EST = re.compile(r"(?<![\w'’:])c(?= (?!est\b|etait\b|était\b|:)[a-zàâçéèêëîïôûù])")
# « jtransmets », « jregarde », « jlance »: « je » run into a verb that starts with a consonant
_J_VERB = re.compile(r"(?<![\w'’])j(?P<verb>[bcdfgklmnpqrstvwxz][a-zàâçéèêëîïôûù]{3,})\b", re.I)


# « c etait », « j ai », « l ecran », « s entassaient »: the apostrophe typed as a space
_SPACED_ELISION = re.compile(
    r"(?<![\w'’])(?<!disque )(?<!lecteur )(?<!drive )(?P<letter>[cjldnsmt]|qu) "
    r"(?=[aeiouyhéèêàâîôû])"
)


def _spelt_out_fr(written: str, where: list[int]) -> tuple[str, list[int]]:
    """« c » before a word as « c'est », « j » run into a known verb as « je »: each written-out
    character stands for the typed letter; an apostrophe typed as a space put back (same
    length)."""
    written = _SPACED_ELISION.sub(lambda m: m["letter"] + "'", written)
    found = [(m.start(), m.start() + 1, "c'est") for m in _C_EST.finditer(written)]
    found += [
        (m.start(), m.start() + 1, "je ")
        for m in _J_VERB.finditer(written)
        if _frequency(m.group("verb").lower()) >= KNOWN_ZIPF and _frequency(m.group().lower()) < 1
    ]
    for start, end, full in sorted(found, reverse=True):
        written = written[:start] + full + written[end:]
        where = where[:start] + [where[start]] * len(full) + where[end:]
    return written, where


def _frequency(word: str) -> float:
    """How common a French word is (wordfreq's Zipf scale: 1 rare, 6 very common)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "fr")


KNOWN_ZIPF = 1.2  # « transfere », « redemarre » typed without their accent are rarer still


_MODAL_TO = re.compile(
    r"\b(?:can|could|must|should|may|might|will|would) (?P<to>to )(?=[a-z])", re.I
)


def _modal_to(written: str, where: list[int]) -> tuple[str, list[int]]:
    """ "you can to press caps lock", "you must to restart": the "to" dropped (the parser read
    the verb after it as a noun and the request was lost)."""
    for found in reversed(list(_MODAL_TO.finditer(written))):
        start, end = found.span("to")
        written = written[:start] + written[end:]
        where = where[:start] + where[end:]
    return written, where

"""How agents really type, read back into plain words before matching.

Hotline staff type fast: SMS forms (« pb mdp appli svp », "u pls thx"), no accents, no apostrophes
(« jai », « cest », "whats"). `expand` rewrites a folded text (see `simulator.folding`) into the
words the catalog's examples use; the matcher applies it to its examples and to every clause alike,
so the two meet on the same forms. `openers` cuts a greeting or thanks off the front of a sentence
("hey, Mo from the helpdesk here"): a closed class of words that otherwise swallows the sentence.
"""

from __future__ import annotations

import re

# Folded shorthand → folded full form, per language (whole words only).
_SHORT = {
    "en": {
        "u": "you", "ur": "your", "yr": "your", "r": "are", "pls": "please", "plz": "please",
        "plse": "please", "thx": "thanks", "thnx": "thanks", "thks": "thanks", "tx": "thanks",
        "ty": "thank you", "pwd": "password", "pw": "password", "passwd": "password",
        "msg": "message", "msgs": "messages", "rn": "right now", "b4": "before", "asap": "quickly",
        "pc": "computer", "comp": "computer", "acct": "account", "usr": "user", "ppl": "people",
        "tmrw": "tomorrow", "2day": "today", "thru": "through", "cuz": "because", "coz": "because",
        "bc": "because", "pb": "problem", "prob": "problem", "probs": "problems", "k": "ok",
        "kk": "ok", "okay": "ok", "sec": "second", "secs": "seconds", "min": "minute",
        "mins": "minutes", "info": "information", "wi fi": "wifi", "e mail": "email",
        "cant": "can t", "dont": "don t", "doesnt": "doesn t", "didnt": "didn t", "isnt": "isn t",
        "wont": "won t", "arent": "aren t", "wasnt": "wasn t", "havent": "haven t",
        "whats": "what s", "im": "i m", "ive": "i ve", "youre": "you re", "theres": "there s",
        "thats": "that s", "hows": "how s", "wheres": "where s", "whos": "who s", "ill": "i ll",
        "youve": "you ve", "youll": "you ll", "id like": "i d like", "ya": "you", "yep": "yes",
        "yeah": "yes", "nope": "no", "w": "with", "abt": "about", "smth": "something",
        "sth": "something", "pic": "picture", "approx": "about",
        "can to": "can", "could to": "could", "must to": "must", "should to": "should",
    },
    "fr": {
        "pb": "probleme", "pbs": "problemes", "pbm": "probleme", "pblm": "probleme",
        "prob": "probleme", "probs": "problemes", "mdp": "mot de passe", "appli": "application",
        "applis": "applications", "app": "application", "svp": "s il vous plait",
        "stp": "s il vous plait", "pc": "ordinateur", "ordi": "ordinateur",
        "ordis": "ordinateurs", "bjr": "bonjour", "bsr": "bonsoir", "slt": "salut",
        "bsoir": "bonsoir",
        "msg": "message", "msgs": "messages", "qqch": "quelque chose", "qqchose": "quelque chose",
        "qqn": "quelqu un", "qq": "quelques", "bcp": "beaucoup", "tt": "tout", "ts": "tous",
        "ds": "dans", "pr": "pour", "vs": "vous", "ns": "nous", "c": "c est",
        "jsp": "je ne sais pas",
        "tjrs": "toujours", "tjs": "toujours", "auj": "aujourd hui", "ajd": "aujourd hui",
        "dc": "donc", "pq": "pourquoi", "pk": "pourquoi", "qd": "quand", "koi": "quoi",
        "ke": "que", "kel": "quel", "kelle": "quelle", "g": "j ai", "chui": "je suis",
        "chuis": "je suis", "jvais": "je vais", "mn": "minutes", "min": "minute",
        "sec": "seconde", "tel": "telephone", "num": "numero", "ident": "identifiant",
        "id": "identifiant", "mtn": "maintenant", "mnt": "maintenant", "dsl": "desole",
        "nn": "non", "ouais": "oui", "ya": "il y a", "imprim": "imprimante", "wi fi": "wifi",
        "e mail": "mail", "email": "mail", "courriel": "mail",
        "jai": "j ai", "cest": "c est", "jsuis": "je suis", "quest": "qu est", "nest": "n est",
        "sest": "s est", "daccord": "d accord", "dacc": "d accord", "dac": "d accord",
        "ok": "d accord", "okay": "d accord", "rdv": "rendez vous",
        "reinstall": "reinstaller", "reboot": "redemarrer", "rebooter": "redemarrer",
        "rebootez": "redemarrez", "resetter": "reinitialiser", "checkez": "verifiez",
        "checker": "verifier", "uninstall": "desinstaller",
    },
}  # fmt: skip
# A letter that is a shorthand only when it stands alone: « c » of « c'est » folds to "c est".
_UNLESS = {"c": r"(?! est\b| etait\b| etaient\b)"}
_PATTERNS = {
    locale: re.compile(
        r"\b(?:"
        + "|".join(re.escape(k) + _UNLESS.get(k, "") for k in sorted(table, key=len)[::-1])
        + r")\b"
    )
    for locale, table in _SHORT.items()
}
# French elision typed without its apostrophe: « lecran », « jarrive », « quil » (l'écran, ...).
_ELIDED = re.compile(r"^(qu|[ldjcnstm])([aeiouhy]\w{2,})$|^(j)([bcdfgklmnpqrstvwxz]\w{3,})$")


def expand(folded: str, locale: str) -> str:
    """A folded text with agents' shorthand spelt out in the words the catalog uses."""
    pattern = _PATTERNS.get(locale[:2])
    if pattern is None or not folded:
        return folded
    return pattern.sub(lambda m: _SHORT[locale[:2]][m.group()], folded)


def split_elision(word: str, known: set[str]) -> str:
    """« lecran » → « l ecran » when « ecran » is a known word and « lecran » is not."""
    found = _ELIDED.match(word)  # ...and « jtransmets », « jlance »: « je » run into the verb
    if found:
        head, rest = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
        if rest in known:
            return f"{head} {rest}"
    return word


_GREETING = (
    r"hello|hi|hey|hiya|howdy|good (?:morning|afternoon|evening|day)|morning|afternoon|evening"
    r"|bonjour|bonsoir|bjr|bsr|bsoir|salut|rebonjour|re bonjour|all[oô]"
)
_THANKS = (
    r"thanks?(?: you)?(?: (?:so|very) much| a lot| a million)?|thx|ty|cheers|many thanks"
    r"|merci(?: (?:beaucoup|bcp|bien|infiniment|a vous|à vous))?|mille mercis|un grand merci"
)
_ACK = (
    r"ok(?:ay)?|alright|all right|right|great|perfect|brilliant|lovely|sure|got it|understood"
    r"|d'accord|d accord|dacc|parfait|super|tr[eè]s bien|entendu|bien|ok d'accord|bon"
)
_ADDRESS = r"(?:\s+(?:there|all|sir|madam|ma'am|monsieur|madame|mademoiselle|à vous|a vous))?"
# A leading opener, its address, then a comma / exclamation, or (a greeting) just a space.
_OPENER = re.compile(
    rf"^\s*(?:(?P<ack>(?:{_ACK})[\s,!]+)(?=\S))?(?P<open>(?:{_GREETING}){_ADDRESS}\s*[,!]\s*"
    rf"|(?:{_GREETING}){_ADDRESS}\s+(?!(?:and|to|et|a|à|for|pour)\b)"
    rf"|(?:{_THANKS}){_ADDRESS}\s*[,!]\s*)(?=\S)",
    re.IGNORECASE,
)


_CLOSER = (
    r"(?:ok |alright |right )?(?:bye(?: bye| now| for now)?|good ?bye|take care|talk soon"
    r"|speak soon"
    r"|see you(?: soon)?|cheers|have a (?:good|nice|great|lovely) (?:day|one|evening|weekend|week"
    r"|afternoon)|enjoy the rest of (?:your|ur) day|au revoir|[aà] bient[oô]t|[aà] plus"
    r"|bonne (?:journ[ée]e|soir[ée]e|fin de (?:journ[ée]e|semaine)|apr[eè]s-midi|continuation"
    r"|semaine|week-end)(?: [aà] vous)?"
    r"|good luck(?: with [^,.!?]+)?|bon courage(?: pour [^,.!?]+)?|bonne chance(?: pour [^,.!?]+)?)"
)
# A closing wish after a comma or "and" at the end of a sentence: "thx for ur patience, bye bye".
_CLOSING = re.compile(rf"(?:\s*[,!]\s*|\s+(?:and|et)\s+)(?P<close>{_CLOSER})\s*[!.]*\s*$", re.I)


# A greeting closing a short first part: « Support informatique bonjour, Julien à l'appareil »,
# "helpdesk hi, Noor here".
_LATE_GREETING = re.compile(
    rf"^(?P<before>\s*(?:\S+\s+){{1,3}}?)(?P<greet>(?:{_GREETING}){_ADDRESS})\s*[,!]\s*(?=\S)",
    re.IGNORECASE,
)


# The agent introduced, then the first question, typed without a stop: "helpdesk sam here whats
# up", « support it jvous écoute c quoi votre nom »
INTRODUCED = re.compile(
    r"^(?P<intro>.*?\b(?:here|speaking|(?:it |i t |the )?(?:support|helpdesk|help desk"
    r"|service desk)(?: info| informatique| it)?|[aà] l'?\s?appareil|j(?:e |')?\s?vous [ée]coute"
    r"|jvous [ée]coute|from (?:it|i\.t\.?|tech support|the helpdesk)))"
    r"(?:\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]+))?[,.;:!-]*\s+"  # « support informatique Julien vous êtes »
    r"(?P<ask>(?:what|whats|what's|how|hows|who|whos|who's|can i|could i|may i|c quoi"
    r"|c'est quoi|cest quoi|vous [eê]tes|et vous [eê]tes"
    r"|quel|quelle|comment|qu'est|vot|votre|ur|your|quick name|nom\b|name\b)\b.*)$",
    re.IGNORECASE,
)


def pieces(sentence: str) -> list[str]:
    """A sentence cut into its leading opener, its body and its trailing closing wish."""
    introduced = INTRODUCED.match(sentence)
    if introduced:
        return [*pieces(introduced["intro"]), *pieces(introduced["ask"])]
    late = _LATE_GREETING.match(sentence)
    quoted = late and re.search(
        r"\b(?:say|says|said|dit|dites|disent|ecrit|écrit)\b", late["before"]
    )
    if late and not quoted and not _OPENER.match(sentence):
        rest = sentence[late.end() :]
        return [late["before"].strip(), late["greet"].strip(), *pieces(rest)]
    cut = openers(sentence)
    found = _CLOSING.search(cut[-1])
    if found and len(cut[-1][: found.start()].split()) >= 1:
        cut[-1:] = [cut[-1][: found.start()], found.group("close")]
    return [c for c in cut if c.strip()]


def openers(sentence: str) -> list[str]:
    """A sentence cut after a leading greeting or thanks: ["hey", "Mo from the helpdesk here"].

    The opener is classified on its own, the rest as a sentence of its own; a sentence without
    an opener (or whose rest is a single word) comes back whole.
    """
    found = _OPENER.match(sentence)
    if not found:
        return [sentence]
    rest = sentence[found.end() :]
    if len(rest.split()) < 2:
        return [sentence]
    opener = found.group("open").strip(" ,!")
    return [opener, rest]


# Words that say *why* it went wrong: "so it was caps lock", « le souci vient du serveur ».
_CAUSE = re.compile(
    r"\b(?:it was|it s the|its the|that s why|thats why|that s what|thats what|the cause"
    r"|caused|because of|due to|turns out|turned out|the (?:problem|issue|fault|reason) (?:was|is)"
    r"|was the (?:problem|issue|culprit)|the culprit|c etait|vient d|venait d|a cause d|la cause"
    r"|le (?:souci|probleme) (?:c est|c etait|venait|vient)|en fait|c est pour ca|c est ce qui"
    r"|du a|provient|provenait|c est (?:le|la|les|l|votre|ce|cette|un|une) .*\bqui)\b"
    # what had happened before the call: "the cable had come loose", « le câble s'était débranché »
    r"|\b(?:had (?:come|gone|got|run|been|fallen|\w+ed)|s etai(?:t|ent) \w+|avai(?:t|ent) ete)\b"
)


def gives_cause(folded: str) -> bool:
    """Whether a folded statement names a cause ("it was the cable", « ça vient du serveur »)."""
    return bool(_CAUSE.search(folded))

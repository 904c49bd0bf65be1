"""Accents put back on French typed without them, for the parser only.

Agents type « redemarrez le pc, sans eteindre l'ecran »; the French parser was trained on accented
text and misreads such lines (a verb taken for a noun, « a » for the verb *avoir*). Before parsing,
each unaccented word whose accented spelling is far more frequent in French (wordfreq's counts) than
the bare word and any other spelling gets it back: « eteindre » → « éteindre », « ca » → « ça »; a
word common both ways (« ou » / « où », « sur » / « sûr », « libere » / « libère » / « libéré »)
stays as typed. « a » becomes « à » where it
cannot be the verb: before an infinitive, a possessive or « l' », not after a subject.
The text keeps its length, so the parser's offsets still point into what the trainee typed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MORE_FREQUENT = 5.0  # the accented spelling must be this many times more frequent than the bare one
RARE = 1e-8  # words rarer than this are not looked at
_WORD = re.compile(r"\w+", re.UNICODE)
# words after which « a » is the verb: subject pronouns and « y » (« il y a »), « vous a »
SUBJECTS = frozenset(
    ("il", "elle", "on", "ca", "ça", "cela", "ceci", "qui", "y", "ce", "c", "j", "n", "m")
    + ("t", "s", "l", "lui", "vous", "nous", "tout", "rien", "personne")
)
# words after which « a » is the preposition « à »: possessives, « l' », numbers, set phrases
BEFORE_A_PREPOSITION = frozenset(
    ("vos", "votre", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "leur", "leurs")
    + ("l", "chaque", "quel", "quelle", "quels", "quelles", "nouveau", "jour", "partir", "cause")
    + ("distance", "droite", "gauche", "cote", "côté", "midi", "minuit", "peu", "propos")
)


# clitics and adverbs that may stand between « à » and its infinitive: « à bien le renfoncer »
BEFORE_AN_INFINITIVE = frozenset(
    ("le", "la", "les", "l", "y", "en", "me", "m", "se", "s", "vous", "nous", "lui", "leur")
    + ("bien", "tout", "ne", "pas", "jamais", "rien", "vite", "mieux", "encore")
)
INFINITIVE_REACH = 2
AVOIR = frozenset(("ai", "as", "a", "avons", "avez", "ont", "avait", "avais", "aviez", "aurait"))
ETRE = frozenset(("suis", "est", "sommes", "etes", "êtes", "sont", "etait", "était", "etiez"))
ADVERBS = frozenset(("bien", "deja", "pas", "jamais", "tout", "encore", "ne", "n", "vous", "rien"))


def _bare(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """bare word → its accented spelling, where that spelling is the one French uses."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("fr")
    spellings: dict[str, list[tuple[float, str]]] = {}
    for word, frequency in frequencies.items():
        if frequency < RARE or word.isascii():
            continue
        bare = _bare(word)
        if len(bare) == len(word) and bare.isascii():
            spellings.setdefault(bare, []).append((frequency, word))
    out = {}
    for bare, found in spellings.items():
        found.sort(reverse=True)
        rival = max(frequencies.get(bare, 0.0), found[1][0] if len(found) > 1 else 0.0)
        if found[0][0] > MORE_FREQUENT * rival:  # « libere »: « libère » or « libéré », unsure
            out[bare] = found[0][1]
    return out


@lru_cache(maxsize=1)
def _participles() -> dict[str, tuple[str, bool]]:
    """Past participles in -é that French writes, by bare form: (the participle, whether it is
    more frequent than the same letters read another way — « vidé » is not, « vide » is an
    adjective; « connecté » is)."""
    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict("fr")
    out = {}
    for word, frequency in sorted(frequencies.items(), key=lambda item: -item[1]):
        bare = _bare(word)
        if frequency < RARE or not word.endswith("é") or not bare.isascii() or len(bare) < 4:
            continue
        out.setdefault(bare, (word, frequency > frequencies.get(bare, 0.0)))
    return out


def _auxiliary(words: list[tuple[int, str]], index: int, out: list[str]) -> str:
    """The form of *avoir* or *être* the word follows, perhaps with an adverb between
    (« j'ai bien redemarre »), or "" (an « a » already read as « à » is none)."""
    back = index - 1
    while back >= 0 and words[back][1].lower() in ADVERBS:
        back -= 1
    if back < 0 or out[words[back][0]] in "àÀ":
        return ""
    found = words[back][1].lower()
    return found if found in AVOIR | ETRE else ""


def _cased(spelling: str, typed: str) -> str:
    return "".join(s.upper() if t.isupper() else s for s, t in zip(spelling, typed, strict=True))


def _preposition(previous: str, following: list[str]) -> bool:
    """Whether a typed « a » between these words is « à » (an infinitive may come after a pronoun
    or an adverb: « n'hésitez pas a bien le renfoncer »)."""
    if previous in SUBJECTS or not following:
        return False
    if following[0] in BEFORE_A_PREPOSITION or following[0].isdigit():
        return True
    for word in following[: 1 + INFINITIVE_REACH]:
        if word.endswith(("er", "ir", "dre", "tre")):
            return True
        if word not in BEFORE_AN_INFINITIVE:
            return False
    return False


# « supprimez-le et recréez-le »: the small parser cuts the clitic off into a clause of its own
_CLITIC = re.compile(r"(?<=\w)-(?=(?:le|la|les|moi|toi|lui|nous|vous|leur|y|en)\b)", re.IGNORECASE)


def restore(text: str) -> str:
    """The text with French accents put back where they are missing, and a verb's hyphenated
    pronoun set apart (« recréez-le » → « recréez le »); same length as the text."""
    text = _CLITIC.sub(" ", text)
    spellings = _spellings()
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    out = list(text)
    for index, (start, word) in enumerate(words):
        low = word.lower()
        if low == "a":
            previous = words[index - 1][1].lower() if index else ""
            following = [w.lower() for _, w in words[index + 1 : index + 2 + INFINITIVE_REACH]]
            if _preposition(previous, following):
                out[start] = "À" if word == "A" else "à"
            continue
        participle, usual = _participles().get(low, ("", False))
        auxiliary = _auxiliary(words, index, out) if participle else ""
        # after *avoir* a typed -e is the participle; after *être* only if it is the usual reading
        if auxiliary in AVOIR or (auxiliary in ETRE and usual):
            out[start : start + len(word)] = _cased(participle, word)
            continue
        if not low.isascii() or low not in spellings:
            continue
        out[start : start + len(word)] = _cased(spellings[low], word)
    return "".join(out)


def warm() -> None:
    """Build the spelling tables now (before a server forks its workers)."""
    _spellings()
    _participles()

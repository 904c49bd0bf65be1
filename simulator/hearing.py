"""What the trainee's words can mean in a scenario: its matcher, each intent's kind, prohibitions.

Shared by the engine (which builds and caches matchers) and the conversation (which reads every
clause with them), so that neither has to import the other.
"""

from __future__ import annotations

import re

from simulator import clauses
from simulator.call import Call
from simulator.catalog import Catalog
from simulator.clauses import Clause
from simulator.cues import circumstance
from simulator.folding import fold
from simulator.scenario import Scenario
from simulator.translation import lang
from simulator.understand import Match, Matcher, matcher_for


def negation(clause: str, locale: str) -> bool:
    """Whether a clause tells the caller *not* to do something ("don't delete it")."""
    return clauses.is_negated(clause, lang(locale))


class Hearing:
    """The catalog read for each scenario and locale: matchers built once, intents' kinds."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._matchers: dict[tuple, Matcher] = {}
        self._negative: dict[tuple, bool] = {}

    def warm(self, locales: tuple[str, ...] = ("en", "fr")) -> None:
        """Load the clause parsers now, before a server forks its workers (else on first use)."""
        clauses.warm(locales)

    def matcher(self, scenario: Scenario, locale: str) -> Matcher:
        """The matcher for this scenario: catalog examples plus the scenario's own (built once)."""
        extra = []
        for intent_id, local in scenario.intents.items():
            extra += [(intent_id, t) for t in local.examples.get(locale)]
        for intent_id, terms in scenario.intent_examples.items():
            extra += [(intent_id, t) for t in terms.get(locale)]
        key = (locale, tuple(extra))
        if key not in self._matchers:
            self._matchers[key] = matcher_for(self.catalog, locale, key[1])
        return self._matchers[key]

    # -- start-up hook: storage/matcher_files.py keeps built matchers on disk between starts --
    def built_matchers(self) -> dict[tuple, Matcher]:
        """The matchers built so far, by key (to be stored for the next start)."""
        return dict(self._matchers)

    def adopt_matchers(self, built: dict[tuple, Matcher]) -> None:
        """Take matchers built earlier from this same catalog and code (read back from disk)."""
        self._matchers.update(built)

    def said_negatively(self, scenario: Scenario, intent_id: str, locale: str) -> bool:
        """Whether an intent is itself phrased as a prohibition ("do not delete the email")."""
        key = (scenario.key, intent_id, locale)
        if key not in self._negative:
            spec = scenario.intents.get(intent_id) or self.catalog.intents.get(intent_id)
            examples = spec.examples.get(locale) if spec else []
            extra = scenario.intent_examples.get(intent_id)
            examples = [*examples, *(extra.get(locale) if extra else [])]
            self._negative[key] = (
                bool(examples) and sum(negation(e, locale) for e in examples) >= len(examples) / 3
            )
        return self._negative[key]

    def intent_kind(self, scenario: Scenario, intent_id: str) -> str:
        """conversation, probe or action: as the scenario binds it (« je vous déverrouille »
        is a probe where the caller answers it), else as the catalog says."""
        if intent_id in scenario.intents:
            return scenario.intents[intent_id].kind
        if any(p.intent == intent_id for p in scenario.probes) and not any(
            a.intent == intent_id for a in scenario.actions
        ):
            return "probe"
        return self.catalog.intents[intent_id].kind


CARRIER_SHARE = 0.5  # how close to the best clause a negated clause or a request must come
OWN_WORDS = 0.15  # how close a clause's own words (without what it governs) must come to the intent


def hear_clauses(hearing: Hearing, call, text: str, matches: list[Match]) -> list[tuple]:
    """Each heard intent with the clause of the line that carries it.

    The matcher cuts the line its own way; the parser cuts it into clauses. When a matched part
    spans several clauses ("we'll free some space without touching your documents"), the intent
    belongs to the clause that resembles it most (the matcher's own similarity).
    """
    line = clauses.analyse(text, lang(call.locale))
    heard = []
    for match in matches:
        found = clauses.covering(line, text, match.clause)
        heard.append((match, _carrier(hearing, call, match, found, text)))
    return _taken_up_later(hearing, call, line, heard)


# a request that names its object only with a pronoun: « supprimez-le », "reinstall it"
_POINTER = {
    "en": re.compile(r"\b(?:it|them)\b"),
    "fr": re.compile(r"\w-(?:le|la|les)\b|\b(?:le|la|les|l)\s*\w+(?:ez|er)\b"),
}
# a question about a thing just named: "is that on", « elle est allumée ? »
_ASKED_POINTER = {
    "en": re.compile(r"\b(?:it|its|that|thats|this|they|them)\b"),
    "fr": re.compile(r"\b(?:il|elle|ils|elles|ca|c|le|la|les)\b"),
}
POINTER_WORDS = 10
PRONOUN_SHARE = 0.85  # how close to the best part a negated verb on a pronoun must come
NEGATED_ASIDE = 3  # a request read this many times more surely than a negated aside carries it
# "ignore that", « oubliez ça »: a request about what was said, not to act on it
_DISMISS = re.compile(r"\b(?:ignore|forget|disregard|skip|ignorez|oubliez|laissez|zappez)\b")


def _taken_up_later(hearing: Hearing, call, line, heard: list[tuple]) -> list[tuple]:
    """An action named in a statement or a question, then asked for with a pronoun right after it
    in the line (« votre profil est corrompu : supprimez-le et recréez-le », "anything you still
    need in the bin? if not, empty it"): the request is what carries it, and a weak reading of the
    request's bare verb as another action gives way. A statement that
    says it is done (« votre compte est déverrouillé ») is no such thing. A thing to check named,
    then asked about with a pronoun ("there's a light on the charger, is it on") is asked."""
    out = list(heard)
    for index, (match, clause) in enumerate(heard):
        if clause.act in ("request", "claim") or clause.negated:
            continue
        kind = hearing.intent_kind(call.scenario, match.intent)
        if kind not in ("action", "probe") or (kind == "probe" and clause.act == "question"):
            continue
        # in a remote session, "…so im emptying that now" narrates the act on the caller's screen
        on_screen = call.state["remote.session"] and kind == "action"
        after = [c for c in line if c.start >= clause.end]
        # the requests that follow, up to the first clause that carries a clear reading of its own
        clear = [c for m, c in heard if m.score >= 0 and c.start >= clause.end and m is not match]
        stop = min((c.start for c in clear), default=len(" ".join(x.text for x in line)) + 10**6)
        later = [
            c
            for c in after
            if c.start < stop
            # "there's a light on the charger, is it on": a thing named, then asked about
            and (
                c.requested
                or (kind == "probe" and c.act == "question")
                or (on_screen and c.act == "narrate" and c.person == "1")
            )
            and len(c.text.split()) <= POINTER_WORDS
            and (_POINTER if c.requested else _ASKED_POINTER)[lang(call.locale)].search(
                fold(c.scope or c.text) if not c.requested else c.scope or c.text
            )
            and not _DISMISS.search(fold(c.text))
        ]
        if not later:
            continue
        out[index] = (match, later[0])
        end = max(c.end for c in later)
        out = [
            (m, c)
            for m, c in out
            if m is match
            or not (
                clause.end <= c.start
                and c.end <= end
                and m.score < 0
                and hearing.intent_kind(call.scenario, m.intent) == "action"
            )
        ]
    return out


_PAUSE = re.compile(r"[,;.!?:]")


def _to_pause(text: str, start: int) -> str:
    """The typed text from a clause's start to the next pause: « sans toucher | à vos documents »
    when the parser hung the object on the main verb."""
    pause = _PAUSE.search(text, start)
    return text[start : pause.start() if pause else len(text)]


def _carrier(hearing: Hearing, call, match: Match, found: list[Clause], text: str = "") -> Clause:
    """The clause that carries an intent: the most similar one, unless a negated clause or a
    request resembles it nearly as much (the negation wins over the rest for safety; a request
    over its purpose or explanation: "press it once so that it goes grey")."""
    if len(found) < 2:
        return found[0] if found else Clause("", "request", False)
    matcher = hearing.matcher(call.scenario, call.locale)
    values = matcher.resemblance([c.scope or c.text for c in found], match.intent)
    similar = dict(zip(found, values, strict=True))
    best = max(similar.values())

    own = dict(zip(found, matcher.resemblance([c.text for c in found], match.intent), strict=True))

    def reads_as_it(clause: Clause) -> bool:
        """Whether the clause's own words are heard as the intent (« sans éteindre le pc » is not
        about the cable; a negated main verb's scope spans the whole line)."""
        heard = matcher.classify(clause.text)[0]
        return heard is not None and heard.intent == match.intent

    # « changez votre mot de passe, un nouveau jamais utilisé »: a request read as the intent far
    # more surely than a negated aside about its object carries it
    asked = [(c, matcher.classify(c.text)[0]) for c in found if c.requested]
    asked = [(c, m) for c, m in asked if m is not None and m.intent == match.intent]
    aside = [matcher.classify(c.text)[0] for c in found if c.negated]
    aside = [m for m in aside if m is not None and m.intent == match.intent]
    surest = max(asked, key=lambda pair: pair[1].score, default=None)
    if surest and aside and all(m.score * NEGATED_ASIDE < surest[1].score for m in aside):
        return surest[0]
    # "without" whose object the parser hung on the main verb (« on va libérer de la place sans
    # toucher | à vos documents »): read to the next pause, the negation is about the intent
    for clause in found:
        if clause.negated and text and clause.start < len(text):
            tail = _to_pause(text, clause.start)
            read = matcher.classify(tail)[0] if len(tail) > len(clause.text) else None
            if read is not None and read.intent == match.intent:
                return clause

    # the negation wins when it is about the intent; a request when its own words count ("ignore
    # that" does not take "forums say reinstall windows"; "click the tile so it goes grey" does)
    def refused_by_pronoun(clause: Clause) -> bool:
        """ "leave your documents in the queue, dont delete them": the negated verb takes up with
        a pronoun the thing just named, and is about as close to the intent as the best part."""
        pointer = _POINTER[lang(call.locale)].search(clause.text)
        # "so it's not highlighted anymore" says how a thing is, it refuses nothing
        refused = clause.person != "3" and clause.act != "question"
        return refused and pointer is not None and similar[clause] >= PRONOUN_SHARE * best

    def negation_about_it(clause: Clause) -> bool:
        return clause.negated and (reads_as_it(clause) or refused_by_pronoun(clause))

    for wanted in (negation_about_it, lambda c: c.requested):
        near = [
            c
            for c in found
            if similar[c] >= CARRIER_SHARE * best and own[c] >= OWN_WORDS and wanted(c)
        ]
        if near:
            return max(near, key=similar.get)
    return max(found, key=similar.get)


def clause_records(hearing: Hearing, call, text: str, heard: list[tuple]) -> list[dict]:
    """The line's clauses as the replay shows them: text, act, negated, intents heard in it."""
    line = clauses.analyse(text, lang(call.locale))
    return [
        {
            "text": c.text,
            "act": c.act,
            "negated": c.negated,
            "intents": [m.intent for m, owner in heard if owner == c],
        }
        for c in line
    ]


def requested_cores(hearing: Hearing, call, text: str, heard: list[Match]) -> list[Match]:
    """Probes and actions asked for inside a polite frame the matcher did not see through.

    "I wondered if you could just reconnect that cable for me": the frame's words drown the
    request. The core of each request clause ("reconnect that cable for me") is read on its own;
    an action or probe of this scenario recognised there, and not heard already, is added.
    """
    line = clauses.analyse(text, lang(call.locale))
    cores = [
        c
        for c in line
        if c.requested and c.core and c.core.strip() != text.strip() and not _circumstance_only(c)
    ]
    if not cores:
        return []
    matcher = hearing.matcher(call.scenario, call.locale)
    known = {m.intent for m in heard}
    bound = call.scenario.bound_intents()
    found = []
    for clause, (match, _) in zip(
        cores, matcher.classify_many([c.core for c in cores]), strict=True
    ):
        new = match is not None and match.intent not in known and match.intent in bound
        if new and hearing.intent_kind(call.scenario, match.intent) in ("action", "probe"):
            found.append(Match(match.intent, match.score, clause.text))
            known.add(match.intent)
    return found


def _circumstance_only(clause: Clause) -> bool:
    """« depuis le pc d'un collègue, … »: a preposition and its noun, no act of its own (its core
    is the noun phrase right after the preposition; "on the send tab click…" has a verb)."""
    words, core = fold(clause.text).split(), fold(clause.core).split()
    return circumstance(" ".join(words)) and len(words) - len(core) <= CIRCUMSTANCE_LEAD


CIRCUMSTANCE_LEAD = 2  # the preposition and a determiner before the noun
VERIFY_FLOOR = -1.0  # how unsure the matcher may be of a check that things work, after a fix
# Questions about the caller's world outside the scenario (simulator/offscript.py): after a fix, a
# short question the matcher only leans towards one of them (« ça imprime ? ») is a verification.
WORLD_QUESTIONS = frozenset({"ask_whereabouts", "ask_printer_name", "ask_mishap"})
WORLD_UNSURE = 0.2
# After a fix, a check asked with one of these words is a verification ("does the site open now?")
AGAIN = frozenset({"now", "again", "still", "anymore", "back", "maintenant", "encore", "toujours"})
AGAIN |= {"desormais", "nouveau", "re"}
# ...and so is a probe asked as a try ("try loading a website", « relancez une impression »)
AGAIN |= {"try", "retry", "essayez", "reessayez", "retentez", "testez", "retestez", "relancez"}


def _fix_checks(call: Call) -> set[str]:
    """The probes whose answer turns on a fact an action has changed: asked after the fix, they
    check it (« ouvrez google et dites-moi si ça charge » once airplane mode is off)."""
    changed = {
        key for e in call.events if e["kind"] == "state_changed" for key in e["data"]["changes"]
    }
    return {
        p.intent
        for p in call.scenario.probes
        if p.intent and any(set(a.when or {}) & changed for a in p.answers)
    }


def after_a_fix(hearing: Hearing, call: Call, text: str, heard: list[Match]) -> list[Match]:
    """The line's intents read after a fix was tried: a question that asks nothing new is a
    verification ("connected?", « ça repasse ? », "can you open google for me?"), and so is a
    check asked "now" or "again" (« vous pouvez ouvrir un site maintenant ? »).

    Each sentence that is a question or a request, in which nothing was heard but probes the caller
    has already answered or intents this scenario does not know, is taken for `verify_fix` when
    the matcher leans that way at all (decision ≥ VERIFY_FLOOR), or when it asks again for the
    symptom the fix changed; what it replaces is dropped.
    """
    tried = any(e["kind"] == "action_applied" and e["data"]["applied"] for e in call.events)
    if not tried or any(m.intent == "verify_fix" for m in heard):
        return heard
    bound = call.scenario.bound_intents()
    answered = {
        p.intent for p in call.scenario.probes if p.reveals and set(p.reveals) <= call.revealed
    }
    checks = _fix_checks(call)
    answered |= checks
    matcher = hearing.matcher(call.scenario, call.locale)
    for sentence in clauses.sentences(text):
        here = [m for m in heard if m.clause in sentence or sentence in m.clause]
        again = bool(set(fold(sentence).split()) & AGAIN)
        stale = all(
            m.intent in answered
            or (again and hearing.intent_kind(call.scenario, m.intent) == "probe")
            or (m.intent in WORLD_QUESTIONS and m.score < WORLD_UNSURE)
            or (
                m.intent not in bound
                and hearing.intent_kind(call.scenario, m.intent) != "conversation"
            )
            for m in here
        )
        checked = bool(here) and all(m.intent in checks for m in here)  # the symptom, asked again
        if not stale or (
            matcher.decision([sentence], "verify_fix")[0] < VERIFY_FLOOR and not checked
        ):
            continue
        acts = {c.act for c in clauses.analyse(sentence, lang(call.locale))}
        if "?" in sentence or acts & {"question", "request"}:
            score = matcher.decision([sentence], "verify_fix")[0]
            kept = [m for m in heard if m not in here]
            return [*kept, Match("verify_fix", round(score, 3), sentence)]
    return heard

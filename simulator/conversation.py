"""What the caller says back: probes answered, actions applied, conversation handled, mood moved.

`Reply` gathers the caller's words for one step and the reasons the mood moves; `handle_say`
turns a trainee utterance into intents and answers each of them from the hidden state.
"""

from __future__ import annotations

import re

from simulator import saying
from simulator import tone_signals as tone
from simulator.call import Call
from simulator.clauses import Clause, analyse, sentences
from simulator.folding import fold
from simulator.hearing import Hearing, clause_records, hear_clauses, requested_cores
from simulator.scenario import Action, Probe
from simulator.state import apply, holds
from simulator.understand import Match, Understanding

AGITATED = ("angry", "hurried", "pushy")


class Reply:
    """The caller's reply to one step, built piece by piece and logged once."""

    def __init__(self, call: Call):
        self.call = call
        self.pieces: list[tuple[str, str]] = []
        self.effects: list[str] = []
        self.frustrated = False

    def add(self, text: str, situation: str, first: bool = False) -> None:
        """Add words the caller says (in order, or first); said before, they come back shorter."""
        if not text or (text, situation) in self.pieces:
            return
        times = saying.times_said(text, saying.said(self.call) + [t for t, _ in self.pieces])
        if times:
            text = self._restated(text, times)
        self.pieces.insert(0, (text, situation)) if first else self.pieces.append((text, situation))

    def _restated(self, text: str, times: int) -> str:
        """The same facts again: "as I said, …" the second time, with annoyance the third."""
        if times >= 2 and "repeated_question" not in self.effects:
            self.effect("repeated_question")
            self.frustrated = True
        if times >= 2:  # the third time: annoyance, the facts are not repeated again
            return self._draw("repeated_question")
        return f"{self._draw('as_i_said')} {saying.gist(text)}"

    def line(
        self, situation: str, frustrated: bool = False, first: bool = False, **values: str
    ) -> None:
        """Add one persona line for a situation: true now, not said before, one tic at most."""
        text = self._draw(situation, **values)
        if text:
            self.pieces.insert(0, (text, situation)) if first else self.pieces.append(
                (text, situation)
            )
        self.frustrated = self.frustrated or frustrated

    def _draw(self, situation: str, **values: str) -> str:
        """A variant of a situation that holds in the call's state and was not said yet."""
        call = self.call
        rng = call.rng(situation, len(self.pieces))
        fill = {**call.placeholders(), **values}
        variants = call.persona.variants(situation, call.locale, saying.context(call))
        earlier = saying.said(call) + [t for t, _ in self.pieces]
        fresh = [v for v in variants if not saying.times_said(v.format_map(_Keep(fill)), earlier)]
        if any(saying.has_tic(call, t) for t, _ in self.pieces):
            fresh = [v for v in fresh if not saying.has_tic(call, v)] or fresh
        if fresh:
            return rng.choice(fresh).format_map(_Keep(fill))
        if situation in saying.TIC_SITUATIONS:  # every add-on said already: none this time
            return ""
        shorts = [saying.short_form(v.format_map(_Keep(fill))) for v in variants]
        unsaid = [v for v in shorts if not any(v in line for line in earlier)]
        return rng.choice(unsaid) if unsaid else min(shorts, key=len)

    def needs_guidance(self, intent: str | None, step_id: str) -> bool:
        """A step the persona cannot do from a bare instruction: they ask how, and do nothing."""
        guidance = saying.unguided(self.call, intent, step_id)
        if guidance is None:
            return False
        self.call.emit("guidance_asked", step=step_id, intent=intent)
        self.add(guidance.ask.get(self.call.locale).format_map(self.call.placeholders()), "ask")
        return True

    def effect(self, name: str) -> None:
        """Record something that moves the caller's mood this step."""
        self.effects.append(name)

    def reveal(self, facts: list[str]) -> bool:
        """Mark facts as revealed; log the new ones; True if any relevant fact is new."""
        new = [f for f in facts if f not in self.call.revealed]
        if new:
            self.call.revealed.update(new)
            self.call.emit("facts_revealed", facts={f: self.call.state.get(f) for f in new})
        return bool(new)

    def probe(self, probe: Probe, via: str, speak: bool = True) -> tuple[str, bool]:
        """Answer a probe from the current state; (the answer, whether it was progress)."""
        call = self.call
        if via == "say" and self.needs_guidance(probe.intent, probe.id):
            return "", False
        repeat = (
            bool(probe.reveals)
            and probe.id in call.done
            and all(f in call.revealed for f in probe.reveals)
        )
        answer = next(a for a in probe.answers if holds(a.when, call.state))
        vague = call.persona.spec.vague and answer.vague and via == "say"
        text = answer.vague.get(call.locale) if vague else answer.text(call.locale)
        text = text.format_map(call.placeholders())
        if repeat and via == "say" and probe.tier == 1:
            self.effect("repeated_question")
        progress = self.reveal(list(probe.reveals)) and probe.relevant
        changed = apply(probe.effects, call.state)
        if changed:
            call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
        call.done.append(probe.id)
        call.emit("probe_answered", probe=probe.id, tier=probe.tier, via=via, repeat=repeat)
        if speak and via == "say":
            self.add(text, f"probe:{probe.id}")
        return text, progress or bool(changed)

    def action(self, actions: list[Action], via: str) -> tuple[str, bool]:
        """Apply the first applicable action; (what the caller says, whether the state changed)."""
        call = self.call
        action = next((a for a in actions if holds(a.when, call.state)), actions[0])
        if via == "say" and self.needs_guidance(action.intent, action.id):
            return "", False
        if (
            "remote_session" in action.requires
            and not call.state["remote.session"]
            and via == "say"
        ):
            call.emit("action_blocked", action=action.id, missing="remote_session")
            self.line("cannot_do_alone")
            return "", False
        identity = bool(call.state["identity.verified"])
        call.done.append(action.id)
        if not holds(action.when, call.state):
            call.emit(
                "action_applied",
                action=action.id,
                applied=False,
                via=via,
                identity_verified=identity,
                drastic=action.drastic,
                harmful=action.harmful,
            )
            text = (
                action.otherwise.get(call.locale).format_map(call.placeholders())
                if action.otherwise
                else ""
            )
            if via == "remote":
                return text, False
            if text:
                self.add(text, f"action:{action.id}")
            else:
                self.line("already_done")
            return text, False
        changed = apply(action.effects, call.state)
        call.emit(
            "action_applied",
            action=action.id,
            applied=True,
            via=via,
            identity_verified=identity,
            drastic=action.drastic,
            harmful=action.harmful,
        )
        if changed:
            call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
        self._resolved_in_writing()
        self.reveal(list(action.reveals))
        answer = next(a for a in action.answers if holds(a.when, call.state))
        text = answer.text(call.locale).format_map(call.placeholders())
        if via != "remote":  # a console command's answer is its output, not the caller's words
            self.add(text, f"action:{action.id}")
        return text, bool(changed)

    def _resolved_in_writing(self) -> None:
        """In an e-mail the user does what it asks and checks it in one reply: the fix is logged
        as it happens, so a check asked in the same e-mail comes after it."""
        call = self.call
        done = any(e["kind"] == "resolved" for e in call.events)
        if call.channel == "email" and call.resolved and not done:
            call.emit("resolved")
            self.effect("fixed")

    def settle_mood(self) -> None:
        """Apply this step's mood effects and log the change."""
        call = self.call
        rough = saying.rough(call)
        self.effects += [e for e in rough if e not in self.effects]
        delta = sum(call.persona.mood_delta(e) for e in self.effects)
        if rough:  # a curt or jargon-laden turn lifts no one's patience, whatever else it did
            delta = min(delta, 0)
        new = max(0, min(100, call.mood + delta))
        if new != call.mood:
            call.emit("mood_changed", before=call.mood, after=new, reasons=list(self.effects))
            call.mood = new

    def spoken(self) -> str:
        """The caller's words gathered so far this step (without the persona's lead-in and tail)."""
        return " ".join(text.strip() for text, _ in self.pieces if text.strip())

    def replace(self, text: str, situation: str) -> None:
        """Say `text` instead of everything gathered so far (a model's phrasing of the same
        facts)."""
        self.pieces = [(text, situation)]

    def finish(self) -> None:
        """Log what the caller says this step, with the persona's lead-in and tail."""
        if not self.pieces:
            return
        call = self.call
        if self.pieces[0][1] == "llm":  # the model already speaks in persona: no scripted wrapping
            text = " ".join(t for t, _ in self.pieces)
            call.clock += len(text) / 15
            call.emit(
                "caller_said",
                text=text,
                situations=[s for _, s in self.pieces],
                frustrated=self.frustrated or call.mood < 30,
                mood=call.mood,
                phrased_by="llm",
            )
            self.pieces = []
            return
        self.pieces = saying.pruned(self.pieces)
        body = [text for text, _ in self.pieces]
        situations = [s for _, s in self.pieces]
        rng = call.rng("wrap")
        agitated = call.persona.id in AGITATED
        roll, tail = rng.random(), rng.random()
        if not any(saying.has_tic(call, t) for t in body):  # one tic per reply at most
            wrap = self._wrap(agitated, roll, tail)
            if wrap:
                situation, at = wrap
                text = self._draw(situation)
                if text:
                    body.insert(0, text) if at == 0 else body.append(text)
                    situations.insert(0, situation) if at == 0 else situations.append(situation)
        text = " ".join(t.strip() for t in body if t and t.strip())
        call.clock += len(text) / 15
        call.emit(
            "caller_said",
            text=text,
            situations=situations,
            frustrated=self.frustrated or (agitated and call.mood < 30),
            mood=call.mood,
        )
        self.pieces = []

    def _wrap(self, agitated: bool, roll: float, tail: float) -> tuple[str, int] | None:
        """Which add-on (complaint, lead-in or tail) wraps this reply, if any: one at most.

        A lead-in or a tail ("Right, so...", "Does that help?") frames an answer to a question or
        an instruction; a greeting, a goodbye or the opening gets none.
        """
        answering = any(s.startswith(("probe:", "action:")) for _, s in self.pieces)
        if agitated and self.call.mood < 35 and not self.call.resolved and not self.frustrated:
            if roll < 0.5:
                self.frustrated = True
                return "complaint", 0
        elif roll < 0.3 and answering:
            return "answer_prefix", 0
        if tail < (0.4 if agitated else 0.15) and answering:
            return "answer_suffix", -1
        return None


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def handle_say(
    hearing: Hearing,
    call: Call,
    text: str,
    reply: Reply,
    understanding: Understanding | None = None,
) -> bool:
    """Understand what the trainee said and answer every intent in it; True if it was progress."""
    signals = tone.signals(text, call.locale)
    if signals.blame or signals.calm_down:
        reply.effect("blame")
        reply.line("blamed", frustrated=True)
    if signals.shouting:
        reply.effect("shouting")
    if signals.profanity:
        reply.effect("profanity")
    if signals.familiar_tu:
        reply.effect("familiar_tu")
    lost = call.persona.spec.jargon_sensitivity >= 1 or call.scenario.caller.tech_level == "low"
    if signals.jargon and lost:
        reply.effect("jargon")
        reply.line("jargon_confused", term=signals.jargon[0])
    understanding = understanding or hearing.matcher(call.scenario, call.locale).understand(text)
    cores = requested_cores(hearing, call, text, list(understanding.matches))
    cores += _checks_after_a_fix(hearing, call, text, list(understanding.matches) + cores)
    if cores:
        understanding = Understanding(
            understanding.matches + tuple(cores), understanding.best_guess
        )
    follow_up = (
        None if understanding.understood else _follow_up(call, understanding.best_guess, text)
    )
    if follow_up is None and not understanding.understood:
        follow_up = _restated(call, understanding.best_guess, text)
    if follow_up is not None:
        understanding = Understanding((follow_up,), understanding.best_guess)
    if not understanding.understood:
        guess = understanding.best_guess
        call.emit(
            "unrecognized",
            text=text,
            best_guess={"intent": guess.intent, "score": guess.score} if guess else None,
            clauses=clause_records(hearing, call, text, []),
        )
        reply.effect("unrecognized")
        reply.line("unrecognized")
        return False
    matches = _narrated(hearing, call, list(understanding.matches))
    matches = [
        m for m in matches if m.intent != "ask_password" or _asks_for_password(m.clause, text)
    ]
    heard = hear_clauses(hearing, call, text, matches)
    readings = [_reading(hearing, call, m, clause) for m, clause in heard]
    call.emit(
        "intent_matched",
        intents=[
            {"intent": m.intent, "score": m.score, "clause": m.clause, "act": c.act, **flags}
            for (m, c), flags in zip(heard, readings, strict=True)
        ],
        clauses=clause_records(hearing, call, text, heard),
    )
    matches = [m for (m, _), flags in zip(heard, readings, strict=True) if not flags]
    restated = [m for (m, _), flags in zip(heard, readings, strict=True) if "restated" in flags]
    held = [
        (m, flags)
        for (m, _), flags in zip(heard, readings, strict=True)
        if flags and "restated" not in flags
    ]
    if restated and not any(m.intent == "summarize" for m in matches):
        # active listening: the caller confirms what they said, without answering it again
        reply.effect("summarize")
        reply.line("summary_ack")
    if held and not matches:
        claimed = [m for m, flags in held if "claimed" in flags]
        # Saying it was done does not do it. An action the trainee's own tools perform (remote
        # console, account directory) is acknowledged; one only the caller could have done
        # puzzles the caller.
        on_caller_side = any(
            not (a.remote or a.directory)
            for m in claimed
            for a in call.scenario.actions
            if a.intent == m.intent
        )
        reply.line("claimed_done" if on_caller_side else "next_step_ack")
    progress = False
    closing = any(m.intent == "goodbye" for m in matches)
    for match in matches:
        call.said_intents.append(match.intent)
        if closing and match.intent == "thank":
            # "Thank you for your understanding, goodbye": the caller answers the goodbye; a thanks
            # line of its own ("You're welcome. Can we keep going?") would pull the call back open.
            reply.effect("thank")
            continue
        progress = _handle_intent(hearing, call, match.intent, reply) or progress
    return progress


FOLLOW_UP_THRESHOLD = -0.8  # how unsure the matcher may be of a request that points back
FOLLOW_UP_WORDS = 12
# Words that point back at what was just said: "turn it off", "pouvez-vous le désactiver", "faites-
# le".
_BACK_REFERENCE = {
    "en": re.compile(r"\b(?:it|that|this|them|those|these)\b"),
    "fr": re.compile(
        r"\b(?:le|la|les|l|y|en)\s+\w+(?:er|ir|re|ez)\b|\b\w+ez (?:le|la|les|y)\b|\b(?:ca|cela)\b"
    ),
}


def _follow_up(call: Call, guess: Match | None, text: str) -> Match | None:
    """A short request that points back at what the caller just described, read in that context.

    "Pouvez-vous le désactiver ?" right after the caller said airplane mode is on means "turn
    airplane
    mode off", as any person on the phone would hear it. It is taken for the matcher's best guess
    only
    when that guess is bound to a scenario action, not far below the threshold, acting on facts the
    caller has
    all revealed, one of them in answer to the previous step: the context is what the trainee heard,
    never the hidden state, so nothing can be learnt from being understood.
    """
    if guess is None or guess.score < FOLLOW_UP_THRESHOLD:
        return None
    folded = fold(text)
    if len(folded.split()) > FOLLOW_UP_WORDS or not _BACK_REFERENCE[call.locale].search(folded):
        return None
    just_heard = _facts_since_last_turn(call)
    for action in call.scenario.actions:
        keys = set(action.when or {})
        if action.intent == guess.intent and keys and keys <= call.revealed and keys & just_heard:
            return Match(guess.intent, guess.score, text.strip())
    return None


def _checks_after_a_fix(hearing: Hearing, call: Call, text: str, heard: list[Match]) -> list:
    """After a fix was tried, a question or request about things working is a verification
    ("Working?", "And Teams and Outlook, are they working again?"), even when the matcher is
    unsure of it on its own: each sentence nothing was heard in is read in that context."""
    tried = any(e["kind"] == "action_applied" and e["data"]["applied"] for e in call.events)
    if not tried or any(m.intent == "verify_fix" for m in heard):
        return []
    unheard = [s for s in sentences(text) if not any(m.clause in s or s in m.clause for m in heard)]
    if not unheard:
        return []
    matcher = hearing.matcher(call.scenario, call.locale)
    for sentence, (_, guess) in zip(unheard, matcher.classify_many(unheard), strict=True):
        if guess and guess.intent == "verify_fix" and guess.score >= FOLLOW_UP_THRESHOLD:
            acts = {c.act for c in analyse(sentence, call.locale)}
            if acts & {"question", "request"}:
                return [Match("verify_fix", guess.score, sentence)]
    return []


def _restated(call: Call, guess: Match | None, text: str) -> Match | None:
    """A restatement of what the caller already said ("so it's only your laptop, right?"): the
    matcher's unsure guess is taken when it is a probe whose facts the caller has all revealed and
    the parser reads the line as a restatement. It is then answered as active listening."""
    if guess is None or guess.score < FOLLOW_UP_THRESHOLD:
        return None
    probe = next((p for p in call.scenario.probes if p.intent == guess.intent), None)
    if probe is None or not probe.reveals or not all(f in call.revealed for f in probe.reveals):
        return None
    if not any(c.act == "restate" for c in analyse(text, call.locale)):
        return None
    return Match(guess.intent, guess.score, text.strip())


def _facts_since_last_turn(call: Call) -> set[str]:
    """Facts revealed between the trainee's previous step and this one."""
    facts: set[str] = set()
    steps = 0
    for event in reversed(call.events):
        if "input" in event["data"]:
            steps += 1
            if steps == 2:
                break
        elif event["kind"] == "facts_revealed" and steps == 1:
            facts.update(event["data"]["facts"])
    return facts


_REQUEST = re.compile(
    r"\?|\b(give|tell|what|which|type|spell|read|send|could|can|would|donnez|dites|quel|quelle|"
    r"pouvez|pourriez|tapez|epelez|lisez|envoyez|communiquez|rappelez)\b"
)


def _done_on_the_remote_desktop(call: Call, intent: str) -> bool:
    """Whether the trainee performs this action themselves in a remote session: there, "I've set it
    to automatic" narrates what they are doing on the caller's screen, and counts."""
    actions = [a for a in call.scenario.actions if a.intent == intent]
    return bool(actions) and all("remote_session" in a.requires for a in actions)


def claims_done(clause: str, locale: str) -> bool:
    """Whether a clause reports an action as done by the speaker rather than asking for it."""
    return any(c.act == "claim" for c in analyse(clause, locale))


def _reading(hearing: Hearing, call: Call, match: Match, clause: Clause) -> dict[str, bool]:
    """Why a heard intent is not acted on, if it is not: {} when it is answered or applied.

    Only a request makes the caller act; an action negated, announced, claimed, imagined, advised
    for later, asked about or reported is heard but not done. A probe whose facts the caller has
    all given, restated, is active listening rather than a question asked again.
    """
    kind = hearing.intent_kind(call.scenario, match.intent)
    if clause.act == "restate":
        probe = next((p for p in call.scenario.probes if p.intent == match.intent), None)
        if probe and probe.reveals and all(f in call.revealed for f in probe.reveals):
            return {"restated": True}
    if kind != "action":
        return {}
    if clause.negated and not hearing.said_negatively(call.scenario, match.intent, call.locale):
        return {"negated": True}
    if clause.act == "request":
        return {}
    # in a remote session the trainee saying what they do on the caller's screen is the act
    on_screen = call.state["remote.session"] and _done_on_the_remote_desktop(call, match.intent)
    if clause.act in ("claim", "narrate", "announce") and on_screen:
        return {}
    if clause.act == "claim":
        return {"claimed": True}
    return {"withheld": True}


def _requests(clause: str) -> bool:
    """Whether a clause asks for something (a password mentioned in passing is not asked for)."""
    return "?" in clause or bool(_REQUEST.search(fold(clause)))


_JOINED = re.compile(r"(?:,|\band|\bet|\bpuis|\bthen)\s*$", re.IGNORECASE)


def _asks_for_password(clause: str, text: str) -> bool:
    """Whether a password clause is a request: itself, or joined to the request just before it
    ("donnez-moi votre identifiant et votre mot de passe": the verb is in the first part)."""
    if _requests(clause):
        return True
    at = text.find(clause)
    before = re.split(r"[.?!;:\n]", text[:at])[-1] if at > 0 else ""
    return bool(_JOINED.search(before)) and _requests(before)


def _narrated(hearing: Hearing, call: Call, matches: list) -> list:
    """Drop what a summary only narrates ("so, since this morning... we plugged the cable in"):
    after `summarize`, only unbound conversation intents (ticket number, goodbye...) count."""
    at = next((i for i, m in enumerate(matches) if m.intent == "summarize"), None)
    if at is None:
        return matches
    bound = call.scenario.bound_intents()
    return matches[: at + 1] + [
        m
        for m in matches[at + 1 :]
        if m.intent not in bound and hearing.intent_kind(call.scenario, m.intent) == "conversation"
    ]


def _handle_intent(hearing: Hearing, call: Call, intent: str, reply: Reply) -> bool:
    scenario = call.scenario
    probe = next((p for p in scenario.probes if p.intent == intent), None)
    if probe:
        return reply.probe(probe, via="say")[1]
    actions = [a for a in scenario.actions if a.intent == intent]
    if actions:
        return reply.action(actions, via="say")[1]
    handler = BUILTIN.get(intent)
    if handler:
        return handler(call, reply)
    kind = hearing.intent_kind(scenario, intent)
    reply.line("dont_know" if kind == "probe" else "action_generic")
    call.emit("intent_unbound", intent=intent)
    return False


def _handed_over(call: Call) -> bool:
    esc = call.scenario.escalation
    return (
        call.escalated_to is not None
        and call.escalated_to in esc.teams
        and esc.policy != "forbidden"
    )


def _greet(call: Call, reply: Reply) -> bool:
    if not any(s == "greet_back" for _, s in reply.pieces) and call.turn <= 2:
        reply.line("greet_back")
    return False


def _name(call: Call, reply: Reply) -> bool:
    reply.line("give_name")
    return reply.reveal(["caller.name"])


def _username(call: Call, reply: Reply) -> bool:
    """The caller's own username, or, asked about someone else, that person's."""
    other = saying.third_party(call)
    if other is not None:
        reply.line("give_other_username", username=other.username, other_name=other.name)
        return False
    reply.line("give_username")
    return reply.reveal(["caller.username"])


def _cause_explained(call: Call, reply: Reply) -> bool:
    """The caller takes in what was wrong; hearing it is a relief once, not each time it is
    repeated.
    A summary that names the cause has already been acknowledged: no second acknowledgement."""
    if call.said_intents.count("explain_cause") == 1:
        reply.effect("explain_cause")
    if not any(situation == "summary_ack" for _, situation in reply.pieces):
        reply.line("cause_explained")
    return False


def _identity(call: Call, reply: Reply) -> bool:
    reply.line("give_identity")
    if _in_writing(call):  # details sent by e-mail prove nothing: whoever holds the mailbox
        return reply.reveal(["caller.employee_id", "caller.manager"])
    changed = apply({"identity.verified": True}, call.state)
    if changed:
        call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
    return reply.reveal(["caller.employee_id", "caller.manager"]) or bool(changed)


def _in_writing(call: Call) -> bool:
    """Whether the trainee's current step is an e-mail (not a phone call back)."""
    said = next((e for e in reversed(call.events) if e["kind"] == "trainee_said"), None)
    return said is not None and said["data"].get("channel") == "email"


def _describe(call: Call, reply: Reply) -> bool:
    opening = next(e for e in call.events if e["kind"] == "caller_said")
    reply.add(opening["data"]["text"], "opening_repeat")
    return False


def _say_line(situation: str, effect: str | None = None, reason: bool = False, frustrated=False):
    def handler(call: Call, reply: Reply) -> bool:
        if effect:
            reply.effect(effect)
        if reason:
            call.reason_given = True
        reply.line(situation, frustrated=frustrated)
        return False

    return handler


def _hold_ask(call: Call, reply: Reply) -> bool:
    call.hold_announced = True
    reply.line("hold_agree")
    return False


def _remote_permission(call: Call, reply: Reply) -> bool:
    if call.persona.spec.remote_needs_reason and not call.reason_given:
        reply.line("remote_needs_reason")
    else:
        reply.line("next_step_ack")
    call.reason_given = True
    return False


def _outcome_line(good: str, bad: str):
    def handler(call: Call, reply: Reply) -> bool:
        reply.line(good if call.resolved or _handed_over(call) else bad)
        return False

    return handler


def _password(call: Call, reply: Reply) -> bool:
    reply.effect("password_asked")
    call.emit("password_requested")
    reply.line("password_asked")
    return False


def _device(call: Call, reply: Reply) -> bool:
    if reply.needs_guidance("ask_device_details", "device"):
        return False
    reply.line("device_given")
    return reply.reveal(["caller.asset_tag", "caller.hostname"])


_TICKET_NUMBER = re.compile(r"\b(?:[A-Z]{2,6}[-_ ]?\d{3,}|\d{5,})\b", re.IGNORECASE)


def _ticket_ack(call: Call, reply: Reply) -> bool:
    """The caller notes the number the trainee read out (the ticket panel's, unless they said
    another)."""
    said = next(
        (e["data"]["text"] for e in reversed(call.events) if e["kind"] == "trainee_said"), ""
    )
    number = _TICKET_NUMBER.search(said)
    reply.line("ticket_ack", ticket=number.group(0).upper() if number else call.caller.ticket)
    return False


def _contact(call: Call, reply: Reply) -> bool:
    reply.line("contact_given")
    return reply.reveal(["caller.phone"])


BUILTIN = {
    "greet": _greet,
    "introduce_self": _greet,
    "ask_caller_name": _name,
    "verify_identity": _identity,
    "ask_problem_description": _describe,
    "ask_device_details": _device,
    "confirm_contact": _contact,
    "empathize": _say_line("empathy_received", "empathize"),
    "reassure": _say_line("reassured", "reassure"),
    "apologize": _say_line("apology_received", "apologize"),
    "thank": _say_line("thanked", "thank"),
    "explain_next_step": _say_line("next_step_ack", "explain_next_step", reason=True),
    "put_on_hold": _hold_ask,
    "ask_remote_permission": _remote_permission,
    "summarize": _say_line("summary_ack", "summarize"),
    "give_ticket_number": _ticket_ack,
    "explain_follow_up": _say_line("follow_up_ack"),
    "explain_policy": _say_line("policy_ack"),
    "explain_cause": _cause_explained,
    "ask_username": _username,
    "offer_further_help": _outcome_line("anything_else_resolved", "anything_else_unresolved"),
    "goodbye": _outcome_line("goodbye_resolved", "goodbye_unresolved"),
    "ask_password": _password,
    "resume": lambda call, reply: False,
    "verify_fix": _outcome_line("anything_else_resolved", "dont_know"),
}

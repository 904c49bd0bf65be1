"""The caller's reply to one step: words gathered piece by piece, probes answered, actions applied
(a drastic one only once the trainee confirmed it), mood moved, then logged once."""

from __future__ import annotations

from simulator import saying
from simulator.call import Call, Pending
from simulator.scenario import Action, Probe, Text
from simulator.state import apply, holds

AGITATED = ("angry", "hurried", "pushy")


class Reply:
    """The caller's reply to one step, built piece by piece and logged once."""

    def __init__(self, call: Call):
        self.call = call
        self.pieces: list[tuple[str, str]] = []
        self.effects: list[str] = []
        self.frustrated = False
        self.annoyed = False  # the annoyed "I already said that" is said once a reply

    def add(self, text: str, situation: str, first: bool = False) -> None:
        """Add words the caller says (in order, or first); said before, they come back shorter."""
        if not text or (text, situation) in self.pieces:
            return
        times = saying.times_said(text, saying.said(self.call) + [t for t, _ in self.pieces])
        if times:
            text = self._restated(text, times)
            if not text:
                return
        self.pieces.insert(0, (text, situation)) if first else self.pieces.append((text, situation))

    def _restated(self, text: str, times: int) -> str:
        """The same facts again: "as I said, …" the second time, with annoyance the third (a
        restatement already said counts: "as I said, …" is not said twice word for word)."""
        restated = f"{saying.gist(text)}"
        earlier = saying.said(self.call) + [t for t, _ in self.pieces]
        # said back already ("As I said, since yesterday evening."), not merely part of the
        # opening: one question on what the caller said first gets the facts again, not annoyance
        call = self.call
        leads = call.persona.variants("as_i_said", call.locale, saying.context(call))
        said_back = (f"{lead} {restated}" for lead in leads)
        if times == 1 and any(back in line for back in said_back for line in earlier):
            times = 2
        if times >= 2 and "repeated_question" not in self.effects:
            self.effect("repeated_question")
            self.frustrated = True
        if times >= 2:  # the third time: annoyance (once a reply), the facts are not repeated
            annoyed, self.annoyed = self.annoyed, True
            return "" if annoyed else self._draw("repeated_question")
        return f"{self._draw('as_i_said')} {saying.gist(text)}"

    def line(
        self, situation: str, frustrated: bool = False, first: bool = False, **values: str
    ) -> None:
        """Add one persona line for a situation: true now, not said before, one tic at most."""
        if any(said == situation for _, said in self.pieces):
            return  # "Go ahead. Go ahead.": one answer to two parts that ask the same of the caller
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

    def action(
        self, actions: list[Action], via: str, confirmed: int | None = None, seen: bool = False
    ) -> tuple[str, bool]:
        """Apply the first applicable action; (what the caller says, whether the state changed).

        A drastic or harmful one told by voice is first asked back (`confirmed` is the turn of the
        request once the trainee said yes). `seen`: the trainee did it on the caller's screen in
        a remote session, so the caller tells what they watched, not what they did."""
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
        if via == "say" and not confirmed and self._asks_first(action):
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
        extra = {"confirmed": True, "requested_turn": confirmed} if confirmed is not None else {}
        call.emit(
            "action_applied",
            action=action.id,
            applied=True,
            via=via,
            identity_verified=identity,
            drastic=action.drastic,
            harmful=action.harmful,
            **extra,
        )
        if changed:
            call.emit("state_changed", changes={k: list(v) for k, v in changed.items()})
        self._resolved_in_writing()
        self.reveal(list(action.reveals))
        answer = next(a for a in action.answers if holds(a.when, call.state))
        if seen and answer.when is None and "remote_session" not in action.requires:
            self.line("seen_on_screen")
            return "", bool(changed)
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

    def _asks_first(self, action: Action) -> bool:
        """Before a drastic or harmful step the caller asks back and waits for a clear yes: True
        when they asked (the action is then pending, not done)."""
        call = self.call
        wanted = action.drastic or action.harmful
        if not wanted or action.confirm is False or not holds(action.when, call.state):
            return False
        call.pending = Pending(action.id, action.intent or "", call.turn)
        call.emit(
            "confirmation_asked",
            action=action.id,
            intent=action.intent,
            drastic=action.drastic,
            harmful=action.harmful,
        )
        if isinstance(action.confirm, Text):
            self.add(action.confirm.get(call.locale).format_map(call.placeholders()), "confirm")
        self.line("confirm_ask")
        return True

    def settle_mood(self) -> None:
        """Apply this step's mood effects and log the change."""
        call = self.call
        rough = saying.rough(call)
        self.effects += [e for e in rough if e not in self.effects]
        delta = sum(call.persona.mood_delta(e) for e in self.effects)
        if rough or saying.answered_caller(call):
            # a curt or jargon-laden turn lifts no one's patience, whatever else it did; a bare
            # "yes" to the caller's question neither offends nor pleases
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

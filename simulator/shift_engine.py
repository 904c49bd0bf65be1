"""The shift engine: a simulated clock, a queue that does not wait, and today's call engine.

`ShiftEngine.start` opens a shift, `ShiftEngine.step` applies one trainee step (a shift step or a
call step for the contact in hand) and returns the shift events it added, `ShiftEngine.resume`
rebuilds a shift from its log by replaying the trainee's inputs. Every phone contact is a call of
`simulator.engine.Engine`, unchanged; its own events stay in its own log (`Contact.call.events`).
A refused step raises `ShiftRefused` before anything is written.
"""

from __future__ import annotations

from typing import Any

from simulator import email_thread
from simulator.engine import Engine
from simulator.scenario import Scenario
from simulator.shift_plan import Matrix, ShiftPlan
from simulator.shift_queue import Contact, contact_seed, mood_after_wait, schedule
from simulator.shift_state import Shift, ShiftRefused, StepOutcome
from simulator.shift_steps import SHIFT_STEPS, parse_shift_step, step_input
from simulator.steps import Step

FOLLOW_UP_SECONDS = 120  # informing the user of level 2's answer and closing the ticket


class ShiftEngine:
    """Plays shifts over the shared scenarios with one call engine."""

    def __init__(self, engine: Engine, scenarios: dict[str, Scenario], matrix: Matrix):
        self.engine = engine
        self.scenarios = scenarios
        self.matrix = matrix

    def start(self, plan: ShiftPlan, locale: str = "en", seed: int = 0) -> Shift:
        """Open a shift: draw the arrivals from the seed and log the opening."""
        contacts = schedule(plan, seed)
        subjects = {c.ref: self.scenarios[c.plan.scenario].title.get(locale) for c in contacts}
        shift = Shift(plan, locale, seed, contacts, subjects)
        shift.emit("shift_started", shift=plan.id, locale=locale, seed=seed, length=plan.length)
        self._advance(shift, 0.0)
        return shift

    def step(self, shift: Shift, raw: Any) -> StepOutcome:
        """Apply one trainee step; return the events it added (ShiftRefused: none added)."""
        step = raw if isinstance(raw, Step) else parse_shift_step(raw)
        if shift.ended:
            raise ShiftRefused("the shift has ended")
        handler = getattr(self, f"_{step.name}") if step.name in SHIFT_STEPS else self._call_step
        handler(shift, step, check=True)
        first = len(shift.events)
        logged = {c.ref: len(c.call.events) for c in shift.contacts if c.call}
        shift.turn += 1
        handler(shift, step, check=False)
        if shift.active is None and shift.now >= shift.plan.length and not shift.ended:
            self._end(shift, "clock")
        for c in shift.contacts:  # at most one call moves in a step
            if c.call and len(c.call.events) > logged.get(c.ref, 0):
                return StepOutcome(
                    shift.events[first:], c.call.events[logged.get(c.ref, 0) :], c.ref
                )
        return StepOutcome(shift.events[first:], [])

    def resume(self, plan: ShiftPlan, events: list[dict[str, Any]]) -> Shift:
        """Rebuild a shift from its log by replaying every trainee input in order."""
        started = events[0]["data"]
        shift = self.start(plan, started["locale"], started["seed"])
        for event in events:
            if "input" in event["data"] and not shift.ended:
                self.step(shift, event["data"]["input"])
        if events[-1]["kind"] == "shift_ended" and not shift.ended:
            self._end(shift, events[-1]["data"]["by"])
        return shift

    def end(self, shift: Shift) -> None:
        """End the shift now (a transcript that stops, a trainee who leaves)."""
        if not shift.ended:
            self._end(shift, "trainee")

    # -- the clock ----------------------------------------------------------------------------
    def _advance(self, shift: Shift, to: float) -> None:
        """Move the clock to `to`, applying arrivals, hang-ups and level-2 answers on the way."""
        while True:
            due = self._next_happening(shift, to)
            if due is None:
                break
            at, kind, contact = due
            shift.now = max(shift.now, at)
            getattr(self, f"_happen_{kind}")(shift, contact)
            shift.remember_queue()
        shift.now = max(shift.now, to)

    def _next_happening(self, shift: Shift, to: float) -> tuple[float, str, Contact] | None:
        found = []
        for c in shift.contacts:
            if c.status == "scheduled" and c.arrived_at <= to:
                found.append((c.arrived_at, "arrival", c))
            hang_up = c.hang_up_at(shift.plan)
            if hang_up is not None and hang_up <= to:
                found.append((hang_up, "hang_up", c))
            if c.status == "with_level2" and c.level2_due is not None and c.level2_due <= to:
                found.append((c.level2_due, "level2", c))
            if c.status == "awaiting_reply" and c.reply_due is not None and c.reply_due <= to:
                found.append((c.reply_due, "reply", c))
        order = {"arrival": 0, "level2": 1, "reply": 2, "hang_up": 3}
        return min(found, key=lambda f: (f[0], order[f[1]], f[2].ref), default=None)

    def _happen_arrival(self, shift: Shift, c: Contact) -> None:
        c.status = "waiting"
        shift.emit(
            "contact_arrived",
            ref=c.ref,
            channel=c.channel,
            scenario=c.plan.scenario,
            origin=c.origin,
        )

    def _happen_hang_up(self, shift: Shift, c: Contact) -> None:
        c.status, c.outcome, c.ended_at = "abandoned", "abandoned", shift.now
        shift.emit("contact_abandoned", ref=c.ref, waited=round(shift.now - c.arrived_at, 1))
        message = Contact(f"{c.ref}-vm", c.plan, "voicemail", shift.now, origin=c.ref)
        shift.contacts.append(message)
        shift.subjects[message.ref] = shift.subjects[c.ref]
        self._happen_arrival(shift, message)

    def _happen_level2(self, shift: Shift, c: Contact) -> None:
        c.status = "follow_up"
        answer = c.plan.level2.answer if c.plan.level2 else "fix_note"
        shift.emit("level2_answered", ref=c.ref, answer=answer, team=c.call.escalated_to)

    def _happen_reply(self, shift: Shift, c: Contact) -> None:
        c.status, c.reply_due = "reply_received", None
        shift.emit("email_reply_received", ref=c.ref)

    def _end(self, shift: Shift, by: str) -> None:
        shift.ended = True
        shift.emit("shift_ended", by=by, active=shift.active)
        shift.remember_queue()

    # -- the trainee's steps (each runs twice: check=True refuses, check=False acts) -----------
    def _take(self, shift: Shift, step: Step, check: bool) -> None:
        ref = step.args["value"]
        c = shift.contact(ref)
        if check:
            if shift.active is not None:
                raise ShiftRefused(f"finish or park contact {shift.active} before taking another")
            if c is None:
                raise ShiftRefused(f"there is no contact {ref} in this shift")
            if c.status == "scheduled":
                raise ShiftRefused(f"contact {ref} has not arrived yet")
            if not c.queued:
                raise ShiftRefused(f"contact {ref} is not in the queue ({c.status})")
            return
        assert c is not None
        waited = round(shift.now - c.arrived_at, 1)
        if c.status == "follow_up":
            shift.emit("contact_followed_up", input=step_input(step), ref=ref, waited=waited)
            self._advance(shift, shift.now + FOLLOW_UP_SECONDS)
            c.status = "closed"
            shift.remember_queue()
            return
        if c.status in ("parked", "reply_received"):
            reply = {"reply": True} if c.status == "reply_received" else {}
            c.status, shift.active = "active", ref
            shift.emit("contact_resumed", input=step_input(step), ref=ref, waited=waited, **reply)
            shift.remember_queue()
            return
        scenario = self.scenarios[c.plan.scenario]
        channel = "email" if c.channel == "email" else "phone"
        call = self.engine.start(
            scenario,
            c.plan.persona,
            shift.locale,
            contact_seed(shift.seed, c.ref),
            channel=channel,
        )
        mood = mood_after_wait(call.mood, waited, shift.plan, c.channel)
        if mood != call.mood:
            call.emit("queue_wait", seconds=waited, mood_before=call.mood, mood=mood)
            call.mood = mood
        c.call, c.status, c.taken_at, shift.active = call, "active", shift.now, ref
        shift.emit("contact_taken", input=step_input(step), ref=ref, waited=waited, mood=mood)
        shift.remember_queue()

    def _active(self, shift: Shift, what: str) -> Contact:
        c = shift.contact(shift.active) if shift.active else None
        if c is None:
            raise ShiftRefused(f"take a contact before {what}")
        return c

    def _triage(self, shift: Shift, step: Step, check: bool) -> None:
        c = self._active(shift, "triaging")
        if check:
            return
        priority = self.matrix.priority(step.args["impact"], step.args["urgency"])
        c.triage = {**step.args, "priority": priority}
        shift.emit("contact_triaged", input=step_input(step), ref=c.ref, **c.triage)

    def _park(self, shift: Shift, step: Step, check: bool) -> None:
        c = self._active(shift, "parking")
        if check:
            return
        c.status, c.parked_at, shift.active = "parked", shift.now, None
        shift.emit("contact_parked", input=step_input(step), ref=c.ref)
        shift.remember_queue()

    def _wait(self, shift: Shift, step: Step, check: bool) -> None:
        if check:
            if shift.active is not None:
                raise ShiftRefused(
                    f"contact {shift.active} is in hand: put them on hold or park them first"
                )
            return
        seconds = step.args["value"]
        shift.emit("waited", input=step_input(step), seconds=seconds)
        self._advance(shift, min(shift.now + seconds, float(shift.plan.length)))

    def _elapse(self, shift: Shift, step: Step, check: bool) -> None:
        """Real time passed in live play: the shift's clock moves by it × the plan's time factor
        (arrivals show during a call); the call in hand keeps its own clock."""
        if check:
            return
        seconds = round(step.args["value"] * shift.plan.time_factor, 1)
        shift.emit("clock_moved", input=step_input(step), seconds=seconds)
        self._advance(shift, shift.now + seconds)

    def _email(self, shift: Shift, step: Step, check: bool) -> None:
        """A written reply to the e-mail contact in hand (the user answers by e-mail)."""
        c = self._active(shift, "writing an e-mail")
        if check and c.channel != "email":
            raise ShiftRefused(f"contact {c.ref} is a {c.channel} contact, not an e-mail")
        self._call_step(shift, step, check)
        if (
            not check
            and c.call
            and not c.call.ended
            and email_thread.replied_in_writing(c.call.events)
        ):
            self._await_reply(shift, c)

    def _await_reply(self, shift: Shift, c: Contact) -> None:
        """The e-mail is sent: the contact leaves the trainee's hands until the user's reply comes
        in, after a delay drawn from the seed (the contact's own range, else the plan's)."""
        delays = c.plan.reply_delay or shift.plan.reply_delay
        c.emails_sent += 1
        delay = email_thread.reply_delay(shift.seed, c.ref, c.emails_sent, delays.min, delays.max)
        c.status, c.reply_due, shift.active = "awaiting_reply", shift.now + delay, None
        shift.emit("email_sent", ref=c.ref, reply_in=delay)
        shift.remember_queue()

    def _end_shift(self, shift: Shift, step: Step, check: bool) -> None:
        if check:
            return
        shift.emit("shift_end_asked", input=step_input(step))
        self._end(shift, "trainee")

    def _call_step(self, shift: Shift, step: Step, check: bool) -> None:
        c = self._active(shift, f"'{step.name}'")
        call = c.call
        if check:
            if call is None or call.ended:
                raise ShiftRefused(f"contact {c.ref} has no call in progress")
            if step.name == "say" and c.channel == "email" and not c.plan.call_back:
                raise ShiftRefused(
                    f"contact {c.ref} wrote in: answer by e-mail (the plan allows no call back)"
                )
            return
        assert call is not None
        shift.emit("call_step", input=step_input(step), ref=c.ref, call_turn=call.turn + 1)
        before = call.clock
        self.engine.step(call, step)
        self._advance(shift, shift.now + (call.clock - before))
        if call.ended:
            self._contact_ended(shift, c)

    def _contact_ended(self, shift: Shift, c: Contact) -> None:
        call = c.call
        assert call is not None
        c.ended_at, shift.active = shift.now, None
        if call.ended_by == "caller":
            c.outcome = "caller_hung_up"
        elif call.escalated_to:
            c.outcome = "escalated"
        else:
            c.outcome = "resolved" if call.resolved else "closed_unresolved"
        c.status = "closed"
        if c.outcome == "escalated":
            delay = c.plan.level2.delay if c.plan.level2 else shift.plan.level2_delay
            c.status, c.level2_due = "with_level2", shift.now + delay
        shift.emit("contact_ended", ref=c.ref, outcome=c.outcome, escalated_to=call.escalated_to)
        shift.remember_queue()

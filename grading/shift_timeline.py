"""A shift's log read once: each contact's times and triage, and the queue at every take."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.shift_plan import PlannedContact, ShiftPlan


@dataclass
class ContactFacts:
    """What the log says of one contact."""

    ref: str
    channel: str
    scenario: str
    arrived_at: float
    origin: str | None = None
    taken_at: float | None = None
    ended_at: float | None = None
    outcome: str | None = None
    triage: dict[str, str] | None = None
    triage_turn: int = 0
    level2_at: float | None = None
    followed_up_at: float | None = None
    sent_at: float | None = None  # an e-mail out, the user's reply not back yet
    user_replying: float = 0.0  # seconds the user took to answer the trainee's e-mails

    def handle_time(self) -> float | None:
        """Seconds from take to end, less the time the user took to reply to e-mails."""
        if self.taken_at is None or self.ended_at is None:
            return None
        return self.ended_at - self.taken_at - self.user_replying


@dataclass(frozen=True)
class Take:
    """A contact taken, and who else was waiting then (ref → seconds waited)."""

    at: float
    turn: int
    ref: str
    waiting: dict[str, float]


@dataclass
class ShiftTimeline:
    """The contacts, the takes in order and when the shift ended."""

    contacts: dict[str, ContactFacts] = field(default_factory=dict)
    takes: list[Take] = field(default_factory=list)
    ended_at: float = 0.0

    def planned(self, plan: ShiftPlan, ref: str) -> PlannedContact:
        """The planned contact behind a ref (a voicemail left by a caller is that caller's)."""
        facts = self.contacts[ref]
        return plan.contact(facts.origin or ref)


def read_shift(events: list[dict[str, Any]]) -> ShiftTimeline:
    """Read a shift's events into its timeline."""
    t = ShiftTimeline()
    waiting: set[str] = set()
    replied: dict[str, float] = {}  # an e-mail's reply in the queue: it waits since it came
    for e in events:
        kind, d, at = e["kind"], e["data"], e["at"]
        c = t.contacts.get(d.get("ref", ""))
        if kind == "contact_arrived":
            t.contacts[d["ref"]] = ContactFacts(
                d["ref"], d["channel"], d["scenario"], at, d.get("origin")
            )
            waiting.add(d["ref"])
        elif kind in ("contact_taken", "contact_resumed", "contact_followed_up"):
            waiting.discard(d["ref"])
            replied.pop(d["ref"], None)
            if kind == "contact_taken" and c is not None:
                c.taken_at = at
                waits = {r: at - replied.get(r, t.contacts[r].arrived_at) for r in sorted(waiting)}
                t.takes.append(Take(at, e["turn"], d["ref"], waits))
            if kind == "contact_followed_up" and c is not None:
                c.followed_up_at = at
        elif kind == "contact_abandoned" and c is not None:
            waiting.discard(d["ref"])
            c.ended_at, c.outcome = at, "abandoned"
        elif kind == "contact_parked":
            waiting.add(d["ref"])
        elif kind == "contact_triaged" and c is not None:
            c.triage = {k: d[k] for k in ("kind", "impact", "urgency", "priority")}
            c.triage_turn = e["turn"]
        elif kind == "contact_ended" and c is not None:
            c.ended_at, c.outcome = at, d["outcome"]
        elif kind == "level2_answered" and c is not None:
            c.level2_at = at
            waiting.add(d["ref"])
        elif kind == "email_sent" and c is not None:
            c.sent_at = at
        elif kind == "email_reply_received" and c is not None:
            if c.sent_at is not None:
                c.user_replying += at - c.sent_at
            c.sent_at = None
            waiting.add(d["ref"])
            replied[d["ref"]] = at
        elif kind == "shift_ended":
            t.ended_at = at
    return t

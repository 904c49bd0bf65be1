"""A shift in progress: its clock, contacts, log and queue snapshots; what a step returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.shift_plan import ShiftPlan
from simulator.shift_queue import Contact, snapshot


@dataclass(frozen=True)
class StepOutcome:
    """What one step added: the shift's events and, for a call step, the call's."""

    shift_events: list[dict[str, Any]]
    call_events: list[dict[str, Any]]
    ref: str | None = None  # the contact whose call the call events belong to


class ShiftRefused(ValueError):
    """A step the shift cannot take now (nothing is written); the message says why."""


@dataclass
class Shift:
    """A shift in progress: its clock, its contacts and the shift's own event log."""

    plan: ShiftPlan
    locale: str
    seed: int
    contacts: list[Contact]
    subjects: dict[str, str]
    events: list[dict[str, Any]] = field(default_factory=list)
    queue: list[dict[str, Any]] = field(default_factory=list)
    now: float = 0.0
    active: str | None = None
    ended: bool = False
    turn: int = 0

    def contact(self, ref: str) -> Contact | None:
        """The contact with this ref, if the shift has one."""
        return next((c for c in self.contacts if c.ref == ref), None)

    def emit(self, kind: str, /, **data: Any) -> dict[str, Any]:
        """Append a shift event at the current simulated time."""
        event = {
            "seq": len(self.events) + 1,
            "at": round(self.now, 1),
            "turn": self.turn,
            "kind": kind,
            "data": data,
        }
        self.events.append(event)
        return event

    def remember_queue(self) -> None:
        """Keep a snapshot of the queue when it changed (the timeline of the report)."""
        shot = snapshot(self.contacts, self.plan, self.now, self.subjects)
        if not self.queue or self.queue[-1]["waiting"] != shot["waiting"]:
            self.queue.append(shot)

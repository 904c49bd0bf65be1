"""A call in progress: its hidden state, its caller, and the event log that is its truth."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from simulator.caller import CallerIdentity
from simulator.persona import Persona
from simulator.scenario import Scalar, Scenario
from simulator.state import holds


@dataclass(frozen=True)
class Pending:
    """A drastic action the caller asked about ("Everything in Documents?"), awaiting a yes."""

    action: str
    intent: str
    turn: int


class CallEnded(Exception):
    """A step was sent to a call that has already ended."""


@dataclass
class Call:
    """Everything the engine knows about one call; rebuilt from its events on resume."""

    scenario: Scenario
    persona: Persona
    locale: str
    seed: int
    mode: str
    caller: CallerIdentity
    state: dict[str, Scalar]
    mood: int
    events: list[dict[str, Any]] = field(default_factory=list)
    turn: int = 0
    clock: float = 0.0
    ended_by: str | None = None
    revealed: set[str] = field(default_factory=set)
    done: list[str] = field(default_factory=list)
    said_intents: list[str] = field(default_factory=list)
    reason_given: bool = False
    on_hold: bool = False
    hold_announced: bool = False
    hold_started: float = 0.0
    ticket: dict[str, str] = field(default_factory=dict)
    escalated_to: str | None = None
    fired: set[str] = field(default_factory=set)
    idle_turns: int = 0
    recorded_llm: dict[int, dict[str, Any]] = field(default_factory=dict)
    pending: Pending | None = None
    channel: str = "phone"  # "email": a written thread (the user's e-mail opens it)

    @property
    def ended(self) -> bool:
        """Whether the call is over (closed by the trainee or hung up by the caller)."""
        return self.ended_by is not None

    @property
    def resolved(self) -> bool:
        """Whether the fault is fixed now (the scenario's resolution condition holds)."""
        res = self.scenario.resolution
        return res is not None and holds(res.when, self.state)

    def rng(self, *purpose: object) -> random.Random:
        """A random source for one choice, fixed by the seed, the turn and the purpose."""
        return random.Random(":".join(map(str, (self.seed, self.turn, *purpose))))

    def placeholders(self) -> dict[str, str]:
        """Values for `{placeholders}` in this call's texts."""
        return self.caller.placeholders()

    def emit(self, kind: str, **data: Any) -> dict[str, Any]:
        """Append an event to the log and return it."""
        event = {
            "seq": len(self.events) + 1,
            "at": round(self.clock, 1),
            "turn": self.turn,
            "kind": kind,
            "data": data,
        }
        self.events.append(event)
        return event

    def outcome(self) -> dict[str, Any]:
        """The call's outcome, as `hotliner replay --json` prints it."""
        return {
            "resolved": self.resolved,
            "escalated_to": self.escalated_to,
            "ended_by": self.ended_by,
            "identity_verified": bool(self.state.get("identity.verified")),
        }

"""A call's event log read once into the facts grading needs: who did what, at which turn."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from grading.messages import Wording
from simulator.scenario import Scalar, Scenario
from simulator.state import holds, initial_state


@dataclass(frozen=True)
class Done:
    """A probe answered or an action applied, with where it stands in the log."""

    id: str
    turn: int
    seq: int
    data: dict[str, Any]


@dataclass
class Timeline:
    """Everything grading reads, extracted from the events in one pass."""

    locale: str = "en"
    channel: str = "phone"  # "email": a written contact (grading/mail_tone.py)
    words: Wording = field(default_factory=Wording)
    persona: str = "calm"
    last_turn: int = 0
    said: dict[int, str] = field(default_factory=dict)
    mailed: list[int] = field(default_factory=list)  # turns of the trainee's e-mails
    intents: dict[int, list[str]] = field(default_factory=dict)
    intent_seq: list[tuple[str, int, int]] = field(default_factory=list)
    probes: list[Done] = field(default_factory=list)
    actions: list[Done] = field(default_factory=list)
    # actions asked for that the caller could not do alone (no remote session, no identity check)
    blocked: list[Done] = field(default_factory=list)
    revealed: dict[str, int] = field(default_factory=dict)
    directory: list[Done] = field(default_factory=list)
    holds: list[dict[str, Any]] = field(default_factory=list)
    remote_connects: list[Done] = field(default_factory=list)
    frustrated_turns: list[int] = field(default_factory=list)
    lost_turns: list[int] = field(default_factory=list)  # the caller said they did not follow
    password_turns: list[int] = field(default_factory=list)
    escalations: list[Done] = field(default_factory=list)
    ticket: dict[str, str] = field(default_factory=dict)
    ticket_turn: int = 0
    resolved_seq: int | None = None
    resolved_turn: int | None = None
    identity_seq: int | None = None
    ended_by: str | None = None
    end_turn: int = 0
    final_state: dict[str, Scalar] = field(default_factory=dict)
    heard: list[tuple[int, str]] = field(default_factory=list)
    matches: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    ticket_number: str = ""
    caller_name: str = ""
    tone_judgement: dict[str, Any] | None = None
    tone_judge_failure: str | None = None

    def first_intent(self, intent: str, after_seq: int = 0) -> tuple[int, int] | None:
        """(turn, seq) of the first time the trainee said `intent` after `after_seq`."""
        return next(((t, s) for i, t, s in self.intent_seq if i == intent and s > after_seq), None)

    def said_intent(self, intent: str) -> bool:
        """Whether the trainee ever said `intent`."""
        return any(i == intent for i, _, _ in self.intent_seq)

    def match_of(self, intent: str, turn: int) -> dict[str, Any] | None:
        """The matcher's record (score, clause, flags) of `intent` said at `turn`, if any."""
        return next((m for m in self.matches.get(turn, []) if m["intent"] == intent), None)

    def caller_words_before(self, turn: int) -> str:
        """Everything the caller said before `turn`, one text."""
        return " ".join(text for tn, text in self.heard if tn < turn)

    def say_turns(self) -> list[int]:
        """The turns in which the trainee spoke, in order."""
        return sorted(self.said)

    def is_fixed(self, scenario: Scenario) -> bool:
        """Whether the resolution condition holds at the end of the call."""
        return scenario.resolution is not None and holds(scenario.resolution.when, self.final_state)


def read(
    scenario: Scenario, events: list[dict[str, Any]], words: Wording | None = None
) -> Timeline:
    """Read a call's events into a Timeline; `words` give its findings their wording."""
    t = Timeline(final_state=initial_state(scenario.facts))
    for e in events:
        kind, data, turn, seq = e["kind"], e["data"], e["turn"], e["seq"]
        t.last_turn = max(t.last_turn, turn)
        if kind == "call_started":
            t.locale, t.persona = data["locale"], data["persona"]
            t.channel = data.get("channel") or "phone"
            caller = data.get("caller") or {}
            t.ticket_number = str(caller.get("ticket", ""))
            t.caller_name = str(caller.get("caller_name", caller.get("name", "")))
            if words is not None:
                t.words = replace(words, locale=t.locale, channel=t.channel)
        elif kind == "trainee_said":
            t.said[turn] = data["text"]
            if data.get("channel") == "email":
                t.mailed.append(turn)
        elif kind == "intent_matched":
            t.matches[turn] = list(data["intents"])
            kept = [m for m in data["intents"] if not (m.get("negated") or m.get("claimed"))]
            ids = [m["intent"] for m in kept]
            t.intents[turn] = ids
            t.intent_seq += [(i, turn, seq) for i in ids]
        elif kind == "probe_answered":
            t.probes.append(Done(data["probe"], turn, seq, data))
        elif kind == "action_applied":
            t.actions.append(Done(data["action"], turn, seq, data))
        elif kind == "action_blocked":
            t.blocked.append(Done(data["action"], turn, seq, {**data, "via": "say"}))
        elif kind == "facts_revealed":
            for fact in data["facts"]:
                t.revealed.setdefault(fact, seq)
        elif kind in ("state_changed", "trigger_fired"):
            for fact, (_, new) in data["changes"].items():
                t.final_state[fact] = new
                if fact == "identity.verified" and new and t.identity_seq is None:
                    t.identity_seq = seq
        elif kind == "directory_action":
            t.directory.append(Done(data["op"], turn, seq, data))
        elif kind in ("hold", "resume"):
            t.holds.append({"kind": kind, "turn": turn, **data})
        elif kind == "remote_connected":
            t.remote_connects.append(Done("remote", turn, seq, data))
        elif kind == "remote_refused":
            t.remote_connects.append(Done("remote_refused", turn, seq, {"explained": False}))
        elif kind == "caller_said":
            t.heard.append((turn, data.get("text", "")))
            if data.get("frustrated"):
                t.frustrated_turns.append(turn)
            if "jargon_confused" in (data.get("situations") or ()):
                t.lost_turns.append(turn)
        elif kind == "password_requested":
            t.password_turns.append(turn)
        elif kind == "escalated":
            t.escalations.append(Done(data["team"], turn, seq, data))
        elif kind == "ticket_updated":
            t.ticket, t.ticket_turn = dict(data["ticket"]), turn
        elif kind == "resolved" and t.resolved_seq is None:
            t.resolved_seq, t.resolved_turn = seq, turn
        elif kind == "tone_judged":
            t.tone_judgement = data
        elif kind == "tone_judge_failed":
            t.tone_judge_failure = data["reason"]
        elif kind == "call_ended":
            t.ended_by, t.end_turn = data["by"], turn
    t.end_turn = t.end_turn or t.last_turn
    return t

"""Caller personas and their mood: how patient they are, what moves them, how they speak."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field, ValidationError

from simulator.scenario import Model, Text
from simulator.yamlsource import SourceError, format_path, read

PERSONAS_PATH = Path(__file__).resolve().parent.parent / "scenarios" / "personas.yaml"
SITUATIONS = (
    "greet_back",
    "give_name",
    "give_identity",
    "unrecognized",
    "empathy_received",
    "reassured",
    "apology_received",
    "thanked",
    "next_step_ack",
    "hold_agree",
    "resume_back",
    "resume_after_long_hold",
    "hold_unannounced",
    "remote_consent",
    "remote_needs_reason",
    "remote_already",
    "jargon_confused",
    "repeated_question",
    "blamed",
    "no_progress",
    "complaint",
    "summary_ack",
    "ticket_ack",
    "follow_up_ack",
    "anything_else_resolved",
    "anything_else_unresolved",
    "goodbye_resolved",
    "goodbye_unresolved",
    "hang_up",
    "password_asked",
    "policy_ack",
    "contact_given",
    "device_given",
    "dont_know",
    "action_generic",
    "cannot_do_alone",
    "already_done",
    "escalated_ack",
    "on_hold_silent",
    "answer_prefix",
    "answer_suffix",
    "cause_explained",
    "give_username",
    "claimed_done",
)

# How much each kind of event moves the caller's patience (before the persona's multipliers).
MOOD_EFFECTS: dict[str, int] = {
    "empathize": 10,
    "reassure": 6,
    "apologize": 5,
    "thank": 2,
    "explain_next_step": 4,
    "progress": 3,
    "fixed": 15,
    "handed_over": 8,
    "summarize": 3,
    "jargon": -7,
    "repeated_question": -8,
    "blame": -15,
    "unrecognized": -3,
    "no_progress": -3,
    "long_hold": -6,
    "hold_unannounced": -8,
    "shouting": -10,
    "profanity": -25,
    "familiar_tu": -5,
    "password_asked": -6,
    "explain_cause": 5,
}


class PersonaSpec(Model):
    """One persona as written in `scenarios/personas.yaml`."""

    label: Text
    description: Text
    mood: int = Field(ge=1, le=100)
    sensitivity: float = Field(gt=0, le=3)
    warmth: float = Field(gt=0, le=3)
    jargon_sensitivity: float = Field(ge=0, le=3)
    vague: bool = False
    volunteers: bool = True
    remote_needs_reason: bool = False
    lines: dict[str, dict[str, list[str]]]


class PersonaError(Exception):
    """The personas file is missing or malformed."""


@dataclass(frozen=True)
class Persona:
    """A loaded persona, ready to phrase lines and move the mood."""

    id: str
    spec: PersonaSpec

    def line(self, situation: str, locale: str, rng: random.Random, values: dict[str, str]) -> str:
        """One variant of a situation's line, with its placeholders filled."""
        variants = self.spec.lines[situation][locale]
        return rng.choice(variants).format_map(_Missing(values))

    def mood_delta(self, effect: str) -> int:
        """How much `effect` moves this persona's mood."""
        base = MOOD_EFFECTS[effect]
        factor = self.spec.warmth if base > 0 else self.spec.sensitivity
        if effect == "jargon":
            factor = self.spec.jargon_sensitivity
        if effect in ("long_hold", "no_progress") and self.id == "hurried":
            factor *= 2
        return round(base * factor)


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class PersonaBook:
    """Every persona, by id."""

    personas: dict[str, Persona] = field(default_factory=dict)

    def get(self, persona_id: str) -> Persona:
        """The persona with this id; KeyError naming the known ones otherwise."""
        if persona_id not in self.personas:
            raise KeyError(f"unknown persona '{persona_id}' (known: {', '.join(self.personas)})")
        return self.personas[persona_id]


def load_personas(path: Path = PERSONAS_PATH) -> PersonaBook:
    """Load and check `personas.yaml`: every persona has every situation in both locales."""
    try:
        source = read(path, limit=4 * 1024 * 1024)  # shared data, not a scenario
        raw = source.data.get("personas", {}) if isinstance(source.data, dict) else {}
        specs = {pid: PersonaSpec.model_validate(spec) for pid, spec in raw.items()}
    except (OSError, SourceError) as exc:
        raise PersonaError(f"{path}: {exc}") from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        raise PersonaError(f"{path}: {format_path(tuple(err['loc']))}: {err['msg']}") from exc
    problems = []
    for pid, spec in specs.items():
        for situation in SITUATIONS:
            for locale in ("en", "fr"):
                if not spec.lines.get(situation, {}).get(locale):
                    problems.append(f"{path}: personas.{pid}.lines.{situation}.{locale}: missing")
    if problems:
        raise PersonaError("\n".join(problems))
    return PersonaBook({pid: Persona(pid, spec) for pid, spec in specs.items()})

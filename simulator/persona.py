"""Caller personas and their mood: how patient they are, what moves them, how they speak."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from simulator.folding import fold
from simulator.scenario import Model, Terms, Text
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
    "ticket_number_asked",  # told of a ticket whose number was never said
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
    "seen_on_screen",  # the trainee did it on the caller's screen in a remote session
    "advice_taken",  # a tip for later, taken on board
    "already_done",
    "escalated_ack",
    "on_hold_silent",
    "answer_prefix",
    "answer_suffix",
    "cause_explained",
    "give_username",
    "claimed_done",
    "as_i_said",
    "give_other_username",
    "confirm_ask",  # before a drastic step told by voice: "are you sure?"
    "confirm_declined",  # the trainee said no: the caller leaves it
    "confirm_unclear",  # not a clear yes: the caller does nothing and asks again
    "confirm_dropped",  # the trainee moved on: the caller leaves it undone
    "whereabouts_office",  # off-script: "are you working from home today?"
    "whereabouts_home",
    "printer_named",  # off-script: "what's the name of the printer you print to?"
    "printer_name_unknown",
    "nothing_like_that",  # off-script: a drop, a spill, an attachment opened, when none happened
    "mishap_as_said",  # ...when the opening already told what happened
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
    "curt": -4,
}


# What must hold for a line variant to be said (`when:` in personas.yaml); see `context`.
CONDITIONS = (
    "unresolved",  # the fault is still there
    "resolved",  # the fault is fixed
    "said_before",  # the caller has already answered something in this call
    "no_loss",  # nothing was lost or damaged by a harmful step
    "repeat_caller",  # the scenario says the caller has called about this before
)


class Variant(Model):
    """A line variant said only when all its conditions hold."""

    text: str
    when: list[Literal[CONDITIONS]] = Field(min_length=1)  # type: ignore[valid-type]


class Guidance(Model):
    """A step a persona cannot do unless told where and how (the key, the button, the tab)."""

    hints: Terms  # words that show the trainee explained it; any one is enough
    ask: Text  # what the caller asks back when told the step bare

    def explained(self, text: str, locale: str) -> bool:
        """Whether the trainee's words explain the step (name where it is or how it looks)."""
        folded = f" {fold(text)} "
        return any(f" {fold(h)} " in folded for h in self.hints.get(locale))


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
    curtness_sensitivity: float = Field(default=1.0, ge=0, le=3)  # bare orders, blame
    lines: dict[str, dict[str, list[str | Variant]]]
    guidance: dict[str, Guidance] = Field(default_factory=dict)  # by intent


class PersonaError(Exception):
    """The personas file is missing or malformed."""


@dataclass(frozen=True)
class Persona:
    """A loaded persona, ready to phrase lines and move the mood."""

    id: str
    spec: PersonaSpec

    def line(
        self,
        situation: str,
        locale: str,
        rng: random.Random,
        values: dict[str, str],
        context: frozenset[str] | None = None,
    ) -> str:
        """One variant of a situation's line that holds in `context`, placeholders filled.

        Without a context only the unconditional variants are drawn (always safe to say).
        """
        variants = self.variants(situation, locale, context or frozenset())
        return rng.choice(variants).format_map(_Missing(values))

    def variants(self, situation: str, locale: str, context: frozenset[str]) -> list[str]:
        """The texts of a situation's variants whose conditions all hold in `context`."""
        return [
            v if isinstance(v, str) else v.text
            for v in self.spec.lines[situation][locale]
            if isinstance(v, str) or set(v.when) <= context
        ]

    def mood_delta(self, effect: str) -> int:
        """How much `effect` moves this persona's mood."""
        base = MOOD_EFFECTS[effect]
        factor = self.spec.warmth if base > 0 else self.spec.sensitivity
        if effect == "jargon":
            factor = self.spec.jargon_sensitivity
        if effect in ("curt", "blame"):
            factor *= self.spec.curtness_sensitivity
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
                variants = spec.lines.get(situation, {}).get(locale)
                if not variants:
                    problems.append(f"{path}: personas.{pid}.lines.{situation}.{locale}: missing")
                elif not any(isinstance(v, str) for v in variants):
                    problems.append(
                        f"{path}: personas.{pid}.lines.{situation}.{locale}: "
                        "needs one variant without `when`"
                    )
    if problems:
        raise PersonaError("\n".join(problems))
    return PersonaBook({pid: Persona(pid, spec) for pid, spec in specs.items()})

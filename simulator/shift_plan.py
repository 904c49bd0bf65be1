"""Shift plans and the priority matrix: their YAML model and validation, every error with its line.

A shift plan (`scenarios/shifts/<id>.yaml`) says how long a shift lasts, how fast its clock runs,
which contacts arrive when (or in which window, drawn from the seed), on which channel, what a
correct triage of each is, the SLA targets per priority and the level-2 delays. The matrix
(`scenarios/shifts/matrix.yaml`) turns impact × urgency into P1–P4.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from simulator.scenario import Model, Scenario, Text
from simulator.validate import Problem, _shape_problem
from simulator.yamlsource import PathKey, Source, SourceError, format_path, read

LEVELS = ("high", "medium", "low")
KINDS = ("incident", "request")
PRIORITY_IDS = ("P1", "P2", "P3", "P4")
CHANNELS = ("phone", "email", "voicemail")
# What a phone scenario can be played as (a scenario lists its own `channels`; e-mail ones add
# "email").
PHONE_CHANNELS = ("phone", "voicemail")
L2_ANSWERS = ("fix_note", "question", "needs_user")
Level = Literal["high", "medium", "low"]


class Matrix(Model):
    """Impact × urgency → priority, with the words of each level in both languages."""

    impacts: dict[Level, Text]
    urgencies: dict[Level, Text]
    priorities: dict[Literal["P1", "P2", "P3", "P4"], Text]
    kinds: dict[Literal["incident", "request"], Text]
    matrix: dict[Level, dict[Level, Literal["P1", "P2", "P3", "P4"]]]

    def priority(self, impact: str, urgency: str) -> str:
        """The priority of a contact with this impact and urgency."""
        return self.matrix[impact][urgency]  # type: ignore[index]


class Triage(Model):
    """A correct triage: incident or request, impact and urgency."""

    kind: Literal["incident", "request"]
    impact: Level
    urgency: Level


class Level2(Model):
    """How the level-2 team answers an escalated ticket: after how long, and what."""

    delay: int = Field(ge=0, le=86400)
    answer: Literal["fix_note", "question", "needs_user"] = "fix_note"


class ReplyDelay(Model):
    """How long a user takes to answer an e-mail (simulated seconds), drawn from the seed."""

    min: int = Field(default=240, ge=0, le=86400)
    max: int = Field(default=600, ge=0, le=86400)

    @model_validator(mode="after")
    def _ordered(self) -> ReplyDelay:
        if self.max < self.min:
            raise ValueError("max must not be less than min")
        return self


class PlannedContact(Model):
    """One contact of the plan: who, on which channel, when, and its correct triage."""

    ref: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)
    scenario: str
    channel: Literal["phone", "email", "voicemail"] = "phone"
    persona: str | None = None
    at: int | None = Field(default=None, ge=0)
    triage: Triage
    patience: int | None = Field(default=None, ge=30, le=7200)
    level2: Level2 | None = None
    call_back: bool = False  # an e-mail contact the trainee may also phone back
    reply_delay: ReplyDelay | None = None  # an e-mail contact's own (else the plan's)


class Patience(Model):
    """How a waiting caller's patience falls: mood lost per minute, hang-up after so long."""

    drop_per_minute: int = Field(default=4, ge=0, le=50)
    hang_up_after: int = Field(default=480, ge=30, le=7200)


class ShiftPlan(Model):
    """A shift: length and clock, SLA targets, patience, level-2 delay and the contacts."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)
    title: Text
    description: Text
    length: int = Field(ge=300, le=12 * 3600, description="simulated seconds")
    time_factor: float = Field(default=1.0, gt=0, le=60)
    sla: dict[Literal["P1", "P2", "P3", "P4"], int]
    patience: Patience = Patience()
    level2_delay: int = Field(default=900, ge=0, le=86400)
    reply_delay: ReplyDelay = ReplyDelay()  # e-mail users' replies: 4 to 10 minutes by default
    contacts: list[PlannedContact] = Field(min_length=1, max_length=200)

    def contact(self, ref: str) -> PlannedContact:
        """The planned contact with this ref (KeyError otherwise)."""
        for contact in self.contacts:
            if contact.ref == ref:
                return contact
        raise KeyError(ref)


class PlanError(Exception):
    """A shift plan or the matrix did not validate; `problems` lists every error."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _model(kind: type[Model], source: Source, file: str) -> Model:
    if not isinstance(source.data, dict):
        raise PlanError([Problem.of(file, 1, "", "shift_not_a_mapping")])
    try:
        return kind.model_validate(source.data)
    except ValidationError as exc:
        problems = [
            _shape_problem(file, source.line_of(tuple(err["loc"])), err) for err in exc.errors()
        ]
        raise PlanError(problems) from exc


def check_plan(plan: ShiftPlan, scenarios: dict[str, Scenario]) -> list[tuple[PathKey, str, dict]]:
    """Cross-references of a well-shaped plan: (path, code, params) for each problem."""
    found: list[tuple[PathKey, str, dict]] = []
    missing = [p for p in PRIORITY_IDS if p not in plan.sla]
    if missing:
        found.append((("sla",), "shift_sla_missing", {"value": ", ".join(missing)}))
    seen: set[str] = set()
    for i, contact in enumerate(plan.contacts):
        where = ("contacts", i)
        if contact.ref in seen:
            found.append(((*where, "ref"), "shift_duplicate_ref", {"value": contact.ref}))
        seen.add(contact.ref)
        if contact.at is not None and contact.at >= plan.length:
            params = {"at": contact.at, "length": plan.length}
            found.append(((*where, "at"), "shift_arrival_after_end", params))
        scenario = scenarios.get(contact.scenario)
        if scenario is None:
            found.append(
                ((*where, "scenario"), "shift_unknown_scenario", _near(contact, scenarios))
            )
            continue
        if contact.channel not in scenario.channels:
            params = {"value": contact.channel, "scenario": scenario.id}
            found.append(((*where, "channel"), "shift_channel_unsupported", params))
        if contact.call_back and contact.channel != "email":
            params = {"value": contact.channel}
            found.append(((*where, "call_back"), "shift_call_back_not_email", params))
        if contact.reply_delay and contact.channel != "email":
            params = {"value": contact.channel}
            found.append(((*where, "reply_delay"), "shift_reply_delay_not_email", params))
        if contact.persona and contact.persona not in scenario.personas:
            params = {"value": contact.persona, "scenario": scenario.id}
            found.append(((*where, "persona"), "shift_persona_not_allowed", params))
    return found


def _near(contact: PlannedContact, scenarios: dict[str, Scenario]) -> dict[str, str]:
    import difflib

    close = difflib.get_close_matches(contact.scenario, list(scenarios), n=1, cutoff=0.6)
    return {"value": contact.scenario, **({"suggestion": close[0]} if close else {})}


def validate_plan_source(source: Source, file: str, scenarios: dict[str, Scenario]) -> ShiftPlan:
    """A plan from parsed YAML; PlanError with every problem and its line otherwise."""
    plan = _model(ShiftPlan, source, file)
    assert isinstance(plan, ShiftPlan)
    problems = [
        Problem.of(file, source.line_of(path), format_path(path), code, **params)
        for path, code, params in check_plan(plan, scenarios)
    ]
    if problems:
        raise PlanError(problems)
    return plan


def load_plan(path: Path, scenarios: dict[str, Scenario]) -> ShiftPlan:
    """Read and validate a shift plan file."""
    try:
        source = read(path)
    except SourceError as exc:
        raise PlanError([Problem.from_source(str(path), exc)]) from exc
    except OSError as exc:
        raise PlanError(
            [Problem.of(str(path), None, "", "cannot_read", reason=exc.strerror)]
        ) from exc
    return validate_plan_source(source, str(path), scenarios)


def load_matrix(path: Path) -> Matrix:
    """Read and validate the priority matrix (every impact × urgency must have a priority)."""
    try:
        source = read(path)
    except SourceError as exc:
        raise PlanError([Problem.from_source(str(path), exc)]) from exc
    matrix = _model(Matrix, source, str(path))
    assert isinstance(matrix, Matrix)
    problems = [
        Problem.of(
            str(path),
            source.line_of(("matrix", i)),
            f"matrix.{i}",
            "shift_matrix_gap",
            impact=i,
            urgency=u,
        )
        for i in LEVELS
        for u in LEVELS
        if u not in matrix.matrix.get(i, {})  # type: ignore[call-overload]
    ]
    if problems:
        raise PlanError(problems)
    return matrix

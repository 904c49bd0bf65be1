"""Shift transcripts: a YAML list of shift and call steps, played into the replay record."""

from __future__ import annotations

from typing import Any

from simulator.replay import TranscriptError, fill_placeholders
from simulator.shift_engine import ShiftEngine
from simulator.shift_plan import ShiftPlan
from simulator.shift_state import Shift, ShiftRefused
from simulator.shift_steps import SHIFT_STEPS, parse_shift_step
from simulator.steps import Step, StepError
from simulator.yamlsource import SourceError, parse


def parse_shift_transcript(text: str, filename: str) -> tuple[list[Step], list[int | None]]:
    """The steps of a shift transcript and their lines; TranscriptError naming file and step."""
    try:
        source = parse(text)
    except SourceError as exc:
        where = f"{filename}:{exc.line}" if exc.line else filename
        raise TranscriptError(f"{where}: {exc.message}") from exc
    if not isinstance(source.data, list) or not source.data:
        raise TranscriptError(f"{filename}: a shift transcript is a non-empty YAML list of steps")
    steps, lines = [], []
    for index, raw in enumerate(source.data):
        line = source.line_of((index,))
        try:
            steps.append(parse_shift_step(raw))
        except StepError as exc:
            raise TranscriptError(f"{filename}:{line} step {index + 1}: {exc}") from exc
        lines.append(line)
    return steps, lines


def contact_rows(shift: Shift) -> list[dict[str, Any]]:
    """Each contact as the replay JSON lists it (score left None: grading fills it)."""
    rows = []
    for c in sorted(shift.contacts, key=lambda c: (c.arrived_at, c.ref)):
        if c.status == "scheduled":
            continue
        outcome = c.outcome or {"parked": "parked"}.get(
            c.status, "in_progress" if c.call is not None else "not_taken"
        )
        rows.append(
            {
                "ref": c.ref,
                "channel": c.channel,
                "scenario": c.plan.scenario,
                "arrived_at": round(c.arrived_at, 1),
                "taken_at": None if c.taken_at is None else round(c.taken_at, 1),
                "ended_at": None if c.ended_at is None else round(c.ended_at, 1),
                "outcome": outcome,
                "triage": c.triage,
                "score": None,
            }
        )
    return rows


def play_shift(
    engine: ShiftEngine,
    plan: ShiftPlan,
    steps: list[Step],
    locale: str = "en",
    seed: int = 0,
    lines: list[int | None] | None = None,
    filename: str = "<steps>",
) -> Shift:
    """Play every step through a new shift, then end it; a refused step names its line."""
    shift = engine.start(plan, locale, seed)
    for index, step in enumerate(steps):
        if (step.name not in SHIFT_STEPS or step.name == "email") and shift.active:
            call = shift.contact(shift.active).call  # type: ignore[union-attr]
            if call is not None:
                step = fill_placeholders(step, call)
        try:
            engine.step(shift, step)
        except ShiftRefused as exc:
            line = lines[index] if lines else None
            where = f"{filename}:{line}" if line else filename
            raise TranscriptError(f"{where} step {index + 1}: {exc}") from exc
    engine.end(shift)
    return shift

"""Shift steps (`take`, `triage`, `park`, `wait`, `email`, `end_shift`) beside the call steps."""

from __future__ import annotations

from typing import Any

from simulator.shift_plan import KINDS, LEVELS
from simulator.steps import MAX_TEXT, Step, StepError, parse_step

SHIFT_STEPS = ("take", "triage", "park", "wait", "elapse", "email", "end_shift")
BARE_SHIFT_STEPS = ("park", "end_shift")
MAX_WAIT = 3600


def _name_and_value(raw: Any) -> tuple[str, Any] | None:
    if isinstance(raw, str) and raw in BARE_SHIFT_STEPS:
        return raw, None
    if isinstance(raw, dict) and len(raw) == 1:
        name, value = next(iter(raw.items()))
        if name in SHIFT_STEPS:
            return str(name), value
    return None


def _triage(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != {"impact", "urgency", "kind"}:
        raise StepError("'triage' needs a mapping of impact, urgency and kind")
    for key, allowed in (("impact", LEVELS), ("urgency", LEVELS), ("kind", KINDS)):
        if value[key] not in allowed:
            raise StepError(f"triage {key} must be one of {', '.join(allowed)}")
    return {k: str(value[k]) for k in ("impact", "urgency", "kind")}


def parse_shift_step(raw: Any) -> Step:
    """A shift step, or a call step as `simulator.steps.parse_step` reads it."""
    found = _name_and_value(raw)
    if found is None:
        return parse_step(raw)
    name, value = found
    if name in BARE_SHIFT_STEPS:
        if value not in (None, {}):
            raise StepError(f"'{name}' takes no value")
        return Step(name)
    if name == "take":
        if not isinstance(value, str) or not value.strip():
            raise StepError("'take' needs a contact ref")
        return Step("take", {"value": value.strip()})
    if name == "wait":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WAIT:
            raise StepError(f"'wait' needs a number of seconds from 1 to {MAX_WAIT}")
        return Step("wait", {"value": value})
    if name == "elapse":
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 < value <= MAX_WAIT
        ):
            raise StepError(f"'elapse' needs real seconds, more than 0 and up to {MAX_WAIT}")
        return Step("elapse", {"value": round(float(value), 1)})
    if name == "triage":
        return Step("triage", _triage(value))
    body = value.get("body") if isinstance(value, dict) else None
    if not isinstance(body, str) or not body.strip() or set(value) != {"body"}:
        raise StepError("'email' needs a mapping with a non-empty body")
    if len(body) > MAX_TEXT * 2:
        raise StepError(f"the e-mail body is longer than {MAX_TEXT * 2} characters")
    return Step("email", {"body": body.strip()})


def step_input(step: Step) -> Any:
    """The step as written in a shift transcript."""
    if step.name in BARE_SHIFT_STEPS:
        return step.name
    return step.as_input()

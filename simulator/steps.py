"""Trainee steps: the one vocabulary shared by the CLI, the transcripts, the web page and the
API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.directory import OPERATIONS
from simulator.scenario import CATEGORIES, TEAMS

MAX_TEXT = 2000
MAX_HOLD = 3600
STEP_NAMES = (
    "say",
    "remote_connect",
    "remote",
    "directory",
    "kb",
    "hold",
    "resume",
    "ticket",
    "escalate",
    "close",
    "email",
)
BARE_STEPS = ("remote_connect", "resume", "close")
TICKET_FIELDS = ("category", "priority", "summary", "root_cause", "resolution")
PRIORITIES = ("low", "medium", "high", "critical")


class StepError(ValueError):
    """A step is malformed; the message says what was wrong."""


@dataclass(frozen=True)
class Step:
    """One normalised trainee step."""

    name: str
    args: dict[str, Any] = field(default_factory=dict)

    def as_input(self) -> Any:
        """The step as written in a transcript (bare name, or `{name: value}`)."""
        if not self.args:  # `{ticket: {}}` must read back as a ticket, not as a bare name
            return self.name if self.name in BARE_STEPS else {self.name: {}}
        if set(self.args) == {"value"}:
            return {self.name: self.args["value"]}
        return {self.name: dict(self.args)}


def _text(value: Any, what: str, limit: int = MAX_TEXT, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise StepError(f"{what} must be text")
    text = str(value).strip()
    if required and not text:
        raise StepError(f"{what} is empty")
    if len(text) > limit:
        raise StepError(f"{what} is longer than {limit} characters ({len(text)})")
    return text


def _mapping(value: Any, name: str, allowed: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise StepError(f"'{name}' needs a mapping of {', '.join(allowed)}")
    unknown = sorted(set(map(str, value)) - set(allowed))
    if unknown:
        raise StepError(
            f"'{name}' has unknown field(s): {', '.join(unknown)} (allowed: {', '.join(allowed)})"
        )
    return value


def parse_step(raw: Any) -> Step:
    """Turn a transcript/API step into a Step, or raise StepError saying what is wrong."""
    if isinstance(raw, str):
        if raw in BARE_STEPS:
            return Step(raw, {"summary": ""} if raw == "close" else {})
        raise StepError(f"unknown step '{raw[:40]}' (steps: {', '.join(STEP_NAMES)})")
    if not isinstance(raw, dict) or len(raw) != 1:
        raise StepError("a step is one of: " + ", ".join(STEP_NAMES))
    ((name, value),) = raw.items()
    if name not in STEP_NAMES:
        raise StepError(f"unknown step '{str(name)[:40]}' (steps: {', '.join(STEP_NAMES)})")
    if name in ("remote_connect", "resume"):
        return Step(name)
    if name == "say":
        return Step("say", {"value": _text(value, "what you say")})
    if name == "remote":
        return Step("remote", {"value": _text(value, "the command", 500)})
    if name == "kb":
        return Step("kb", {"value": _text(value, "the search", 200)})
    if name == "hold":
        # 1 second at least *after* rounding down: a hold of 0.5 would be logged as 0 and not read
        # back
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 1 <= value <= MAX_HOLD
        ):
            raise StepError(f"hold takes a number of seconds from 1 to {MAX_HOLD}")
        return Step("hold", {"value": int(value)})
    if name == "directory":
        return _directory(value)
    if name == "email":
        value = _mapping(value, "email", ("body",))
        return Step("email", {"body": _text(value.get("body"), "the e-mail body", MAX_TEXT * 2)})
    if name == "ticket":
        return _ticket(value)
    if name == "escalate":
        value = _mapping(value, "escalate", ("team", "note"))
        team = _text(value.get("team"), "the team", 40)
        if team not in TEAMS:
            raise StepError(f"unknown team '{team}' (teams: {', '.join(TEAMS)})")
        return Step(
            "escalate", {"team": team, "note": _text(value.get("note"), "the hand-over note")}
        )
    # close
    if isinstance(value, str) or value is None:
        return Step("close", {"summary": _text(value, "the summary", required=False)})
    value = _mapping(value, "close", ("summary",))
    return Step("close", {"summary": _text(value.get("summary"), "the summary", required=False)})


def _directory(value: Any) -> Step:
    value = _mapping(value, "directory", ("op", "user", "must_change"))
    op = _text(value.get("op"), "the directory operation", 20)
    if op not in OPERATIONS:
        raise StepError(f"unknown directory operation '{op}' (operations: {', '.join(OPERATIONS)})")
    user = _text(value.get("user"), "the user name", 64, required=False)
    must_change = value.get("must_change", True)
    if not isinstance(must_change, bool):
        raise StepError("must_change is true or false")
    return Step("directory", {"op": op, "user": user, "must_change": must_change})


def _ticket(value: Any) -> Step:
    value = _mapping(value, "ticket", TICKET_FIELDS)
    fields = {k: _text(v, f"the ticket's {k}", required=False) for k, v in value.items()}
    if fields.get("category") and fields["category"] not in CATEGORIES:
        raise StepError(
            f"unknown ticket category '{fields['category']}' (categories: {', '.join(CATEGORIES)})"
        )
    if fields.get("priority") and fields["priority"] not in PRIORITIES:
        raise StepError(
            f"unknown priority '{fields['priority']}' (priorities: {', '.join(PRIORITIES)})"
        )
    return Step("ticket", fields)

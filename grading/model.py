"""The values grading returns: findings, each explaining its points, and the score they add up
to."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

SKILLS = ("diagnosis", "resolution", "escalation", "tone")


@dataclass(frozen=True)
class Finding:
    """One judged point of a call: which rule, how many points of how many, at which turn, why."""

    skill: str
    rule: str
    points: int
    max: int
    turn: int
    message: str
    tip: str = ""
    critical: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (its fields in order, as dataclasses.asdict gives them: every field
        is a str, int or bool, so asdict's deep copy of each value only cost time)."""
        return {name: getattr(self, name) for name in _FINDING_FIELDS}


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@dataclass(frozen=True)
class Score:
    """Per-skill scores (0–100), the weighted overall, the critical flag and every finding.

    A call with a critical finding is failed: its overall is capped (rubric.CRITICAL_CAP).
    """

    overall: int
    critical: bool
    skills: dict[str, int]
    findings: list[Finding] = field(default_factory=list)
    grader_version: int = 1
    weights: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        """Whether the call is failed: a critical error (identity, passwords, security, data)."""
        return self.critical

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, as `hotliner replay --json` prints it."""
        return {
            "overall": self.overall,
            "critical": self.critical,
            "failed": self.failed,
            "skills": dict(self.skills),
            "findings": [f.to_dict() for f in self.findings],
            "grader_version": self.grader_version,
            "weights": dict(self.weights),
        }


def allot(weights: dict[str, float], total: int = 100) -> dict[str, int]:
    """Share `total` points between rules in proportion to their weights, in whole points."""
    active = {k: w for k, w in weights.items() if w > 0}
    if not active:
        return {}
    scale = total / sum(active.values())
    raw = {k: w * scale for k, w in active.items()}
    out = {k: int(v) for k, v in raw.items()}
    for k in sorted(raw, key=lambda k: raw[k] - out[k], reverse=True)[: total - sum(out.values())]:
        out[k] += 1
    return out

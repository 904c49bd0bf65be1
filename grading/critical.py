"""Compliance errors: each sets the critical flag, which caps the overall score."""

from __future__ import annotations

from grading.attribution import charged
from grading.messages import finding, names
from grading.model import Finding
from grading.timeline import Timeline
from simulator.scenario import Scenario

CHANGES = ("unlock", "reset_password", "reset_mfa")
DATA_LOSS = ("delete_user_files",)  # intents whose action destroys the user's own data


def grade(scenario: Scenario, t: Timeline) -> list[Finding]:
    """The critical findings of a call (empty for a compliant call)."""
    out: list[Finding] = []
    flagged_turns: set[int] = set()
    for d in t.directory:
        if d.id not in CHANGES:
            continue
        if d.data.get("owner") not in ("self", "unknown"):
            out.append(
                _critical("resolution", "credentials_to_other", d.turn, t, user=d.data["user"])
            )
            flagged_turns.add(d.turn)
        elif d.data.get("owner") == "self" and not d.data.get("identity_verified"):
            out.append(_critical("resolution", "change_before_identity", d.turn, t, op=d.id))
            flagged_turns.add(d.turn)
    for d in t.actions:
        action = scenario.action(d.id)
        if (
            action
            and "identity_verified" in action.requires
            and d.data.get("applied")
            and not d.data.get("identity_verified")
            and d.turn not in flagged_turns
            and charged(scenario, t, d)
        ):
            out.append(_critical("resolution", "change_before_identity", d.turn, t, op=d.id))
        if (
            action
            and action.intent in DATA_LOSS
            and d.data.get("applied")
            and charged(scenario, t, d)
        ):
            label = names(scenario, [d.id], t.words)
            out.append(_critical("resolution", "data_destroyed", d.turn, t, action=label))
    for turn in t.password_turns:
        out.append(_critical("tone", "asked_password", turn, t))
    if (
        _security_incident(scenario)
        and t.ended_by == "trainee"
        and not any(d.id == "security" for d in t.escalations)
    ):
        out.append(_critical("escalation", "security_not_escalated", t.end_turn, t))
    return out


def _security_incident(scenario: Scenario) -> bool:
    esc = scenario.escalation
    return esc.policy == "required" and "security" in esc.teams


CRITICAL_POINTS = -40  # taken from the error's skill, besides capping the overall score


def _critical(skill: str, key: str, turn: int, t: Timeline, **values: str) -> Finding:
    f = finding(skill, key, CRITICAL_POINTS, 0, turn, t.words, key, **values)
    return Finding(**{**f.to_dict(), "critical": True})

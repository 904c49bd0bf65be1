"""Grading: a pure function of (scenario, events) → Score, every point explained.

The words of the findings come from arguments too (the catalog's intent meanings and the
translations): grading reads no file and touches no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from gettext import NullTranslations
from typing import Any

from grading import (
    critical,
    diagnosis,
    email_written,
    escalation,
    resolution,
    serious,
    tone,
    weakest,
)
from grading.messages import Wording
from grading.model import SKILLS, Finding, Score
from grading.rubric import CRITICAL_CAP, GRADER_VERSION, skill_weights
from grading.timeline import read
from simulator.catalog import Catalog
from simulator.scenario import Scenario

__all__ = ["GRADER_VERSION", "Finding", "Score", "grade"]


def grade(
    scenario: Scenario,
    events: list[dict[str, Any]],
    catalog: Catalog,
    translations: Mapping[str, NullTranslations],
    weights: dict[str, int] | None = None,
) -> Score:
    """Grade a call from its scenario and event log; deterministic, no I/O.

    `catalog` names the intents in the findings; `translations` (per locale, as
    `simulator.translation.load_translations` gives them) word them in the call's language.
    """
    meanings = {intent_id: spec.meaning for intent_id, spec in catalog.intents.items()}
    t = read(scenario, events, Wording(translations=translations, meanings=meanings))
    started = next((e["data"] for e in events if e["kind"] == "call_started"), {})
    placeholders = _placeholders(started.get("caller", {}))
    findings: list[Finding] = [
        *diagnosis.grade(scenario, t),
        *resolution.grade(scenario, t),
        *escalation.grade(scenario, t, placeholders),
        *tone.grade(scenario, t),
        *critical.grade(scenario, t),
    ]
    written = []
    if started.get("channel") == "email":  # an e-mail contact: the written rules join the grade
        locale = started.get("locale", "en")
        ticket = placeholders.get("ticket", "")
        written = email_written.grade(events, locale, ticket, translations)
    findings += written
    graded = (*SKILLS, email_written.SKILL) if written else SKILLS
    skills = {s: max(0, min(100, sum(f.points for f in findings if f.skill == s))) for s in graded}
    findings += serious.grade(t, findings, skills)
    findings += weakest.grade(t, findings, skills)
    w = skill_weights(weights)
    if written:
        w[email_written.SKILL] = email_written.WRITTEN_WEIGHT
    weighted = round(sum(skills[s] * w[s] for s in graded) / sum(w.values()))
    overall = weakest.cap(max(0, weighted - serious.cost(findings)), findings)
    is_critical = any(f.critical for f in findings)
    if is_critical:
        overall = min(overall, CRITICAL_CAP)
    return Score(
        overall=overall,
        critical=is_critical,
        skills=skills,
        findings=findings,
        grader_version=GRADER_VERSION,
        weights=w,
    )


def _placeholders(caller: dict[str, Any]) -> dict[str, str]:
    values = {k: str(v) for k, v in caller.items() if not isinstance(v, dict)}
    for key, person in (caller.get("others") or {}).items():
        for name, value in person.items():
            values[f"{key}_{name}"] = str(value)
    return values

"""A failed skill caps the call: a team lead never rates a call above "one real mistake" when
one of its skills failed, however good the others.

The overall score is a weighted mean, and a mean lets perfect method average away a cold or
curt call (tone 20, everything else 100 gives 80), or a diagnosis that began with a drastic step.
A lead does not: the caller lived the whole call. A skill below `rubric.SKILL_FAIL` (with
something to judge) caps the overall at `rubric.FAILED_SKILL_CAP`, the top of the band a lead
gives a call with one real mistake (bench/data/calibration/README.md), and a finding in that
skill says so. The serious-mistake cost (grading/serious.py) still applies below the cap.
"""

from __future__ import annotations

from grading.messages import finding
from grading.model import Finding
from grading.rubric import FAILED_SKILL_CAP, SKILL_FAIL
from grading.timeline import Timeline
from simulator.translation import N_

RULE = "failed_skill"
SKILL_NAMES = {
    "diagnosis": N_("Diagnosis"),
    "resolution": N_("Resolution"),
    "escalation": N_("Escalation"),
    "tone": N_("Tone"),
    "written": N_("Written"),
}


def grade(t: Timeline, findings: list[Finding], skills: dict[str, int]) -> list[Finding]:
    """One 'failed_skill' finding (0 points) per judged skill scored below SKILL_FAIL."""
    out = []
    for skill, score in skills.items():
        mine = [f for f in findings if f.skill == skill]
        if score >= SKILL_FAIL or not any(f.max > 0 for f in mine):
            continue
        turn = min((f.turn for f in mine if f.points < f.max), default=t.end_turn)
        name = t.words(SKILL_NAMES[skill]) if skill in SKILL_NAMES else skill
        out.append(
            finding(
                skill,
                RULE,
                0,
                0,
                turn,
                t.words,
                "failed_skill",
                skill_name=name,
                score=score,
                fail=SKILL_FAIL,
                cap=FAILED_SKILL_CAP,
            )
        )
    return out


def cap(overall: int, findings: list[Finding]) -> int:
    """The overall score once a failed skill's ceiling is applied."""
    if any(f.rule == RULE for f in findings):
        return min(overall, FAILED_SKILL_CAP)
    return overall

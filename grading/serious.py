"""Serious mistakes: a team lead judges a call by its worst mistake, not by a weighted mean alone.

Call-quality grids used in contact centres (COPC's customer-, business- and compliance-critical
errors) keep a mistake that hurts the caller or the follow-up from being averaged away by good work
elsewhere. Here compliance errors are `critical` (the call fails, grading/critical.py); a skill
with a serious mistake costs the overall score `rubric.SERIOUS_COST` points besides its weighted
share, once per skill. A skill has a serious mistake when:

- it scored below `rubric.SKILL_PASS` (less than half its points, with something to judge), or
- it has one of the mistakes a team lead never lets pass in a call that is otherwise sound:
  a drastic or harmful action before the simple checks, the wrong level-2 team, a wrong ticket
  number told to the caller, no ticket at all, respect or plain words mostly lost with the caller,
  a fix never confirmed with the caller (a fault nobody saw working is not resolved).
"""

from __future__ import annotations

from grading.messages import finding
from grading.model import SKILLS, Finding
from grading.rubric import SERIOUS_COST, SKILL_PASS
from grading.timeline import Timeline

RULE = "serious"
# (skill, rule) findings that are serious when they lose their points (all, or more than half)
LOST_ALL = {("diagnosis", "drastic"), ("escalation", "team")}
LOST_HALF = {("tone", "respect"), ("tone", "jargon")}
ALWAYS = {("diagnosis", "no_diagnosis"), ("resolution", "ticket_number_wrong")}


def grade(t: Timeline, findings: list[Finding], skills: dict[str, int]) -> list[Finding]:
    """One 'serious' finding (0 points in its skill) per skill with a serious mistake."""
    out = []
    for skill in SKILLS:
        mine = [f for f in findings if f.skill == skill]
        grave = next((f for f in mine if _grave(f)), None)
        if grave is None and skill == "resolution" and _no_ticket(t):
            grave = next((f for f in mine if f.rule == "ticket_category"), None)
            key = "serious_no_ticket"
        elif grave is None and skill == "resolution" and _unverified(mine):
            grave = next(f for f in mine if f.rule == "verified")
            key = "serious_unverified"
        else:
            key = "serious_mistake"
        judged = any(f.max > 0 for f in mine)
        if grave is not None:
            out.append(_serious(skill, grave.turn, t, key))
        elif judged and skills[skill] < SKILL_PASS:
            turn = min((f.turn for f in mine if f.points < f.max), default=t.end_turn)
            out.append(_serious(skill, turn, t, "serious_below_half"))
    return out


def cost(findings: list[Finding]) -> int:
    """The points the serious mistakes take from the overall score."""
    return SERIOUS_COST * sum(f.rule == RULE for f in findings)


def _grave(f: Finding) -> bool:
    key = (f.skill, f.rule)
    if key in ALWAYS:
        return True
    if key in LOST_ALL:
        return f.max > 0 and f.points == 0
    return key in LOST_HALF and f.max > 0 and f.points * 2 < f.max


def _no_ticket(t: Timeline) -> bool:
    """No ticket written in a call the trainee ended (a hang-up is judged on its own)."""
    return t.ended_by == "trainee" and not any(str(v).strip() for v in t.ticket.values())


def _unverified(mine: list[Finding]) -> bool:
    """The fault was fixed (in full or by chance) but the caller never confirmed it works."""
    fixed = any(f.rule == "fixed" and f.points > 0 for f in mine)
    return fixed and any(f.rule == "verified" and f.max > 0 and f.points == 0 for f in mine)


def _serious(skill: str, turn: int, t: Timeline, key: str) -> Finding:
    return finding(skill, RULE, 0, 0, turn, t.words, key, count=SERIOUS_COST)

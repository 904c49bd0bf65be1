"""Resolution: fixed, confirmed by the caller, documented — or, for a fault beyond level 1,
handed over correctly with the caller told what happens next."""

from __future__ import annotations

from grading.attribution import asked
from grading.checks import ticket_number
from grading.folded import fold
from grading.meaning import KIND_LABELS, contradiction, in_language
from grading.messages import finding
from grading.model import Finding, allot
from grading.rubric import HANDOVER_RULES, RESOLUTION_RULES, WRONG_NUMBER_COST
from grading.timeline import Timeline
from simulator.scenario import Scenario

SKILL = "resolution"


def handover_path(scenario: Scenario, t: Timeline) -> bool:
    """Whether this call is judged on its hand-over rather than on a fix."""
    esc = scenario.escalation
    if scenario.resolution is None:
        return True
    return esc.policy == "optional" and not t.is_fixed(scenario) and bool(t.escalations)


def grade(scenario: Scenario, t: Timeline) -> list[Finding]:
    """The resolution findings of a call."""
    if t.ended_by == "caller":
        total = 100
        return [
            finding(SKILL, "hung_up", 0, total, t.end_turn, t.words, "hung_up"),
            *_documented(scenario, t, 0, keep_zero=True),
        ]
    if handover_path(scenario, t):
        pts = allot(HANDOVER_RULES)
        return [
            _handed_over(scenario, t, pts["handed_over"]),
            *_follow_up(t, pts["follow_up"], _right_team(scenario, t)),
            *_documented(scenario, t, pts["documented"]),
        ]
    pts = allot(RESOLUTION_RULES)
    return [
        _fixed(scenario, t, pts["fixed"]),
        _verified(scenario, t, pts["verified"]),
        *_documented(scenario, t, pts["documented"]),
        *_wrong_number(t),
    ]


def _wrong_number(t: Timeline) -> list[Finding]:
    """A wrong ticket number told to the caller: the follow-up is lost (points off, no maximum)."""
    number = ticket_number(t)
    if number.right or number.turn is None:
        return []
    return [
        finding(
            SKILL,
            "ticket_number_wrong",
            -WRONG_NUMBER_COST,
            0,
            number.turn,
            t.words,
            "ticket_number_wrong",
            said=number.said,
            number=t.ticket_number,
        )
    ]


def _fixed(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    if t.is_fixed(scenario) and not asked(scenario, t):
        turn = t.resolved_turn or t.end_turn
        return finding(SKILL, "fixed", weight // 2, weight, turn, t.words, "fixed_blind")
    if t.is_fixed(scenario):
        return finding(
            SKILL, "fixed", weight, weight, t.resolved_turn or t.end_turn, t.words, "fixed"
        )
    return finding(SKILL, "fixed", 0, weight, t.end_turn, t.words, "not_fixed")


def _verified(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    assert scenario.resolution is not None
    verify_id = scenario.resolution.verify
    after = t.resolved_seq if t.resolved_seq is not None else 10**9
    check = next((d for d in t.probes if d.id == verify_id and d.seq > after), None)
    if check and t.is_fixed(scenario):
        return finding(SKILL, "verified", weight, weight, check.turn, t.words, "verified")
    return finding(SKILL, "verified", 0, weight, t.end_turn, t.words, "not_verified")


def _handed_over(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    teams = scenario.escalation.teams
    right = next((d for d in t.escalations if d.id in teams), None)
    if right:
        unchecked = [
            p
            for p in scenario.escalation.after
            if not any(d.id == p and d.seq < right.seq for d in t.probes)
        ]
        if scenario.escalation.after and len(unchecked) == len(scenario.escalation.after):
            return finding(
                SKILL,
                "handed_over",
                weight // 2,
                weight,
                right.turn,
                t.words,
                "handed_over_unchecked",
                team=right.id,
            )
        return finding(
            SKILL, "handed_over", weight, weight, right.turn, t.words, "handed_over", team=right.id
        )
    return finding(
        SKILL,
        "handed_over",
        0,
        weight,
        t.end_turn,
        t.words,
        "not_handed_over",
        team=", ".join(teams),
    )


def _right_team(scenario: Scenario, t: Timeline) -> bool:
    return any(d.id in scenario.escalation.teams for d in t.escalations)


def _follow_up(t: Timeline, weight: int, right_team: bool = True) -> list[Finding]:
    number = ticket_number(t)
    told = ["give_ticket_number"] if number.right else []
    wrong = [] if number.right or number.turn is None else _wrong_number(t)
    told += ["explain_follow_up"] if t.said_intent("explain_follow_up") else []
    turn = next((tn for i, tn, _ in t.intent_seq if i in told), number.turn or t.end_turn)
    points = weight if len(told) == 2 else (weight // 2 if told else 0)
    key = "follow_up" if len(told) == 2 else ("follow_up_partial" if told else "follow_up_missing")
    if told and not right_team:  # the promised call-back will not come from the wrong team
        return [finding(SKILL, "follow_up", 0, weight, turn, t.words, "follow_up_hollow"), *wrong]
    return [finding(SKILL, "follow_up", points, weight, turn, t.words, key), *wrong]


def _documented(
    scenario: Scenario, t: Timeline, weight: int, keep_zero: bool = False
) -> list[Finding]:
    if keep_zero:
        return []
    turn = t.ticket_turn or t.end_turn
    category_pts = weight // 3
    note_pts = weight - category_pts
    out = []
    category = t.ticket.get("category", "")
    if category == scenario.ticket.category:
        out.append(
            finding(
                SKILL,
                "ticket_category",
                category_pts,
                category_pts,
                turn,
                t.words,
                "category_right",
                category=category,
            )
        )
    elif category:
        out.append(
            finding(
                SKILL,
                "ticket_category",
                0,
                category_pts,
                turn,
                t.words,
                "category_wrong",
                category=category,
                expected_category=scenario.ticket.category,
            )
        )
    else:
        out.append(
            finding(
                SKILL,
                "ticket_category",
                0,
                category_pts,
                turn,
                t.words,
                "category_missing",
                expected_category=scenario.ticket.category,
            )
        )
    text = " ".join(t.ticket.get(k, "") for k in ("summary", "root_cause", "resolution"))
    note = fold(text)
    words = f" {note} "
    hits = in_language([k for k in scenario.ticket.keywords if f" {fold(k)} " in words], t.locale)
    wrong = contradiction(text, scenario.ticket.keywords)
    if wrong:
        out.append(
            finding(
                SKILL,
                "ticket_note",
                0,
                note_pts,
                turn,
                t.words,
                "note_contradicts",
                named=t.words(KIND_LABELS[wrong[0]]),
                truth=t.words(KIND_LABELS[wrong[1]]),
            )
        )
    elif hits:
        out.append(
            finding(
                SKILL,
                "ticket_note",
                note_pts,
                note_pts,
                turn,
                t.words,
                "note_good",
                keywords=", ".join(hits[:4]),
            )
        )
    else:
        out.append(
            finding(
                SKILL,
                "ticket_note",
                0,
                note_pts,
                turn,
                t.words,
                "note_missing" if not note else "note_vague",
            )
        )
    return out

"""Escalation: hand over what level 1 cannot fix — to the right team, at the right time, with a
note that lets them act — and keep at level 1 what it can fix."""

from __future__ import annotations

from grading.folded import fold
from grading.meaning import says, says_in
from grading.messages import finding, inside_sentence, names
from grading.model import Finding, allot
from grading.rubric import (
    ESCALATION_RULES,
    LATE_ESCALATION_TURNS,
    URGENT_LATE_CAP,
    WASTED_STEPS_LATE,
)
from grading.timeline import Done, Timeline
from simulator.caller import used_placeholders
from simulator.scenario import Scenario
from simulator.translation import N_

SKILL = "escalation"


def grade(scenario: Scenario, t: Timeline, placeholders: dict[str, str]) -> list[Finding]:
    """The escalation findings of a call."""
    esc = scenario.escalation
    if esc.policy == "forbidden" or (esc.policy == "optional" and not t.escalations):
        return [_kept(scenario, t)]
    if not t.escalations:
        return [
            finding(
                SKILL,
                "escalated",
                0,
                100,
                t.end_turn,
                t.words,
                "not_escalated",
                team=", ".join(esc.teams),
            )
        ]
    pts = allot(ESCALATION_RULES)
    if esc.policy == "optional" and t.is_fixed(scenario):
        first = t.escalations[0]
        return [finding(SKILL, "unnecessary", 30, 100, first.turn, t.words, "unnecessary_fixed")]
    target = next((d for d in t.escalations if d.id in esc.teams), t.escalations[0])
    out = [
        _team(scenario, t, target, pts["team"]),
        _timing(scenario, t, target, pts["timing"]),
        _note(scenario, t, target, pts["note"], placeholders),
    ]
    if target.id not in esc.teams:  # the right timing and note, sent where nobody can act on them
        out = [out[0], *(_halved(f, t) for f in out[1:])]
    return out + _urgent_late_cap(scenario, t, target, out)


def late_steps(scenario: Scenario, t: Timeline, target: Done) -> list[Done]:
    """The steps that made a hand-over late (none when it was not): after the last check level 2
    needs, WASTED_STEPS_LATE steps (half for an urgent incident) the scenario says could not help
    — an action that changes nothing (no effects) or a drastic or harmful one, a check the
    scenario marks irrelevant."""
    expected = scenario.escalation.after
    if any(not any(d.id == p and d.seq < target.seq for d in t.probes) for p in expected):
        return []  # too early, not late
    after = max((d.seq for d in t.probes if d.id in expected), default=0)
    out = []
    for d in sorted([*t.actions, *t.blocked, *t.probes], key=lambda d: d.seq):
        if not after < d.seq < target.seq:
            continue
        if _could_not_help(scenario, d.id):
            out.append(d)
    limit = WASTED_STEPS_LATE // (2 if scenario.escalation.urgent else 1)
    return out if len(out) >= limit else []


def _could_not_help(scenario: Scenario, step: str) -> bool:
    action, probe = scenario.action(step), scenario.probe(step)
    if action is not None:
        return not action.effects or action.drastic or action.harmful
    return probe is not None and not probe.relevant


def _urgent_late_cap(
    scenario: Scenario, t: Timeline, target: Done, out: list[Finding]
) -> list[Finding]:
    """An urgent incident handed over after wasted steps: escalation at most URGENT_LATE_CAP."""
    total = sum(f.points for f in out)
    if not scenario.escalation.urgent or total <= URGENT_LATE_CAP:
        return []
    if not late_steps(scenario, t, target):
        return []
    return [
        finding(
            SKILL,
            "urgent_late_cap",
            URGENT_LATE_CAP - total,
            0,
            target.turn,
            t.words,
            "urgent_late_cap",
            cap=URGENT_LATE_CAP,
        )
    ]


HALVED = N_("Half the points: it went to a team that cannot act on it.")


def _halved(f: Finding, t: Timeline) -> Finding:
    """A timing or note finding of a hand-over to the wrong team: half its points, said so."""
    return Finding(
        **{**f.to_dict(), "points": f.points // 2, "message": f"{f.message} {t.words(HALVED)}"}
    )


def _kept(scenario: Scenario, t: Timeline) -> Finding:
    if not t.escalations and not (t.is_fixed(scenario) and t.ended_by != "caller"):
        return finding(SKILL, "kept_unfixed", 0, 100, t.end_turn, t.words, "kept_unfixed")
    if not t.escalations:
        return finding(SKILL, "kept_level1", 100, 100, t.end_turn, t.words, "kept_level1")
    first = t.escalations[0]
    return finding(SKILL, "unnecessary", 15, 100, first.turn, t.words, "unnecessary", team=first.id)


def _team(scenario: Scenario, t: Timeline, target, weight: int) -> Finding:
    if target.id in scenario.escalation.teams:
        return finding(
            SKILL, "team", weight, weight, target.turn, t.words, "team_right", team=target.id
        )
    return finding(
        SKILL,
        "team",
        0,
        weight,
        target.turn,
        t.words,
        "team_wrong",
        team=target.id,
        expected=", ".join(scenario.escalation.teams),
    )


def _timing(scenario: Scenario, t: Timeline, target, weight: int) -> Finding:
    expected = scenario.escalation.after
    missing = [p for p in expected if not any(d.id == p and d.seq < target.seq for d in t.probes)]
    if missing:
        points = round(weight * (1 - len(missing) / len(expected)) / 2)
        return finding(
            SKILL,
            "timing",
            points,
            weight,
            target.turn,
            t.words,
            "too_early",
            missing=names(scenario, missing, t.words),
        )
    last_check = max((d.seq for d in t.probes if d.id in expected), default=0)
    wasted = late_steps(scenario, t, target)
    if wasted:
        steps = names(scenario, list(dict.fromkeys(d.id for d in wasted)), t.words)
        return finding(
            SKILL,
            "timing",
            0,
            weight,
            target.turn,
            t.words,
            "too_late_wasted",
            count=len(wasted),
            steps=steps,
        )
    turns_after = [
        tn
        for tn in t.say_turns()
        if tn < target.turn and any(s > last_check for i, tt, s in t.intent_seq if tt == tn)
    ]
    limit = LATE_ESCALATION_TURNS // (2 if scenario.escalation.urgent else 1)
    if len(turns_after) > limit:
        return finding(
            SKILL,
            "timing",
            weight // 2,
            weight,
            target.turn,
            t.words,
            "too_late",
            turns=len(turns_after),
        )
    return finding(SKILL, "timing", weight, weight, target.turn, t.words, "timely")


def _note(
    scenario: Scenario, t: Timeline, target, weight: int, placeholders: dict[str, str]
) -> Finding:
    spoken = f" {fold(' '.join([*t.said.values(), *(text for _, text in t.heard)]))} "
    items = [i for i in scenario.escalation.note if _asked_for(i, spoken)]
    if not items:
        return finding(SKILL, "note", weight, weight, target.turn, t.words, "note_free")
    note = target.data.get("note", "")
    present, absent = [], []
    for item in items:
        terms = [_fill(term, placeholders) for term in item.any]
        (present if says(note, terms) else absent).append(inside_sentence(item.label.get(t.locale)))
    points = round(weight * len(present) / len(items))
    if not absent:
        return finding(
            SKILL,
            "note",
            points,
            weight,
            target.turn,
            t.words,
            "note_complete",
            items=", ".join(present),
        )
    return finding(
        SKILL,
        "note",
        points,
        weight,
        target.turn,
        t.words,
        "note_incomplete",
        missing=", ".join(absent),
    )


def _asked_for(item, spoken: str) -> bool:
    """Whether the call gave the trainee this item to report: an id of the caller's, or something
    said in the call (`spoken`: all of it, folded and padded; a note cannot report a fact nobody
    mentioned)."""
    if any("{" in term for term in item.any):
        return True
    return says_in(spoken, item.any)


def _fill(term: str, placeholders: dict[str, str]) -> str:
    if "{" not in term:
        return term
    try:
        if used_placeholders(term) <= set(placeholders):
            return term.format_map(placeholders)
    except ValueError:
        pass
    return term

"""Diagnostic order: essential checks done, simple before involved, nothing drastic first, no
repeated questions, and the scope asked early where it matters."""

from __future__ import annotations

from grading.attribution import asked, asked_again, charged
from grading.messages import finding, names
from grading.model import Finding, allot
from grading.rubric import (
    DIAGNOSIS_RULES,
    DRASTIC_FIRST_CAP,
    NO_CHECK_CAP,
    REPETITION_MIN_QUESTIONS,
    SCOPING_EARLY_TURNS,
)
from grading.timeline import Timeline
from simulator.scenario import Scenario

SKILL = "diagnosis"
SHOWN_BY_ANY_ANSWER = ("check_power",)  # checks answered by any of their facts being told
DRASTIC_TIER = 4  # above every probe tier (1 ask, 2 caller checks, 3 remote commands)


def decision_seq(t: Timeline) -> tuple[int, int]:
    """(seq, turn) of the first fix or escalation: essential checks must come before it."""
    marks = [(d.seq, d.turn) for d in t.escalations]
    if t.resolved_seq is not None:
        marks.append((t.resolved_seq, t.resolved_turn or t.last_turn))
    return min(marks) if marks else (10**9, t.end_turn)


def _probe_done_before(scenario: Scenario, t: Timeline, probe_id: str, seq: int) -> bool:
    probe = scenario.probe(probe_id)
    if any(d.id == probe_id and d.seq < seq for d in t.probes):
        return True
    if not (probe and probe.reveals):
        return False
    told = [t.revealed.get(f, 10**9) < seq for f in probe.reveals]
    # A lit display or a light already described shows the device is on: power is checked.
    return all(told) or (probe.intent in SHOWN_BY_ANY_ANSWER and any(told))


def grade(scenario: Scenario, t: Timeline) -> list[Finding]:
    """The diagnosis findings of a call; a rule with nothing to judge is left out."""
    if not asked(scenario, t):
        return [
            finding(SKILL, "no_diagnosis", 0, 100, _first_decision_turn(t), t.words, "no_diagnosis")
        ]
    weights = dict(DIAGNOSIS_RULES)
    if not scenario.scope_matters:
        weights["scoping"] = 0
    if not any(p.essential for p in scenario.probes):
        weights["coverage"] = 0
    order = _order_facts(scenario, t)
    if order[0] == 0:
        weights["order"] = 0
    repeats_judged = sum(d.data.get("via") == "say" for d in t.probes) >= REPETITION_MIN_QUESTIONS
    if not repeats_judged:
        weights["repetition"] = 0
    pts = allot(weights)
    out: list[Finding] = []
    if "coverage" in pts:
        out.append(_coverage(scenario, t, pts["coverage"]))
    if "order" in pts:
        out += _order(scenario, t, pts["order"], order)
    out += _drastic(scenario, t, pts["drastic"])
    if "repetition" in pts:
        out.append(_repetition(scenario, t, pts["repetition"]))
    if "scoping" in pts:
        out.append(_scoping(scenario, t, pts["scoping"]))
    out += _cap_without_checks(scenario, t, out)
    return out + _cap_after_drastic_first(t, out)


def _first_decision_turn(t: Timeline) -> int:
    seq, turn = decision_seq(t)
    return turn if seq < 10**9 else t.end_turn


def _cap_without_checks(scenario: Scenario, t: Timeline, out: list[Finding]) -> list[Finding]:
    """No essential check before the fix or hand-over: diagnosis at most NO_CHECK_CAP."""
    essential = [p.id for p in scenario.probes if p.essential]
    seq, turn = decision_seq(t)
    if not essential or any(_probe_done_before(scenario, t, p, seq) for p in essential):
        return []
    total = sum(f.points for f in out)
    if total <= NO_CHECK_CAP:
        return []
    cut = NO_CHECK_CAP - total
    return [
        finding(
            SKILL,
            "no_essential_check",
            cut,
            0,
            turn,
            t.words,
            "no_essential_check",
            cap=NO_CHECK_CAP,
        )
    ]


def _cap_after_drastic_first(t: Timeline, out: list[Finding]) -> list[Finding]:
    """A drastic or harmful step before the simple checks: diagnosis at most DRASTIC_FIRST_CAP."""
    first = next((f for f in out if f.rule == "drastic" and f.max > 0 and f.points == 0), None)
    total = sum(f.points for f in out)
    if first is None or total <= DRASTIC_FIRST_CAP:
        return []
    cut = DRASTIC_FIRST_CAP - total
    return [
        finding(
            SKILL,
            "drastic_first_cap",
            cut,
            0,
            first.turn,
            t.words,
            "drastic_first_cap",
            cap=DRASTIC_FIRST_CAP,
        )
    ]


def _coverage(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    essential = [p.id for p in scenario.probes if p.essential]
    seq, turn = decision_seq(t)
    if not essential:
        return finding(SKILL, "coverage", weight, weight, turn, t.words, "coverage_none")
    done = [p for p in essential if _probe_done_before(scenario, t, p, seq)]
    missing = [p for p in essential if p not in done]
    points = round(weight * len(done) / len(essential))
    if not missing:
        return finding(
            SKILL,
            "coverage",
            points,
            weight,
            turn,
            t.words,
            "coverage_all",
            checks=names(scenario, done, t.words),
        )
    return finding(
        SKILL,
        "coverage",
        points,
        weight,
        turn,
        t.words,
        "coverage_missing",
        count=len(done),
        total=len(essential),
        missing=names(scenario, missing, t.words),
    )


def _order_facts(scenario: Scenario, t: Timeline) -> tuple[int, int, int | None, list]:
    """(pairs and rules judged, of them in order, turn of the first inversion, rule violations)."""
    firsts: dict[str, tuple[int, int, int]] = {}
    decided, _ = decision_seq(t)
    verify = scenario.resolution.verify if scenario.resolution else None
    for d in t.probes:
        probe = scenario.probe(d.id)
        if probe and probe.relevant and d.id not in firsts and d.id != verify and d.seq < decided:
            firsts[d.id] = (d.seq, d.turn, probe.tier)
    for d in t.actions:  # a drastic action is the most involved step of all
        action = scenario.action(d.id)
        applied = action and action.drastic and d.data.get("applied") and d.seq < decided
        if applied and charged(scenario, t, d):
            firsts.setdefault(f"action:{d.id}", (d.seq, d.turn, DRASTIC_TIER))
    seq_list = sorted(firsts.values())
    pairs = agree = 0
    worst = None
    for i, (_, _, tier_a) in enumerate(seq_list):
        for _, turn_b, tier_b in seq_list[i + 1 :]:
            if tier_a != tier_b:
                pairs += 1
                agree += tier_a < tier_b
                if tier_a > tier_b and worst is None:
                    worst = turn_b
    rules_applied, violations = _order_rules(scenario, t)
    total = pairs + 2 * rules_applied
    good = agree + 2 * (rules_applied - len(violations))
    return total, good, worst, violations


def _order(scenario: Scenario, t: Timeline, weight: int, facts) -> list[Finding]:
    total, good, worst, violations = facts
    points = round(weight * good / total)
    out = []
    if violations:
        for turn, rule in violations:
            out.append(
                finding(
                    SKILL,
                    "order_rule",
                    0,
                    0,
                    turn,
                    t.words,
                    "order_rule",
                    rule_message=rule.message.get(t.locale),
                )
            )
    key = "order_good" if points == weight else "order_mixed"
    out.insert(
        0,
        finding(
            SKILL,
            "order",
            points,
            weight,
            worst or (violations[0][0] if violations else 1),
            t.words,
            key,
        ),
    )
    return out


def _seq_of(scenario: Scenario, t: Timeline, ident: str) -> tuple[int, int] | None:
    if ident == "identity_verified":
        if t.identity_seq is None:
            return None
        return t.identity_seq, 0
    for d in [*t.probes, *t.actions]:
        if d.id == ident:
            return d.seq, d.turn
    return None


def _order_rules(scenario: Scenario, t: Timeline):
    applied, violations = 0, []
    for rule in scenario.order:
        then = _seq_of(scenario, t, rule.then)
        if then is None:
            continue
        applied += 1
        first = _seq_of(scenario, t, rule.first)
        if first is None or first[0] > then[0]:
            violations.append((then[1], rule))
    return applied, violations


def _drastic(scenario: Scenario, t: Timeline, weight: int) -> list[Finding]:
    simple = [p.id for p in scenario.probes if p.relevant and p.tier <= 2 and p.essential]
    notes: list[Finding] = []
    # asking for it is the choice a team lead judges, whether or not the caller could do it alone
    for d in sorted([*t.actions, *t.blocked], key=lambda done: done.seq):
        action = scenario.action(d.id)
        asked = d.data.get("applied") or d in t.blocked
        if not action or not (action.drastic or action.harmful) or not asked:
            continue
        if not charged(scenario, t, d):
            label = names(scenario, [d.id], t.words)
            notes.append(
                finding(SKILL, "not_charged", 0, 0, d.turn, t.words, "not_charged", action=label)
            )
            continue
        turn = d.data.get("requested_turn", d.turn)  # asked for there, done on the yes after
        undone = [p for p in simple if not _probe_done_before(scenario, t, p, d.seq)]
        why = action.why.get(t.locale) if action.why else ""
        if undone or action.harmful:
            return notes + [
                finding(
                    SKILL,
                    "drastic",
                    0,
                    weight,
                    turn,
                    t.words,
                    "harmful" if action.harmful else "drastic_first",
                    action=names(scenario, [d.id], t.words),
                    undone=names(scenario, undone, t.words),
                    why=why,
                )
            ]
        return notes + [
            finding(
                SKILL,
                "drastic",
                weight // 2,
                weight,
                turn,
                t.words,
                "drastic_late",
                action=names(scenario, [d.id], t.words),
                why=why,
            )
        ]
    return [*notes, finding(SKILL, "drastic", weight, weight, 1, t.words, "drastic_none")]


def _repetition(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    repeats = [
        d
        for d in t.probes
        if d.data.get("repeat") and d.data.get("via") == "say" and asked_again(scenario, t, d)
    ]
    if not repeats:
        return finding(SKILL, "repetition", weight, weight, 1, t.words, "repetition_none")
    points = max(0, weight - 5 * len(repeats))
    return finding(
        SKILL,
        "repetition",
        points,
        weight,
        repeats[0].turn,
        t.words,
        "repetition",
        count=len(repeats),
    )


def _scoping(scenario: Scenario, t: Timeline, weight: int) -> Finding:
    scope_ids = {p.id for p in scenario.probes if p.scope or p.intent == "ask_scope"}
    asked = next((d for d in t.probes if d.id in scope_ids), None)
    if asked is None:
        return finding(SKILL, "scoping", 0, weight, 1, t.words, "scoping_missing")
    early = t.say_turns()[:SCOPING_EARLY_TURNS]
    if asked.turn in early or (early and asked.turn <= early[-1]):
        return finding(SKILL, "scoping", weight, weight, asked.turn, t.words, "scoping_early")
    return finding(SKILL, "scoping", weight // 2, weight, asked.turn, t.words, "scoping_late")

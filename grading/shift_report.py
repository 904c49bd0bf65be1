"""The shift report: figures and shift-level findings, a pure function of the shift's log.

`grade_shift(plan, matrix, events, call_scores, translations, locale)` reads the log once
(`shift_timeline.read_shift`) and returns the figures the report shows (contacts handled,
first-contact resolution, SLA met per priority, abandoned calls, average handle time (an
e-mail's less the time its user took to reply) and wait time, triage accuracy) and a score out
of 100 made of four rules: SLA 40, triage 30, order of priority 15 (a user's e-mail reply in the
queue waits like a new contact, since it came), level-2 follow-up 15 (left out when no level-2
answer came). Each contact's own call is graded by `grading.grade`; `call_scores` are their
overall scores.
"""

from __future__ import annotations

from collections.abc import Mapping
from gettext import NullTranslations
from typing import Any

from grading.messages import Wording
from grading.model import Finding, allot
from grading.shift_messages import CHANNEL_WORDS, KIND_WORDS, SHIFT_TEXTS
from grading.shift_timeline import ShiftTimeline, read_shift
from simulator.shift_plan import PRIORITY_IDS, Matrix, ShiftPlan

ORDER_GRACE = 60  # a more urgent contact that waited less than this is not a fault
WEIGHTS = {"sla": 40, "triage": 30, "order": 15, "follow_up": 15}


def _say(words: Wording, key: str, rule: str, points: int, best: int, turn: int, **v: Any):
    message, tip = SHIFT_TEXTS[key]
    text = words(message).format(**v)
    return Finding("shift", rule, points, best, turn, text, words(tip) if tip else "")


def _priority(t: ShiftTimeline, plan: ShiftPlan, matrix: Matrix, ref: str) -> str:
    truth = t.planned(plan, ref).triage
    return matrix.priority(truth.impact, truth.urgency)


def _sla(t, plan, matrix, best, words) -> tuple[list[Finding], dict[str, dict[str, int]]]:
    table = {p: {"met": 0, "total": 0} for p in PRIORITY_IDS}
    missed = []
    for c in t.contacts.values():
        if c.origin:  # a voicemail left by a caller who gave up: that caller already counts
            continue
        priority = _priority(t, plan, matrix, c.ref)
        table[priority]["total"] += 1
        if c.taken_at is not None and c.taken_at - c.arrived_at <= plan.sla[priority]:
            table[priority]["met"] += 1
        else:
            missed.append(f"{c.ref} ({priority})")
    met, total = sum(r["met"] for r in table.values()), sum(r["total"] for r in table.values())
    points = round(best * met / total) if total else best
    if not missed:
        return [_say(words, "sla_all", "sla", points, best, 0)], table
    found = [
        _say(
            words,
            "sla_missed",
            "sla",
            points,
            best,
            0,
            met=met,
            total=total,
            missed=", ".join(missed),
        )
    ]
    for c in t.contacts.values():
        if c.outcome == "abandoned":
            minutes = round((c.ended_at - c.arrived_at) / 60)
            found.append(_say(words, "abandoned", "abandoned", 0, 0, 0, ref=c.ref, minutes=minutes))
    return found, table


def _triage(t, plan, matrix, best, words) -> tuple[list[Finding], dict[str, int]]:
    taken = [c for c in t.contacts.values() if c.taken_at is not None]
    right = kind_right = 0
    found = []
    for c in taken:
        truth = t.planned(plan, c.ref).triage
        expected = f"{words(KIND_WORDS[truth.kind])}, {_priority(t, plan, matrix, c.ref)}"
        if not c.triage:
            found.append(_say(words, "triage_missing", "triage", 0, 0, 0, ref=c.ref))
            continue
        given = f"{words(KIND_WORDS[c.triage['kind']])}, {c.triage['priority']}"
        kind_ok = c.triage["kind"] == truth.kind
        kind_right += kind_ok
        if kind_ok and c.triage["priority"] == _priority(t, plan, matrix, c.ref):
            right += 1
            found.append(
                _say(
                    words,
                    "triage_right",
                    "triage",
                    0,
                    0,
                    c.triage_turn,
                    ref=c.ref,
                    kind=words(KIND_WORDS[truth.kind]),
                    priority=c.triage["priority"],
                )
            )
        else:
            found.append(
                _say(
                    words,
                    "triage_wrong",
                    "triage",
                    0,
                    0,
                    c.triage_turn,
                    ref=c.ref,
                    given=given,
                    expected=expected,
                )
            )
    points = round(best * right / len(taken)) if taken else 0
    summary = _say(
        words, "triage_summary", "triage", points, best, 0, right=right, taken=len(taken)
    )
    counts = {
        "taken": len(taken),
        "right": right,
        "kind_right": kind_right,
        "triaged": sum(1 for c in taken if c.triage),
    }
    return [summary, *found], counts


def _order(t, plan, matrix, best, words) -> list[Finding]:
    found = []
    for take in t.takes:
        mine = _priority(t, plan, matrix, take.ref)
        worse = [
            (ref, waited)
            for ref, waited in take.waiting.items()
            if waited >= ORDER_GRACE and _priority(t, plan, matrix, ref) < mine
        ]
        if worse:
            ref, waited = min(worse, key=lambda w: (_priority(t, plan, matrix, w[0]), -w[1]))
            found.append(
                _say(
                    words,
                    "order_broken",
                    "order",
                    0,
                    0,
                    take.turn,
                    taken=mine,
                    taken_channel=words(CHANNEL_WORDS[t.contacts[take.ref].channel]),
                    waiting=_priority(t, plan, matrix, ref),
                    waiting_channel=words(CHANNEL_WORDS[t.contacts[ref].channel]),
                    minutes=round(waited / 60),
                )
            )
    takes = len(t.takes)
    points = round(best * (takes - len(found)) / takes) if takes else 0
    if not found:
        return [_say(words, "order_good", "order", points, best, 0)]
    return [
        _say(
            words, "order_summary", "order", points, best, 0, good=takes - len(found), takes=takes
        ),
        *found,
    ]


def _follow_up(t, best, words) -> list[Finding]:
    answered = [c for c in t.contacts.values() if c.level2_at is not None]
    done = [c for c in answered if c.followed_up_at is not None]
    points = round(best * len(done) / len(answered)) if answered else best
    found = [
        _say(
            words,
            "follow_up_summary",
            "follow_up",
            points,
            best,
            0,
            done=len(done),
            answered=len(answered),
        )
    ]
    for c in answered:
        key = "follow_up_done" if c.followed_up_at is not None else "follow_up_missing"
        found.append(_say(words, key, "follow_up", 0, 0, 0, ref=c.ref))
    return found


def _average(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def grade_shift(
    plan: ShiftPlan,
    matrix: Matrix,
    events: list[dict[str, Any]],
    call_scores: Mapping[str, int],
    translations: Mapping[str, NullTranslations],
    locale: str = "en",
) -> dict[str, Any]:
    """The shift report of this log: figures, score and findings (JSON-ready)."""
    t = read_shift(events)
    words = Wording(locale, translations)
    answered = any(c.level2_at is not None for c in t.contacts.values())
    best = allot({k: w for k, w in WEIGHTS.items() if k != "follow_up" or answered})
    sla_found, sla_table = _sla(t, plan, matrix, best["sla"], words)
    triage_found, triage_counts = _triage(t, plan, matrix, best["triage"], words)
    findings = [*sla_found, *triage_found, *_order(t, plan, matrix, best["order"], words)]
    if answered:
        findings += _follow_up(t, best["follow_up"], words)
    handled = [c for c in t.contacts.values() if c.outcome and c.outcome != "abandoned"]
    resolved = [c for c in handled if c.outcome == "resolved"]
    scored = [float(s) for s in call_scores.values()]
    return {
        "contacts": len(t.contacts),
        "handled": len(handled),
        "first_contact_resolution": round(len(resolved) / len(handled), 2) if handled else None,
        "sla": sla_table,
        "abandoned": sum(1 for c in t.contacts.values() if c.outcome == "abandoned"),
        "average_handle": _average([h for c in handled if (h := c.handle_time()) is not None]),
        "average_wait": _average(
            [c.taken_at - c.arrived_at for c in t.contacts.values() if c.taken_at is not None]
        ),
        "triage": triage_counts,
        "average_call_score": _average(scored),
        "overall": sum(f.points for f in findings),
        "findings": [f.to_dict() for f in findings],
        "ended_at": t.ended_at,
    }

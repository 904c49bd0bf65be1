"""The written skill of an e-mail contact: the rules of `grading.shift_written` over every reply.

Each rule is judged on every e-mail the trainee sent where it applies; its points are the share
of those e-mails that kept it. The finding names the first e-mail that broke it (its turn), else
says it was kept. A contact answered only by phone has no written skill.
"""

from __future__ import annotations

from collections.abc import Mapping
from gettext import NullTranslations
from typing import Any

from grading.model import Finding, allot
from grading.shift_written import WEIGHTS, grade_written

SKILL = "written"
WRITTEN_WEIGHT = 20  # the written skill's weight beside the four call skills


def emails_sent(events: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """(turn, body) of every e-mail the trainee sent in this call."""
    return [
        (e["turn"], e["data"]["text"])
        for e in events
        if e["kind"] == "trainee_said" and e["data"].get("channel") == "email"
    ]


def grade(
    events: list[dict[str, Any]],
    locale: str,
    ticket: str,
    translations: Mapping[str, NullTranslations],
) -> list[Finding]:
    """The written findings of an e-mail thread; their points add up to 100 (none: no e-mail)."""
    judged = [
        (turn, grade_written(body, ticket, locale, translations))
        for turn, body in emails_sent(events)
    ]
    if not judged:
        return []
    applied: dict[str, list[tuple[int, Finding]]] = {}
    for turn, findings in judged:
        for f in findings:
            applied.setdefault(f.rule, []).append((turn, f))
    best = allot({rule: WEIGHTS[rule] for rule in WEIGHTS if rule in applied})
    out = []
    for rule in best:
        seen = applied[rule]
        kept = [f for _, f in seen if f.points == f.max]
        broken = [(turn, f) for turn, f in seen if f.points < f.max]
        points = round(best[rule] * len(kept) / len(seen))
        turn, shown = broken[0] if broken else seen[-1]
        out.append(Finding(SKILL, rule, points, best[rule], turn, shown.message, shown.tip))
    return out

"""Known calls for report tests: scores chosen by the test, so the expected figures are computed by
hand.

In the demo cohort (alice, bruno, sam): alice makes six calls that improve from 40 to 90, one on an
assignment whose due date is past (done late) and one on a current assignment; bruno makes two,
the second with a critical error; sam makes none. A stranger outside the cohort, a sandbox call
and an unfinished call must not count.
"""

from __future__ import annotations

from sqlite_utils import Database

from storage.bulk import insert_played_calls
from storage.users import add_cohort, add_member, add_user, assign, get_by_username

ALICE = [40, 50, 60, 70, 80, 90]
BRUNO = [85, 35]
PAST_DUE = "2020-01-31"


def skills_of(overall: int) -> dict[str, int]:
    """The per-skill scores given to a call with this overall score."""
    return {
        "diagnosis": overall,
        "resolution": max(0, overall - 10),
        "escalation": 100,
        "tone": min(100, overall + 5),
    }


def _call(
    user_id: int,
    n: int,
    overall: int,
    day: int,
    critical: bool = False,
    findings=(),
    scenario="printer-offline",
    assignment_id: int | None = None,
) -> dict:
    started = {
        "scenario": scenario,
        "version": 1,
        "persona": "calm",
        "locale": "en",
        "seed": n,
        "mode": "scripted",
    }
    events = [
        {"seq": 1, "at": 0.0, "turn": 0, "kind": "call_started", "data": started},
        {
            "seq": 2,
            "at": 90.0,
            "turn": 1,
            "kind": "call_ended",
            "data": {
                "by": "trainee",
                "resolved": overall >= 60,
                "escalated_to": None,
                "ended_by": "trainee",
            },
        },
    ]
    score = {
        "overall": overall,
        "critical": critical,
        "skills": skills_of(overall),
        "grader_version": 1,
        "findings": [
            {
                "skill": s,
                "rule": r,
                "points": p,
                "max": m,
                "turn": 1,
                "message": f"{r} message",
                "tip": "",
                "critical": c,
            }
            for s, r, p, m, c in findings
        ],
    }
    stamp = f"2021-03-{day:02d}T10:00:00+00:00"
    return {
        "user_id": user_id,
        "events": events,
        "score": score,
        "started_at": stamp,
        "ended_at": stamp,
        "assignment_id": assignment_id,
    }


def seed_known_calls(db: Database) -> dict:
    """Store the known calls in the demo cohort (id 1); return the ids the tests need."""
    alice, bruno = get_by_username(db, "alice")["id"], get_by_username(db, "bruno")["id"]
    late = assign(db, 1, "disk-full", due_at=PAST_DUE)
    current = next(
        iter(db.query("select id from assignments where cohort_id = 1 order by id limit 1"))
    )["id"]
    played = []
    for i, overall in enumerate(ALICE):
        findings = [("tone", "empathy", 5, 15, False)] if overall < 70 else []
        assignment = late if i == 2 else current if i == 4 else None
        played.append(
            _call(alice, i, overall, day=i + 1, findings=findings, assignment_id=assignment)
        )
    played.append(
        _call(
            bruno,
            10,
            BRUNO[0],
            day=2,
            findings=[("diagnosis", "coverage", 10, 35, False)],
            scenario="disk-full",
        )
    )
    played.append(
        _call(
            bruno,
            11,
            BRUNO[1],
            day=3,
            critical=True,
            scenario="disk-full",
            findings=[
                ("diagnosis", "coverage", 10, 35, False),
                ("resolution", "change_before_identity", 0, 0, True),
            ],
        )
    )
    ids = insert_played_calls(db, played)
    stranger = add_user(db, "stranger", "Stranger", "stranger-pass", "trainee")
    other = add_cohort(db, "Elsewhere", get_by_username(db, "trainer")["id"])
    add_member(db, other, stranger)
    _, sandbox, active = insert_played_calls(
        db, [_call(stranger, 20, 5, day=4), _call(alice, 21, 0, day=9), _call(alice, 22, 0, day=10)]
    )
    db["calls"].update(sandbox, {"sandbox": 1})
    db["calls"].update(active, {"status": "active"})
    return {"alice": alice, "bruno": bruno, "calls": ids, "late_assignment": late}


def mean(values) -> float:
    """The arithmetic mean."""
    values = list(values)
    return sum(values) / len(values)

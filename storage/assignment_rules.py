"""What counts toward an assignment, what a trainee may still start, and editing an assignment.

The rule (written on the trainee's dashboard and the trainer's assignments page):
- an exam assignment counts only the calls started from it (its Start button), under exam
  conditions, and each of those calls uses one attempt;
- a practice assignment counts every ended practice call on its scenario (with its caller when
  the assignment fixes one), started from the assignment or in free practice, whenever played.
Play-tests never count, nor does a failed call (a critical error): it uses its attempt but does not
complete the assignment. Attempts are the calls started from the assignment, ended or not.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from storage.db import immediate

# A predicate on a call `k` and an assignment `a`: the call counts toward the assignment.
# A failed call (its score has the critical flag) never counts.
COUNTS_TOWARD = """(k.status = 'ended' and k.sandbox = 0 and (k.assignment_id = a.id
    or (a.exam = 0 and k.exam = 0 and k.scenario_id = a.scenario_id
        and (coalesce(a.persona, '') = '' or k.persona = a.persona)))
    and not exists (select 1 from scores f where f.call_id = k.id and f.critical = 1))"""


def today() -> str:
    """Today's date (UTC) as YYYY-MM-DD."""
    return datetime.now(UTC).date().isoformat()


def is_open(assignment: dict[str, Any], on: str | None = None) -> bool:
    """Whether an assignment is still open: no due date, or due today or later."""
    return not assignment.get("due_at") or assignment["due_at"][:10] >= (on or today())


def open_exam_scenarios(db: Database, user_id: int, on: str | None = None) -> set[str]:
    """Scenarios an open exam of one of the user's cohorts covers: kept out of free practice."""
    rows = db.query(
        """select distinct a.scenario_id from assignments a
           join memberships m on m.cohort_id = a.cohort_id
           where m.user_id = ? and a.exam = 1
             and (a.due_at is null or substr(a.due_at, 1, 10) >= ?)""",
        [user_id, on or today()],
    )
    return {r["scenario_id"] for r in rows}


def get_assignment(db: Database, cohort_id: int, assignment_id: int) -> dict[str, Any] | None:
    """One assignment of a cohort, or None."""
    rows = list(
        db.query(
            "select * from assignments where id = ? and cohort_id = ?", [assignment_id, cohort_id]
        )
    )
    return rows[0] if rows else None


def update_assignment(
    db: Database,
    cohort_id: int,
    assignment_id: int,
    *,
    persona: str | None,
    exam: bool,
    due_at: str | None,
    attempts: int | None,
) -> bool:
    """Change an assignment's caller, mode, due date and attempts; False if not in this cohort."""
    with immediate(db):
        if get_assignment(db, cohort_id, assignment_id) is None:
            return False
        db.execute(
            "update assignments set persona = ?, exam = ?, due_at = ?, attempts = ? where id = ?",
            [persona, int(exam), due_at, attempts, assignment_id],
        )
    return True

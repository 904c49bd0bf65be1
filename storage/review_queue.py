"""What a trainer's home lists: calls awaiting review, assignments due or overdue, recent critical
errors, over the cohorts the trainer runs (every cohort for an admin: trainer_id None)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from storage.assignment_rules import COUNTS_TOWARD

# The cohorts in view: `:trainer` null means all of them.
_MINE = "(:trainer is null or c.trainer_id = :trainer)"


def awaiting_review(
    db: Database,
    trainer_id: int | None,
    cohort_id: int | None = None,
    scenario_id: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Ended calls of the trainer's trainees with no comment and no re-score yet, newest first."""
    sql = f"""
      select k.id, k.scenario_id, k.persona, k.exam, k.ended_at, k.started_at, u.name,
             s.overall, s.critical
      from calls k join users u on u.id = k.user_id
      left join scores s on s.call_id = k.id
      where k.status = 'ended' and k.sandbox = 0
        and exists (select 1 from memberships m join cohorts c on c.id = m.cohort_id
                    where m.user_id = k.user_id and {_MINE}
                      and (:cohort is null or c.id = :cohort))
        and (:scenario is null or k.scenario_id = :scenario)
        and not exists (select 1 from review_comments r where r.call_id = k.id)
        and not exists (select 1 from score_overrides o where o.call_id = k.id)
      order by coalesce(k.ended_at, k.started_at) desc, k.id desc limit :limit"""
    params = {
        "trainer": trainer_id,
        "cohort": cohort_id,
        "scenario": scenario_id,
        "limit": limit,
    }
    return list(db.query(sql, params))


def due_and_overdue(db: Database, trainer_id: int | None, today: date) -> list[dict[str, Any]]:
    """Assignments due within seven days or already past, with how many members did them."""
    sql = f"""
      select a.*, c.name as cohort,
             (select count(*) from memberships m where m.cohort_id = a.cohort_id) as members,
             (select count(distinct k.user_id) from calls k join memberships m
                on m.user_id = k.user_id and m.cohort_id = a.cohort_id
              where {COUNTS_TOWARD}) as done_by
      from assignments a join cohorts c on c.id = a.cohort_id
      where {_MINE} and a.due_at is not null and substr(a.due_at, 1, 10) <= :week
      order by a.due_at, a.id"""
    week = (today + timedelta(7)).isoformat()
    rows = db.query(sql, {"trainer": trainer_id, "week": week})
    return [{**r, "overdue": r["due_at"][:10] < today.isoformat()} for r in rows]


def recent_criticals(
    db: Database, trainer_id: int | None, today: date, days: int = 14
) -> list[dict[str, Any]]:
    """Trainees with a critical error in the last `days` days: their latest such call and count."""
    sql = f"""
      select u.id as user_id, u.name, count(*) as calls, max(k.id) as call_id,
             max(k.started_at) as last_at
      from calls k join scores s on s.call_id = k.id and s.critical > 0
      join users u on u.id = k.user_id
      where k.sandbox = 0 and k.started_at >= :since
        and exists (select 1 from memberships m join cohorts c on c.id = m.cohort_id
                    where m.user_id = k.user_id and {_MINE})
      group by u.id order by last_at desc"""
    since = (today - timedelta(days)).isoformat()
    return list(db.query(sql, {"trainer": trainer_id, "since": since}))

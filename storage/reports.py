"""Cohort and trainee score reports, aggregated in SQL over the stored scores and findings.

A cohort's report counts the scored (ended, not sandbox) calls of its current members. Averages
are over calls. Overrides by trainers are kept beside the scores and are not counted here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from storage.assignment_rules import COUNTS_TOWARD

SKILLS = ("diagnosis", "resolution", "escalation", "tone")
# The e-mail contacts' fifth skill: null for phone calls, so its average is over e-mails only
# (null for a cohort without any).
WRITTEN = "written"

# The scored calls of a cohort's members; every query below starts from it.
_MEMBER_CALLS = """
member_calls as (
  select c.id, c.user_id, c.scenario_id, c.started_at, c.ended_at, c.assignment_id, c.persona,
      c.locale,
         c.exam, s.overall, s.critical, s.diagnosis, s.resolution, s.escalation, s.tone,
         s.written
  from memberships m
  join calls c on c.user_id = m.user_id and c.sandbox = 0 and c.status = 'ended'
  join scores s on s.call_id = c.id
  where m.cohort_id = :cohort
)"""
_AVERAGES = ", ".join(f"round(avg({k}), 1) as {k}" for k in ("overall", *SKILLS, WRITTEN))


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def trainee_rows(db: Database, cohort_id: int, today: str | None = None) -> list[dict[str, Any]]:
    """One row per member: calls, assignments done and late, averages, critical errors, trend.

    The trend compares the average overall score of the latest n calls with the n before them
    (n is half the calls, at most 10); it needs four calls.
    """
    sql = f"""with {_MEMBER_CALLS},
    ranked as (
      select *, row_number() over (partition by user_id order by started_at desc, id desc) as rn,
             count(*) over (partition by user_id) as cnt
      from member_calls
    ),
    per_user as (
      select user_id, count(*) as calls, {_AVERAGES}, sum(critical) as criticals,
             max(started_at) as last_call,
             avg(case when rn <= min(10, cnt / 2) then overall end) as recent,
             avg(case when rn > min(10, cnt / 2) and rn <= 2 * min(10, cnt / 2) then overall end)
                 as earlier
      from ranked group by user_id
    ),
    first_done as (
      select a.id as assignment_id, k.user_id, min(k.ended_at) as done_at
      from assignments a join memberships m on m.cohort_id = a.cohort_id
      join calls k on k.user_id = m.user_id
      where a.cohort_id = :cohort and {COUNTS_TOWARD}
      group by a.id, k.user_id
    ),
    per_assignment as (
      select m.user_id, count(a.id) as assigned, count(f.done_at) as done,
             sum(case when a.due_at is null then 0
                      when f.done_at is null then a.due_at < :today
                      else substr(f.done_at, 1, 10) > a.due_at end) as late
      from memberships m join assignments a on a.cohort_id = m.cohort_id
      left join first_done f on f.assignment_id = a.id and f.user_id = m.user_id
      where m.cohort_id = :cohort group by m.user_id
    )
    select u.id, u.name, u.username, u.email, u.locale, coalesce(p.calls, 0) as calls,
           coalesce(a.assigned, 0) as assigned, coalesce(a.done, 0) as assignments_done,
           coalesce(a.late, 0) as assignments_late, p.overall, p.diagnosis, p.resolution,
               p.escalation,
           p.tone, p.written, coalesce(p.criticals, 0) as criticals, p.last_call,
           case when p.calls >= 4 then round(p.recent - p.earlier, 1) end as trend
    from memberships m join users u on u.id = m.user_id
    left join per_user p on p.user_id = m.user_id
    left join per_assignment a on a.user_id = m.user_id
    where m.cohort_id = :cohort order by u.name collate nocase, u.id"""
    return list(db.query(sql, {"cohort": cohort_id, "today": today or _today()}))


def averages(db: Database, cohort_id: int) -> dict[str, Any]:
    """The cohort's average overall and per-skill scores over all its scored calls, and counts."""
    sql = f"""with {_MEMBER_CALLS}
    select count(*) as calls, count(distinct user_id) as trainees, sum(critical) as criticals,
        {_AVERAGES}
    from member_calls"""
    return next(iter(db.query(sql, {"cohort": cohort_id})))


def distribution(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """How many calls scored 0–9, 10–19, … 90–100 overall (all ten buckets, empty ones included)."""
    sql = f"""with {_MEMBER_CALLS}
    select min(overall / 10, 9) as bucket, count(*) as calls from member_calls group by bucket"""
    counts = {r["bucket"]: r["calls"] for r in db.query(sql, {"cohort": cohort_id})}
    return [
        {"low": b * 10, "high": 100 if b == 9 else b * 10 + 9, "calls": counts.get(b, 0)}
        for b in range(10)
    ]


def progress(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """Per week (from Monday): calls and the average overall and per-skill scores."""
    sql = f"""with {_MEMBER_CALLS}
    select date(started_at, '-6 days', 'weekday 1') as week, count(*) as calls, {_AVERAGES}
    from member_calls group by week order by week"""
    return list(db.query(sql, {"cohort": cohort_id}))


def scenario_skills(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """Per scenario played: calls, critical errors, average overall and per skill; weakest first."""
    sql = f"""with {_MEMBER_CALLS}
    select scenario_id, count(*) as calls, sum(critical) as criticals, {_AVERAGES}
    from member_calls group by scenario_id order by avg(overall), scenario_id"""
    return list(db.query(sql, {"cohort": cohort_id}))


def frequent_findings(
    db: Database, cohort_id: int, user_id: int | None = None, limit: int = 12
) -> list[dict[str, Any]]:
    """What is lost most often: findings below their maximum, grouped by rule, most frequent
    first."""
    who = "and mc.user_id = :user" if user_id is not None else ""
    sql = f"""with {_MEMBER_CALLS}
    select f.skill, f.rule, count(*) as times, count(distinct f.call_id) as calls,
           count(distinct mc.user_id) as trainees, round(avg(f.max - f.points), 1) as lost,
           (select count(*) from member_calls x where 1 {who.replace("mc.", "x.")}) as total_calls
    from member_calls mc join findings f on f.call_id = mc.id
    where f.points < f.max {who}
    group by f.skill, f.rule order by times desc, lost desc limit :limit"""
    return list(db.query(sql, {"cohort": cohort_id, "user": user_id, "limit": limit}))


def critical_errors(db: Database, cohort_id: int, limit: int = 50) -> list[dict[str, Any]]:
    """The compliance errors of the cohort's calls, newest first."""
    sql = f"""with {_MEMBER_CALLS}
    select mc.id as call_id, mc.user_id, u.name, mc.scenario_id, mc.started_at, f.skill, f.rule,
        f.message,
           f.turn
    from member_calls mc join findings f on f.call_id = mc.id join users u on u.id = mc.user_id
    where f.critical = 1 order by mc.started_at desc, mc.id desc, f.idx limit :limit"""
    return list(db.query(sql, {"cohort": cohort_id, "limit": limit}))


def critical_counts(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """How often each compliance rule was broken, and by how many trainees; most frequent first."""
    sql = f"""with {_MEMBER_CALLS}
    select f.skill, f.rule, count(*) as times, count(distinct mc.user_id) as trainees
    from member_calls mc join findings f on f.call_id = mc.id
    where f.critical = 1 group by f.skill, f.rule order by times desc, f.rule"""
    return list(db.query(sql, {"cohort": cohort_id}))


def scored_calls(db: Database, cohort_id: int, user_id: int | None = None) -> list[dict[str, Any]]:
    """Every scored call of the cohort's members (or of one member), oldest first, with its
    trainee."""
    who = "where mc.user_id = :user" if user_id is not None else ""
    sql = f"""with {_MEMBER_CALLS}
    select mc.*, u.name, u.username,
           (select count(*) from score_overrides o where o.call_id = mc.id) as overrides,
           (select count(*) from review_comments r where r.call_id = mc.id) as comments
    from member_calls mc join users u on u.id = mc.user_id {who}
    order by mc.started_at, mc.id"""
    return list(db.query(sql, {"cohort": cohort_id, "user": user_id}))


def trainee_averages(db: Database, cohort_id: int, user_id: int) -> dict[str, Any]:
    """One member's averages and call count (the same figures as their row in the cohort table)."""
    sql = f"""with {_MEMBER_CALLS}
    select count(*) as calls, sum(critical) as criticals, {_AVERAGES} from member_calls where
        user_id = :user"""
    return next(iter(db.query(sql, {"cohort": cohort_id, "user": user_id})))

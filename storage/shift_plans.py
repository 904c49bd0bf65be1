"""Trainers' shift plans, shifts assigned to cohorts, and the figures of each ended shift."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage import calls as store


def save_plan(db: Database, plan_id: str, yaml: str, author_id: int) -> None:
    """Store (or replace) a trainer's shift plan; the YAML was validated by the caller."""
    db["shift_plans"].upsert(
        {"id": plan_id, "yaml": yaml, "author_id": author_id, "updated_at": store.now()},
        pk="id",
    )


def authored_plans(db: Database) -> list[dict[str, Any]]:
    """Every plan written in the web editor, newest first."""
    return list(db.query("select * from shift_plans order by updated_at desc, id"))


def plan_text(db: Database, plan_id: str) -> str | None:
    """The YAML of an authored plan (None if there is none with this id)."""
    rows = list(db.query("select yaml from shift_plans where id = ?", [plan_id]))
    return rows[0]["yaml"] if rows else None


def assign_shift(db: Database, cohort_id: int, plan_id: str, due_at: str | None) -> int:
    """Assign a shift plan to a cohort; the assignment's id."""
    row = {"cohort_id": cohort_id, "plan_id": plan_id, "due_at": due_at, "created_at": store.now()}
    return db["shift_assignments"].insert(row).last_pk


def cohort_shift_assignments(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """A cohort's assigned shifts."""
    sql = "select * from shift_assignments where cohort_id = ? order by id desc"
    return list(db.query(sql, [cohort_id]))


def shift_assignments_of(db: Database, user_id: int) -> list[dict[str, Any]]:
    """The shifts assigned to the cohorts a trainee belongs to, with how often they were played."""
    sql = """select a.*, c.name as cohort,
               (select count(*) from shifts s where s.assignment_id = a.id and s.user_id = :user)
                 as started
             from shift_assignments a join memberships m on m.cohort_id = a.cohort_id
             join cohorts c on c.id = a.cohort_id
             where m.user_id = :user order by a.id desc"""
    return list(db.query(sql, {"user": user_id}))


def save_result(db: Database, shift_pk: int, report: dict[str, Any]) -> None:
    """Keep an ended shift's figures for cohort reports (from grading.shift_report)."""
    sla = report["sla"].values()
    db["shift_results"].upsert(
        {
            "shift_pk": shift_pk,
            "overall": report["overall"],
            "contacts": report["contacts"],
            "handled": report["handled"],
            "abandoned": report["abandoned"],
            "sla_met": sum(r["met"] for r in sla),
            "sla_total": sum(r["total"] for r in sla),
            "triage_right": report["triage"]["right"],
            "triage_taken": report["triage"]["taken"],
            "average_wait": report["average_wait"],
            "ended_at": store.now(),
        },
        pk="shift_pk",
    )


def cohort_shift_rows(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """Every ended shift of a cohort's members, with its figures (newest first)."""
    sql = """select s.id, s.shift_id, s.locale, s.started_at, s.assignment_id,
               u.name as trainee, u.username, r.*
             from shifts s join shift_results r on r.shift_pk = s.id
             join memberships m on m.user_id = s.user_id and m.cohort_id = :cohort
             join users u on u.id = s.user_id
             order by s.started_at desc, s.id desc"""
    return list(db.query(sql, {"cohort": cohort_id}))

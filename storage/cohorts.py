"""Cohorts as trainers run them: members, moves between cohorts, imported trainees, assignments."""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database
from werkzeug.security import generate_password_hash

from storage.assignment_rules import COUNTS_TOWARD
from storage.calls import now
from storage.db import immediate


class CohortError(ValueError):
    """A cohort operation was refused; the message says why."""


def list_cohorts(db: Database, trainer_id: int | None = None) -> list[dict[str, Any]]:
    """Cohorts (all, or those one trainer runs) with their trainer, member and assignment counts."""
    where = "where c.trainer_id = :trainer" if trainer_id is not None else ""
    return list(
        db.query(
            f"""
        select c.*, u.name as trainer_name,
               (select count(*) from memberships m where m.cohort_id = c.id) as members,
               (select count(*) from assignments a where a.cohort_id = c.id) as assignments
        from cohorts c left join users u on u.id = c.trainer_id {where}
        order by c.name, c.id""",
            {"trainer": trainer_id},
        )
    )


def get_cohort(db: Database, cohort_id: int) -> dict[str, Any] | None:
    """One cohort with its trainer's name, or None."""
    rows = list(
        db.query(
            "select c.*, u.name as trainer_name from cohorts c left join users u "
            "on u.id = c.trainer_id where c.id = ?",
            [cohort_id],
        )
    )
    return rows[0] if rows else None


def find_cohorts(db: Database, key: str) -> list[dict[str, Any]]:
    """Cohorts whose id is `key` or whose name is `key` (case-insensitive)."""
    key = key.strip()
    if key.isdigit():
        found = get_cohort(db, int(key))
        if found:
            return [found]
    return list(db.query("select * from cohorts where lower(name) = lower(?) order by id", [key]))


def create_cohort(db: Database, name: str, trainer_id: int) -> int:
    """Create a cohort; CohortError if the name is empty, too long or already used by this
    trainer."""
    name = " ".join(name.split())
    if not name:
        raise CohortError("empty name")
    if len(name) > 120:
        raise CohortError("name too long")
    taken = db.query(
        "select 1 from cohorts where trainer_id = ? and lower(name) = lower(?)", [trainer_id, name]
    )
    if list(taken):
        raise CohortError("name taken")
    return (
        db["cohorts"].insert({"name": name, "trainer_id": trainer_id, "created_at": now()}).last_pk
    )


def members(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """The cohort's trainees by name, with their other cohorts and how many calls they made."""
    return list(
        db.query(
            """
        select u.id, u.username, u.name, u.email, u.locale, u.active,
               (select group_concat(c.name, ', ') from memberships o join cohorts c on c.id =
                   o.cohort_id
                where o.user_id = u.id and o.cohort_id != :cohort) as other_cohorts,
               (select count(*) from calls k where k.user_id = u.id and k.sandbox = 0
                and k.status = 'ended') as calls
        from memberships m join users u on u.id = m.user_id
        where m.cohort_id = :cohort order by u.name collate nocase, u.id""",
            {"cohort": cohort_id},
        )
    )


def is_member(db: Database, cohort_id: int, user_id: int) -> bool:
    """Whether the user belongs to the cohort."""
    rows = db.query(
        "select 1 from memberships where cohort_id = ? and user_id = ?", [cohort_id, user_id]
    )
    return bool(list(rows))


def find_trainee(db: Database, key: str) -> dict[str, Any] | None:
    """An account by user name or email (case-insensitive), or None."""
    key = key.strip().lower()
    if not key:
        return None
    rows = list(
        db.query(
            "select * from users where username = :k or (email != '' and lower(email) = :k) "
            "order by username = :k desc limit 1",
            {"k": key},
        )
    )
    return rows[0] if rows else None


def email_taken(db: Database, email: str) -> bool:
    """Whether an account already uses this email (case-insensitive)."""
    return bool(
        list(db.query("select 1 from users where lower(email) = lower(?) limit 1", [email.strip()]))
    )


def username_for(db: Database, email: str, name: str, taken: set[str] | None = None) -> str:
    """A free user name made from the email's local part (or the name): `jeanne.moreau`,
    `jeanne.moreau2`."""
    base = re.sub(
        r"[^a-z0-9._-]+", "", (email.split("@")[0] if email else name).lower().replace(" ", ".")
    )
    base = base.strip("._-")[:40] or "trainee"
    taken = taken or set()
    candidate, n = base, 1
    while candidate in taken or list(
        db.query("select 1 from users where username = ?", [candidate])
    ):
        n += 1
        candidate = f"{base}{n}"
    return candidate


def add_trainees(
    db: Database, cohort_id: int, rows: list[dict[str, str]], password_hash: str | None = None
) -> list[dict[str, Any]]:
    """Create trainee accounts and put them in the cohort, all in one transaction.

    Each row has name, email, locale and password (or all share `password_hash`); returns each
    row with its new `id` and `username`.
    """
    created, taken = [], set()
    # Hashing is slow on purpose: done before the transaction, so no other writer waits for it.
    hashes = [password_hash or generate_password_hash(row["password"]) for row in rows]
    with immediate(db):
        for row, hashed in zip(rows, hashes, strict=True):
            username = username_for(db, row["email"], row["name"], taken)
            taken.add(username)
            user_id = (
                db["users"]
                .insert(
                    {
                        "username": username,
                        "name": row["name"],
                        "email": row["email"],
                        "role": "trainee",
                        "password_hash": hashed,
                        "locale": row.get("locale", ""),
                        "created_at": now(),
                        "active": 1,
                        "must_change_password": 1,  # the trainer saw it: the trainee changes it
                    }
                )
                .last_pk
            )
            db["memberships"].insert({"cohort_id": cohort_id, "user_id": user_id}, ignore=True)
            created.append({**row, "id": user_id, "username": username})
    return created


def add_existing(db: Database, cohort_id: int, user_id: int) -> None:
    """Put an existing trainee in the cohort (nothing happens if already there)."""
    db["memberships"].insert({"cohort_id": cohort_id, "user_id": user_id}, ignore=True)


def move_member(db: Database, user_id: int, from_cohort: int, to_cohort: int) -> None:
    """Move a trainee from one cohort to another in one transaction; CohortError if not a member."""
    if from_cohort == to_cohort:
        raise CohortError("same cohort")
    with immediate(db):
        if not is_member(db, from_cohort, user_id):
            raise CohortError("not a member")
        db.execute(
            "delete from memberships where cohort_id = ? and user_id = ?", [from_cohort, user_id]
        )
        db["memberships"].insert({"cohort_id": to_cohort, "user_id": user_id}, ignore=True)


def remove_member(db: Database, cohort_id: int, user_id: int) -> None:
    """Take a trainee out of a cohort (the account and its calls stay)."""
    db.execute("delete from memberships where cohort_id = ? and user_id = ?", [cohort_id, user_id])


def cohort_assignments(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """The cohort's assignments, by due date, with how many members did each (COUNTS_TOWARD)."""
    return list(
        db.query(
            f"""
        select a.*,
               (select count(distinct k.user_id) from calls k join memberships m
                  on m.user_id = k.user_id and m.cohort_id = a.cohort_id
                where {COUNTS_TOWARD}) as done_by
        from assignments a where a.cohort_id = ?
        order by coalesce(a.due_at, '9999'), a.id""",
            [cohort_id],
        )
    )


def delete_assignment(db: Database, cohort_id: int, assignment_id: int) -> bool:
    """Withdraw an assignment (calls made on it keep their link); False if not in this cohort."""
    rows = list(
        db.query(
            "select id from assignments where id = ? and cohort_id = ?", [assignment_id, cohort_id]
        )
    )
    if not rows:
        return False
    db.execute("delete from assignments where id = ?", [assignment_id])
    return True


def set_tone_judge(db: Database, cohort_id: int, on: bool) -> None:
    """Switch the model's tone judgement of the cohort's calls on or off."""
    with immediate(db):
        db.execute("update cohorts set tone_judge = ? where id = ?", [int(on), cohort_id])


def wants_tone_judge(db: Database, call: dict[str, Any]) -> bool:
    """Whether a call is to be judged: its assignment's cohort has the judge on, else any cohort of
    its trainee.

    Play-tests and calls without a trainee are never judged.
    """
    if call["sandbox"] or call["user_id"] is None:
        return False
    if call["assignment_id"] is not None:
        sql = (
            "select c.tone_judge from assignments a join cohorts c on c.id = a.cohort_id where "
            "a.id = ?"
        )
        rows = list(db.query(sql, [call["assignment_id"]]))
        if rows:
            return bool(rows[0]["tone_judge"])
    sql = (
        "select 1 from memberships m join cohorts c on c.id = m.cohort_id "
        "where m.user_id = ? and c.tone_judge = 1 limit 1"
    )
    return bool(list(db.query(sql, [call["user_id"]])))


def held_elsewhere(db: Database, user_id: int, trainer_id: int) -> bool:
    """Whether the account is in a cohort that another trainer runs (moving it needs consent)."""
    rows = db.query(
        "select 1 from memberships m join cohorts c on c.id = m.cohort_id "
        "where m.user_id = ? and c.trainer_id != ? limit 1",
        [user_id, trainer_id],
    )
    return bool(list(rows))

"""Accounts and cohorts: who may see what."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

from storage import passwords
from storage.assignment_rules import COUNTS_TOWARD
from storage.calls import now

ROLES = ("trainee", "trainer", "admin")


class UserError(ValueError):
    """An account operation was refused; the message says why."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(
    db: Database,
    username: str,
    name: str,
    password: str,
    role: str = "trainee",
    email: str = "",
    locale: str = "",
) -> int:
    """Create an account; UserError if the name is taken, the role unknown or the password short."""
    username = username.strip().lower()
    if not username or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise UserError("a user name is letters, digits, dots, dashes or underscores")
    if role not in ROLES:
        raise UserError(f"unknown role '{role}' (roles: {', '.join(ROLES)})")
    if len(password) < 8:
        raise UserError("a password needs at least 8 characters")
    if get_by_username(db, username):
        raise UserError(f"user '{username}' already exists")
    return (
        db["users"]
        .insert(
            {
                "username": username,
                "name": name.strip() or username,
                "email": email.strip(),
                "role": role,
                "password_hash": generate_password_hash(password),
                "locale": locale,
                "created_at": now(),
                "active": 1,
            }
        )
        .last_pk
    )


def get_user(db: Database, user_id: int) -> dict[str, Any] | None:
    """The account with this id, or None."""
    rows = list(db.query("select * from users where id = ?", [user_id]))
    return rows[0] if rows else None


def get_by_username(db: Database, username: str) -> dict[str, Any] | None:
    """The account with this user name, or None."""
    rows = list(db.query("select * from users where username = ?", [username.strip().lower()]))
    return rows[0] if rows else None


def check_login(db: Database, username: str, password: str) -> dict[str, Any] | None:
    """The active account if the password is right, else None."""
    user = get_by_username(db, username)
    if user and user["active"] and check_password_hash(user["password_hash"], password):
        return user
    return None


def set_password(db: Database, username: str, password: str) -> None:
    """Give an account a password someone else chose: it must be changed at the next login, and
    the account's sessions and API token end; UserError if the user is unknown or the password
    short."""
    user = get_by_username(db, username)
    if not user:
        raise UserError(f"no user '{username}'")
    if len(password) < 8:
        raise UserError("a password needs at least 8 characters")
    passwords.set_given(db, user["id"], password)


def set_role(db: Database, username: str, role: str) -> None:
    """Change a role (the API token is revoked: it was given for the old one); UserError if the
    user or the role is unknown."""
    user = get_by_username(db, username)
    if not user:
        raise UserError(f"no user '{username}'")
    if role not in ROLES:
        raise UserError(f"unknown role '{role}' (roles: {', '.join(ROLES)})")
    if role != user["role"]:
        db["users"].update(user["id"], {"role": role, "api_token_hash": None})


def set_active(db: Database, user_id: int, active: bool) -> None:
    """Enable or disable an account; disabling ends its sessions and revokes its API token."""
    db["users"].update(user_id, {"active": int(active)})
    if not active:
        passwords.end_sessions(db, user_id)


def record_login(db: Database, user_id: int) -> None:
    """Note that the account logged in now."""
    db["users"].update(user_id, {"last_login_at": now()})


def set_locale(db: Database, user_id: int, locale: str) -> None:
    """Remember the user's language."""
    db["users"].update(user_id, {"locale": locale})


def new_api_token(db: Database, user_id: int) -> str:
    """Issue a new API token (shown once); only its hash is stored."""
    token = "hl_" + secrets.token_urlsafe(32)
    db["users"].update(user_id, {"api_token_hash": _token_hash(token)})
    return token


def user_for_token(db: Database, token: str) -> dict[str, Any] | None:
    """The active account owning an API token, or None."""
    rows = list(
        db.query(
            "select * from users where api_token_hash = ? and active = 1", [_token_hash(token)]
        )
    )
    return rows[0] if rows else None


def list_users(db: Database) -> list[dict[str, Any]]:
    """Every account, by user name."""
    return list(
        db.query(
            "select id, username, name, email, role, locale, active, must_change_password, "
            "last_login_at from users order by username"
        )
    )


def cohorts_of_trainer(db: Database, trainer_id: int) -> list[dict[str, Any]]:
    """Cohorts a trainer runs."""
    return list(db.query("select * from cohorts where trainer_id = ? order by name", [trainer_id]))


def trainer_sees(db: Database, trainer_id: int, trainee_id: int) -> bool:
    """Whether a trainer runs a cohort the trainee belongs to."""
    rows = db.query(
        "select 1 from memberships m join cohorts c on c.id = m.cohort_id "
        "where c.trainer_id = ? and m.user_id = ? limit 1",
        [trainer_id, trainee_id],
    )
    return bool(list(rows))


def add_cohort(db: Database, name: str, trainer_id: int) -> int:
    """Create a cohort run by a trainer."""
    return (
        db["cohorts"].insert({"name": name, "trainer_id": trainer_id, "created_at": now()}).last_pk
    )


def add_member(db: Database, cohort_id: int, user_id: int) -> None:
    """Put a trainee in a cohort."""
    db["memberships"].insert({"cohort_id": cohort_id, "user_id": user_id}, ignore=True)


def assign(
    db: Database,
    cohort_id: int,
    scenario_id: str,
    persona: str | None = None,
    exam: bool = False,
    due_at: str | None = None,
    attempts: int | None = None,
) -> int:
    """Assign a scenario to a cohort."""
    return (
        db["assignments"]
        .insert(
            {
                "cohort_id": cohort_id,
                "scenario_id": scenario_id,
                "persona": persona,
                "exam": int(exam),
                "due_at": due_at,
                "attempts": attempts,
                "created_at": now(),
            }
        )
        .last_pk
    )


def assignments_of(db: Database, user_id: int) -> list[dict[str, Any]]:
    """A trainee's assignments: calls started from each (attempts used) and calls that count."""
    return list(
        db.query(
            f"""select a.*, c.name as cohort,
                  (select count(*) from calls k where k.assignment_id = a.id and k.user_id = :u
                      and k.sandbox = 0) as started,
                  (select count(*) from calls k where k.user_id = :u and {COUNTS_TOWARD}) as done
           from assignments a join memberships m on m.cohort_id = a.cohort_id
           join cohorts c on c.id = a.cohort_id
           where m.user_id = :u order by coalesce(a.due_at, '9999'), a.id""",
            {"u": user_id},
        )
    )

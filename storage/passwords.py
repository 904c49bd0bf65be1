"""Passwords people choose and passwords given to them: a strength rule a person can follow, a
one-time password that must be changed at the next login, and the session stamp that a logout
or a new password rotates (every session holding the old stamp ends). Whatever ends the sessions
also revokes the account's API token: a script must be given a new one."""

from __future__ import annotations

import secrets
from typing import Any

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

MIN_LENGTH = 10
MAX_LENGTH = 200
_ONE_TIME_WORDS = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud or copied by hand


def strength_problem(password: str, username: str = "", name: str = "") -> str | None:
    """Why this password is refused (a code), or None: at least 10 characters, at most 200,
    neither the user name nor the person's name, not one character repeated."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    lowered = password.strip().lower()
    if lowered in {username.strip().lower(), name.strip().lower(), name.replace(" ", "").lower()}:
        return "is_name"
    if len(set(lowered)) < 4:
        return "too_simple"
    return None


def one_time_password() -> str:
    """A password to give someone once (they must change it at their next login)."""
    groups = ("".join(secrets.choice(_ONE_TIME_WORDS) for _ in range(4)) for _ in range(3))
    return "-".join(groups)


def new_stamp() -> str:
    """A fresh session stamp."""
    return secrets.token_hex(16)


def password_ok(user: dict[str, Any], password: str) -> bool:
    """Whether `password` is this account's current password."""
    return check_password_hash(user["password_hash"], password)


def change_own(db: Database, user_id: int, password: str) -> str:
    """Set the password the person chose; ends their other sessions; returns the new stamp."""
    stamp = new_stamp()
    db["users"].update(
        user_id,
        {
            "password_hash": generate_password_hash(password),
            "must_change_password": 0,
            "session_stamp": stamp,
            "api_token_hash": None,
        },
    )
    return stamp


def reset(db: Database, user_id: int) -> str:
    """Give the account a one-time password (returned, never stored in clear): its sessions end
    and it must choose its own password at the next login."""
    password = one_time_password()
    db["users"].update(
        user_id,
        {
            "password_hash": generate_password_hash(password),
            "must_change_password": 1,
            "session_stamp": new_stamp(),
            "api_token_hash": None,
        },
    )
    return password


def set_given(db: Database, user_id: int, password: str) -> None:
    """Set a password someone else chose (an admin at the terminal): like `reset`, the sessions
    and the API token end and the person must choose their own password at the next login."""
    db["users"].update(
        user_id,
        {
            "password_hash": generate_password_hash(password),
            "must_change_password": 1,
            "session_stamp": new_stamp(),
            "api_token_hash": None,
        },
    )


def end_sessions(db: Database, user_id: int) -> None:
    """Rotate the stamp and revoke the API token: every session opened before now is refused at
    its next request, and the token at its next use."""
    db["users"].update(user_id, {"session_stamp": new_stamp(), "api_token_hash": None})

"""Who may see which call: its owner; the trainers of the owner's cohorts; admins."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.users import trainer_sees


def owns(user, row: dict[str, Any]) -> bool:
    """Whether the call belongs to this user."""
    return row["user_id"] is not None and row["user_id"] == user.id


def can_review(db: Database, user, row: dict[str, Any]) -> bool:
    """Whether this user may read the call's transcript and score."""
    if owns(user, row) or user.role == "admin":
        return True
    return (
        user.role == "trainer"
        and row["user_id"] is not None
        and trainer_sees(db, user.id, row["user_id"])
    )

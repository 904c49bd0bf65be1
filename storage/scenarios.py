"""Scenario versions in the database: a played version is kept and never changed."""

from __future__ import annotations

from sqlite_utils import Database

from storage.calls import now
from storage.db import immediate


class VersionConflict(ValueError):
    """A scenario version already exists with different content; bump the version."""


def remember_version(
    db: Database, scenario_id: str, version: int, text: str, author: str = "built-in"
) -> None:
    """Store a scenario version's YAML if new; refuse to change a stored version."""
    if version_text(db, scenario_id, version) == text:
        return  # the common case, without taking the write lock
    with immediate(db):  # check and insert as one: two workers may start its first calls at once
        rows = list(
            db.query(
                "select yaml from scenarios where id = ? and version = ?", [scenario_id, version]
            )
        )
        if rows:
            if rows[0]["yaml"] != text:
                raise VersionConflict(
                    f"{scenario_id} version {version} is already stored with other "
                    "content; raise its version number"
                )
            return
        db["scenarios"].insert(
            {
                "id": scenario_id,
                "version": version,
                "status": "published",
                "yaml": text,
                "author": author,
                "created_at": now(),
            }
        )


def version_text(db: Database, scenario_id: str, version: int) -> str | None:
    """The YAML of a stored scenario version, or None."""
    rows = list(
        db.query("select yaml from scenarios where id = ? and version = ?", [scenario_id, version])
    )
    return rows[0]["yaml"] if rows else None

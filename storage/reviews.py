"""Trainers' reviews of a call: comments on turns and skill overrides, kept beside the automatic
score.

An override never touches the event log nor the `scores` table: both stay what the grader said.
Every override is kept; the latest one per skill is the one shown.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.calls import now

SKILLS = ("diagnosis", "resolution", "escalation", "tone", "written")  # written: e-mails only
MAX_COMMENT = 2000
MAX_REASON = 500


class ReviewError(ValueError):
    """A comment or override was refused; the message says why."""


def add_comment(db: Database, call_id: int, turn: int, author_id: int, text: str) -> int:
    """Comment on one turn of a call (turn 0: the whole call)."""
    text = text.strip()
    if not text:
        raise ReviewError("empty comment")
    if len(text) > MAX_COMMENT:
        raise ReviewError("comment too long")
    if turn < 0:
        raise ReviewError("bad turn")
    return (
        db["review_comments"]
        .insert(
            {
                "call_id": call_id,
                "turn": turn,
                "author_id": author_id,
                "text": text,
                "created_at": now(),
            }
        )
        .last_pk
    )


def comments(db: Database, call_id: int) -> list[dict[str, Any]]:
    """A call's comments in turn order, with their authors' names."""
    return list(
        db.query(
            """select r.*, u.name as author from review_comments r
                            left join users u on u.id = r.author_id
                            where r.call_id = ? order by r.turn, r.id""",
            [call_id],
        )
    )


def add_override(
    db: Database, call_id: int, skill: str, score: int, reason: str, author_id: int
) -> int:
    """Record a trainer's score for one skill, with the reason."""
    reason = reason.strip()
    if skill not in SKILLS:
        raise ReviewError("unknown skill")
    if not 0 <= score <= 100:
        raise ReviewError("score out of range")
    if not reason:
        raise ReviewError("empty reason")
    if len(reason) > MAX_REASON:
        raise ReviewError("reason too long")
    return (
        db["score_overrides"]
        .insert(
            {
                "call_id": call_id,
                "skill": skill,
                "score": score,
                "reason": reason,
                "author_id": author_id,
                "created_at": now(),
            }
        )
        .last_pk
    )


def overrides(db: Database, call_id: int) -> dict[str, dict[str, Any]]:
    """The latest override per skill of a call, with its author's name."""
    rows = db.query(
        """select o.*, u.name as author from score_overrides o left join users u on u.id =
            o.author_id
                       where o.id in (select max(id) from score_overrides where call_id = ? group
                           by skill)""",
        [call_id],
    )
    return {r["skill"]: r for r in rows}


def override_history(db: Database, call_id: int) -> list[dict[str, Any]]:
    """Every override of a call, newest first."""
    return list(
        db.query(
            """select o.*, u.name as author from score_overrides o left join users u on u.id =
                o.author_id
                            where o.call_id = ? order by o.id desc""",
            [call_id],
        )
    )

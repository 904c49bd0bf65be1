"""In-app notices, computed from what happened; only whether a user has seen one is stored.

A trainee is told of a trainer's comment or re-score on one of their calls, an assignment due
within 48 hours and not yet done, an overdue assignment, and a call whose model-voiced caller fell
back to scripted replies. Nothing leaves the app: no mail, no push.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from storage.calls import now
from storage.users import assignments_of

KINDS = ("comment", "rescore", "due_soon", "overdue", "fallback")
RECENT_DAYS = 60  # comments, re-scores and fallbacks older than this are not notices any more


@dataclass(frozen=True)
class Notice:
    """One thing a user should know; `key` names it for ever (read state), `at` dates it."""

    key: str
    kind: str
    at: str
    call_id: int | None = None
    assignment_id: int | None = None
    scenario_id: str = ""
    due_at: str = ""
    read: bool = False


def _call_notices(db: Database, user_id: int, since: str) -> list[Notice]:
    sql = """
      select 'comment' as kind, r.id, r.call_id, r.created_at as at, c.scenario_id
        from review_comments r join calls c on c.id = r.call_id
        where c.user_id = :u and r.author_id != :u and r.created_at >= :since
      union all
      select 'rescore', o.id, o.call_id, o.created_at, c.scenario_id
        from score_overrides o join calls c on c.id = o.call_id
        where c.user_id = :u and o.author_id != :u and o.created_at >= :since
      union all
      select 'fallback', c.id, c.id, min(e.created_at), c.scenario_id
        from calls c join events e on e.call_id = c.id and e.kind = 'llm_fallback'
        where c.user_id = :u and c.sandbox = 0 and c.started_at >= :since group by c.id"""
    return [
        Notice(
            key=f"{r['kind']}:{r['id']}",
            kind=r["kind"],
            at=r["at"] or "",
            call_id=r["call_id"],
            scenario_id=r["scenario_id"],
        )
        for r in db.query(sql, {"u": user_id, "since": since})
    ]


def _assignment_notices(db: Database, user_id: int, today: date) -> list[Notice]:
    found = []
    for a in assignments_of(db, user_id):
        if not a["due_at"] or a["done"]:
            continue
        due = date.fromisoformat(a["due_at"][:10])
        kind = "overdue" if due < today else "due_soon" if due <= today + timedelta(2) else None
        if kind:
            found.append(
                Notice(
                    key=f"{kind}:{a['id']}:{a['due_at'][:10]}",
                    kind=kind,
                    at=a["due_at"][:10],
                    assignment_id=a["id"],
                    scenario_id=a["scenario_id"],
                    due_at=a["due_at"][:10],
                )
            )
    return found


def notices_for(db: Database, user_id: int, today: date | None = None) -> list[Notice]:
    """A user's notices, newest first, each marked read or not."""
    today = today or datetime.now(UTC).date()
    since = (today - timedelta(RECENT_DAYS)).isoformat()
    found = _call_notices(db, user_id, since) + _assignment_notices(db, user_id, today)
    seen = {r["key"] for r in db.query("select key from notice_reads where user_id = ?", [user_id])}
    marked = [Notice(**{**n.__dict__, "read": n.key in seen}) for n in found]
    return sorted(marked, key=lambda n: n.at, reverse=True)


def unread_count(db: Database, user_id: int) -> int:
    """How many of a user's notices are not read yet (the header's count)."""
    return sum(not n.read for n in notices_for(db, user_id))


def mark_read(db: Database, user_id: int, keys: list[str]) -> None:
    """Record that the user has seen these notices."""
    stamp = now()
    db["notice_reads"].insert_all(
        [{"user_id": user_id, "key": k, "read_at": stamp} for k in keys], ignore=True
    )

"""Trainer-authored scenarios: their versions, statuses, and what trainees did with them.

Authored versions live in the `scenarios` table beside the built-in versions that were played;
an authored row has an `author_id`. A version that was played (a sandbox play-test included) is
never changed again: saving it makes the next version. The scenario's status is its versions':
the live version is the newest published one; archiving archives them all.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from simulator.scenario import Scenario
from storage.calls import now
from storage.db import immediate

STATUSES = ("draft", "published", "archived")

_HEADS = """
    select s.*, u.name as author_name,
           (select max(p.version) from scenarios p where p.id = s.id and p.status = 'published') as
               live_version
    from scenarios s left join users u on u.id = s.author_id
    where s.author_id is not null
      and s.version = (select max(m.version) from scenarios m where m.id = s.id)
"""


def heads(db: Database) -> list[dict[str, Any]]:
    """The newest version of every authored scenario, with its live (published) version."""
    return list(db.query(_HEADS + " order by s.id"))


def head(db: Database, scenario_id: str) -> dict[str, Any] | None:
    """The newest version of one authored scenario, or None if there is no such scenario."""
    rows = list(db.query(_HEADS + " and s.id = ?", [scenario_id]))
    return rows[0] if rows else None


def is_builtin_id(db: Database, scenario_id: str) -> bool:
    """Whether a built-in scenario was stored under this id (it was played)."""
    rows = db.query(
        "select 1 from scenarios where id = ? and author_id is null limit 1", [scenario_id]
    )
    return bool(list(rows))


def get_version(db: Database, scenario_id: str, version: int) -> dict[str, Any] | None:
    """One authored version's row, or None."""
    rows = list(
        db.query(
            "select * from scenarios where id = ? and version = ? and author_id is not null",
            [scenario_id, version],
        )
    )
    return rows[0] if rows else None


def versions(db: Database, scenario_id: str) -> list[dict[str, Any]]:
    """Every version of a scenario (newest first) with how often trainees played it and their
    average."""
    return list(
        db.query(
            """select s.id, s.version, s.status, s.author, s.created_at, s.updated_at,
                  count(c.id) as plays, round(avg(k.overall)) as average
           from scenarios s
           left join calls c on c.scenario_id = s.id and c.scenario_version = s.version and
               c.sandbox = 0
           left join scores k on k.call_id = c.id
           where s.id = ? group by s.id, s.version order by s.version desc""",
            [scenario_id],
        )
    )


def played(db: Database, scenario_id: str, version: int) -> bool:
    """Whether any call, a play-test included, was played on this version."""
    rows = db.query(
        "select 1 from calls where scenario_id = ? and scenario_version = ? limit 1",
        [scenario_id, version],
    )
    return bool(list(rows))


def play_stats(db: Database) -> dict[str, dict[str, Any]]:
    """Per scenario id: how many trainee calls (play-tests left out) and their average overall
    score."""
    rows = db.query("""select c.scenario_id, count(c.id) as plays, round(avg(s.overall)) as average
                       from calls c left join scores s on s.call_id = c.id
                       where c.sandbox = 0 group by c.scenario_id""")
    return {r["scenario_id"]: r for r in rows}


def _metadata(scenario: Scenario) -> dict[str, Any]:
    return {
        "title_en": scenario.title.en,
        "title_fr": scenario.title.fr,
        "category": scenario.category,
        "difficulty": scenario.difficulty,
        "personas": ",".join(scenario.personas),
        "tags": ",".join(scenario.tags),
    }


def add_version(
    db: Database, scenario: Scenario, text: str, author: dict[str, Any], status: str = "draft"
) -> None:
    """Store a new authored version (its number is the one in the YAML)."""
    stamp = now()
    db["scenarios"].insert(
        {
            "id": scenario.id,
            "version": scenario.version,
            "status": status,
            "yaml": text,
            "author": author["username"],
            "author_id": author["id"],
            "created_at": stamp,
            "updated_at": stamp,
            **_metadata(scenario),
        }
    )


def overwrite_version(db: Database, scenario: Scenario, text: str) -> None:
    """Replace the YAML of a version nobody played yet."""
    db.execute(
        """update scenarios set yaml = :yaml, updated_at = :at, title_en = :title_en,
                  title_fr = :title_fr, category = :category, difficulty = :difficulty,
                  personas = :personas, tags = :tags where id = :id and version = :version""",
        {
            "yaml": text,
            "at": now(),
            "id": scenario.id,
            "version": scenario.version,
            **_metadata(scenario),
        },
    )


def set_status(db: Database, scenario_id: str, action: str) -> None:
    """publish (the newest version), unpublish, archive or restore a scenario."""
    stamp = {"at": now(), "id": scenario_id}
    with immediate(db):
        if action == "publish":
            db.execute(
                """update scenarios set status = 'published', updated_at = :at where id = :id
                          and version = (select max(version) from scenarios where id = :id)""",
                stamp,
            )
        elif action == "unpublish":
            db.execute(
                "update scenarios set status = 'draft', updated_at = :at where id = :id "
                "and status = 'published'",
                stamp,
            )
        elif action == "archive":
            db.execute(
                "update scenarios set status = 'archived', updated_at = :at where id = :id", stamp
            )
        elif action == "restore":
            db.execute(
                "update scenarios set status = 'draft', updated_at = :at where id = :id "
                "and status = 'archived'",
                stamp,
            )
        else:
            raise ValueError(f"unknown status action '{action}'")


def published(db: Database) -> list[dict[str, Any]]:
    """The live version (newest published) of every authored scenario: id, version, yaml."""
    return list(
        db.query(
            """select s.id, s.version, s.yaml from scenarios s
           where s.author_id is not null and s.status = 'published'
             and s.version = (select max(p.version) from scenarios p where p.id = s.id and p.status
                 = 'published')
           order by s.id"""
        )
    )


def unrecognized(
    db: Database, scenario_id: str, trainer_id: int | None = None
) -> list[dict[str, Any]]:
    """What trainees typed on this scenario that was not understood: grouped, most frequent
    first. With `trainer_id`, only what that trainer may read: calls of the trainees of their
    cohorts and their own calls (everyone's on a scenario they wrote)."""
    scope = ""
    if trainer_id is not None:
        scope = """and (c.user_id = :t
                  or exists (select 1 from scenarios s where s.id = c.scenario_id
                             and s.author_id = :t)
                  or exists (select 1 from memberships m join cohorts k on k.id = m.cohort_id
                             where m.user_id = c.user_id and k.trainer_id = :t))"""
    rows = db.query(
        f"""select json_extract(e.data, '$.text') as text, c.locale as locale, count(*) as count,
                  max(e.created_at) as last_seen, count(distinct c.id) as calls,
                  max(json_extract(e.data, '$.best_guess.intent')) as guess
           from events e join calls c on c.id = e.call_id
           where c.scenario_id = :s and c.sandbox = 0 and e.kind = 'unrecognized' {scope}
           group by lower(trim(json_extract(e.data, '$.text'))), c.locale
           order by count desc, last_seen desc limit 500""",
        {"s": scenario_id, "t": trainer_id},
    )
    return [dict(r) for r in rows]

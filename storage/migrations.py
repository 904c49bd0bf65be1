"""Schema migrations, applied in order and recorded by sqlite-utils."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("hotliner")


@migrations()
def create_calls_and_events(db: Database) -> None:
    """Calls and their append-only event logs; scores and their findings."""
    db["calls"].create(
        {
            "id": int,
            "scenario_id": str,
            "scenario_version": int,
            "persona": str,
            "locale": str,
            "seed": int,
            "mode": str,
            "user_id": int,
            "assignment_id": int,
            "sandbox": int,
            "status": str,
            "started_at": str,
            "ended_at": str,
            "outcome": str,
        },
        pk="id",
        not_null={"scenario_id", "scenario_version", "persona", "locale", "seed", "mode", "status"},
        defaults={"sandbox": 0, "status": "active"},
    )
    db["events"].create(
        {
            "call_id": int,
            "seq": int,
            "at": float,
            "turn": int,
            "kind": str,
            "data": str,
            "created_at": str,
        },
        pk=("call_id", "seq"),
        foreign_keys=[("call_id", "calls", "id")],
        not_null={"kind", "data"},
    )
    db["scores"].create(
        {
            "call_id": int,
            "grader_version": int,
            "overall": int,
            "critical": int,
            "diagnosis": int,
            "resolution": int,
            "escalation": int,
            "tone": int,
            "graded_at": str,
        },
        pk="call_id",
        foreign_keys=[("call_id", "calls", "id")],
    )
    db["findings"].create(
        {
            "call_id": int,
            "idx": int,
            "skill": str,
            "rule": str,
            "points": int,
            "turn": int,
            "message": str,
            "tip": str,
        },
        pk=("call_id", "idx"),
        foreign_keys=[("call_id", "calls", "id")],
    )
    db["calls"].create_index(["user_id", "started_at"])
    db["calls"].create_index(["scenario_id", "status"])
    db["findings"].create_index(["rule"])


@migrations()
def create_scenario_versions(db: Database) -> None:
    """Every scenario version ever played, kept as written: past calls grade against their own."""
    db["scenarios"].create(
        {"id": str, "version": int, "status": str, "yaml": str, "author": str, "created_at": str},
        pk=("id", "version"),
        not_null={"yaml", "status"},
        defaults={"status": "published", "author": "built-in"},
    )


@migrations()
def create_people(db: Database) -> None:
    """Accounts, cohorts, who belongs to which, and what a cohort is assigned."""
    db["users"].create(
        {
            "id": int,
            "username": str,
            "name": str,
            "email": str,
            "password_hash": str,
            "role": str,
            "locale": str,
            "api_token_hash": str,
            "created_at": str,
            "active": int,
        },
        pk="id",
        not_null={"username", "name", "password_hash", "role"},
        defaults={"active": 1},
    )
    db["users"].create_index(["username"], unique=True)
    db["cohorts"].create(
        {"id": int, "name": str, "trainer_id": int, "created_at": str},
        pk="id",
        foreign_keys=[("trainer_id", "users", "id")],
        not_null={"name"},
    )
    db["memberships"].create(
        {"cohort_id": int, "user_id": int},
        pk=("cohort_id", "user_id"),
        foreign_keys=[("cohort_id", "cohorts", "id"), ("user_id", "users", "id")],
    )
    db["assignments"].create(
        {
            "id": int,
            "cohort_id": int,
            "scenario_id": str,
            "persona": str,
            "exam": int,
            "due_at": str,
            "attempts": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("cohort_id", "cohorts", "id")],
        not_null={"cohort_id", "scenario_id"},
        defaults={"exam": 0},
    )
    db["calls"].add_column("exam", int, not_null_default=0)


@migrations()
def findings_keep_their_maximum(db: Database) -> None:
    """A finding stores the points it could have earned and whether it is a compliance error."""
    db["findings"].add_column("max", int, not_null_default=0)
    db["findings"].add_column("critical", int, not_null_default=0)


@migrations()
def create_knowledge_base(db: Database) -> None:
    """Knowledge-base articles per locale, with a full-text index (FTS5, accents folded)."""
    db["kb_articles"].create(
        {"article_id": str, "locale": str, "title": str, "tags": str, "body": str},
        pk=("article_id", "locale"),
        not_null={"title", "body"},
    )
    db["kb_articles"].enable_fts(
        ["title", "tags", "body"],
        fts_version="FTS5",
        create_triggers=True,
        tokenize="unicode61 remove_diacritics 2",
    )


@migrations()
def scenarios_for_authoring(db: Database) -> None:
    """Trainer-authored versions: who wrote them and what they are about, for the library page."""
    table = db["scenarios"]
    for name, kind in (
        ("author_id", int),
        ("title_en", str),
        ("title_fr", str),
        ("category", str),
        ("difficulty", int),
        ("personas", str),
        ("tags", str),
        ("updated_at", str),
    ):
        table.add_column(name, kind)
    table.create_index(["author_id"])
    db["calls"].create_index(["scenario_id", "scenario_version"])


@migrations()
def create_reviews_and_report_indexes(db: Database) -> None:
    """Trainers' comments on turns and skill overrides (beside the automatic score); report
    indexes."""
    db["review_comments"].create(
        {"id": int, "call_id": int, "turn": int, "author_id": int, "text": str, "created_at": str},
        pk="id",
        foreign_keys=[("call_id", "calls", "id"), ("author_id", "users", "id")],
        not_null={"call_id", "turn", "text"},
    )
    db["review_comments"].create_index(["call_id", "turn"])
    db["score_overrides"].create(
        {
            "id": int,
            "call_id": int,
            "skill": str,
            "score": int,
            "reason": str,
            "author_id": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("call_id", "calls", "id"), ("author_id", "users", "id")],
        not_null={"call_id", "skill", "score", "reason"},
    )
    db["score_overrides"].create_index(["call_id", "skill"])
    db["memberships"].create_index(["user_id"])
    db["assignments"].create_index(["cohort_id"])
    db["calls"].create_index(["assignment_id", "user_id"])
    # Reports read the points lost and the critical errors of a cohort's calls: partial indexes
    # keep them off the much larger set of findings earned in full.
    db.execute(
        "create index findings_lost on findings (call_id, skill, rule, points, max) where "
        "points < max"
    )
    db.execute("create index findings_critical on findings (call_id) where critical = 1")


@migrations()
def create_settings_and_llm_usage_indexes(db: Database) -> None:
    """Settings an admin changes on the page (they win over the environment); LLM usage indexes."""
    db["settings"].create(
        {"key": str, "value": str, "updated_at": str, "updated_by": int},
        pk="key",
        foreign_keys=[("updated_by", "users", "id")],
        not_null={"updated_at"},
    )
    # The admin page sums model turns and fallbacks: partial indexes keep those few events apart
    # from the much larger log, and cost nothing on the other events' writes.
    db.execute("create index events_llm_turn on events (created_at) where kind = 'llm_turn'")
    db.execute(
        "create index events_llm_fallback on events (created_at) where kind = 'llm_fallback'"
    )


@migrations()
def cohorts_choose_the_tone_judge(db: Database) -> None:
    """A cohort's trainers may have a language model judge the tone of its calls (off by
    default)."""
    db["cohorts"].add_column("tone_judge", int, not_null_default=0)


@migrations()
def m_security_sessions_and_limits(db: Database) -> None:
    """Accounts: a session stamp (rotated on logout and password change) and a forced password
    change; limits every worker shares: a hit log per key and failed logins per typed name."""
    db["users"].add_column("session_stamp", str, not_null_default="")
    db["users"].add_column("must_change_password", int, not_null_default=0)
    db["rate_hits"].create({"key": str, "at": float}, not_null={"key", "at"})
    db["rate_hits"].create_index(["key", "at"])
    db["login_failures"].create(
        {"username": str, "failures": int, "locked_until": float, "last_at": str},
        pk="username",
        not_null={"failures"},
    )


@migrations()
def m_shift_tables(db: Database) -> None:
    """Shifts: their own event log, and each contact's call (a row of `calls`) by its ref."""
    db["shifts"].create(
        {
            "id": int,
            "shift_id": str,
            "plan": str,
            "locale": str,
            "seed": int,
            "user_id": int,
            "status": str,
            "started_at": str,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"shift_id", "plan", "locale", "seed", "status", "started_at"},
    )
    db["shifts"].create_index(["user_id", "status"])
    db["shift_events"].create(
        {
            "shift_pk": int,
            "seq": int,
            "at": float,
            "turn": int,
            "kind": str,
            "data": str,
            "created_at": str,
        },
        pk=("shift_pk", "seq"),
        foreign_keys=[("shift_pk", "shifts", "id")],
        not_null={"kind", "data"},
    )
    db["shift_calls"].create(
        {"shift_pk": int, "ref": str, "call_id": int},
        pk=("shift_pk", "ref"),
        foreign_keys=[("shift_pk", "shifts", "id"), ("call_id", "calls", "id")],
    )


@migrations()
def m_centre_notice_reads(db: Database) -> None:
    """Which in-app notices each user has seen (notices are computed; only the reading is kept)."""
    db["notice_reads"].create(
        {"user_id": int, "key": str, "read_at": str},
        pk=("user_id", "key"),
        foreign_keys=[("user_id", "users", "id")],
        not_null={"read_at"},
    )


@migrations()
def m_security_last_login(db: Database) -> None:
    """When each account last logged in (the admin's list, on the web page and at the terminal)."""
    db["users"].add_column("last_login_at", str)


@migrations()
def m_shift_plans_assignments_results(db: Database) -> None:
    """Trainers' shift plans, shifts assigned to cohorts, and each ended shift's figures."""
    db["shift_plans"].create(
        {"id": str, "yaml": str, "author_id": int, "updated_at": str},
        pk="id",
        foreign_keys=[("author_id", "users", "id")],
        not_null={"yaml", "updated_at"},
    )
    db["shift_assignments"].create(
        {"id": int, "cohort_id": int, "plan_id": str, "due_at": str, "created_at": str},
        pk="id",
        foreign_keys=[("cohort_id", "cohorts", "id")],
        not_null={"cohort_id", "plan_id", "created_at"},
    )
    db["shift_assignments"].create_index(["cohort_id"])
    db["shifts"].add_column("assignment_id", int)
    db["shift_results"].create(
        {
            "shift_pk": int,
            "overall": int,
            "contacts": int,
            "handled": int,
            "abandoned": int,
            "sla_met": int,
            "sla_total": int,
            "triage_right": int,
            "triage_taken": int,
            "average_wait": float,
            "ended_at": str,
        },
        pk="shift_pk",
        foreign_keys=[("shift_pk", "shifts", "id")],
    )


@migrations()
def m_call_snapshots(db: Database) -> None:
    """A call's state after its last step, so any worker resumes it without replaying its steps."""
    db["call_snapshots"].create(
        {"call_id": int, "seq": int, "data": str},
        pk="call_id",
        foreign_keys=[("call_id", "calls", "id")],
        not_null={"seq", "data"},
    )


@migrations()
def m_scores_written_skill(db: Database) -> None:
    """The written skill of e-mail contacts beside the four call skills (null for a phone call),
    filled for the scores stored before it from their written findings."""
    db["scores"].add_column("written", int)
    db.execute(
        """update scores set written = (
             select max(0, min(100, sum(f.points))) from findings f
             where f.call_id = scores.call_id and f.skill = 'written')
           where exists (select 1 from findings f
                         where f.call_id = scores.call_id and f.skill = 'written')"""
    )


@migrations()
def m_rate_counts(db: Database) -> None:
    """How many hits each limit key has, kept by triggers, so that checking a limit reads one
    counter instead of counting the window's hits (filled from the hits already there)."""
    db["rate_counts"].create({"key": str, "n": int}, pk="key", not_null={"n"})
    db.execute("insert into rate_counts (key, n) select key, count(*) from rate_hits group by key")
    db.execute(
        """create trigger rate_hit_counted after insert on rate_hits begin
             insert into rate_counts (key, n) values (new.key, 1)
               on conflict (key) do update set n = n + 1;
           end"""
    )
    db.execute(
        """create trigger rate_hit_forgotten after delete on rate_hits begin
             update rate_counts set n = n - 1 where key = old.key;
           end"""
    )

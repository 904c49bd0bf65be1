"""What the language model cost: calls, model turns, tokens, seconds and fallbacks, from the event
log.

Each model turn is an `llm_turn` event (prompt_tokens, completion_tokens, seconds, and since the
admin page `model`); each fallback to scripted phrasing an `llm_fallback` event (reason). A
fallback that does not name its model takes the model of the same turn's `llm_turn`, if any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

TURNS = """
select json_extract(data, '$.model') as model, count(*) as turns, count(distinct call_id) as calls,
       coalesce(sum(json_extract(data, '$.prompt_tokens')), 0) as prompt_tokens,
       coalesce(sum(json_extract(data, '$.completion_tokens')), 0) as completion_tokens,
       coalesce(sum(json_extract(data, '$.seconds')), 0.0) as seconds
from events where kind = 'llm_turn' and created_at >= :since
group by model
"""
FALLBACKS = """
select coalesce(json_extract(f.data, '$.model'),
                (select json_extract(t.data, '$.model') from events t
                 where t.call_id = f.call_id and t.turn = f.turn and t.kind = 'llm_turn')) as model,
       coalesce(json_extract(f.data, '$.reason'), '') as reason, count(*) as n
from events f where f.kind = 'llm_fallback' and f.created_at >= :since
group by model, reason
"""
CALLS = "select count(*) as n from calls where mode = 'llm' and coalesce(started_at, '') >= :since"


@dataclass
class Usage:
    """Totals for one model (or all of them)."""

    calls: int = 0
    turns: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    fallbacks: dict[str, int] = field(default_factory=dict)

    @property
    def mean_seconds(self) -> float | None:
        """Mean model time per turn (None before the first turn)."""
        return self.seconds / self.turns if self.turns else None

    @property
    def fallback_count(self) -> int:
        """Every fallback, whatever its reason."""
        return sum(self.fallbacks.values())


@dataclass
class UsageReport:
    """Totals overall and per model; a model of None is one older events did not record."""

    total: Usage
    models: dict[str | None, Usage]


def llm_usage(db: Database, since: str = "") -> UsageReport:
    """Totals of the events created at or after `since` (ISO 8601 UTC; '' for all time)."""
    total, models = Usage(), {}
    for row in db.query(TURNS, {"since": since}):
        usage = models.setdefault(row["model"], Usage())
        usage.calls, usage.turns = row["calls"], row["turns"]
        usage.prompt_tokens, usage.completion_tokens = (
            row["prompt_tokens"],
            row["completion_tokens"],
        )
        usage.seconds = float(row["seconds"])
        total.turns += usage.turns
        total.prompt_tokens += usage.prompt_tokens
        total.completion_tokens += usage.completion_tokens
        total.seconds += usage.seconds
    for row in db.query(FALLBACKS, {"since": since}):
        usage = models.setdefault(row["model"], Usage())
        usage.fallbacks[row["reason"]] = usage.fallbacks.get(row["reason"], 0) + row["n"]
        total.fallbacks[row["reason"]] = total.fallbacks.get(row["reason"], 0) + row["n"]
    total.calls = next(iter(db.query(CALLS, {"since": since})))["n"]
    total.fallbacks = dict(sorted(total.fallbacks.items(), key=lambda kv: (-kv[1], kv[0])))
    return UsageReport(
        total, dict(sorted(models.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
    )


def since_days(days: int, now: datetime | None = None) -> str:
    """The ISO 8601 UTC time `days` days ago, in the format events and calls are stamped with."""
    moment = (now or datetime.now(UTC)) - timedelta(days=days)
    return moment.isoformat(timespec="seconds")

"""The optional tone judge on a stored call: asked when a call of a cohort that wants it ends, or
by the CLI.

The judgement (or the reason there is none) is appended to the ended call's log — after
`call_ended`, so rebuilding the call replays nothing new — and the call is graded again: grading
blends the judgement into the tone score at a capped weight, or says the model was not available.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from simulator.llm import LLMClient, LLMConfig, LLMFailure
from simulator.tone_judge import judge_tone
from storage import calls as store
from storage.cohorts import wants_tone_judge
from storage.db import immediate
from storage.scores import save_score
from web.shared.playable import scenario_of
from web.shared.runtime import grade_call, llm_config


class NotEnded(ValueError):
    """Only an ended call can be judged."""


def judge_call(db: Database, call_id: int, config: LLMConfig) -> tuple[dict[str, Any], str | None]:
    """Judge an ended call's tone, log the judgement (or the failure) and store the new score.

    Returns (the score, the failure's reason or None). A model failure never raises: the
    rule-based score stands and a `tone_judge_failed` event says why.
    """
    row = store.get_call(db, call_id)
    if row["status"] != "ended":
        raise NotEnded(f"call {call_id} has not ended")
    scenario = scenario_of(db, row)
    events = store.load_events(db, call_id)
    try:
        kind, data, failure = "tone_judged", judge_tone(LLMClient(config), events), None
    except LLMFailure as exc:
        kind, data, failure = (
            "tone_judge_failed",
            {"reason": exc.reason, "detail": exc.detail[:200]},
            exc.reason,
        )
    last = events[-1]
    event = {
        "seq": last["seq"] + 1,
        "at": last["at"],
        "turn": last["turn"],
        "kind": kind,
        "data": data,
    }
    score = grade_call(scenario, [*events, event])
    with immediate(db):
        store.append_events(db, call_id, [event])
        save_score(db, call_id, score)
    return score, failure


def judge_if_wanted(db: Database, call_id: int) -> bool:
    """After a call ended on the web: judge it if its cohort wants it and an endpoint is
    configured."""
    config = llm_config()
    if config is None or not wants_tone_judge(db, store.get_call(db, call_id)):
        return False
    judge_call(db, call_id, config)
    return True

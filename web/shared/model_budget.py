"""The admin's daily budget of language-model turns per user: past it, a say on a call voiced by
the model is refused with a message (each say is a paid request); scripted calls are not counted."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlite_utils import Database

from simulator.steps import StepError
from storage.limits import daily_model_budget, model_calls_today


def check_model_budget(db: Database, row: dict[str, Any], step: Any) -> None:
    """StepError when this say would go past its user's daily budget of model turns."""
    if row.get("mode") != "llm" or row.get("user_id") is None or row.get("sandbox"):
        return
    is_say = getattr(step, "name", None) == "say" or (isinstance(step, dict) and "say" in step)
    if not is_say:
        return
    budget = daily_model_budget(db)
    if budget is not None and model_calls_today(db, row["user_id"]) >= budget:
        raise StepError(
            _(
                "You have used today's %(n)d replies of the language model. Start a scripted "
                "call, or come back tomorrow.",
                n=budget,
            )
        )

"""The trainer's home: calls awaiting review (filter by cohort and scenario), assignments due
this week or overdue, trainees with recent critical errors; each one click from the review."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template, request
from flask_login import current_user

from storage import review_queue
from storage.cohorts import list_cohorts
from web.auth import role_required
from web.shared.database import get_db
from web.shared.playable import playable_scenarios
from web.trainer_home import bp


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


@bp.route("/")
@role_required("trainer")
def home():
    """What needs the trainer: reviews to write, work due, trainees in trouble."""
    db = get_db()
    trainer = None if current_user.role == "admin" else current_user.id
    cohorts = list_cohorts(db, trainer)
    cohort_id = _number(request.args.get("cohort"))
    if cohort_id not in {c["id"] for c in cohorts}:
        cohort_id = None
    scenarios = playable_scenarios(db)
    scenario_id = request.args.get("scenario") or None
    if scenario_id not in scenarios:
        scenario_id = None
    today = datetime.now(UTC).date()
    return render_template(
        "trainer_home/home.html",
        cohorts=cohorts,
        scenarios=scenarios,
        cohort_id=cohort_id,
        scenario_id=scenario_id,
        queue=review_queue.awaiting_review(db, trainer, cohort_id, scenario_id),
        due=review_queue.due_and_overdue(db, trainer, today),
        criticals=review_queue.recent_criticals(db, trainer, today),
    )

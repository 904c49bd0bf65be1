"""A trainer resets a forgotten password of a trainee in one of their cohorts: a one-time
password, shown once on the answer, that the trainee must change at their next login."""

from __future__ import annotations

from flask import abort, render_template
from flask_babel import gettext as _

from storage import cohorts as store
from storage import limits, passwords
from storage.users import get_user
from web.auth import role_required
from web.cohorts import bp
from web.cohorts.cohort_pages import visible_cohort
from web.shared.database import get_db


@bp.route("/<int:cohort_id>/members/<int:user_id>/reset-password", methods=["POST"])
@role_required("trainer")
def reset_password(cohort_id: int, user_id: int):
    """Give a trainee of my cohort a one-time password (their sessions end)."""
    cohort = visible_cohort(cohort_id)
    db = get_db()
    if not store.is_member(db, cohort_id, user_id):
        abort(404)
    person = get_user(db, user_id)
    if person is None or person["role"] != "trainee":
        abort(404)
    password = passwords.reset(db, user_id)
    limits.record_success(db, person["username"])  # a login lock on the name is lifted too
    return render_template(
        "cohorts/password_reset.html",
        cohort=cohort,
        person=person,
        password=password,
        message=_("Give this password to the trainee now: it will not be shown again."),
    )

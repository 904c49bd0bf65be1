"""Editing an assignment: its caller, mode (practice or exam), due date and attempts."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from storage.assignment_rules import get_assignment, today, update_assignment
from web.auth import role_required
from web.cohorts import bp
from web.cohorts.cohort_pages import offered_scenarios, scenario_title, visible_cohort
from web.cohorts.members import _check_assignment, _personas
from web.shared.database import get_db
from web.shared.i18n import select_locale


def _page(cohort: dict, assignment: dict, form: dict, status: int = 200):
    scenario = offered_scenarios().get(assignment["scenario_id"])
    personas = list(scenario.personas) if scenario else _personas()
    return (
        render_template(
            "cohorts/assignment_edit.html",
            cohort=cohort,
            assignment=assignment,
            title=scenario_title(assignment["scenario_id"], select_locale()),
            personas=personas,
            form=form,
            today=today(),
        ),
        status,
    )


@bp.route("/<int:cohort_id>/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
@role_required("trainer")
def edit_assignment(cohort_id: int, assignment_id: int):
    """Change an assignment's caller, mode, due date and attempts (its scenario stays)."""
    cohort = visible_cohort(cohort_id)
    db = get_db()
    assignment = get_assignment(db, cohort_id, assignment_id)
    if assignment is None:
        abort(404)
    if request.method == "GET":
        current = {
            "persona": assignment["persona"] or "",
            "mode": "exam" if assignment["exam"] else "practice",
            "due": (assignment["due_at"] or "")[:10],
            "attempts": str(assignment["attempts"] or ""),
        }
        return _page(cohort, assignment, current)
    checked = MultiDict(request.form)
    checked.setlist("scenario", [assignment["scenario_id"]])
    kept_due = (assignment["due_at"] or "")[:10]
    if checked.get("due", "").strip() == kept_due:  # an unchanged past date stays allowed
        checked["due"] = ""
    values, error = _check_assignment(checked)
    if error:
        flash(error, "error")
        return _page(cohort, assignment, request.form, 422)
    update_assignment(
        db,
        cohort_id,
        assignment_id,
        persona=values["persona"],
        exam=values["exam"],
        due_at=values["due_at"] or (kept_due or None if request.form.get("due") else None),
        attempts=values["attempts"],
    )
    flash(_("Assignment updated."), "success")
    return redirect(url_for("cohorts.assignments", cohort_id=cohort_id))

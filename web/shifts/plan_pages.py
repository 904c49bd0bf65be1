"""Trainers' shift plans: the list, the YAML editor (every error with its line), assignment."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from simulator.shift_library import SHIFT_DIR
from simulator.shift_plan import PlanError, validate_plan_source
from simulator.validate import Problem
from simulator.yamlsource import SourceError, parse
from storage import cohorts as cohort_store
from storage import shift_plans
from web.auth import role_required
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.live_shifts import find_plan, shift_library
from web.shared.numbers import SQLITE_MAX, parse_int
from web.shared.runtime import get_library
from web.shifts import bp

MAX_PLAN = 100_000  # characters of YAML


def _my_cohorts() -> list[dict]:
    trainer = None if current_user.role == "admin" else current_user.id
    return cohort_store.list_cohorts(get_db(), trainer)


@bp.route("/plans")
@role_required("trainer")
def plans():
    """Built-in and authored shift plans, each with a form to assign it to a cohort."""
    db = get_db()
    authored = []
    for row in shift_plans.authored_plans(db):
        authored.append({**row, "plan": find_plan(db, row["id"])})
    return render_template(
        "shifts/plans.html",
        built_in=shift_library().plans,
        authored=authored,
        cohorts=_my_cohorts(),
    )


def _starting_text(plan_id: str | None) -> str:
    """The YAML the editor opens with: an authored plan, or a copy of a built-in one."""
    if plan_id:
        text = shift_plans.plan_text(get_db(), plan_id)
        if text is not None:
            return text
        if plan_id in shift_library().plans:
            text = (SHIFT_DIR / f"{plan_id}.yaml").read_text(encoding="utf-8")
            return text.replace(f"id: {plan_id}", f"id: {plan_id}-copy", 1)
    return (
        (SHIFT_DIR / "evening-on-call.yaml")
        .read_text(encoding="utf-8")
        .replace("id: evening-on-call", "id: my-shift", 1)
    )


def check_plan_text(text: str) -> tuple[object | None, list[Problem]]:
    """(the plan, no problems) or (None, every problem with its line)."""
    try:
        source = parse(text)
    except SourceError as exc:
        return None, [Problem.from_source("plan.yaml", exc)]
    try:
        plan = validate_plan_source(source, "plan.yaml", get_library().scenarios)
    except PlanError as exc:
        return None, exc.problems
    if plan.id in shift_library().plans:
        line = source.line_of(("id",))
        return None, [Problem.of("plan.yaml", line, "id", "shift_duplicate_id", value=plan.id)]
    return plan, []


@bp.route("/plans/edit", methods=["GET", "POST"])
@role_required("trainer")
def edit_plan():
    """Write or change a shift plan in YAML; saved only when it validates."""
    if request.method == "GET":
        text = _starting_text(request.args.get("plan"))
        return render_template("shifts/plan_edit.html", text=text, problems=[])
    text = (request.form.get("yaml") or "").replace("\r\n", "\n")
    if len(text) > MAX_PLAN:
        flash(_("The plan is longer than %(n)d characters.", n=MAX_PLAN), "error")
        return render_template("shifts/plan_edit.html", text=text[:MAX_PLAN], problems=[]), 422
    plan, problems = check_plan_text(text)
    if problems:
        locale = select_locale()
        shown = [{"line": p.line, "text": p.format(locale)} for p in problems]
        return render_template("shifts/plan_edit.html", text=text, problems=shown), 422
    shift_plans.save_plan(get_db(), plan.id, text, current_user.id)
    flash(_("Shift plan “%(id)s” saved.", id=plan.id), "success")
    return redirect(url_for("shifts.plans"))


@bp.route("/plans/assign", methods=["POST"])
@role_required("trainer")
def assign_plan():
    """Assign a shift plan to one of my cohorts (an optional due date)."""
    db = get_db()
    cohort_id = parse_int(request.form.get("cohort", ""), 1, SQLITE_MAX)
    mine = {c["id"]: c for c in _my_cohorts()}
    if cohort_id not in mine:
        abort(404)
    plan = find_plan(db, request.form.get("plan", ""))
    if plan is None:
        flash(_("This shift plan cannot be played: fix it in the editor first."), "error")
        return redirect(url_for("shifts.plans"))
    due = (request.form.get("due_at") or "").strip() or None
    if due is not None and (len(due) != 10 or not due[:4].isdigit()):
        flash(_("Give the due date as a date (YYYY-MM-DD)."), "error")
        return redirect(url_for("shifts.plans"))
    shift_plans.assign_shift(db, cohort_id, plan.id, due)
    flash(
        _("Shift “%(id)s” assigned to %(cohort)s.", id=plan.id, cohort=mine[cohort_id]["name"]),
        "success",
    )
    return redirect(url_for("shifts.plans"))

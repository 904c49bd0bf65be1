"""Trainers' cohorts: the list, the cohort score report, a trainee's report, CSV exports.

Members, assignments (web/cohorts/members.py) and transcript review (web/cohorts/review.py) add
their routes to this blueprint. Trainers see the cohorts they run; admins see all; trainees none.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storage import cohorts as store
from storage import reports, shift_plans
from storage.users import get_user, list_users
from web.auth import role_required
from web.cohorts import bp
from web.cohorts.report_csv import calls_csv, trainees_csv
from web.shared.database import get_db
from web.shared.formats import SKILL_COLOURS, day
from web.shared.i18n import select_locale
from web.shared.labels import SKILLS as SKILL_LABELS
from web.shared.labels import rule_label
from web.shared.numbers import SQLITE_MAX, parse_int
from web.shared.playable import playable_scenarios

SKILLS = reports.SKILLS


def shown_skills(avg: dict) -> tuple[str, ...]:
    """The skills a report shows: the four call skills, and `written` when the calls averaged
    include e-mail contacts (no empty column for phone-only cohorts)."""
    return (*SKILLS, reports.WRITTEN) if avg.get(reports.WRITTEN) is not None else SKILLS


def visible_cohort(cohort_id: int) -> dict:
    """The cohort if the current user runs it (or is an admin); 404 otherwise."""
    cohort = store.get_cohort(get_db(), cohort_id)
    if cohort is None or not (
        current_user.role == "admin" or cohort["trainer_id"] == current_user.id
    ):
        abort(404)
    return cohort


def my_cohorts() -> list[dict]:
    """The cohorts the current user may manage."""
    return store.list_cohorts(get_db(), None if current_user.role == "admin" else current_user.id)


def offered_scenarios() -> dict:
    """The scenarios a cohort can be given: built-in and published ones (read once per request)."""
    if "offered_scenarios" not in g:
        g.offered_scenarios = playable_scenarios(get_db())
    return g.offered_scenarios


def scenario_title(scenario_id: str, locale: str) -> str:
    """A scenario's title in a language (its id if it is no longer offered)."""
    scenario = offered_scenarios().get(scenario_id)
    return scenario.title.get(locale) if scenario else scenario_id


@bp.app_context_processor
def _helpers() -> dict:
    return {"scenario_title": scenario_title, "rule_label": rule_label}


@bp.route("/")
@role_required("trainer")
def index():
    """The cohorts I run (all of them for an admin), and a form to create one."""
    trainers = [
        u for u in list_users(get_db()) if u["role"] in ("trainer", "admin") and u["active"]
    ]
    return render_template("cohorts/index.html", cohorts=my_cohorts(), trainers=trainers)


@bp.route("/new", methods=["POST"])
@role_required("trainer")
def create():
    """Create a cohort (an admin may give it to another trainer)."""
    db = get_db()
    trainer_id = current_user.id
    chosen = parse_int(request.form.get("trainer"), 1, SQLITE_MAX)
    if current_user.role == "admin" and chosen is not None:
        trainer = get_user(db, chosen)
        if trainer is None or trainer["role"] not in ("trainer", "admin"):
            flash(_("Choose a trainer from the list."), "error")
            return redirect(url_for("cohorts.index"))
        trainer_id = trainer["id"]
    try:
        cohort_id = store.create_cohort(db, request.form.get("name", ""), trainer_id)
    except store.CohortError as exc:
        message = {
            "empty name": _("Give the cohort a name."),
            "name too long": _("A cohort name has at most 120 characters."),
            "name taken": _("This trainer already runs a cohort with that name."),
        }[str(exc)]
        flash(message, "error")
        return redirect(url_for("cohorts.index"))
    flash(_("Cohort created. Add its trainees now."), "success")
    return redirect(url_for("cohorts.members", cohort_id=cohort_id))


def _skill_set(skill: str, data: list) -> dict:
    """One chart line for a skill (or "overall"), in that skill's colour everywhere."""
    label = _("Overall") if skill == "overall" else SKILL_LABELS[skill]
    return {"label": str(label), "data": data, "colour": SKILL_COLOURS[skill]}


def _chart_skills(avg: dict) -> dict:
    keys = ["overall", *shown_skills(avg)]
    labels = [str(_("Overall"))] + [str(SKILL_LABELS[k]) for k in shown_skills(avg)]
    return {
        "type": "bar",
        "labels": labels,
        "datasets": [{"label": str(_("Average")), "data": [avg[k] for k in keys]}],
        "colours": [SKILL_COLOURS[k] for k in keys],
    }


@bp.route("/<int:cohort_id>")
@role_required("trainer")
def report(cohort_id: int):
    """The cohort's score report: trainees, averages, distribution, progress, weak spots, errors."""
    cohort = visible_cohort(cohort_id)
    db = get_db()
    avg = reports.averages(db, cohort_id)
    dist = reports.distribution(db, cohort_id)
    weeks = reports.progress(db, cohort_id)
    series = {k: [w[k] for w in weeks] for k in (*shown_skills(avg), "overall")}
    charts = {
        "skills": _chart_skills(avg),
        "distribution": {
            "type": "bar",
            "labels": [f"{b['low']}–{b['high']}" for b in dist],
            "datasets": [{"label": str(_("Calls")), "data": [b["calls"] for b in dist]}],
            "counts": True,
        },
        "progress": {
            "type": "line",
            "labels": [day(w["week"]) for w in weeks],
            "datasets": [_skill_set(k, v) for k, v in series.items()],
        },
    }
    return render_template(
        "cohorts/report.html",
        cohort=cohort,
        rows=reports.trainee_rows(db, cohort_id),
        avg=avg,
        dist=dist,
        weeks=weeks,
        scenarios=reports.scenario_skills(db, cohort_id),
        charts=charts,
        findings=reports.frequent_findings(db, cohort_id),
        criticals=reports.critical_errors(db, cohort_id, limit=10),
        critical_rules=reports.critical_counts(db, cohort_id),
        report_day=datetime.now(UTC).date(),
        skills=shown_skills(avg),
        shift_results=shift_plans.cohort_shift_rows(db, cohort_id),
    )


@bp.route("/<int:cohort_id>/trainees/<int:user_id>")
@role_required("trainer")
def trainee(cohort_id: int, user_id: int):
    """One trainee of the cohort: scores over time per skill, calls, most frequent findings."""
    cohort = visible_cohort(cohort_id)
    db = get_db()
    if not store.is_member(db, cohort_id, user_id):
        abort(404)
    calls = reports.scored_calls(db, cohort_id, user_id)
    mine = reports.trainee_averages(db, cohort_id, user_id)
    cohort_avg = reports.averages(db, cohort_id)
    skills = shown_skills(cohort_avg)  # written: the cohort has e-mail contacts
    trainee_chart = {
        "type": "line",
        "labels": [day(c["started_at"]) for c in calls],
        "datasets": [_skill_set(k, [c[k] for c in calls]) for k in (*skills, "overall")],
    }
    return render_template(
        "cohorts/trainee.html",
        cohort=cohort,
        person=get_user(db, user_id),
        calls=calls,
        trainee_chart=trainee_chart,
        mine=mine,
        avg=cohort_avg,
        skills=skills,
        findings=reports.frequent_findings(db, cohort_id, user_id=user_id),
    )


def _csv(text: str, filename: str) -> Response:
    response = Response("\ufeff" + text, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/<int:cohort_id>/trainees.csv")
@role_required("trainer")
def export_trainees(cohort_id: int):
    """The cohort table as CSV."""
    visible_cohort(cohort_id)
    text = trainees_csv(get_db(), cohort_id, french=select_locale() == "fr")
    return _csv(text, f"cohort-{cohort_id}-trainees.csv")


@bp.route("/<int:cohort_id>/calls.csv")
@role_required("trainer")
def export_calls(cohort_id: int):
    """Every scored call of the cohort as CSV."""
    visible_cohort(cohort_id)
    text = calls_csv(get_db(), cohort_id, french=select_locale() == "fr")
    return _csv(text, f"cohort-{cohort_id}-calls.csv")

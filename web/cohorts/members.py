"""A cohort's people and work: add trainees (one by one or from a CSV file), move them, assign
scenarios."""

from __future__ import annotations

from datetime import UTC, date, datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from grading.rubric import JUDGE_WEIGHT
from storage import cohorts as store
from storage.db import immediate
from storage.users import assign, get_user
from web.auth import role_required
from web.cohorts import bp
from web.cohorts.cohort_pages import my_cohorts, offered_scenarios, visible_cohort
from web.cohorts.roster import RosterError, check, check_row, decode, initial_password
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.numbers import SQLITE_MAX, parse_int
from web.shared.playable import STANDARD_PERSONAS
from web.shared.runtime import llm_config

MAX_ATTEMPTS = 50


def _may_add(db, person: dict | None, cohort: dict) -> bool:
    """An existing trainee may join when no other trainer holds them (an admin may move anyone)."""
    if person is None or person["role"] != "trainee":
        return False
    if current_user.role == "admin":
        return True
    return not store.held_elsewhere(db, person["id"], cohort["trainer_id"])


def _members_page(
    cohort: dict, created: list | None = None, form: dict | None = None, status: int = 200
):
    db = get_db()
    others = [c for c in my_cohorts() if c["id"] != cohort["id"]]
    return render_template(
        "cohorts/members.html",
        cohort=cohort,
        members=store.members(db, cohort["id"]),
        others=others,
        created=created or [],
        form=form or {},
    ), status


@bp.route("/<int:cohort_id>/members")
@role_required("trainer")
def members(cohort_id: int):
    """The cohort's trainees, with forms to add, import, move and remove them."""
    return _members_page(visible_cohort(cohort_id))


@bp.route("/<int:cohort_id>/members/add", methods=["POST"])
@role_required("trainer")
def add_member(cohort_id: int):
    """Add one trainee: a new account (its first password shown once) or an existing trainee."""
    cohort = visible_cohort(cohort_id)
    db = get_db()
    if request.form.get("kind") == "existing":
        person = store.find_trainee(db, request.form.get("who", ""))
        if not _may_add(db, person, cohort):
            # One message for every refusal: it must not tell whether the account exists, what
            # its role is, or that another trainer has it.
            flash(
                _(
                    "No trainee you can add has that user name or email. A trainee who is in "
                    "another trainer's cohort can only be moved by that trainer or an "
                    "administrator."
                ),
                "error",
            )
        elif store.is_member(db, cohort_id, person["id"]):
            flash(_("%(name)s is already in this cohort.", name=person["name"]), "info")
        else:
            store.add_existing(db, cohort_id, person["id"])
            flash(_("%(name)s joined the cohort.", name=person["name"]), "success")
        return redirect(url_for("cohorts.members", cohort_id=cohort_id))
    row = {k: request.form.get(k, "") for k in ("name", "email", "locale")}
    reason = check_row(db, row, set())
    if reason:
        flash(_("Not added: %(reason)s.", reason=reason), "error")
        return _members_page(cohort, form=row, status=422)
    new = {
        "name": " ".join(row["name"].split()),
        "email": row["email"].strip(),
        "locale": row["locale"].strip().lower(),
        "password": initial_password(),
    }
    created = store.add_trainees(db, cohort_id, [new])
    flash(
        _(
            "Account created. Give the trainee their first password now: it will not be shown "
            "again."
        ),
        "success",
    )
    return _members_page(cohort, created=created)


@bp.route("/<int:cohort_id>/members/import", methods=["POST"])
@role_required("trainer")
def import_members(cohort_id: int):
    """Create trainees from a CSV file (name, email, locale); report accepted and refused rows."""
    cohort = visible_cohort(cohort_id)
    upload = request.files.get("file")
    text = decode(upload.read()) if upload and upload.filename else request.form.get("text", "")
    if not text.strip():
        flash(_("Choose a CSV file or paste its lines."), "error")
        return redirect(url_for("cohorts.members", cohort_id=cohort_id))
    db = get_db()
    try:
        checked = check(db, text)
    except RosterError as exc:
        flash(str(exc) + " " + _("Nothing was imported."), "error")
        return redirect(url_for("cohorts.members", cohort_id=cohort_id))
    created = store.add_trainees(db, cohort_id, checked.accepted) if checked.accepted else []
    return render_template(
        "cohorts/import_result.html", cohort=cohort, created=created, rejected=checked.rejected
    )


@bp.route("/<int:cohort_id>/members/<int:user_id>/move", methods=["POST"])
@role_required("trainer")
def move_member(cohort_id: int, user_id: int):
    """Move a trainee to another cohort I run."""
    visible_cohort(cohort_id)
    db = get_db()
    if not store.is_member(db, cohort_id, user_id):
        abort(404)
    target = request.form.get("to", "")
    allowed = {c["id"]: c for c in my_cohorts() if c["id"] != cohort_id}
    target = parse_int(target, 1, SQLITE_MAX)
    if target not in allowed:
        flash(_("Choose the cohort to move this trainee to."), "error")
        return redirect(url_for("cohorts.members", cohort_id=cohort_id))
    store.move_member(db, user_id, cohort_id, target)
    person = get_user(db, user_id)
    flash(
        _(
            "%(name)s moved to %(cohort)s.",
            name=person["name"],
            cohort=allowed[target]["name"],
        ),
        "success",
    )
    return redirect(url_for("cohorts.members", cohort_id=cohort_id))


@bp.route("/<int:cohort_id>/members/<int:user_id>/remove", methods=["POST"])
@role_required("trainer")
def remove_member(cohort_id: int, user_id: int):
    """Take a trainee out of the cohort (the account and its calls are kept)."""
    visible_cohort(cohort_id)
    db = get_db()
    if not store.is_member(db, cohort_id, user_id):
        abort(404)
    store.remove_member(db, cohort_id, user_id)
    flash(
        _(
            "%(name)s left the cohort; their account and calls are kept.",
            name=get_user(db, user_id)["name"],
        ),
        "success",
    )
    return redirect(url_for("cohorts.members", cohort_id=cohort_id))


def _assignments_page(cohort: dict, form: dict | None = None, status: int = 200):
    scenarios = sorted(offered_scenarios().values(), key=lambda s: (s.difficulty, s.id))
    return render_template(
        "cohorts/assignments.html",
        cohort=cohort,
        scenarios=scenarios,
        personas=_personas(),
        assignments=store.cohort_assignments(get_db(), cohort["id"]),
        form=form or {},
        today=datetime.now(UTC).date().isoformat(),
        judge_available=llm_config() is not None,
        judge_weight=round(100 * JUDGE_WEIGHT),
    ), status


@bp.route("/<int:cohort_id>/assignments")
@role_required("trainer")
def assignments(cohort_id: int):
    """What the cohort is asked to practise, and a form to assign more."""
    return _assignments_page(visible_cohort(cohort_id))


def _personas() -> list[str]:
    """Every caller some scenario of the library allows, the usual ones first."""
    offered = {p for s in offered_scenarios().values() for p in s.personas}
    return [p for p in STANDARD_PERSONAS if p in offered] + sorted(offered - set(STANDARD_PERSONAS))


def _check_assignment(form) -> tuple[dict | None, str | None]:
    """The checked values of the assignment form, or the reason it is refused."""
    scenarios = offered_scenarios()
    chosen = form.getlist("scenario")
    if not chosen:
        return None, _("Choose at least one scenario.")
    unknown = [s for s in chosen if s not in scenarios]
    if unknown:
        return None, _("Unknown scenario: %(ids)s.", ids=", ".join(unknown))
    persona = form.get("persona", "")
    if persona:
        locale = select_locale()
        refusing = [
            scenarios[s].title.get(locale) for s in chosen if persona not in scenarios[s].personas
        ]
        if persona not in _personas() or refusing:
            return None, _(
                "This caller is not available in: %(titles)s. Choose another caller or “random”.",
                titles=", ".join(refusing) or persona,
            )
    due = form.get("due", "").strip()
    if due:
        try:
            if date.fromisoformat(due) < datetime.now(UTC).date():
                return None, _("The due date is in the past.")
        except ValueError:
            return None, _("The due date is not a date (YYYY-MM-DD).")
    attempts = form.get("attempts", "").strip()
    if attempts and parse_int(attempts, 1, MAX_ATTEMPTS) is None:
        return None, _(
            "Attempts: a whole number from 1 to %(n)d, or empty for no limit.", n=MAX_ATTEMPTS
        )
    mode = form.get("mode", "practice")
    if mode not in ("practice", "exam"):
        return None, _("Choose practice or exam.")
    return {
        "scenarios": chosen,
        "persona": persona or None,
        "exam": mode == "exam",
        "due_at": due or None,
        "attempts": int(attempts) if attempts else None,
    }, None


@bp.route("/<int:cohort_id>/assignments", methods=["POST"])
@role_required("trainer")
def create_assignments(cohort_id: int):
    """Assign the chosen scenarios to the cohort, one assignment each, all or none."""
    cohort = visible_cohort(cohort_id)
    values, error = _check_assignment(request.form)
    if error:
        flash(error, "error")
        return _assignments_page(cohort, form=request.form, status=422)
    db = get_db()
    with immediate(db):
        for scenario_id in values["scenarios"]:
            assign(
                db,
                cohort_id,
                scenario_id,
                persona=values["persona"],
                exam=values["exam"],
                due_at=values["due_at"],
                attempts=values["attempts"],
            )
    flash(_("%(n)d scenario(s) assigned.", n=len(values["scenarios"])), "success")
    return redirect(url_for("cohorts.assignments", cohort_id=cohort_id))


@bp.route("/<int:cohort_id>/assignments/<int:assignment_id>/delete", methods=["POST"])
@role_required("trainer")
def delete_assignment(cohort_id: int, assignment_id: int):
    """Withdraw an assignment (calls already made keep their scores)."""
    visible_cohort(cohort_id)
    if not store.delete_assignment(get_db(), cohort_id, assignment_id):
        abort(404)
    flash(_("Assignment withdrawn."), "success")
    return redirect(url_for("cohorts.assignments", cohort_id=cohort_id))


@bp.route("/<int:cohort_id>/tone-judge", methods=["POST"])
@role_required("trainer")
def set_tone_judge(cohort_id: int):
    """Switch the language model's judgement of tone on or off for the cohort's calls."""
    visible_cohort(cohort_id)
    choice = request.form.get("tone_judge", "")
    if choice not in ("on", "off"):
        abort(400)
    if choice == "on" and llm_config() is None:
        flash(
            _(
                "The tone judge needs a language-model endpoint: ask an administrator to "
                "configure one."
            ),
            "error",
        )
        return redirect(url_for("cohorts.assignments", cohort_id=cohort_id))
    store.set_tone_judge(get_db(), cohort_id, choice == "on")
    flash(
        _(
            "Tone judge on: the tone of this cohort's calls is also judged by the language "
            "model when they end."
        )
        if choice == "on"
        else _("Tone judge off: tone is graded by the rules alone."),
        "success",
    )
    return redirect(url_for("cohorts.assignments", cohort_id=cohort_id))

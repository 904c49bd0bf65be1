"""The trainee's shift pages: start a shift, the queue and the contact in hand, the report."""

from __future__ import annotations

import secrets
from contextlib import suppress
from datetime import UTC, datetime

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from simulator.scenario import CATEGORIES, TEAMS
from simulator.shift_plan import KINDS, LEVELS
from simulator.shift_state import ShiftRefused
from simulator.shift_steps import parse_shift_step
from simulator.steps import StepError
from storage import shift_plans
from storage import shifts as shift_store
from web.shared.access import can_review, owns
from web.shared.database import get_db
from web.shared.i18n import LOCALES, select_locale
from web.shared.live_shifts import (
    StaleShift,
    apply_shift_step,
    call_ids,
    find_plan,
    get_shift,
    shift_library,
    start_shift,
)
from web.shared.mail_thread import phoned_back, thread_entries
from web.shared.numbers import SQLITE_MAX, parse_int
from web.shared.rate_limits import limited
from web.shared.step_form import step_from_form
from web.shared.transcript import entries, ticket_of
from web.shifts import bp
from web.shifts.shift_report_page import render_report
from web.shifts.shift_view import clock, handled_rows, queue_rows
from web.shifts.shift_words import CHANNELS, LEVEL2_ANSWERS, OUTCOMES, STATUSES, refusal


@bp.context_processor
def _words() -> dict:
    return {"CHANNEL_LABELS": CHANNELS, "STATUS_LABELS": STATUSES, "OUTCOME_LABELS": OUTCOMES}


SHIFT_ACTIONS = ("take", "triage", "park", "wait", "email", "end_shift")
MAX_TICK = 120  # real seconds one poll may pass on: a tab left closed does not burn the shift


@bp.route("/")
@login_required
def index():
    """The built-in shifts to practise and my shifts."""
    db = get_db()
    mine = list(
        db.query(
            "select id, shift_id, locale, status, started_at from shifts where user_id = ? "
            "order by id desc limit 30",
            [current_user.id],
        )
    )
    plans = shift_library().plans
    assigned = shift_plans.shift_assignments_of(db, current_user.id)
    for a in assigned:
        a["plan"] = find_plan(db, a["plan_id"])
    return render_template("shifts/index.html", plans=plans, mine=mine, assigned=assigned)


@bp.route("/start", methods=["POST"])
@login_required
@limited("call")
def start():
    """Open a built-in shift for practice, or a shift assigned to one of my cohorts."""
    db = get_db()
    assignment = None
    if request.form.get("assignment"):
        mine = {a["id"]: a for a in shift_plans.shift_assignments_of(db, current_user.id)}
        assignment = mine.get(parse_int(request.form["assignment"], 1, SQLITE_MAX))
        if assignment is None:
            abort(404)
        plan = find_plan(db, assignment["plan_id"])
    else:
        plan = shift_library().plans.get(request.form.get("plan", ""))
    locale = request.form.get("locale") or select_locale()
    if plan is None or locale not in LOCALES:
        flash(_("Choose a shift and a language from the list."), "error")
        return redirect(url_for("shifts.index"))
    seed = secrets.randbelow(2**31)
    pk = start_shift(db, plan, locale, seed, current_user.id, assignment and assignment["id"])
    return redirect(url_for("shifts.screen", shift_id=pk))


def own_shift(shift_id: int):
    """(the database, the shift's row, the live shift) if the current user plays it, else 404."""
    db = get_db()
    try:
        row, shift = get_shift(db, shift_id)
    except shift_store.ShiftNotFound:
        abort(404)
    if not owns(current_user, row):
        abort(404)
    return db, row, shift


@bp.route("/<int:shift_id>")
@login_required
def screen(shift_id: int):
    """The shift: the queue, and the contact in hand (its call screen) or what to do next."""
    db, row, shift = own_shift(shift_id)
    if shift.ended:
        return redirect(url_for("shifts.report", shift_id=shift_id))
    contact = shift.contact(shift.active) if shift.active else None
    call = contact.call if contact else None
    follow_ups = [c for c in shift.contacts if c.status == "follow_up"]
    awaiting = [c for c in shift.contacts if c.status == "awaiting_reply"]
    return render_template(
        "shifts/shift.html",
        row=row,
        shift=shift,
        **queue_context(shift),
        handled=handled_rows(shift, call_ids(db, shift_id)),
        follow_ups=follow_ups,
        awaiting=awaiting,
        contact=contact,
        call=call,
        caller=call.caller if call else None,
        entries=shown_entries(contact, call.events) if call else [],
        phoned_back=bool(call) and phoned_back(call.events),
        ticket=ticket_of(call.events) if call else {},
        teams=TEAMS,
        categories=CATEGORIES,
        levels=LEVELS,
        kinds=KINDS,
        matrix=shift_library().matrix,
        level2_answers=LEVEL2_ANSWERS,
        exam=False,
    )


def shown_entries(contact, events: list[dict], after_seq: int = 0) -> list[dict]:
    """A contact's entries: its e-mail thread, or the call's conversation."""
    if contact.channel == "email":
        return thread_entries(events, after_seq)
    return entries(events, after_seq)


def queue_context(shift) -> dict:
    """What the queue partial shows: the rows and the shift's clock."""
    return {
        "queue": queue_rows(shift),
        "now": clock(shift.now),
        "left": clock(shift.plan.length - shift.now),
    }


def _shift_step(form):
    """The step a shift form describes: a shift action, or a call step of the call screen."""
    kind = form.get("step", "")
    if kind == "take":
        return parse_shift_step({"take": form.get("ref", "")})
    if kind == "triage":
        value = {k: form.get(k, "") for k in ("impact", "urgency", "kind")}
        if not all(value.values()):
            raise StepError(_("Choose the kind, the impact and the urgency."))
        return parse_shift_step({"triage": value})
    if kind in ("park", "end_shift"):
        return parse_shift_step(kind)
    if kind == "wait":
        return parse_shift_step({"wait": 60})
    if kind == "email":
        body = (form.get("body") or "").strip()
        if not body:
            raise StepError(_("The e-mail is empty."))
        return parse_shift_step({"email": {"body": body}})
    return step_from_form(form)


@bp.route("/<int:shift_id>/act", methods=["POST"])
@login_required
@limited("step")
def act(shift_id: int):
    """Apply one step of the shift (a shift action or a call step); refusals change nothing."""
    db, row, shift = own_shift(shift_id)
    htmx = request.headers.get("HX-Request") == "true"
    try:
        step = _shift_step(request.form)
    except StepError as exc:
        return _refused(shift_id, str(exc), htmx, 422)
    try:
        shift, outcome = apply_shift_step(db, shift_id, step, current_user.id)
    except ShiftRefused:
        return _refused(shift_id, refusal(shift, step), htmx, 409)
    except StepError as exc:
        return _refused(shift_id, str(exc), htmx, 422)
    except StaleShift:
        return _refused(
            shift_id, _("This shift was changed in another window. Reload the page."), htmx, 409
        )
    target = url_for("shifts.screen", shift_id=shift_id)
    contact = shift.contact(outcome.ref) if outcome.ref else None
    if step.name == "email" and contact is not None and contact.status == "awaiting_reply":
        flash(
            _("E-mail sent: the reply of %(ref)s will come into the queue.", ref=contact.ref),
            "success",
        )
    in_call = contact is not None and contact.call is not None and not contact.call.ended
    if not htmx or step.name in SHIFT_ACTIONS or not in_call or shift.ended:
        if htmx:
            response = make_response("", 204)
            response.headers["HX-Redirect"] = target
            return response
        return redirect(target)
    call = contact.call
    before = outcome.call_events[0]["seq"] - 1 if outcome.call_events else len(call.events)
    return render_template(
        "shifts/_call_step.html",
        call=call,
        caller=call.caller,
        entries=shown_entries(contact, call.events, before),
        exam=False,
        ticket=ticket_of(call.events),
        shift=shift,
        shift_pk=shift_id,
        contact=contact,
        **queue_context(shift),
    )


def _refused(shift_id: int, message: str, htmx: bool, status: int):
    if htmx:  # htmx swaps only 2xx answers: the refusal travels as an out-of-band swap
        response = make_response(render_template("calls/_step_error.html", message=message), 200)
        response.headers["HX-Reswap"] = "none"
        response.headers["X-Step-Status"] = str(status)
        return response
    flash(message, "error")
    return redirect(url_for("shifts.screen", shift_id=shift_id)), 303


@bp.route("/<int:shift_id>/tick", methods=["POST"])
@login_required
def tick(shift_id: int):
    """Real time passed on the page: the shift's clock moves (arrivals show during a call)."""
    db, row, shift = own_shift(shift_id)
    if not shift.ended:
        last = datetime.fromisoformat(shift_store.last_event_time(db, shift_id))
        last = last if last.tzinfo else last.replace(tzinfo=UTC)
        seconds = min(MAX_TICK, (datetime.now(UTC) - last).total_seconds())
        if seconds >= 1:
            # another tab or step may have moved it on: then show the queue as it stands
            with suppress(ShiftRefused, StaleShift):
                apply_shift_step(db, shift_id, {"elapse": round(seconds, 1)}, current_user.id)
            _row, shift = get_shift(db, shift_id)
    if shift.ended:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = url_for("shifts.report", shift_id=shift_id)
        return response
    return render_template(
        "shifts/_queue.html",
        shift=shift,
        shift_pk=shift_id,
        contact=shift.contact(shift.active) if shift.active else None,
        **queue_context(shift),
    )


@bp.route("/<int:shift_id>/report")
@login_required
def report(shift_id: int):
    """The shift report: figures, SLA per priority, triage, the queue's timeline, findings."""
    db = get_db()
    try:
        row, shift = get_shift(db, shift_id)
    except shift_store.ShiftNotFound:
        abort(404)
    if not can_review(db, current_user, row):
        abort(404)
    return render_report(db, row, shift)

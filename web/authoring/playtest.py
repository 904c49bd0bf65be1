"""Play-tests: a trainer plays a scenario version in a sandbox call beside a truth panel.

A sandbox call counts in no report and no trainee's progress. Steps go through the same
`web.shared.live_calls.apply_step` as a trainee's call screen.
"""

from __future__ import annotations

import secrets

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from simulator.call import CallEnded
from simulator.engine import EngineError
from simulator.scenario import CATEGORIES, LOCALES, TEAMS, Scenario
from simulator.steps import StepError
from storage import authored
from storage import calls as store
from web.authoring import bp
from web.authoring.truth_panel import truth
from web.shared.call_service import start_call
from web.shared.database import get_db
from web.shared.live_calls import StaleCall, apply_step, get_live
from web.shared.playable import StoredScenarioError, StoredVersionError, parse_stored
from web.shared.runtime import get_library
from web.shared.step_form import step_from_form
from web.shared.transcript import entries, ticket_of


def scenario_version(db, scenario_id: str, version: int | None = None) -> Scenario:
    """A scenario as stored (the newest version unless asked); 404 when there is none."""
    builtin = get_library().scenarios.get(scenario_id)
    if builtin is not None and version in (None, builtin.version):
        return builtin
    row = (
        authored.get_version(db, scenario_id, version)
        if version
        else authored.head(db, scenario_id)
    )
    if row is None:
        abort(404)
    try:
        return parse_stored(row["yaml"])
    except StoredVersionError:
        abort(410)


@bp.post("/<scenario_id>/playtest")
def playtest_start(scenario_id: str):
    """Start a sandbox call on a scenario version with the persona and language chosen."""
    db = get_db()
    scenario = scenario_version(db, scenario_id, request.form.get("version", type=int))
    persona = request.form.get("persona") or scenario.persona_default()
    locale = request.form.get("locale") if request.form.get("locale") in LOCALES else "en"
    try:
        call_id, _call = start_call(
            db,
            scenario,
            persona,
            locale,
            secrets.randbelow(2**31),
            user_id=current_user.id,
            sandbox=True,
        )
    except EngineError:
        flash(
            _("This caller is not allowed in this scenario: choose one of its personas."), "error"
        )
        return redirect(url_for("authoring.scenario", scenario_id=scenario_id))
    return redirect(url_for("authoring.playtest", call_id=call_id))


def _own_sandbox(call_id: int) -> dict:
    try:
        row = store.get_call(get_db(), call_id)
    except store.CallNotFound:
        abort(404)
    if not row["sandbox"] or row["user_id"] != current_user.id:
        abort(404)
    return row


@bp.get("/playtest/<int:call_id>")
def playtest(call_id: int):
    """The play-test screen: conversation and tools, with the truth panel beside them."""
    _own_sandbox(call_id)
    try:
        row, call = get_live(get_db(), call_id)
    except StoredScenarioError:
        abort(410)
    return render_template(
        "authoring/playtest.html",
        row=row,
        call=call,
        caller=call.caller,
        scenario=call.scenario,
        entries=entries(call.events),
        ticket=ticket_of(call.events),
        teams=TEAMS,
        categories=CATEGORIES,
        truth=truth(call, get_library().catalog),
        exam=False,
        step_url=url_for("authoring.playtest_step", call_id=call_id),
    )


def _step_error(call_id: int, message: str, htmx: bool):
    if htmx:
        response = make_response(render_template("calls/_step_error.html", message=message), 200)
        response.headers["HX-Reswap"] = "none"
        return response
    flash(message, "error")
    return redirect(url_for("authoring.playtest", call_id=call_id))


@bp.post("/playtest/<int:call_id>/step")
def playtest_step(call_id: int):
    """Apply one step; answer with the new entries and the refreshed truth panel (htmx)."""
    row = _own_sandbox(call_id)
    db = get_db()
    htmx = request.headers.get("HX-Request") == "true"
    if row["status"] != "active":
        return _step_error(call_id, _("This play-test has ended; nothing was changed."), htmx)
    try:
        raw = step_from_form(request.form)
        before = len(get_live(db, call_id)[1].events)
        call, _events = apply_step(db, call_id, raw)
    except StepError as exc:
        return _step_error(call_id, str(exc), htmx)
    except CallEnded:
        return _step_error(call_id, _("This play-test has ended; nothing was changed."), htmx)
    except StaleCall:
        return _step_error(
            call_id, _("This call was changed in another window. Reload the page."), htmx
        )
    if not htmx:
        return redirect(url_for("authoring.playtest", call_id=call_id))
    return render_template(
        "authoring/_playtest_result.html",
        row=row,
        call=call,
        exam=False,
        entries=entries(call.events, before),
        truth=truth(call, get_library().catalog),
    )

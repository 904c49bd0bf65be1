"""The trainee's pages: dashboard, the call screen (a hotline workstation), debrief, history."""

from __future__ import annotations

import secrets

from flask import (
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markdown_it import MarkdownIt

from simulator.call import CallEnded
from simulator.scenario import CATEGORIES, TEAMS
from simulator.steps import StepError
from storage import calls as store
from storage import users
from storage.assignment_rules import is_open, open_exam_scenarios, today
from storage.kb_index import get_article
from storage.scores import load_score, save_score
from web.calls import bp
from web.shared.access import can_review, owns
from web.shared.annotations import review_of
from web.shared.call_service import start_call
from web.shared.database import get_db
from web.shared.formats import day
from web.shared.i18n import LOCALES, select_locale
from web.shared.live_calls import StaleCall, apply_step, get_live, keep_started
from web.shared.mail_thread import phoned_back, seen_entries, thread_entries
from web.shared.numbers import SQLITE_MAX, parse_int
from web.shared.playable import (
    STANDARD_PERSONAS,
    StoredScenarioError,
    playable_scenarios,
    scenario_of,
)
from web.shared.rate_limits import limited
from web.shared.runtime import get_engine, grade_call
from web.shared.step_form import step_from_form
from web.shared.transcript import entries, mood_series, ticket_of


@bp.route("/")
@login_required
def dashboard():
    """Assignments, free practice, recent calls and progress."""
    db = get_db()
    everything = playable_scenarios(db)
    progress = store.progress(db, current_user.id)
    scenarios = sorted(free_practice(db, everything).values(), key=lambda s: (s.difficulty, s.id))
    return render_template(
        "calls/dashboard.html",
        assignments=users.assignments_of(db, current_user.id),
        all_scenarios=everything,
        today=today(),
        scenarios=scenarios,
        categories=CATEGORIES,
        personas=STANDARD_PERSONAS,
        recent=store.list_calls(db, user_id=current_user.id, limit=8),
        progress=progress,
        progress_labels=[f"{p['n']} · {day(p['started_at'])}" for p in progress],
        progress_skills=progress_skills(progress),
        llm_enabled=get_engine().llm is not None,
    )


def progress_skills(progress: list[dict]) -> tuple[str, ...]:
    """The skills of the progress chart: the four call skills, and `written` once the trainee
    has had e-mail contacts (as the cohort reports and CSVs show it)."""
    skills = ("diagnosis", "resolution", "escalation", "tone")
    return (*skills, "written") if any(p.get("written") is not None for p in progress) else skills


def free_practice(db, scenarios: dict) -> dict:
    """The playable scenarios without those an open exam of the user's cohorts covers."""
    hidden = open_exam_scenarios(db, current_user.id)
    return {k: s for k, s in scenarios.items() if k not in hidden}


class PersonaRefused(ValueError):
    """The chosen caller is not one the scenario allows."""


def _pick(scenarios: dict, form) -> tuple:
    scenario_id = form.get("scenario", "surprise")
    rng = secrets.SystemRandom()
    if scenario_id == "surprise":
        # "Take a call": a surprise is a phone call; e-mail scenarios are chosen by name
        pool = [
            s
            for s in scenarios.values()
            if form.get("category") in (None, "", s.category)
            and form.get("difficulty") in (None, "", str(s.difficulty))
            and s.channels[0] != "email"
        ]
        if not pool:
            return None, None
        scenario = rng.choice(sorted(pool, key=lambda s: s.id))
    else:
        scenario = scenarios.get(scenario_id)
        if scenario is None:
            return None, None
    persona = form.get("persona") or "surprise"
    if persona == "surprise":
        persona = rng.choice(scenario.personas)
    elif persona not in scenario.personas:
        raise PersonaRefused(scenario.title.get(_locale()))
    return scenario, persona


@bp.route("/practice", methods=["POST"])
@login_required
@limited("call")
def practice():
    """Start a call: a chosen or random scenario and persona, or an assignment."""
    db = get_db()
    form = dict(request.form)
    assignment = None
    if form.get("assignment"):
        mine = {a["id"]: a for a in users.assignments_of(db, current_user.id)}
        assignment = mine.get(parse_int(form["assignment"], 1, SQLITE_MAX))
        if assignment is None:
            abort(404)
        if assignment["attempts"] and assignment["started"] >= assignment["attempts"]:
            flash(_("You have used every attempt of this assignment."), "error")
            return redirect(url_for("calls.dashboard"))
        if assignment["exam"] and not is_open(assignment):
            flash(_("This exam is closed: its due date has passed."), "error")
            return redirect(url_for("calls.dashboard"))
        form = {
            "scenario": assignment["scenario_id"],
            "persona": assignment["persona"] or "surprise",
        }
    pool = playable_scenarios(db)
    try:
        scenario, persona = _pick(pool if assignment else free_practice(db, pool), form)
    except PersonaRefused as refused:
        flash(
            _(
                "This caller is not available in “%(title)s”. Choose one of its callers or "
                "“Surprise me”.",
                title=str(refused),
            ),
            "error",
        )
        return redirect(url_for("calls.dashboard"))
    if scenario is None:
        flash(_("No scenario matches these choices."), "error")
        return redirect(url_for("calls.dashboard"))
    locale = request.form.get("locale") or _locale()
    if locale not in LOCALES:
        flash(_("Choose English or French for the call."), "error")
        return redirect(url_for("calls.dashboard"))
    seed = secrets.randbelow(2**31)
    mode = (
        "llm" if request.form.get("mode") == "llm" and get_engine().llm is not None else "scripted"
    )
    call_id, call = start_call(
        db, scenario, persona, locale, seed, user_id=current_user.id, mode=mode
    )
    keep_started(call_id, call)
    updates = {"exam": int(bool(assignment and assignment["exam"]))}
    if assignment:
        updates["assignment_id"] = assignment["id"]
    db["calls"].update(call_id, updates)
    return redirect(url_for("calls.call_screen", call_id=call_id))


def _locale() -> str:
    return select_locale()


def own_call(call_id: int):
    """(the request's database, the call's row) if the current user owns the call, else 404."""
    db = get_db()
    try:
        row = store.get_call(db, call_id)
    except store.CallNotFound:
        abort(404)
    if not owns(current_user, row):
        abort(404)
    return db, row


@bp.route("/calls/<int:call_id>")
@login_required
def call_screen(call_id: int):
    """The hotline workstation for a call in progress."""
    db, row = own_call(call_id)
    if row["status"] != "active":
        return redirect(url_for("calls.debrief", call_id=call_id))
    try:
        row, call = get_live(db, call_id)
    except StoredScenarioError:
        abort(410)
    return render_template(
        "calls/call.html",
        row=row,
        call=call,
        caller=call.caller,
        scenario=call.scenario,
        entries=shown_entries(call, call.events),
        phoned_back=phoned_back(call.events),
        ticket=ticket_of(call.events),
        teams=TEAMS,
        categories=CATEGORIES,
        exam=bool(row["exam"]),
        fallbacks=fallback_turns(call.events),
    )


def shown_entries(call, events: list[dict], after_seq: int = 0) -> list[dict]:
    """A call's entries: the e-mail thread of an e-mail call, else the conversation."""
    if call.channel == "email":
        return thread_entries(events, after_seq)
    return entries(events, after_seq)


def _raw_step(form):
    """The step a call screen's form describes: a written reply (e-mail calls) or a call step."""
    if form.get("step") == "email":
        body = (form.get("body") or "").strip()
        if not body:
            raise StepError(_("The e-mail is empty."))
        return {"email": {"body": body}}
    return step_from_form(form)


def fallback_turns(events: list[dict]) -> set[int]:
    """The turns whose caller reply came from the script because the language model failed."""
    return {e["turn"] for e in events if e["kind"] == "llm_fallback"}


@bp.route("/calls/<int:call_id>/step", methods=["POST"])
@login_required
@limited("step")
def step(call_id: int):
    """Apply one trainee step; answer with the new conversation entries (htmx) or redirect."""
    db, row = own_call(call_id)
    htmx = request.headers.get("HX-Request") == "true"
    if row["status"] != "active":
        return _step_error(call_id, ended_words(by_mail(db, call_id)), htmx, 409)
    try:
        raw = _raw_step(request.form)
        call, events = apply_step(db, call_id, raw, row=row)
    except (StepError, CallEnded, StaleCall) as exc:
        message, status = step_refusal(exc, by_mail(db, call_id))
        return _step_error(call_id, message, htmx, status)
    if call.ended:
        target = url_for("calls.debrief", call_id=call_id)
        if htmx:
            response = make_response("", 204)
            response.headers["HX-Redirect"] = target
            return response
        return redirect(target)
    if not htmx:
        return redirect(url_for("calls.call_screen", call_id=call_id))
    return step_result_html(row, call, events)


def by_mail(db, call_id: int) -> bool:
    """Whether a stored call is an e-mail contact (its start says so): its refusals speak of the
    exchange, not of a call."""
    first = store.load_events(db, call_id)[:1]
    return bool(first) and first[0]["data"].get("channel") == "email"


def ended_words(mail: bool) -> str:
    """The refusal of a step sent after the call (or the e-mail exchange) ended."""
    if mail:
        return _("This exchange is closed; nothing was changed.")
    return _("This call has ended; nothing was changed.")


def step_refusal(exc: Exception, mail: bool = False) -> tuple[str, int]:
    """What to tell the trainee when a step was refused, and the status that says so."""
    if isinstance(exc, StepError):
        return str(exc), 422
    if isinstance(exc, StaleCall):
        if mail:
            return _("This exchange was changed in another window. Reload the page."), 409
        return _("This call was changed in another window. Reload the page."), 409
    return ended_words(mail), 409


def step_result_html(row: dict, call, events: list[dict]) -> str:
    """The conversation entries a step added, with the status panel (what the htmx step returns)."""
    before = events[0]["seq"] - 1 if events else len(call.events)
    return render_template(
        "calls/_step_result.html",
        call=call,
        caller=call.caller,
        entries=shown_entries(call, call.events, before),
        exam=bool(row["exam"]),
        ticket=ticket_of(call.events),
        fallbacks=fallback_turns(call.events),
    )


def _step_error(call_id: int, message: str, htmx: bool, status: int):
    if htmx:  # htmx swaps only 2xx answers: the error travels as an out-of-band swap
        response = make_response(render_template("calls/_step_error.html", message=message), 200)
        response.headers["HX-Reswap"] = "none"
        response.headers["X-Step-Status"] = str(status)
        return response
    flash(message, "error")
    return redirect(url_for("calls.call_screen", call_id=call_id))


@bp.route("/calls/<int:call_id>/debrief")
@login_required
def debrief(call_id: int):
    """Scores, findings linked to the turns, what an expert would have done, try again."""
    db = get_db()
    try:
        row = store.get_call(db, call_id)
    except store.CallNotFound:
        abort(404)
    if not can_review(db, current_user, row):
        abort(404)
    if row["status"] == "active" and owns(current_user, row):
        return redirect(url_for("calls.call_screen", call_id=call_id))
    try:
        scenario = scenario_of(db, row)
    except StoredScenarioError:
        abort(410)
    events = store.load_events(db, call_id)
    score = load_score(db, call_id)
    if score is None and row["status"] == "ended":
        score = grade_call(scenario, events)
        save_score(db, call_id, score)
    flagged = {
        f["turn"] for f in (score or {}).get("findings", []) if f["points"] < f.get("max", 1)
    }
    shown, started = seen_entries(events)
    return render_template(
        "calls/debrief.html",
        row=row,
        scenario=scenario,
        score=score,
        entries=shown,
        caller=started.get("caller"),
        mail=started.get("channel") == "email",
        mood=mood_series(events),
        ticket=ticket_of(events),
        locale=row["locale"],
        flagged=flagged,
        exam=bool(row["exam"]),
        owner=users.get_user(db, row["user_id"]) if row["user_id"] else None,
        **review_of(db, call_id, shown),
    )


@bp.route("/history")
@login_required
def history():
    """All my past calls, filterable by scenario and status."""
    db = get_db()
    scenario_id = request.args.get("scenario") or None
    status = (
        request.args.get("status") if request.args.get("status") in ("active", "ended") else None
    )
    calls = store.list_calls(
        db, user_id=current_user.id, scenario_id=scenario_id, status=status, limit=500
    )
    scenarios = playable_scenarios(db)
    return render_template(
        "calls/history.html",
        calls=calls,
        mail_ids={c["id"] for c in calls if _by_mail_scenario(scenarios.get(c["scenario_id"]))},
        scenarios=scenarios,
        scenario_id=scenario_id,
        status=status,
    )


def _by_mail_scenario(scenario) -> bool:
    """Whether a scenario is played as an e-mail contact (its first channel, as the engine
    chooses it)."""
    return scenario is not None and scenario.channels[0] == "email"


@bp.route("/kb/<article_id>")
@login_required
def article(article_id: str):
    """A knowledge-base article in the user's language (Markdown rendered without raw HTML)."""
    row = get_article(get_db(), article_id, _locale())
    if row is None:
        abort(404)
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(row["body"])
    return render_template("calls/article.html", article=row, html=html)

"""Transcript review: a trainer reads a call of their cohorts, comments on turns, overrides a skill
score."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storage import calls as call_store
from storage import reviews
from storage.scores import load_score
from storage.users import get_user
from web.auth import role_required
from web.cohorts import bp
from web.shared.access import can_review
from web.shared.annotations import last_entry_of_turn, review_of
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.mail_thread import seen_entries
from web.shared.numbers import parse_int
from web.shared.playable import StoredScenarioError, scenario_of
from web.shared.reader_words import findings_for_reader
from web.shared.transcript import ticket_of

ERRORS = {
    "empty comment": lambda: _("Write the comment first."),
    "comment too long": lambda: _("A comment has at most %(n)d characters.", n=reviews.MAX_COMMENT),
    "bad turn": lambda: _("Choose a turn of this call."),
    "unknown skill": lambda: _("Choose a skill."),
    "score out of range": lambda: _("A score is a whole number from 0 to 100."),
    "empty reason": lambda: _("Say why you change the score: the trainee will read it."),
    "reason too long": lambda: _("A reason has at most %(n)d characters.", n=reviews.MAX_REASON),
}


def _reviewable(call_id: int) -> dict:
    """The call's row if the current user may review it: a trainee's call in a cohort they run."""
    db = get_db()
    try:
        row = call_store.get_call(db, call_id)
    except call_store.CallNotFound:
        abort(404)
    if row["user_id"] is None or row["user_id"] == current_user.id or row["sandbox"]:
        abort(404)
    if not can_review(db, current_user, row):
        abort(404)
    return row


def _opening_sender(shown: list[dict]) -> str:
    """The address the user's first e-mail came from (the trainee's replies go to it)."""
    return next((e["mail"]["from"] for e in shown if e.get("mail", {}).get("first")), "")


@bp.route("/calls/<int:call_id>/review")
@role_required("trainer")
def review(call_id: int):
    """The transcript with its findings, the trainee's scores and the trainer's comments and
    overrides."""
    row = _reviewable(call_id)
    db = get_db()
    try:
        scenario = scenario_of(db, row)
    except StoredScenarioError:
        abort(410)
    events = call_store.load_events(db, call_id)
    shown, started = seen_entries(events)
    turns = sorted({e["turn"] for e in shown if e["turn"] > 0})
    owner = get_user(db, row["user_id"])
    return render_template(
        "cohorts/review.html",
        row=row,
        scenario=scenario,
        score=findings_for_reader(
            scenario, events, load_score(db, call_id), row["locale"], select_locale()
        ),
        entries=shown,
        ticket=ticket_of(events),
        owner=owner,
        caller=started.get("caller"),
        mail=started.get("channel") == "email",
        mail_to=_opening_sender(shown),
        trainee_name=owner["name"] if owner else "",
        locale=row["locale"],
        anchors=last_entry_of_turn(shown),
        turns=turns,
        history=reviews.override_history(db, call_id),
        **review_of(db, call_id, shown),
    )


def _back(call_id: int, anchor: str = ""):
    return redirect(url_for("cohorts.review", call_id=call_id) + anchor)


@bp.route("/calls/<int:call_id>/comments", methods=["POST"])
@role_required("trainer")
def comment(call_id: int):
    """Add a comment to a turn of the call (turn 0: the whole call)."""
    _reviewable(call_id)
    turn = request.form.get("turn", "0")
    turn = parse_int(turn, 0, 100_000)
    turn = -1 if turn is None else turn
    shown, _started = seen_entries(call_store.load_events(get_db(), call_id))
    if turn and turn not in {e["turn"] for e in shown}:
        turn = -1
    try:
        reviews.add_comment(get_db(), call_id, turn, current_user.id, request.form.get("text", ""))
    except reviews.ReviewError as exc:
        flash(ERRORS[str(exc)](), "error")
        return _back(call_id)
    flash(_("Comment saved: the trainee sees it in their debrief."), "success")
    return _back(call_id, f"#comments-{turn}" if turn else "#general-comments")


@bp.route("/calls/<int:call_id>/overrides", methods=["POST"])
@role_required("trainer")
def override(call_id: int):
    """Give a skill the trainer's score, with a reason; the automatic score stays as it was."""
    _reviewable(call_id)
    skill = request.form.get("skill", "")
    graded = load_score(get_db(), call_id)
    if skill == "written" and (graded is None or skill not in graded["skills"]):
        skill = ""  # the written skill exists only for e-mail contacts
    raw = request.form.get("score", "").strip()
    score = parse_int(raw, 0, 100)
    score = -1 if score is None else score
    try:
        reviews.add_override(
            get_db(),
            call_id,
            skill,
            score,
            request.form.get("reason", ""),
            current_user.id,
        )
    except reviews.ReviewError as exc:
        flash(ERRORS[str(exc)](), "error")
        return _back(call_id, "#scores")
    flash(_("Score overridden; the automatic score is kept beside it."), "success")
    return _back(call_id, "#scores")

"""Changing one's own password: the current one is asked, the new one follows a rule a person can
follow; every other session of the account ends. Accounts whose password someone else chose are
sent here at their first login (web.auth)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from storage.passwords import MIN_LENGTH, change_own, password_ok, strength_problem
from storage.users import get_user
from web.auth import bp
from web.shared.database import get_db


def strength_message(code: str) -> str:
    """The strength rule's refusal in the user's language."""
    return {
        "too_short": _("Use at least %(n)d characters.", n=MIN_LENGTH),
        "too_long": _("Use at most 200 characters."),
        "is_name": _("Do not use your user name or your name as a password."),
        "too_simple": _("Use at least 4 different characters."),
    }[code]


def _problem(row: dict, current: str, new: str, again: str) -> str | None:
    if not password_ok(row, current):
        return _("Your current password is not right.")
    if new != again:
        return _("The two new passwords are not the same.")
    code = strength_problem(new, row["username"], row["name"])
    if code:
        return strength_message(code)
    if password_ok(row, new):
        return _("Choose a password different from the current one.")
    return None


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change my password (the current one is required)."""
    if request.method == "POST":
        db = get_db()
        row = get_user(db, current_user.id)
        form = request.form
        problem = _problem(row, form.get("current", ""), form.get("new", ""), form.get("again", ""))
        if problem:
            flash(problem, "error")
            return render_template("auth/password.html", min_length=MIN_LENGTH), 422
        session["stamp"] = change_own(db, current_user.id, form["new"])
        flash(_("Your password is changed. Your other sessions are closed."), "success")
        return redirect(url_for("calls.dashboard"))
    return render_template("auth/password.html", min_length=MIN_LENGTH)

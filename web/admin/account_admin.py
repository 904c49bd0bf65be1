"""The admin's accounts page (/admin/accounts): list, create, change role, disable or enable,
reset a password (a one-time password shown once), and the accounts under login attack."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from storage import limits, passwords, settings, users
from web.admin import bp
from web.auth import role_required
from web.shared.database import get_db
from web.shared.numbers import parse_id, parse_int


def _role_labels() -> dict[str, str]:
    return {"trainee": _("Trainee"), "trainer": _("Trainer"), "admin": _("Administrator")}


def _page(shown: dict | None = None, form: dict | None = None, status: int = 200):
    db = get_db()
    return render_template(
        "admin/accounts.html",
        accounts=users.list_users(db),
        alerts=limits.login_alerts(db),
        budget=limits.daily_model_budget(db),
        roles=_role_labels(),
        shown=shown,
        form=form or {},
    ), status


def _account(user_id: str) -> dict:
    row = users.get_user(get_db(), parse_id(user_id))
    if row is None:
        abort(404)
    return row


@bp.route("/accounts")
@role_required("admin")
def accounts():
    """Every account, the login alerts and a form to create one."""
    return _page()


@bp.route("/accounts", methods=["POST"])
@role_required("admin")
def create_account():
    """Create an account with a one-time password (shown once, changed at the first login)."""
    db = get_db()
    form = {k: request.form.get(k, "").strip() for k in ("username", "name", "email", "role")}
    if form["role"] not in users.ROLES:
        flash(_("Choose a role."), "error")
        return _page(form=form, status=422)
    password = passwords.one_time_password()
    try:
        user_id = users.add_user(
            db, form["username"], form["name"], password, form["role"], form["email"]
        )
    except users.UserError:
        flash(
            _(
                "Not created: the user name is taken or is not made of letters, digits, dots, "
                "dashes or underscores."
            ),
            "error",
        )
        return _page(form=form, status=422)
    db["users"].update(user_id, {"must_change_password": 1})
    flash(_("Account created. Give this password now: it will not be shown again."), "success")
    return _page(shown={"username": users.get_user(db, user_id)["username"], "password": password})


@bp.route("/accounts/<user_id>/role", methods=["POST"])
@role_required("admin")
def set_account_role(user_id: str):
    """Change an account's role (not one's own: an admin cannot lock themselves out)."""
    row = _account(user_id)
    role = request.form.get("role", "")
    if role not in users.ROLES:
        abort(400)
    if row["id"] == current_user.id:
        flash(_("You cannot change your own role."), "error")
        return redirect(url_for("admin.accounts"))
    users.set_role(get_db(), row["username"], role)
    flash(_("%(name)s is now: %(role)s.", name=row["name"], role=_role_labels()[role]), "success")
    return redirect(url_for("admin.accounts"))


@bp.route("/accounts/<user_id>/active", methods=["POST"])
@role_required("admin")
def set_account_active(user_id: str):
    """Disable (sessions and API token stop working) or enable an account."""
    row = _account(user_id)
    active = request.form.get("active", "")
    if active not in ("0", "1"):
        abort(400)
    if row["id"] == current_user.id:
        flash(_("You cannot disable your own account."), "error")
        return redirect(url_for("admin.accounts"))
    users.set_active(get_db(), row["id"], active == "1")
    if active == "0":
        flash(_("%(name)s can no longer log in.", name=row["name"]), "success")
    else:
        flash(_("%(name)s can log in again.", name=row["name"]), "success")
    return redirect(url_for("admin.accounts"))


@bp.route("/accounts/<user_id>/reset", methods=["POST"])
@role_required("admin")
def reset_account(user_id: str):
    """Give an account a one-time password, shown once on the page that answers."""
    row = _account(user_id)
    db = get_db()
    password = passwords.reset(db, row["id"])
    limits.record_success(db, row["username"])  # its login lock, if any, is lifted
    flash(
        _("New password for %(name)s: give it now, it will not be shown again.", name=row["name"]),
        "success",
    )
    return _page(shown={"username": row["username"], "password": password})


@bp.route("/accounts/model-budget", methods=["POST"])
@role_required("admin")
def set_model_budget():
    """The daily budget of language-model replies per user (empty: no budget)."""
    text = request.form.get("budget", "").strip()
    value = parse_int(text, 1, 100_000) if text else None
    if text and value is None:
        flash(_("Enter a whole number from 1 to 100000, or leave the field empty."), "error")
        return _page(status=422)
    settings.set_many(
        get_db(), {limits.BUDGET_KEY: None if value is None else str(value)}, current_user.id
    )
    flash(_("Daily budget of model replies saved."), "success")
    return redirect(url_for("admin.accounts"))

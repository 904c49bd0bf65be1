"""Accounts in the browser: log in and out (rate-limited), the user's settings, role checks."""

from __future__ import annotations

from functools import wraps

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from flask_wtf import FlaskForm
from wtforms import PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from storage import limits as login_limits
from storage import users
from storage.passwords import end_sessions
from web.shared.database import get_db
from web.shared.i18n import LOCALES
from web.shared.rate_limits import address_may_try_login
from web.shared.redirects import same_site_path

bp = Blueprint("auth", __name__)
login_manager = LoginManager()


class User(UserMixin):
    """The logged-in account."""

    def __init__(self, row: dict):
        self.row = row
        self.id = row["id"]
        self.username = row["username"]
        self.name = row["name"]
        self.role = row["role"]
        self.locale = row["locale"] or ""
        self.must_change_password = bool(row.get("must_change_password"))

    @property
    def is_active(self) -> bool:
        return bool(self.row["active"])

    def can(self, *roles: str) -> bool:
        """Whether this user has one of these roles (an admin has them all)."""
        return self.role in roles or self.role == "admin"


@login_manager.user_loader
def _load(user_id: str):
    row = users.get_user(get_db(), int(user_id)) if user_id.isdecimal() else None
    # A session opened before the last logout or password change holds an older stamp: refused.
    if row is None or session.get("stamp", "") != (row.get("session_stamp") or ""):
        return None
    return User(row)


@login_manager.request_loader
def _load_from_token(req):
    header = req.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        row = users.user_for_token(get_db(), header[7:].strip())
        g.by_token = row is not None
        g.bad_token = row is None  # revoked (logout, new password, role...), or never issued
        return User(row) if row else None
    return None


def role_required(*roles: str):
    """Refuse (403) users without one of these roles; send anonymous users to log in."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.can(*roles):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


class LoginForm(FlaskForm):
    username = StringField(_l("User name"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class SettingsForm(FlaskForm):
    locale = SelectField(
        _l("Language"), choices=[SelectChoice("en", "English"), SelectChoice("fr", "Français")]
    )


def _safe_next(target: str | None) -> str:
    return same_site_path(target) or url_for("calls.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """The login page: limited per address and, with a growing delay, per account name."""
    form = LoginForm()
    if form.validate_on_submit():
        db = get_db()
        name = form.username.data
        if not address_may_try_login():
            abort(429)
        wait = login_limits.locked_for(db, name)
        if wait:
            return _locked(wait)
        row = users.check_login(db, name, form.password.data)
        if row:
            login_limits.record_success(db, name)
            users.record_login(db, row["id"])
            session["stamp"] = row.get("session_stamp") or ""
            login_user(User(row))
            return redirect(_safe_next(request.args.get("next")))
        wait = login_limits.record_failure(db, name)
        if wait:
            return _locked(wait)
        flash(_("Wrong user name or password."), "error")
    return render_template("auth/login.html", form=form)


def _locked(seconds: float):
    """The login page, refusing for now: too many wrong passwords for this account name."""
    minutes = max(1, round(seconds / 60))
    flash(
        _(
            "Too many wrong passwords for this account. Wait %(n)d minute(s) and try again, "
            "or ask your trainer or an administrator for a new password.",
            n=minutes,
        ),
        "error",
    )
    return (
        render_template("auth/login.html", form=LoginForm()),
        429,
        {"Retry-After": str(int(seconds) + 1)},
    )


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out (a POST, so that a link cannot log anyone out); a copied session cookie dies too."""
    end_sessions(get_db(), current_user.id)
    logout_user()
    session.pop("stamp", None)
    return redirect(url_for("auth.login"))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """Language and API token."""
    db = get_db()
    form = SettingsForm(locale=current_user.locale or "en")
    token = None
    if form.validate_on_submit():
        if request.form.get("action") == "token":
            token = users.new_api_token(db, current_user.id)
            flash(_("New API token created. Copy it now: it will not be shown again."), "success")
        else:
            users.set_locale(db, current_user.id, form.locale.data)
            flash(_("Settings saved."), "success")
            return redirect(url_for("auth.settings"))
    return render_template("auth/settings.html", form=form, token=token)


@bp.route("/language/<locale>", methods=["POST"])
def language(locale: str):
    """Switch language (remembered on the account when logged in)."""
    if locale not in LOCALES:
        abort(404)
    session["locale"] = locale
    if current_user.is_authenticated:
        users.set_locale(get_db(), current_user.id, locale)
    return redirect(_safe_next(request.form.get("next")))


def init_app(app: Flask) -> None:
    """Install Flask-Login; an account given its password by someone else must change it first."""
    login_manager.init_app(app)
    app.before_request(_forced_change)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to continue.")


FREE_WHILE_FORCED = {"auth.change_password", "auth.logout", "auth.language", "static"}


def _forced_change():
    user = current_user._get_current_object()  # resolved once
    if (
        user.is_authenticated
        and user.must_change_password
        and not g.get("by_token")
        and request.endpoint not in FREE_WHILE_FORCED
    ):
        if request.path.startswith("/api/"):
            abort(403)
        return redirect(url_for("auth.change_password"))
    return None

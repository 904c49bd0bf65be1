"""The admin's pages: the language-model endpoint (settings and a check) and what the model cost."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from simulator.llm import LLMClient
from storage import settings
from storage.usage import llm_usage, since_days
from web.admin import bp
from web.auth import role_required
from web.shared import llm_settings
from web.shared.database import get_db

RECENT_DAYS = 30


def _page(
    form: dict | None = None,
    errors: dict | None = None,
    check: dict | None = None,
    status: int = 200,
):
    db = get_db()
    try:
        configured = llm_settings.config_from(db) is not None
    except ValueError:  # the environment's timeout or retries are not numbers
        configured = False
    return render_template(
        "admin/index.html",
        form=form if form is not None else llm_settings.stored(db),
        errors=errors or {},
        origins=llm_settings.origins(db),
        defaults=llm_settings.DEFAULTS,
        configured=configured,
        changed=settings.changed_at(db, llm_settings.PREFIX),
        check=check,
        overall=llm_usage(db),
        recent=llm_usage(db, since_days(RECENT_DAYS)),
        recent_days=RECENT_DAYS,
    ), status


@bp.route("/")
@role_required("admin")
def index():
    """The language-model settings, the endpoint check and the usage totals."""
    return _page(check=_after_save(session.pop("llm_check", None)))


def _after_save(check: dict | None) -> dict | None:
    """The check made when the settings were saved, as the page shows it (booleans back)."""
    if check is None:
        return None
    flags = {k: check.get(k) == "True" for k in ("ok", "reachable", "json_schema")}
    seconds = check.get("seconds")
    return {**check, **flags, "seconds": float(seconds) if seconds else None}


@bp.route("/llm", methods=["POST"])
@role_required("admin")
def save_llm():
    """Save the language-model settings; nothing is saved when any field is wrong."""
    typed = {k: request.form.get(k, "") for k in ("base_url", "model", "timeout", "retries")}
    try:
        values = llm_settings.check_form(request.form)
    except llm_settings.SettingsInvalid as exc:
        errors = dict(exc.errors)
        if request.form.get("api_key", "").strip() and "api_key" not in errors:
            errors["api_key"] = _(
                "The key you typed was not saved: type it again once the other fields are right."
            )
        flash(_("Nothing was saved: correct the fields marked below."), "error")
        return _page(form=typed, errors=errors, status=422)
    if llm_settings.save(get_db(), values, current_user.id):
        flash(
            _(
                "The base URL changed, so the stored key was removed: it is never sent to a new "
                "address. Type it again if this endpoint needs it."
            ),
            "info",
        )
    current_app.logger.info(
        "language-model settings changed by user %s (fields: %s)",
        current_user.id,
        ", ".join(sorted(values)),
    )
    flash(_("Language-model settings saved. Every new turn uses them."), "success")
    # Checked at once: the page then says what the endpoint did, not only what was typed.
    session["llm_check"] = {
        k: str(v) if v is not None else None for k, v in _check_endpoint().items()
    }
    return redirect(url_for("admin.index"))


@bp.route("/llm/check", methods=["POST"])
@role_required("admin")
def check_llm():
    """Ask the endpoint, as saved, whether it answers and honours JSON-schema output."""
    return _page(check=_check_endpoint())


def _check_endpoint() -> dict:
    """The endpoint check as the page shows it (ok, what answered, or why not)."""
    try:
        config = llm_settings.config_from(get_db())
    except ValueError:
        return {
            "ok": False,
            "message": _(
                "The timeout or retries set in the environment are not numbers: correct "
                "them or set them on this page."
            ),
        }
    if config is None:
        return {
            "ok": False,
            "message": _("No endpoint is configured: save a base URL and a model name first."),
        }
    try:
        result = LLMClient(config).check()
    except Exception as exc:  # noqa: BLE001 - a check must end in a message, never a 500
        # The exception's type only: its text could carry what the client was given.
        current_app.logger.warning("endpoint check failed: %s", type(exc).__name__)
        result = {"reachable": False}
    if not result["reachable"]:
        # One answer for a closed port, a timeout, an HTTP error or a crash: the check must not
        # tell an admin's browser which internal addresses have something listening.
        return {"ok": False, "message": _("Not a reachable model endpoint.")}
    return {
        "ok": result["json_schema"],
        "reachable": result["reachable"],
        "json_schema": result["json_schema"],
        "reason": result.get("reason"),
        "detail": result.get("detail", ""),
        "seconds": result.get("seconds"),
        "base_url": config.base_url,
        "model": config.model,
    }

"""Errors shown as pages (or JSON under /api/), in the user's language, never a traceback."""

from __future__ import annotations

import sqlite3

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: lambda: _("The request was not understood."),
    403: lambda: _("You do not have access to this page."),
    404: lambda: _("This page does not exist."),
    405: lambda: _("This action is not allowed here."),
    413: lambda: _("What you sent is too large."),
    429: lambda: _("Too many attempts. Please wait a minute and try again."),
}


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError):
        message = _(
            "Your session expired or the form was sent twice. Please reload the page and try again."
        )
        if _wants_json():
            return jsonify(error="csrf", message=message), 400
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(sqlite3.OperationalError)
    def _busy(error: sqlite3.OperationalError):
        if "locked" not in str(error) and "busy" not in str(error):
            raise error  # a real fault: the usual 500
        current_app.logger.warning(
            "database busy on %s %s: %s", request.method, request.path, error, exc_info=error
        )
        message = _("The server is busy. Nothing was changed; please try again in a moment.")
        if _wants_json():
            return jsonify(error="busy", message=message), 503, {"Retry-After": "1"}
        return render_template("error.html", code=503, message=message), 503, {"Retry-After": "1"}

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        code = error.code or 500
        message = MESSAGES.get(code, lambda: error.description)()
        if _wants_json():
            return jsonify(error=error.name.lower().replace(" ", "_"), message=message), code
        return render_template("error.html", code=code, message=message), code

"""Languages: the user's setting, else the browser's preference; French and English."""

from __future__ import annotations

from flask import Flask, request, session
from flask_babel import Babel
from flask_login import current_user

LOCALES = ("en", "fr")


def select_locale() -> str:
    """The language of this request."""
    if (
        current_user
        and getattr(current_user, "is_authenticated", False)
        and current_user.locale in LOCALES
    ):
        return current_user.locale
    if session.get("locale") in LOCALES:
        return session["locale"]
    return request.accept_languages.best_match(LOCALES) or "en"


def init_app(app: Flask) -> None:
    """Install Flask-Babel with this selector; expose the locale to templates."""
    Babel(app, locale_selector=select_locale)

    @app.context_processor
    def _locale() -> dict:
        return {"current_locale": select_locale(), "locales": LOCALES}

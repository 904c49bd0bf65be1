"""The JSON API (/api/v1): the blueprint, exempt from the form CSRF check (endpoints.py checks it
for cookie-authenticated writes). Its routes are in endpoints.py; this file never imports them."""

from __future__ import annotations

from flask import Blueprint

from web.shared.security import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)

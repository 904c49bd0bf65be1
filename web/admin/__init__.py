"""The admin's pages (/admin): the blueprint only. Its routes are in admin_page.py, which the app
factory imports; this file never imports it."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

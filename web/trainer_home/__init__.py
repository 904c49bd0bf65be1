"""The trainer's home: what needs a trainer today (home_page.py holds the route).

Defines the blueprint only; the app factory imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("trainer_home", __name__, url_prefix="/trainer")

"""In-app notices: the header's count and the list (notice_list.py holds the routes).

Defines the blueprint only; the app factory imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("notices", __name__, url_prefix="/notices")

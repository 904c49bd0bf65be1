"""Scenario authoring for trainers and admins (/authoring): the blueprint only.

Its routes are in library_page.py (the library, the editor, statuses, and the trainers-only
guard), bundles.py (import and export), model_drafts.py, phrases.py and playtest.py; the app
factory imports them. This file never imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("authoring", __name__, url_prefix="/authoring")

"""Shift mode in the browser: start a shift, the queue, take and triage contacts, the report.

Defines the blueprint only; its routes are in shift_pages.py (trainee) and plan_pages.py
(trainers). The app factory imports them; this file never imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("shifts", __name__, url_prefix="/shifts")

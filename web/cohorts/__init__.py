"""Trainers' cohorts (/cohorts): the blueprint only.

Its routes are in cohort_pages.py (the list, reports, CSV exports), members.py (members and
assignments) and review.py (transcript review); the app factory imports them. This file never
imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("cohorts", __name__, url_prefix="/cohorts")

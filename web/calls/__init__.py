"""The trainee's calls: dashboard, the call screen, debrief, history, knowledge-base articles.

Defines the blueprint only; its routes are in call_screen.py (and streaming.py has its own
"say_stream" blueprint). The app factory imports them; this file never imports its children.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("calls", __name__)

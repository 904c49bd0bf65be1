"""Names shown for the fixed vocabularies (teams, categories, personas, skills), translated."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

TEAMS = {
    "field_technician": _l("Field technicians"),
    "remote_support_engineer": _l("Remote support engineers"),
    "database_admin": _l("Database administrators"),
    "network": _l("Network team"),
    "security": _l("Security team"),
    "servers": _l("Server team"),
}
CATEGORIES = {
    "hardware": _l("Hardware"), "network": _l("Network"), "accounts": _l("Accounts"), "email": _l("Email"),
    "software": _l("Software"), "printing": _l("Printing"), "storage": _l("Storage"), "security": _l("Security"),
}
PERSONAS = {
    "calm": _l("Calm"), "angry": _l("Angry"), "vague": _l("Vague"), "novice": _l("Novice"),
    "hurried": _l("Hurried"), "pushy": _l("Pushy"),
}
SKILLS = {
    "diagnosis": _l("Diagnosis"), "resolution": _l("Resolution"), "escalation": _l("Escalation"),
    "tone": _l("Tone"),
}
PRIORITIES = {"low": _l("Low"), "medium": _l("Medium"), "high": _l("High"), "critical": _l("Critical")}
DIRECTORY_OPS = {"lookup": _l("Look up"), "unlock": _l("Unlock"), "reset_password": _l("Reset password"),
                 "reset_mfa": _l("Reset MFA")}


def init_app(app: Flask) -> None:
    """Make the labels available to every template."""

    @app.context_processor
    def _labels() -> dict:
        return {"TEAM_LABELS": TEAMS, "CATEGORY_LABELS": CATEGORIES, "PERSONA_LABELS": PERSONAS,
                "SKILL_LABELS": SKILLS, "PRIORITY_LABELS": PRIORITIES, "OP_LABELS": DIRECTORY_OPS}

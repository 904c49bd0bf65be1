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

LLM_REASONS = {  # why a turn fell back to scripted phrasing (llm_fallback) or a check failed
    "timeout": _l("No answer in time"),
    "connection": _l("Server unreachable"),
    "rate_limited": _l("Too many requests (429)"),
    "http_error": _l("Server error"),
    "client_error": _l("Client error"),
    "invalid_json": _l("Answer not in JSON"),
    "schema": _l("JSON not in the expected shape"),
    "empty": _l("Empty reply"),
    "too_long": _l("Reply too long"),
    "wrong_language": _l("Reply in the wrong language"),
    "out_of_role": _l("Caller stepped out of role"),
    "leak": _l("Reply revealed a hidden fact"),
    "new_facts_after_model": _l("Facts revealed after the model answered"),
    "no_endpoint": _l("No endpoint configured"),
}


def init_app(app: Flask) -> None:
    """Make the labels available to every template."""

    @app.context_processor
    def _labels() -> dict:
        return {"TEAM_LABELS": TEAMS, "CATEGORY_LABELS": CATEGORIES, "PERSONA_LABELS": PERSONAS,
                "SKILL_LABELS": SKILLS, "PRIORITY_LABELS": PRIORITIES, "OP_LABELS": DIRECTORY_OPS,
                "LLM_REASON_LABELS": LLM_REASONS}

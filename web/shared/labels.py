"""Names shown for the fixed vocabularies (teams, categories, personas, skills) and for the grading
rules in trainers' reports, translated."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from simulator.vocabulary import CATEGORY_LABELS, TEAM_LABELS

TEAMS = {team: _l(label) for team, label in TEAM_LABELS.items()}  # defined once, in simulator
CATEGORIES = {category: _l(label) for category, label in CATEGORY_LABELS.items()}
PERSONAS = {
    "calm": _l("Calm"),
    "angry": _l("Angry"),
    "vague": _l("Vague"),
    "novice": _l("Novice"),
    "hurried": _l("Hurried"),
    "pushy": _l("Pushy"),
}
SKILLS = {
    "diagnosis": _l("Diagnosis"),
    "resolution": _l("Resolution"),
    "escalation": _l("Escalation"),
    "tone": _l("Tone"),
    "written": _l("Written"),  # e-mail contacts only: grading/email_written.py
}
PRIORITIES = {
    "low": _l("Low"),
    "medium": _l("Medium"),
    "high": _l("High"),
    "critical": _l("Critical"),
}
DIRECTORY_OPS = {
    "lookup": _l("Look up"),
    "unlock": _l("Unlock"),
    "reset_password": _l("Reset password"),
    "reset_mfa": _l("Reset MFA"),
}

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
        return {
            "TEAM_LABELS": TEAMS,
            "CATEGORY_LABELS": CATEGORIES,
            "PERSONA_LABELS": PERSONAS,
            "SKILL_LABELS": SKILLS,
            "PRIORITY_LABELS": PRIORITIES,
            "OP_LABELS": DIRECTORY_OPS,
            "LLM_REASON_LABELS": LLM_REASONS,
        }


RULES = {
    "coverage": _l("Essential checks before the fix"),
    "order": _l("Simplest causes first"),
    "order_rule": _l("Order of checks"),
    "drastic": _l("Nothing drastic first"),
    "repetition": _l("Repeated questions"),
    "scoping": _l("Scope asked early"),
    "fixed": _l("Fault fixed"),
    "verified": _l("Fix verified with the caller"),
    "hung_up": _l("Caller hung up"),
    "handed_over": _l("Handed over to the right team"),
    "follow_up": _l("Ticket number and follow-up given"),
    "ticket_category": _l("Ticket category"),
    "ticket_note": _l("Root cause and resolution documented"),
    "escalated": _l("Escalation needed but not made"),
    "unnecessary": _l("Unnecessary escalation"),
    "kept_level1": _l("Kept at level 1"),
    "team": _l("Escalated to the right team"),
    "timing": _l("Escalation timing"),
    "note": _l("Hand-over note complete"),
    "greeting": _l("Greeting"),
    "introduction": _l("Service and name given"),
    "caller_name": _l("Caller's name asked"),
    "register": _l("Formal address (vous)"),
    "politeness": _l("Politeness"),
    "empathy": _l("Empathy with a frustrated caller"),
    "respect": _l("Respect"),
    "blame": _l("Blaming the caller"),
    "calm_down": _l("Telling the caller to calm down"),
    "shouting": _l("Shouting"),
    "profanity": _l("Profanity"),
    "jargon": _l("Jargon with a non-technical caller"),
    "explaining": _l("Remote control and holds explained"),
    "cause_explained": _l("Cause explained to the caller"),
    "closing": _l("Closing"),
    "closing_summarize": _l("Closing: summary"),
    "closing_give_ticket_number": _l("Closing: ticket number"),
    "closing_offer_further_help": _l("Closing: anything else?"),
    "closing_goodbye": _l("Closing: goodbye"),
    "model_judgement": _l("Tone judged by the language model"),
    "credentials_to_other": _l("Account of someone else changed"),
    "change_before_identity": _l("Account changed before identity verified"),
    "asked_password": _l("Asked for a password"),
    "security_not_escalated": _l("Security incident not sent to security"),
    "no_diagnosis": _l("No diagnosis"),
    "no_essential_check": _l("No essential check before the fix"),
    "drastic_first_cap": _l("Drastic step before the checks"),
    "failed_skill": _l("A failed skill caps the call"),
    "jargon_lost": _l("The caller did not follow"),
    "jargon_unanswered": _l("Caller's question left unanswered"),
    "lost_caller_cap": _l("A caller who did not follow caps the tone"),
    "urgent_late_cap": _l("Urgent incident handed over late"),
    "mail_address": _l("User addressed by name"),
    "mail_introduction": _l("Who is writing (service and name)"),
    "paragraphs": _l("One question per paragraph"),
    "not_charged": _l("Not charged: understood with low confidence"),
    "kept_unfixed": _l("Neither fixed nor handed over"),
    "silent": _l("Nothing said to the caller"),
    "curt": _l("Curt lines"),
    "ticket_number_wrong": _l("Wrong ticket number given"),
}


def rule_label(rule: str) -> str:
    """The rule's readable name (its id, spaced out, for a rule added since)."""
    return str(RULES[rule]) if rule in RULES else rule.replace("_", " ").capitalize()

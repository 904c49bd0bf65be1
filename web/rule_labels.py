"""Names of the grading rules as trainers read them in reports, translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

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
}


def rule_label(rule: str) -> str:
    """The rule's readable name (its id, spaced out, for a rule added since)."""
    return str(RULES[rule]) if rule in RULES else rule.replace("_", " ").capitalize()

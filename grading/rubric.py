"""Weights of the four skills and of the rules inside each, and the critical-error cap.

Skill weights can be overridden per scenario or per cohort by passing `weights` to `grade`.
"""

from __future__ import annotations

GRADER_VERSION = 5  # 3: serious mistakes weigh on the overall; 4: a failed skill caps the call;
# 5: a caller who did not follow caps the tone, a late urgent hand-over caps the escalation
SKILL_WEIGHTS = {"diagnosis": 30, "resolution": 30, "escalation": 15, "tone": 25}
CRITICAL_CAP = 20  # a critical error fails the call: overall at most this

DIAGNOSIS_RULES = {"coverage": 35, "order": 20, "drastic": 25, "repetition": 10, "scoping": 10}
RESOLUTION_RULES = {"fixed": 50, "verified": 20, "documented": 30}
HANDOVER_RULES = {"handed_over": 50, "follow_up": 20, "documented": 30}
ESCALATION_RULES = {"team": 40, "timing": 20, "note": 40}
TONE_RULES = {
    "opening": 15,
    "politeness": 10,
    "empathy": 15,
    "respect": 20,
    "jargon": 10,
    "explaining": 10,
    "closing": 20,
}
# an e-mail contact's tone (grading/mail_tone.py): no phone opening, holds or goodbye; one
# question per paragraph; the greeting line, sign-off and ticket number are the written skill's
EMAIL_TONE_RULES = {
    "opening": 15,
    "politeness": 10,
    "empathy": 15,
    "respect": 20,
    "jargon": 10,
    "explaining": 10,
    "paragraphs": 10,
    "closing": 20,
}

EMPATHY_WINDOW = 2  # trainee turns after a frustrated line to acknowledge it
SCOPING_EARLY_TURNS = 4  # the scope question should come within the first turns of speech
LATE_ESCALATION_TURNS = 10  # say-turns after the expected checks beyond which an escalation is late
ACKNOWLEDGING = ("empathize", "apologize", "reassure")
JUDGE_WEIGHT = 0.2  # cap on the share of an optional model judgement in the tone score


def skill_weights(overrides: dict[str, int] | None = None) -> dict[str, int]:
    """The skill weights, with any override applied (unknown skills are refused)."""
    weights = dict(SKILL_WEIGHTS)
    for skill, value in (overrides or {}).items():
        if skill not in weights:
            raise ValueError(f"unknown skill '{skill}' (skills: {', '.join(weights)})")
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"weight of {skill} must be a whole number ≥ 0")
        weights[skill] = value
    if sum(weights.values()) == 0:
        raise ValueError("at least one skill needs a weight above 0")
    return weights


NO_CHECK_CAP = 25  # diagnosis ceiling when no essential check came before the fix or hand-over
REPETITION_MIN_QUESTIONS = 3  # fewer questions than this: nothing to judge about repeating
LOW_CONFIDENCE = 0.0  # a match scored below this is the simulator's guess, not the trainee's words
CURT_COST = 3  # respect points per curt reply (doubled with a novice or angry caller)
CURT_SENSITIVE = ("novice", "angry")
JARGON_COST = 5  # jargon points per unexplained term (per distinct term and turn)
POLITE_FLOOR = -0.2  # mean politeness of the trainee's lines worth no courtesy points
POLITE_TARGET = 0.15  # mean politeness worth all of them
WRONG_NUMBER_COST = 10  # resolution points off for telling the caller a wrong ticket number
SERIOUS_COST = 10  # overall points off per skill with a serious mistake (grading/serious.py)
SKILL_PASS = 50  # a skill below this (with something to judge) is a serious shortfall
SKILL_FAIL = 40  # a skill below this (with something to judge) has failed (grading/weakest.py)
FAILED_SKILL_CAP = 60  # overall ceiling of a call with a failed skill: "one real mistake" band
DRASTIC_FIRST_CAP = 35  # diagnosis ceiling after a drastic or harmful step before the checks
LOST_CALLER_MOMENTS = 3  # unfollowed terms, lines or unanswered questions that cap the tone
LOST_CALLER_CAP = 55  # tone ceiling when a sensitive caller did not follow the call
WASTED_STEPS_LATE = 6  # wasted steps after the hand-over checks that make it late (urgent: half)
URGENT_LATE_CAP = 35  # escalation ceiling when an urgent incident was handed over late

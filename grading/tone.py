"""Tone: opening, courtesy (vouvoiement in French), empathy, respect, plain words, explaining what
one does, and closing the call properly."""

from __future__ import annotations

import re

from grading import mail_tone, plain_words
from grading.checks import explains_cause
from grading.folded import fold, padded
from grading.framing import closing, opening
from grading.messages import CRITERION_NAMES, JUDGE_FAILURES, UNUSABLE_ANSWER, finding
from grading.model import Finding, allot
from grading.politeness import curt, politeness, strategies
from grading.rubric import (
    ACKNOWLEDGING,
    CURT_COST,
    CURT_SENSITIVE,
    EMAIL_TONE_RULES,
    EMPATHY_WINDOW,
    JUDGE_WEIGHT,
    POLITE_FLOOR,
    POLITE_TARGET,
    TONE_RULES,
)
from grading.timeline import Timeline
from simulator import tone_signals as words
from simulator.scenario import Scenario

SKILL = "tone"


def grade(scenario: Scenario, t: Timeline) -> list[Finding]:
    """The tone findings of a call; a rule with nothing to judge counts for nothing (max 0)."""
    mail = t.channel == "email"
    weights = dict(EMAIL_TONE_RULES if mail else TONE_RULES)
    if not t.frustrated_turns:
        weights["empathy"] = 0
    if not t.remote_connects and not any(h["kind"] == "hold" for h in t.holds):
        weights["explaining"] = 0
    if not plain_words.sensitive(scenario, t):
        weights["jargon"] = 0
    pts = {**dict.fromkeys(weights, 0), **allot(weights)}
    screen = _on_screen(scenario, t.locale)
    known = _known_folded(screen, t)
    signals = {
        turn: words.signals(
            text,
            t.locale,
            f"{screen} {t.caller_words_before(turn)}",
            extended=True,
            folded=padded(text),
            known_folded=known(turn),
        )
        for turn, text in t.said.items()
    }
    if not signals:
        return [finding(SKILL, "silent", 0, 100, t.end_turn, t.words, "silent")]
    lost = plain_words.moments(scenario, t, signals)
    findings = [
        *(mail_tone.opening(t, pts["opening"]) if mail else opening(t, pts["opening"])),
        _politeness(t, signals, pts["politeness"]),
        _empathy(t, pts["empathy"]),
        *_respect(t, signals, pts["respect"]),
        *plain_words.grade(t, lost, pts["jargon"]),
        *([_explaining(t, pts["explaining"])] if pts["explaining"] or not mail else []),
        *([mail_tone.paragraphs(t, pts["paragraphs"])] if mail else []),
        *_cause_explained(scenario, t, signals),
        *(mail_tone.closing(t, pts["closing"]) if mail else closing(t, pts["closing"])),
    ]
    findings += plain_words.cap(t, lost, sum(f.points for f in findings))
    judged = _judgement(t, sum(f.points for f in findings))
    return [*findings, judged] if judged else findings


def _judgement(t: Timeline, rules: int) -> Finding | None:
    """Blend an optional model judgement (a `tone_judged` event) at a capped weight, shown beside.

    A judgement the model could not give (`tone_judge_failed`) is said too, for 0 points.
    """
    judgement = t.tone_judgement
    if not judgement:
        if t.tone_judge_failure is None:
            return None
        reason = t.words(JUDGE_FAILURES.get(t.tone_judge_failure, UNUSABLE_ANSWER))
        return finding(
            SKILL,
            "model_judgement",
            0,
            0,
            t.end_turn,
            t.words,
            "model_judgement_unavailable",
            reason=reason,
        )
    if judgement.get("score") is None:
        return finding(
            SKILL, "model_judgement", 0, 0, t.end_turn, t.words, "model_judgement_all_void"
        )
    criteria = judgement["criteria"]
    label = {
        name: t.words(CRITERION_NAMES[name]) if name in CRITERION_NAMES else name
        for name in criteria
    }
    shown = ", ".join(f"{label[name]} {c['score']}" for name, c in criteria.items() if c["valid"])
    void = ", ".join(label[name] for name, c in criteria.items() if not c["valid"])
    delta = round(JUDGE_WEIGHT * (judgement["score"] - rules))
    return finding(
        SKILL,
        "model_judgement",
        delta,
        0,
        t.end_turn,
        t.words,
        "model_judgement_void" if void else "model_judgement",
        score=judgement["score"],
        criteria=shown,
        void=void,
        weight=round(100 * JUDGE_WEIGHT),
        delta=f"{delta:+d}",
    )


def _politeness(t: Timeline, signals, weight: int) -> Finding:
    """Courtesy as people hear it: the mean politeness of the trainee's lines."""
    tu = next((turn for turn, s in sorted(signals.items()) if s.familiar_tu), None)
    if tu is not None:
        return finding(
            SKILL, "register", 0, weight, tu, t.words, "familiar_tu", quote=t.said[tu][:80]
        )
    scores = {turn: politeness(t.said[turn], t.locale) for turn in signals}
    mean = sum(scores.values()) / len(scores)
    share = max(0.0, min(1.0, (mean - POLITE_FLOOR) / (POLITE_TARGET - POLITE_FLOOR)))
    points = round(weight * share)
    coldest = min(scores, key=lambda turn: scores[turn])
    if points == weight:
        return finding(
            SKILL, "politeness", points, weight, max(scores, key=scores.get), t.words, "polite_ok"
        )
    return finding(SKILL, "politeness", points, weight, coldest, t.words, "polite_missing")


def _empathy(t: Timeline, weight: int) -> Finding:
    frustrated = sorted(set(t.frustrated_turns))
    if not frustrated:
        return finding(SKILL, "empathy", weight, weight, 1, t.words, "empathy_not_needed")
    turns = t.say_turns()
    missed = []
    for f in frustrated:
        window = [tn for tn in turns if tn > f][:EMPATHY_WINDOW]
        if not any(_acknowledges(t, tn) for tn in window):
            missed.append(f)
    points = round(weight * (len(frustrated) - len(missed)) / len(frustrated))
    if not missed:
        return finding(SKILL, "empathy", points, weight, frustrated[0] + 1, t.words, "empathy_ok")
    return finding(
        SKILL,
        "empathy",
        points,
        weight,
        missed[0] + 1 if missed[0] < t.end_turn else missed[0],
        t.words,
        "empathy_missed",
        count=len(missed),
        total=len(frustrated),
    )


def _acknowledges(t: Timeline, turn: int) -> bool:
    """Whether a line acknowledges the caller's feeling: the intent, or its words (an apology, "I
    understand", "don't worry") when the matcher heard something else in it."""
    if set(ACKNOWLEDGING) & set(t.intents.get(turn, [])):
        return True
    return bool({"apology", "reassure"} & set(strategies(t.said.get(turn, ""), t.locale)))


def _respect(t: Timeline, signals, weight: int) -> list[Finding]:
    out, lost = [], 0
    for turn, s in sorted(signals.items()):
        quote = t.said[turn][:80]
        for key, hit, cost in (
            ("blame", s.blame, 10),
            ("calm_down", s.calm_down, 10),
            ("shouting", s.shouting, 8),
            ("profanity", s.profanity, 20),
        ):
            if hit:
                lost += cost
                out.append(finding(SKILL, key, 0, 0, turn, t.words, key, quote=quote))
    curt_turns = [turn for turn in sorted(signals) if curt(t.said[turn], t.locale)]
    if curt_turns:
        cost = CURT_COST * (2 if t.persona in CURT_SENSITIVE else 1)
        lost += cost * len(curt_turns)
        out.append(
            finding(
                SKILL,
                "curt",
                0,
                0,
                curt_turns[0],
                t.words,
                "curt",
                count=len(curt_turns),
                quote=t.said[curt_turns[0]][:80],
            )
        )
    points = max(0, weight - lost)
    out.insert(
        0,
        finding(
            SKILL,
            "respect",
            points,
            weight,
            out[0].turn if out else 1,
            t.words,
            "respect_ok" if not out else "respect_lost",
        ),
    )
    return out


def _explaining(t: Timeline, weight: int) -> Finding:
    cases = [(d.turn, bool(d.data.get("explained"))) for d in t.remote_connects]
    cases += [(h["turn"], bool(h.get("announced"))) for h in t.holds if h["kind"] == "hold"]
    if not cases:
        return finding(SKILL, "explaining", weight, weight, 1, t.words, "explaining_none")
    missed = [turn for turn, ok in cases if not ok]
    points = round(weight * (len(cases) - len(missed)) / len(cases))
    if not missed:
        return finding(SKILL, "explaining", points, weight, cases[0][0], t.words, "explaining_ok")
    return finding(SKILL, "explaining", points, weight, missed[0], t.words, "explaining_missed")


def _cause_explained(scenario: Scenario, t: Timeline, signals) -> list[Finding]:
    """Telling the caller in plain words what was wrong: noticed, never scored (no weight of its
    own)."""
    told = next((tn for i, tn, _ in t.intent_seq if i == "explain_cause"), None)
    after = t.resolved_turn or 0
    told = told or next(
        (tn for tn in t.say_turns() if tn >= after and explains_cause(t.said[tn], t.locale)), None
    )
    if told is None:
        fixed = t.ended_by != "caller" and t.is_fixed(scenario)
        return (
            [
                finding(
                    SKILL,
                    "cause_explained",
                    0,
                    0,
                    t.resolved_turn or t.end_turn,
                    t.words,
                    "cause_explained_missing",
                )
            ]
            if fixed
            else []
        )
    sensitive = plain_words.sensitive(scenario, t)
    terms = signals[told].jargon if told in signals and sensitive else []
    if terms:
        return [
            finding(
                SKILL,
                "cause_explained",
                0,
                0,
                told,
                t.words,
                "cause_explained_jargon",
                terms=", ".join(terms),
            )
        ]
    return [finding(SKILL, "cause_explained", 0, 0, told, t.words, "cause_explained_ok")]


def _known_folded(screen: str, t: Timeline):
    """padded(f"{screen} {t.caller_words_before(turn)}") as a function of the turn, each text
    folded once: folding is per character and turns any run of spaces and punctuation into one
    space, so the fold of texts joined by a space is their non-empty folds joined by a space."""
    heard = [(turn, fold(text)) for turn, text in t.heard]
    first = fold(screen)

    def before(turn: int) -> str:
        parts = [first, *(text for tn, text in heard if tn < turn)]
        return f" {' '.join(part for part in parts if part)} "

    return before


def _on_screen(scenario: Scenario, locale: str) -> str:
    """What the caller sees in this scenario: the quoted messages in their lines and openings."""
    texts = [o.text(locale) for o in scenario.opening]
    for item in [*scenario.probes, *scenario.actions]:
        texts += [a.text(locale) for a in item.answers]
    quoted = [q for text in texts for q in re.findall(r'"([^"]+)"|«([^»]+)»|“([^”]+)”', text)]
    return " ".join(part for group in quoted for part in group if part)

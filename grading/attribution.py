"""Who caused what: the trainee is charged only for what their own words or tools asked for.

The engine never applies a negated or claimed clause; a clause the matcher understood only with
low confidence (rubric.LOW_CONFIDENCE) is the simulator's guess, and a restatement of what the
caller said ("So the printer is on?") is not a question asked again.
"""

from __future__ import annotations

import re

from grading.folded import fold
from grading.rubric import LOW_CONFIDENCE
from grading.timeline import Timeline
from simulator.scenario import Scenario


def asked(scenario: Scenario, t: Timeline) -> list:
    """The checks the trainee made to find the cause (the final "does it work now?" excluded)."""
    verify = scenario.resolution.verify if scenario.resolution else None
    return [d for d in t.probes if d.id != verify]


def charged(scenario: Scenario, t: Timeline, d) -> bool:
    """Whether an applied action is the trainee's doing, not the simulator's low-confidence guess.

    Negated and claimed clauses are never applied; a clause the matcher understood only with low
    confidence (or read as a follow-up below its threshold) is the simulator's mishearing.
    """
    if d.data.get("via") != "say":
        return True
    action = scenario.action(d.id)
    turn = d.data.get("requested_turn", d.turn)  # a drastic step is done on the yes after it
    match = t.match_of(action.intent, turn) if action and action.intent else None
    return match is None or float(match.get("score", 1.0)) >= LOW_CONFIDENCE


_RESTATEMENT = re.compile(
    r"^(?:so|ok so|right so|just to confirm|to confirm|if i understand|you said|you mentioned|"
    r"you told me|as you said|donc|alors|si je comprends bien|pour confirmer|vous m avez dit|"
    r"vous disiez|comme vous disiez|vous me disiez|d accord donc)\b"
)


def asked_again(scenario: Scenario, t: Timeline, d) -> bool:
    """A repeated question the trainee really asked again: not a restatement of what the caller
    said ("So the printer is on?") nor a clause the matcher understood with low confidence."""
    probe = scenario.probe(d.id)
    match = t.match_of(probe.intent, d.turn) if probe and probe.intent else None
    if match is not None and float(match.get("score", 1.0)) < LOW_CONFIDENCE:
        return False
    clause = fold(match["clause"] if match else t.said.get(d.turn, ""))
    return not _RESTATEMENT.search(clause)

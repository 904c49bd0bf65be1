"""Plain words with a novice or non-technical caller: judged by whether the caller followed.

A team lead's rules (grader 5):
- an unexplained term from the jargon list costs `rubric.JARGON_COST`, unless the caller said it
  first or reads it on their screen;
- a term the caller asked back about ("what's 'DHCP'?") is jargon for them even when it is on
  their screen or in the scenario's words: the caller's reaction, not the word list, decides;
- a line the caller said they did not follow costs like a term when no term was found in it;
- the caller said they were lost and the trainee's next line went on without explaining: the
  caller's question was left unanswered, and that costs like a term too;
- three or more such moments (`rubric.LOST_CALLER_MOMENTS`): the caller did not follow the call,
  and however courteous it was, the tone is capped at `rubric.LOST_CALLER_CAP`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from grading.folded import padded
from grading.messages import finding
from grading.model import Finding
from grading.rubric import JARGON_COST, LOST_CALLER_CAP, LOST_CALLER_MOMENTS
from grading.timeline import Timeline
from simulator import tone_signals as words
from simulator.scenario import Scenario
from simulator.translation import lang

SKILL = "tone"
JARGON_SENSITIVE = ("novice", "vague")
# words that rephrase or explain, besides the jargon explainers ("that is", « c'est-à-dire »)
REPHRASE = {
    "en": ("means", "mean", "simply", "put simply", "in plain", "in short", "what i mean"),
    "fr": ("veut dire", "signifie", "en clair", "plus simplement", "en resume", "je veux dire"),
}


def sensitive(scenario: Scenario, t: Timeline) -> bool:
    """Whether plain words are judged: a novice or vague persona, or a non-technical caller."""
    return scenario.caller.tech_level == "low" or t.persona in JARGON_SENSITIVE


def as_said(term: str, line: str) -> str:
    """A jargon term as the trainee wrote it ("OSD", not the folded "osd"), else as found."""
    match = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", line, re.IGNORECASE)
    return match.group(0) if match else term


def asked_about(t: Timeline, turn: int) -> list[str]:
    """The terms of a line the caller said they did not follow, as the caller heard them (the
    short list, nothing excused): those the caller named back ("what's 'DHCP'?"), else the
    first."""
    heard = list(words.signals(t.said.get(turn, ""), t.locale).jargon)
    reply = padded(" ".join(text for tn, text in t.heard if tn == turn))
    named = [term for term in heard if f" {term} " in reply]
    return named or heard[:1]


def explains(text: str, locale: str) -> bool:
    """Whether a line explains or rephrases: an explained term, or words that do."""
    folded, locale = padded(text), lang(locale)
    markers = (*words.EXPLAINERS[locale], *REPHRASE[locale])
    return bool(words.signals(text, locale, extended=True).explained) or any(
        f" {m} " in folded for m in markers
    )


def unanswered(t: Timeline) -> list[int]:
    """Turns where the caller said they were lost and the trainee's next line explained nothing."""
    turns = t.say_turns()
    out = []
    for lost in sorted(set(t.lost_turns)):
        after = [tn for tn in turns if tn > lost]
        if not after or not explains(t.said[after[0]], t.locale):
            out.append(lost)
    return out


@dataclass(frozen=True)
class Lost:
    """The moments a sensitive caller could not follow: (turn, term) pairs, lines they said they
    did not follow with no term found, and turns where their question was left unanswered."""

    terms: tuple[tuple[int, str], ...] = ()
    lines: tuple[int, ...] = ()
    left: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        """How many moments, each costing JARGON_COST."""
        return len(self.terms) + len(self.lines) + len(self.left)


def moments(scenario: Scenario, t: Timeline, signals) -> Lost:
    """Every moment the caller could not follow (none when plain words are not judged)."""
    if not sensitive(scenario, t):
        return Lost()
    used = [(turn, term) for turn, s in sorted(signals.items()) for term in s.jargon]
    for turn in sorted(set(t.lost_turns)):
        heard = {padded(term) for tn, term in used if tn == turn}
        used += [(turn, term) for term in asked_about(t, turn) if padded(term) not in heard]
    used.sort()
    lines = sorted(set(t.lost_turns) - {turn for turn, _ in used})
    return Lost(tuple(used), tuple(lines), tuple(unanswered(t)))


def grade(t: Timeline, lost: Lost, weight: int) -> list[Finding]:
    """The plain-words findings: unexplained terms, lines the caller did not follow, questions
    left unanswered; the first one carries the rule's points."""
    if not lost.count:
        return [finding(SKILL, "jargon", weight, weight, 1, t.words, "jargon_ok")]
    points = max(0, weight - JARGON_COST * lost.count)
    parts: list[tuple[int, str, dict[str, object]]] = []
    if lost.terms:
        said = (as_said(term, t.said.get(turn, "")) for turn, term in lost.terms)
        parts.append((lost.terms[0][0], "jargon", {"terms": ", ".join(dict.fromkeys(said))}))
    if lost.lines:
        parts.append((lost.lines[0], "jargon_lost", {"count": len(lost.lines)}))
    if lost.left:
        asked = (as_said(x, t.said[tn]) for tn in lost.left for x in asked_about(t, tn))
        values = {"count": len(lost.left), "terms": ", ".join(dict.fromkeys(asked))}
        parts.append((lost.left[0], "jargon_unanswered", values))
    out = []
    for i, (turn, key, values) in enumerate(parts):
        rule, pts, top = ("jargon", points, weight) if i == 0 else (key, 0, 0)
        out.append(finding(SKILL, rule, pts, top, turn, t.words, key, **values))
    return out


def cap(t: Timeline, lost: Lost, total: int) -> list[Finding]:
    """A caller who did not follow the call (LOST_CALLER_MOMENTS moments or more): tone at most
    LOST_CALLER_CAP, said by a finding whose negative points bring it there."""
    if lost.count < LOST_CALLER_MOMENTS or total <= LOST_CALLER_CAP:
        return []
    first = min([turn for turn, _ in lost.terms] + [*lost.lines, *lost.left])
    return [
        finding(
            SKILL,
            "lost_caller_cap",
            LOST_CALLER_CAP - total,
            0,
            first,
            t.words,
            "lost_caller_cap",
            count=lost.count,
            cap=LOST_CALLER_CAP,
        )
    ]

"""A stored score's findings worded in the reader's language (a trainer reading a call made in
the other language), without changing a single point."""

from __future__ import annotations

from typing import Any

from web.shared.runtime import grade_call


def _as_if_in(events: list[dict[str, Any]], locale: str) -> list[dict[str, Any]]:
    """The same log with the call's language replaced (only for wording the findings)."""
    return [
        {**e, "data": {**e["data"], "locale": locale}} if e["kind"] == "call_started" else e
        for e in events
    ]


def findings_for_reader(
    scenario,
    events: list[dict[str, Any]],
    score: dict[str, Any] | None,
    call_locale: str,
    reader_locale: str,
) -> dict[str, Any] | None:
    """`score` with each finding's message and tip in the reader's language.

    The call is graded again with the reader's language only to take its words; a finding keeps
    its stored words whenever the two gradings do not match rule for rule and point for point.
    """
    if score is None or not score.get("findings") or call_locale == reader_locale:
        return score
    again = grade_call(scenario, _as_if_in(events, reader_locale))["findings"]
    if len(again) != len(score["findings"]):
        return score
    worded = []
    for stored, other in zip(score["findings"], again, strict=True):
        same = (stored["rule"], stored["points"], stored["turn"]) == (
            other["rule"],
            other["points"],
            other["turn"],
        )
        worded.append(
            {**stored, "message": other["message"], "tip": other["tip"]} if same else stored
        )
    return {**score, "findings": worded}

"""The replay record of a shift (`hotliner shift replay --json`): contacts, queue, report."""

from __future__ import annotations

from collections.abc import Mapping
from gettext import NullTranslations
from typing import Any

from grading import grade
from grading.shift_report import grade_shift
from simulator.catalog import Catalog
from simulator.scenario import Scenario
from simulator.shift_plan import Matrix
from simulator.shift_replay import contact_rows
from simulator.shift_state import Shift


def call_scores(
    shift: Shift,
    scenarios: Mapping[str, Scenario],
    catalog: Catalog,
    translations: Mapping[str, NullTranslations],
) -> dict[str, dict[str, Any]]:
    """The score of every contact's ended call, by contact ref."""
    return {
        c.ref: grade(scenarios[c.plan.scenario], c.call.events, catalog, translations).to_dict()
        for c in shift.contacts
        if c.call is not None and c.call.ended
    }


def shift_record(
    shift: Shift,
    scenarios: Mapping[str, Scenario],
    matrix: Matrix,
    catalog: Catalog,
    translations: Mapping[str, NullTranslations],
) -> dict[str, Any]:
    """Everything a replayed shift shows, JSON-ready and the same for the same seed."""
    scores = call_scores(shift, scenarios, catalog, translations)
    contacts = contact_rows(shift)
    for row in contacts:
        score = scores.get(row["ref"])
        row["score"] = score["overall"] if score else None
        row["critical"] = score["critical"] if score else None
    overall = {ref: s["overall"] for ref, s in scores.items()}
    return {
        "shift": shift.plan.id,
        "locale": shift.locale,
        "seed": shift.seed,
        "contacts": contacts,
        "queue": shift.queue,
        "report": grade_shift(
            shift.plan, matrix, shift.events, overall, translations, shift.locale
        ),
    }

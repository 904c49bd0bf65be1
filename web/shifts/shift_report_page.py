"""The shift report page: the shift's record (grading/shift_record.py) laid out for a person."""

from __future__ import annotations

from typing import Any

from flask import render_template
from flask_babel import gettext as _
from sqlite_utils import Database

from grading.shift_record import shift_record
from simulator.shift_plan import PRIORITY_IDS
from simulator.shift_state import Shift
from web.shared.live_shifts import call_ids, shift_library
from web.shared.runtime import get_library
from web.shifts.shift_view import clock, timeline_chart


def percent(value: float | None) -> str:
    """A share as a whole percentage; a dash for none."""
    return "—" if value is None else f"{round(value * 100)} %"


def render_report(db: Database, row: dict[str, Any], shift: Shift) -> str:
    """The report page of a shift (ended, or as it stands while still in progress)."""
    library = get_library()
    record = shift_record(
        shift, library.scenarios, shift_library().matrix, library.catalog, library.translations
    )
    report = record["report"]
    chart = timeline_chart(
        record["queue"],
        shift.plan.length,
        {"waiting": _("Contacts waiting"), "late": _("Past their SLA"), "x": _("Minutes")},
    )
    triage = report["triage"]
    return render_template(
        "shifts/report.html",
        row=row,
        shift=shift,
        record=record,
        report=report,
        contacts=record["contacts"],
        calls=call_ids(db, row["id"]),
        chart=chart,
        priorities=PRIORITY_IDS,
        fcr=percent(report["first_contact_resolution"]),
        triage_share=percent(triage["right"] / triage["taken"] if triage["taken"] else None),
        handle=clock(report["average_handle"]),
        wait=clock(report["average_wait"]),
        clock=clock,
        findings=[f for f in report["findings"] if f["max"] or f["points"] or f["tip"]],
        notes=[f for f in report["findings"] if not (f["max"] or f["points"] or f["tip"])],
    )

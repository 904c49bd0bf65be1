"""Shift results in cohort reports: each ended shift's SLA and triage figures, and their CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Response
from sqlite_utils import Database

from storage import shift_plans
from web.auth import role_required
from web.cohorts import bp
from web.cohorts.cohort_pages import visible_cohort
from web.shared.database import get_db
from web.shared.i18n import select_locale

SHIFT_COLUMNS = (
    "shift_pk",
    "trainee",
    "username",
    "shift",
    "locale",
    "assignment_id",
    "started_at",
    "overall",
    "contacts",
    "handled",
    "abandoned",
    "sla_met",
    "sla_total",
    "sla_percent",
    "triage_right",
    "triage_taken",
    "triage_percent",
    "average_wait",
)


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def shift_rows(db: Database, cohort_id: int) -> list[dict[str, Any]]:
    """The cohort's ended shifts with their SLA and triage shares (newest first)."""
    rows = shift_plans.cohort_shift_rows(db, cohort_id)
    for r in rows:
        r["sla_percent"] = _percent(r["sla_met"], r["sla_total"])
        r["triage_percent"] = _percent(r["triage_right"], r["triage_taken"])
    return rows


def shifts_csv(db: Database, cohort_id: int, french: bool = False) -> str:
    """Every ended shift of the cohort as CSV (semicolons and decimal commas for French)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if french else ",")
    writer.writerow(SHIFT_COLUMNS)
    for r in shift_rows(db, cohort_id):
        values = [r["shift_pk"] if k == "shift_pk" else r.get(k) for k in SHIFT_COLUMNS]
        values[SHIFT_COLUMNS.index("shift")] = r["shift_id"]
        if french:
            values = [str(v).replace(".", ",") if isinstance(v, float) else v for v in values]
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue()


@bp.route("/<int:cohort_id>/shifts.csv")
@role_required("trainer")
def export_shifts(cohort_id: int):
    """The cohort's shift results as CSV."""
    visible_cohort(cohort_id)
    text = shifts_csv(get_db(), cohort_id, french=select_locale() == "fr")
    response = Response("\ufeff" + text, mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="cohort-{cohort_id}-shifts.csv"'
    )
    return response

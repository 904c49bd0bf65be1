"""The cohort report as CSV: the trainee table and every scored call (web export and `hotliner
report`)."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlite_utils import Database

from storage import reports

TRAINEE_COLUMNS = (
    "trainee",
    "username",
    "email",
    "calls",
    "assignments",
    "assignments_done",
    "assignments_late",
    "overall",
    "diagnosis",
    "resolution",
    "escalation",
    "tone",
    "critical_errors",
    "failed_calls",
    "trend",
    "last_call",
)
CALL_COLUMNS = (
    "call_id",
    "trainee",
    "username",
    "scenario",
    "persona",
    "locale",
    "exam",
    "assignment_id",
    "started_at",
    "ended_at",
    "overall",
    "critical",
    "failed",
    "diagnosis",
    "resolution",
    "escalation",
    "tone",
    "overrides",
    "comments",
)


def _cell(value: Any) -> Any:
    """A value safe to open in a spreadsheet: text starting with = + - @ is not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _french(value: Any) -> Any:
    """A decimal number as French spreadsheets read it (comma as the decimal mark)."""
    return str(value).replace(".", ",") if isinstance(value, float) else value


def _write(columns: tuple[str, ...], rows: list[tuple], french: bool = False) -> str:
    """CSV text; French: `;` between fields and decimal commas, as French Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if french else ",", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_french(_cell(v)) if french else _cell(v) for v in row])
    return out.getvalue()


def _with_written(
    db: Database, cohort_id: int, columns: tuple[str, ...], rows: list[tuple], written: list
) -> tuple[tuple[str, ...], list[tuple]]:
    """The columns and rows with `written` after `tone` when the cohort has e-mail contacts
    (a phone-only cohort's CSV keeps its columns as they were)."""
    if reports.averages(db, cohort_id)[reports.WRITTEN] is None:
        return columns, rows
    at = columns.index("tone") + 1
    return (
        (*columns[:at], reports.WRITTEN, *columns[at:]),
        [(*row[:at], w, *row[at:]) for row, w in zip(rows, written, strict=True)],
    )


def trainees_csv(db: Database, cohort_id: int, french: bool = False) -> str:
    """One line per trainee, as in the cohort table."""
    found = reports.trainee_rows(db, cohort_id)
    rows = [
        (
            r["name"],
            r["username"],
            r["email"],
            r["calls"],
            r["assigned"],
            r["assignments_done"],
            r["assignments_late"],
            r["overall"],
            r["diagnosis"],
            r["resolution"],
            r["escalation"],
            r["tone"],
            r["criticals"],
            r["criticals"],  # failed_calls: each call with a critical error is failed
            r["trend"],
            r["last_call"],
        )
        for r in found
    ]
    columns, rows = _with_written(
        db, cohort_id, TRAINEE_COLUMNS, rows, [r["written"] for r in found]
    )
    return _write(columns, rows, french)


def calls_csv(db: Database, cohort_id: int, french: bool = False) -> str:
    """One line per scored call of the cohort's trainees, oldest first."""
    found = reports.scored_calls(db, cohort_id)
    rows = [
        (
            r["id"],
            r["name"],
            r["username"],
            r["scenario_id"],
            r["persona"],
            r["locale"],
            r["exam"],
            r["assignment_id"],
            r["started_at"],
            r["ended_at"],
            r["overall"],
            r["critical"],
            1 if r["critical"] else 0,  # failed: a critical error fails the call
            r["diagnosis"],
            r["resolution"],
            r["escalation"],
            r["tone"],
            r["overrides"],
            r["comments"],
        )
        for r in found
    ]
    columns, rows = _with_written(db, cohort_id, CALL_COLUMNS, rows, [r["written"] for r in found])
    return _write(columns, rows, french)

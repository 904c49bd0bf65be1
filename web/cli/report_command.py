"""`hotliner report COHORT`: the cohort table in the terminal, and its CSV exports."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from storage import reports
from storage.cohorts import find_cohorts
from web.cohorts.report_csv import calls_csv, trainees_csv
from web.shared.database import get_db


def _fmt(value) -> str:
    return "—" if value is None else (f"{value:.0f}" if isinstance(value, float) else str(value))


@click.command("report")
@click.argument("cohort")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the trainee table to this CSV file.",
)
@click.option(
    "--calls-csv",
    "calls_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every scored call to this CSV file.",
)
@with_appcontext
def report_command(cohort: str, csv_path: Path | None, calls_path: Path | None) -> None:
    """Print a cohort's report (COHORT is its id or its name); optionally write the CSV exports."""
    db = get_db()
    found = find_cohorts(db, cohort)
    if not found:
        raise click.ClickException(f"no cohort with id or name '{cohort}'")
    if len(found) > 1:
        ids = ", ".join(f"{c['id']} ({c['name']})" for c in found)
        raise click.ClickException(f"several cohorts are named '{cohort}': use an id ({ids})")
    cohort_id = found[0]["id"]
    avg = reports.averages(db, cohort_id)
    click.echo(
        f"{found[0]['name']} — {avg['trainees'] or 0} trainee(s) with calls, {avg['calls']} "
        "scored call(s), "
        f"average {_fmt(avg['overall'])}, critical errors {avg['criticals'] or 0}"
    )
    written = avg[reports.WRITTEN] is not None  # the cohort has e-mail contacts, as in its CSVs
    header = (
        "trainee",
        "calls",
        "done",
        "late",
        "overall",
        "diag",
        "resol",
        "escal",
        "tone",
        *(("written",) if written else ()),
        "crit",
        "trend",
    )
    rows = [header] + [
        (
            r["name"],
            str(r["calls"]),
            f"{r['assignments_done']}/{r['assigned']}",
            str(r["assignments_late"]),
            _fmt(r["overall"]),
            _fmt(r["diagnosis"]),
            _fmt(r["resolution"]),
            _fmt(r["escalation"]),
            _fmt(r["tone"]),
            *((_fmt(r[reports.WRITTEN]),) if written else ()),
            str(r["criticals"]),
            "—" if r["trend"] is None else f"{r['trend']:+.0f}",
        )
        for r in reports.trainee_rows(db, cohort_id)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        click.echo(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    for path, text in ((csv_path, trainees_csv), (calls_path, calls_csv)):
        if path:
            try:
                path.write_text(text(db, cohort_id), encoding="utf-8")
            except OSError as exc:
                raise click.ClickException(f"{path}: cannot write ({exc.strerror})") from exc
            click.echo(f"wrote {path}")

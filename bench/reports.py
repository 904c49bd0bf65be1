"""How long the cohort report takes over a big cohort: 200 trainees × 50 calls by default.

    .venv/bin/python bench/reports.py [--trainees 200] [--calls 50] [--pool 300] [--keep FILE]

Generates the cohort with `hotliner demo`'s generator (transcripts really played through the
engine), then times each SQL aggregation, the report page, a trainee's page and the two CSV
exports through the Flask test client (median and worst of several runs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from storage import reports  # noqa: E402
from web.cli.accounts import DEMO_ACCOUNTS  # noqa: E402
from web.cli.demo_data import generate  # noqa: E402
from web.shared.database import get_db  # noqa: E402

RUNS = 7


def timed(fn, runs: int = RUNS) -> tuple[float, float]:
    """(median, worst) wall time of fn() in milliseconds, after one warm-up run."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=200)
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--pool", type=int, default=300)
    parser.add_argument("--keep", help="keep the generated database at this path")
    args = parser.parse_args()
    path = args.keep or str(Path(tempfile.mkdtemp()) / "bench-reports.db")
    app = create_app(
        {
            "DATABASE": path,
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db = get_db()
        start = time.perf_counter()
        made = generate(
            db, args.trainees, args.calls, cohort_size=args.trainees, pool_size=args.pool
        )
        print(
            f"generated {made['trainees']} trainees × {args.calls} calls = {made['calls']} calls "
            f"in {time.perf_counter() - start:.1f} s ({path})"
        )
        cohort_id = next(iter(db.query("select max(id) as id from cohorts")))["id"]
        counts = {t: db[t].count for t in ("calls", "events", "scores", "findings")}
        print("rows: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
        print("\nSQL aggregation (ms, median / worst of 7)")
        for name in (
            "trainee_rows",
            "averages",
            "distribution",
            "progress",
            "scenario_skills",
            "frequent_findings",
            "critical_errors",
            "critical_counts",
            "scored_calls",
        ):
            fn = getattr(reports, name)
            median, worst = timed(lambda fn=fn: fn(db, cohort_id))
            print(f"  {name:18s} {median:7.1f} {worst:7.1f}")
        someone = next(
            iter(db.query("select user_id from memberships where cohort_id = ?", [cohort_id]))
        )["user_id"]
    client = app.test_client()
    password = next(p for u, _n, _r, p, _l in DEMO_ACCOUNTS if u == "trainer")
    assert (
        client.post("/login", data={"username": "trainer", "password": password}).status_code == 302
    )
    print("\nHTTP through the app (ms, median / worst of 7)")
    for label, url in (
        ("cohort report page", f"/cohorts/{cohort_id}"),
        ("trainee page", f"/cohorts/{cohort_id}/trainees/{someone}"),
        ("CSV: trainees", f"/cohorts/{cohort_id}/trainees.csv"),
        ("CSV: all calls", f"/cohorts/{cohort_id}/calls.csv"),
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        median, worst = timed(lambda url=url: client.get(url))
        print(f"  {label:20s} {median:7.1f} {worst:7.1f}   ({len(response.data) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()

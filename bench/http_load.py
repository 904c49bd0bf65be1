"""HTTP load: the app under gunicorn against a bare Flask + SQLite baseline served the same way.

    .venv/bin/python bench/http_load.py [--trainees 32] [--calls 1000] [--seconds 180]

32 simulated trainees (threads, one bearer token and one kept-alive connection each) play the
expert transcripts of the built-in scenarios (tests/transcripts/*/expert.*.yaml) through /api/v1 on
127.0.0.1 until `--calls` whole calls are done or `--seconds` have passed. The baseline gets the
same requests on its one route, which does one INSERT and COMMIT, served with the same worker class
and threads as the app (its gunicorn.conf.py, or --worker-class/--threads for both). Prints steps
per second and p50/p99 step latency side by side with the ratios, the app's start-up time, and the
workers' resident memory after 200, 500 and
1,000 calls. Everything runs on loopback and stops by itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import serve  # noqa: E402

from simulator.replay import parse_transcript  # noqa: E402
from storage.db import connect  # noqa: E402
from storage.users import add_user, new_api_token  # noqa: E402

# The per-user limits stay on and are counted on every request, as served, but set out of reach:
# one simulated trainee sends far more steps a minute than a person could.
APP = (
    'app:create_app({"STEP_RATE_LIMIT": "1000000 per minute", '
    '"CALL_RATE_LIMIT": "1000000 per hour"})'
)
MEMORY_MARKS = (200, 500, 1000, 1500, *range(2000, 100001, 1000))


@dataclass
class Transcript:
    scenario: str
    locale: str
    steps: list


@dataclass
class Run:
    """What one load run measured."""

    step_times: list[float] = field(default_factory=list)
    start_times: list[float] = field(default_factory=list)
    calls: int = 0
    errors: dict[int, int] = field(default_factory=dict)
    elapsed: float = 0.0
    memory: dict[int, list[tuple]] = field(default_factory=dict)
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def transcripts() -> list[Transcript]:
    """The expert transcripts of every built-in scenario, in both locales."""
    found = []
    for path in sorted((ROOT / "tests" / "transcripts").glob("*/expert.*.yaml")):
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        found.append(
            Transcript(path.parent.name, path.name.split(".")[1], [s.as_input() for s in steps])
        )
    return found


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of values in seconds, as milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return 1000 * ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _fill(step, caller: dict) -> object:
    """Fill the caller placeholders the API shows (name, phone); others stay as written."""
    name = caller.get("name", "")
    values = {
        "caller_name": name,
        "first_name": name.split(" ")[0],
        "phone": caller.get("phone", ""),
    }

    def fill(text):
        for key, value in values.items():
            text = text.replace("{" + key + "}", value) if isinstance(text, str) else text
        return text

    if isinstance(step, dict):
        ((name_, value),) = step.items()
        value = {k: fill(v) for k, v in value.items()} if isinstance(value, dict) else fill(value)
        return {name_: value}
    return step


def _trainee(
    index: int,
    url: str,
    token: str,
    plays: list[Transcript],
    run: Run,
    stop: threading.Event,
    baseline: bool,
    max_calls: int,
    think: float,
) -> None:
    pause = random.Random(index)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, headers=headers, timeout=120) as client:
        n = index
        while not stop.is_set():
            with run.lock:
                if run.calls >= max_calls:
                    return
            play = plays[n % len(plays)]
            n += 7
            if think:
                stop.wait(think * pause.uniform(0.5, 1.5))
                if stop.is_set():
                    return
            began = time.perf_counter()
            if baseline:
                r = client.post("/step", json={"call": index, "step": {"start": play.scenario}})
                call_id, caller = index, {}
            else:
                r = client.post(
                    "/api/v1/calls",
                    json={"scenario": play.scenario, "locale": play.locale, "seed": n},
                )
                call_id, caller = (
                    (r.json()["id"], r.json()["caller"]) if r.status_code == 201 else (0, {})
                )
            took = time.perf_counter() - began
            times = []
            for step in play.steps:
                if stop.is_set():
                    return
                began = time.perf_counter()
                if baseline:
                    s = client.post("/step", json={"call": call_id, "step": step})
                else:
                    s = client.post(
                        f"/api/v1/calls/{call_id}/steps", json={"step": _fill(step, caller)}
                    )
                times.append(time.perf_counter() - began)
                if think:
                    stop.wait(think * pause.uniform(0.5, 1.5))
                if s.status_code != 200:
                    with run.lock:
                        run.errors[s.status_code] = run.errors.get(s.status_code, 0) + 1
                if not baseline and s.status_code == 200 and s.json()["ended"]:
                    break
            with run.lock:
                run.start_times.append(took)
                run.step_times.extend(times)
                run.calls += 1


def drive(
    server: serve.Server,
    tokens: list[str],
    plays: list[Transcript],
    calls: int,
    seconds: float,
    baseline: bool,
    think: float = 0.0,
) -> Run:
    """Run the trainees until `calls` calls are done or `seconds` pass; sample memory on the way."""
    run, stop = Run(), threading.Event()
    threads = [
        threading.Thread(
            target=_trainee,
            args=(i, server.url, tokens[i], plays, run, stop, baseline, calls, think),
            daemon=True,
        )
        for i in range(len(tokens))
    ]
    pids = server.workers()
    cpu_before, client_before = serve.cpu_seconds(pids), time.process_time()
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    marks = [m for m in MEMORY_MARKS if m <= calls]
    while any(t.is_alive() for t in threads) and time.perf_counter() - began < seconds:
        if marks and run.calls >= marks[0]:
            run.memory[marks.pop(0)] = [_memory(pid) for pid in server.workers()]
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(timeout=125)
    run.elapsed = time.perf_counter() - began
    run.server_cpu = serve.cpu_seconds(pids) - cpu_before
    run.client_cpu = time.process_time() - client_before
    if marks and run.calls >= marks[0]:
        run.memory[marks.pop(0)] = [_memory(pid) for pid in server.workers()]
    return run


def _memory(pid: int) -> tuple[int, int, dict[str, int]]:
    try:
        return (*serve.rss_kib(pid), serve.private_by_mapping(pid))
    except FileNotFoundError:  # a worker renewed meanwhile
        return (0, 0, {})


def make_users(db_path: Path, count: int) -> list[str]:
    """Create `count` trainees on the database and return their API tokens."""
    db = connect(db_path)
    tokens = [
        new_api_token(db, add_user(db, f"trainee{i:03d}", f"Trainee {i}", "load-test-2026"))
        for i in range(count)
    ]
    db.close()
    return tokens


def first_step(server: serve.Server, token: str, began: float) -> float:
    """Seconds from process start until a first step is answered (library and matcher built)."""
    headers = {"Authorization": f"Bearer {token}"}
    r = httpx.post(
        server.url + "/api/v1/calls",
        json={"scenario": "printer-offline", "seed": 1},
        headers=headers,
        timeout=60,
    )
    httpx.post(
        f"{server.url}/api/v1/calls/{r.json()['id']}/steps",
        json={"step": {"say": "Hello"}},
        headers=headers,
        timeout=60,
    ).raise_for_status()
    return time.perf_counter() - began


def summary(name: str, run: Run) -> dict:
    steps = len(run.step_times)
    if not steps:  # steps are counted per whole call played: a run too short to finish one has none
        raise SystemExit(
            f"{name}: no call was finished in {run.elapsed:.0f} s; give the run more time "
            "(--seconds, --paced-seconds) or fewer trainees"
        )
    return {
        "name": name,
        "calls": run.calls,
        "steps": steps,
        "rate": steps / run.elapsed,
        "p50": pct(run.step_times, 50),
        "p99": pct(run.step_times, 99),
        "mean": 1000 * statistics.mean(run.step_times),
        "errors": run.errors,
        "elapsed": run.elapsed,
        "cpu": 1000 * run.server_cpu / (steps + run.calls),
        "client": run.client_cpu / run.elapsed,
    }


def _phases(
    server: serve.Server, tokens: list[str], plays: list[Transcript], args, baseline: bool
) -> tuple:
    """Warm up, then a saturated run (no think time) and a paced one (think time between steps)."""
    warm = drive(server, tokens, plays, args.warm_calls, args.seconds, baseline)
    saturated = drive(server, tokens, plays, args.calls, args.seconds, baseline)
    paced = drive(server, tokens, plays, 10**9, args.paced_seconds, baseline, think=args.think)
    return warm, saturated, paced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=32)
    parser.add_argument(
        "--calls", type=int, default=1000, help="saturated run: stop after this many calls"
    )
    parser.add_argument(
        "--seconds", type=float, default=240, help="stop a run after this long in any case"
    )
    parser.add_argument("--warm-calls", type=int, default=60, help="calls played before measuring")
    parser.add_argument(
        "--think", type=float, default=1.0, help="paced run: mean seconds between steps"
    )
    parser.add_argument("--paced-seconds", type=float, default=60, help="paced run: how long")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="ignore gunicorn.conf.py (no preload, no warm-up): how it was before",
    )
    parser.add_argument(
        "--app-dir",
        type=Path,
        default=ROOT,
        help="serve the app from this checkout (e.g. a git worktree of an older commit)",
    )
    parser.add_argument(
        "--worker-class",
        default=None,
        help="gunicorn worker class of both servers (default: the app's gunicorn.conf.py)",
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="threads per gthread worker, both servers"
    )
    parser.add_argument(
        "--app-only",
        action="store_true",
        help="serve and measure the app alone (no baseline): memory over a long run",
    )
    parser.add_argument(
        "--logs", type=Path, default=None, help="keep gunicorn's logs in this folder"
    )
    parser.add_argument(
        "--instance",
        type=Path,
        default=None,
        help="the app's instance folder (default: a new one: the matchers are built first)",
    )
    args = parser.parse_args()
    plays = transcripts()
    model = serve.serving(args.app_dir, args.worker_class, args.threads)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; "
        f"{len(plays)} transcripts, {args.trainees} trainees, gunicorn -w {args.workers} "
        f"{' '.join(model)} (app and baseline){' (cold: no preload)' if args.cold else ''}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        logs = args.logs or tmp
        logs.mkdir(parents=True, exist_ok=True)
        tokens = make_users(tmp / "app.db", args.trainees)
        env = {
            "HOTLINER_DATABASE": str(tmp / "app.db"),
            "HOTLINER_SECRET_KEY": "bench-secret",
            "HOTLINER_INSTANCE": str(args.instance or tmp / "instance"),
        }
        began = time.perf_counter()
        app = serve.start(
            APP,
            env,
            cwd=args.app_dir,
            workers=args.workers,
            log=logs / "app.log",
            extra=(("-c", "/dev/null") if args.cold else ()) + model,
        )
        try:
            ready = first_step(app, tokens[0], began)
            print(
                f"app start-up: first 200 (/login) {1000 * app.started_in:.0f} ms after process "
                "start; "
                f"first step answered {1000 * ready:.0f} ms after process start"
            )
            warm, saturated, paced = _phases(app, tokens, plays, args, baseline=False)
            print(
                f"app warm-up ({warm.calls} calls): p50 {pct(warm.step_times, 50):.1f} ms, "
                f"p99 {pct(warm.step_times, 99):.1f} ms, max {1000 * max(warm.step_times):.0f} ms"
            )
        finally:
            app.stop()
        if args.app_only:
            print(f"saturated: {args.trainees} trainees sending steps back to back (app only)")
            _memory_lines(saturated)
            return
        base_env = {"BASELINE_DATABASE": str(tmp / "baseline.db")}
        base = serve.start(
            "baseline_app:create_app()",
            base_env,
            cwd=ROOT / "bench",
            workers=args.workers,
            probe="/ping",
            log=logs / "baseline.log",
            extra=model,
        )
        try:
            _, base_saturated, base_paced = _phases(base, tokens, plays, args, baseline=True)
        finally:
            base.stop()
    print(f"saturated: {args.trainees} trainees sending steps back to back")
    report(summary("app", saturated), summary("baseline", base_saturated))
    print(f"paced: {args.trainees} trainees, {args.think:g} s (±50%) between steps")
    report(summary("app", paced), summary("baseline", base_paced))
    _memory_lines(saturated)


def _memory_lines(saturated: Run) -> None:
    """The workers' memory at each mark of the saturated run."""
    for mark, sizes in sorted(saturated.memory.items()):
        print(
            f"workers after {mark} calls: "
            + ", ".join(
                f"RSS {rss / 1024:.0f} MiB (private {own / 1024:.0f} MiB: "
                + " ".join(f"{k} {v / 1024:.0f}" for k, v in kinds.items())
                + ")"
                for rss, own, kinds in sizes
            )
        )


def report(app: dict, base: dict) -> None:
    """Print both runs side by side and the ratios."""
    print(
        f"{'':10s}{'calls':>7s}{'steps':>8s}{'steps/s':>10s}{'p50 ms':>9s}{'p99 ms':>9s}"
        f"{'mean ms':>9s}"
        f"{'CPU ms/req':>12s}{'client':>8s}  errors"
    )
    for row in (app, base):
        print(
            f"{row['name']:10s}{row['calls']:7d}{row['steps']:8d}{row['rate']:10.1f}{row['p50']:9.1f}"
            f"{row['p99']:9.1f}{row['mean']:9.1f}{row['cpu']:12.2f}{row['client']:8.0%}  "
            f"{row['errors'] or 'none'}"
        )
    print(
        f"ratio app/baseline: throughput {app['rate'] / base['rate']:.0%}, p50 "
        f"x{app['p50'] / base['p50']:.1f}, "
        f"p99 x{app['p99'] / base['p99']:.1f}, server CPU per request "
        f"x{app['cpu'] / base['cpu']:.1f}; "
        f"app p99 {'<' if app['p99'] < 50 else '>='} 50 ms"
    )


if __name__ == "__main__":
    main()

"""The shift pages under load: the queue page of 32 trainees in shifts, against the bare baseline.

    .venv/bin/python bench/shift_pages.py [--trainees 32] [--seconds 30] [--think 2] [--workers 2]

Each simulated trainee (a thread with its own bearer token) starts the built-in "evening-on-call"
shift through /api/v1/shifts, takes the first contact and says one line, so a call is in hand,
then loads its shift page (/shifts/<id>: the queue and the call screen) back to back; a second
run reads the shift's state through the API; a third (paced) loads the page every `--think`
seconds on average, as people do (a browser polls the queue every 10 s). The baseline
(bench/baseline_app.py, served the same way) answers GET /ping to the same threads. Prints
requests per second and p50/p99 latency; no assertion on time. Everything runs on 127.0.0.1 and
stops by itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import serve  # noqa: E402
from http_load import make_users, pct  # noqa: E402


def open_shifts(url: str, tokens: list[str]) -> list[int]:
    """Each trainee starts a shift, takes e01 and greets the caller; the shifts' ids."""
    ids = []
    for i, token in enumerate(tokens):
        auth = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=url, headers=auth, timeout=60) as client:
            shift = client.post(
                "/api/v1/shifts", json={"shift": "evening-on-call", "seed": i}
            ).json()
            client.post(f"/api/v1/shifts/{shift['id']}/take", json={"ref": "e01"})
            client.post(
                f"/api/v1/shifts/{shift['id']}/steps",
                json={"step": {"say": "Good evening, IT support. May I have your name?"}},
            )
            ids.append(shift["id"])
    return ids


def hammer(
    url: str, paths: list[str], tokens: list[str], seconds: float, think: float = 0.0
) -> dict:
    """Every thread GETs its own path for `seconds`, back to back or `think` seconds apart on
    average (random pauses, as people do); latencies and errors."""
    times: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(path: str, token: str) -> None:
        mine, bad = [], []
        pause = random.Random(token)
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as client:
            while time.perf_counter() < stop:
                if think:
                    time.sleep(pause.expovariate(1 / think))
                began = time.perf_counter()
                status = client.get(path, timeout=30).status_code
                mine.append(time.perf_counter() - began)
                if status != 200:
                    bad.append(status)
        with lock:
            times.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=worker, args=pt) for pt in zip(paths, tokens, strict=True)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    return {"n": len(times), "rate": len(times) / elapsed, "times": times, "errors": errors}


def line(name: str, run: dict) -> str:
    """One printed line of figures."""
    return (
        f"{name:28} {run['n']:6d} requests  {run['rate']:7.1f}/s  "
        f"p50 {pct(run['times'], 50):7.1f} ms  p99 {pct(run['times'], 99):7.1f} ms  "
        f"errors {len(run['errors'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--think", type=float, default=2.0, help="paced run: mean seconds between page loads"
    )
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.trainees} trainees in shifts, "
        f"gunicorn -w {args.workers}, {args.seconds:g} s per run"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tokens = make_users(tmp / "app.db", args.trainees)
        env = {
            "HOTLINER_DATABASE": str(tmp / "app.db"),
            "HOTLINER_SECRET_KEY": "bench-secret",
            "HOTLINER_INSTANCE": str(tmp / "instance"),
        }
        app = serve.start(
            "app:create_app()", env, workers=args.workers, log=tmp / "app.log", timeout=300
        )
        try:
            began = time.perf_counter()
            ids = open_shifts(app.url, tokens)
            opened = time.perf_counter() - began
            print(f"{len(ids)} shifts opened, a call in hand in each: {opened:.1f} s")
            hammer(app.url, [f"/shifts/{i}" for i in ids], tokens, 3)  # every worker warms up
            page = hammer(app.url, [f"/shifts/{i}" for i in ids], tokens, args.seconds)
            state = hammer(app.url, [f"/api/v1/shifts/{i}" for i in ids], tokens, args.seconds)
            paced = hammer(app.url, [f"/shifts/{i}" for i in ids], tokens, args.seconds, args.think)
        finally:
            app.stop()
        base = serve.start(
            "baseline_app:create_app()",
            {"BASELINE_DATABASE": str(tmp / "baseline.db")},
            cwd=ROOT / "bench",
            workers=args.workers,
            probe="/ping",
        )
        try:
            floor = hammer(base.url, ["/ping"] * len(tokens), tokens, args.seconds)
        finally:
            base.stop()
    print("saturated: every trainee reloads back to back")
    print(line("queue page /shifts/<id>", page))
    print(line("API state /api/v1/shifts/<id>", state))
    print(line("baseline GET /ping", floor))
    print(f"paced: every trainee loads the page every {args.think:g} s on average")
    print(line("queue page /shifts/<id>", paced))
    print(
        f"ratio queue page / baseline: throughput {page['rate'] / floor['rate']:.0%}, "
        f"p50 ×{pct(page['times'], 50) / pct(floor['times'], 50):.1f}"
    )


if __name__ == "__main__":
    main()

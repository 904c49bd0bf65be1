"""Where a saturated worker's CPU goes: py-spy on a gunicorn worker under http_load's load.

    .venv/bin/python bench/profile_load.py [--seconds 25] [--app-dir DIR] [--out profile.txt]

Starts the app as bench/http_load.py does (gunicorn -w 2, 32 trainees, warm-up calls), then
records one worker with `py-spy record --format raw` for `--seconds` while the trainees send steps
back to back, and prints the top functions by self and by cumulative share of the samples.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import http_load  # noqa: E402
import serve  # noqa: E402

PY_SPY = str(Path(sys.executable).with_name("py-spy"))


def top(raw: Path, count: int) -> tuple[int, list, list]:
    """(samples, top by self, top by cumulative) of py-spy's collapsed stacks."""
    own, total, samples = Counter(), Counter(), 0
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack:
            continue
        frames = [_short(f) for f in stack.split(";")]
        samples += int(n)
        own[frames[-1]] += int(n)
        for frame in set(frames):
            total[frame] += int(n)
    return samples, own.most_common(count), total.most_common(count)


def _short(frame: str) -> str:
    """'understand (simulator/understand.py:120)' without the line number."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0].split('/wt-web/')[-1].split('site-packages/')[-1]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=25)
    parser.add_argument("--trainees", type=int, default=32)
    parser.add_argument("--warm-calls", type=int, default=300, help="calls after the renewal")
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--out", type=Path, default=Path("py-spy.txt"))
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument(
        "--instance", type=Path, default=None, help="instance folder (keep the built matchers)"
    )
    args = parser.parse_args()
    plays = http_load.transcripts()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tokens = http_load.make_users(tmp / "app.db", args.trainees)
        env = {
            "HOTLINER_DATABASE": str(tmp / "app.db"),
            "HOTLINER_SECRET_KEY": "bench-secret",
            "HOTLINER_INSTANCE": str(args.instance or tmp / "instance"),
        }
        app = serve.start(http_load.APP, env, cwd=args.app_dir, log=tmp / "app.log")
        try:
            http_load.first_step(app, tokens[0], time.perf_counter())
            _renewed(app, tmp / "app.log")  # then the worker's caches fill, as in a long run
            http_load.drive(app, tokens, plays, args.warm_calls, 600, baseline=False)
            worker = app.workers()[0]
            spy = threading.Thread(target=_record, args=(worker, args.seconds, args.out))
            spy.start()
            run = http_load.drive(app, tokens, plays, 10**9, args.seconds + 5, baseline=False)
            spy.join()
        finally:
            app.stop()
    steps = len(run.step_times)
    print(
        f"load: {steps / run.elapsed:.1f} steps/s, {1000 * run.server_cpu / steps:.2f} CPU ms/step"
    )
    samples, own, total = top(args.out, args.top)
    print(f"py-spy of worker {worker}: {samples} samples")
    for title, rows in (("self", own), ("cumulative", total)):
        print(f"top {args.top} by {title}:")
        for frame, n in rows:
            print(f"  {100 * n / samples:5.1f}%  {frame}")


def _renewed(app: serve.Server, log: Path) -> None:
    """Wait until the master is warm and its first workers were replaced by warm ones."""
    first = set(app.workers())
    while "warm: clause parsers" not in log.read_text(errors="replace"):
        time.sleep(0.5)
    while set(app.workers()) & first or len(app.workers()) < len(first):
        time.sleep(0.5)


def _record(pid: int, seconds: int, out: Path) -> None:
    subprocess.run(
        [
            PY_SPY,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--format",
            "raw",
            "--rate",
            "200",
            "--nonblocking",
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
    )


if __name__ == "__main__":
    main()

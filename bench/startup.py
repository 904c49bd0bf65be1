"""Start-up and memory: how soon a fresh server answers, and what each worker keeps to itself.

    .venv/bin/python bench/startup.py [--app-dir CHECKOUT] [--calls 300] [--skip-run-demo]

Starts `gunicorn -w 2 'app:create_app()'` (gunicorn.conf.py read from the checkout) twice on a
new instance folder: *cold* (nothing built yet: matchers are built and, from this commit on, stored
in instance/cache) and *warm* (a restart: the stored matchers are mapped back in). Each time it
times the first 200 on /login and the first answered step from process start, and when the master
logged the clause parsers loaded. Then `hotliner run-demo` (what `make run` serves once installed),
to its first 200. Last, on the warm server, it plays `--calls` expert calls through the API with 8
trainees and reads each worker's /proc/<pid>/smaps_rollup: resident, proportional and private
memory. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import http_load  # noqa: E402
import serve  # noqa: E402


def smaps(pid: int) -> dict[str, int]:
    """A process's smaps_rollup figures in KiB (Rss, Pss, Private_*, Shared_*)."""
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        found[name] = int(value.split()[0])
    return found


def _logged(log: Path, text: str, began: float, timeout: float = 180) -> float | None:
    """Seconds from `began` until `text` appears in the log (None if it never does)."""
    while time.perf_counter() - began < timeout:
        if log.exists() and text in log.read_text(errors="replace"):
            return time.perf_counter() - began
        time.sleep(0.05)
    return None


def gunicorn_start(app_dir: Path, env: dict, log: Path, token: str, label: str) -> serve.Server:
    """Start the app, print its start-up line, return it running."""
    log.write_text("")
    began = time.perf_counter()
    server = serve.start(http_load.APP, env, cwd=app_dir, workers=2, log=log, timeout=300)
    step = http_load.first_step(server, token, began)
    warm = _logged(log, "warm: clause parsers", began, timeout=240)
    print(
        f"start-up {label}: first 200 (/login) {1000 * server.started_in:.0f} ms, first step "
        f"{1000 * step:.0f} ms"
        + (f", master warm (workers renewed) {1000 * warm:.0f} ms" if warm else "")
        + " after process start",
        flush=True,
    )
    for line in log.read_text(errors="replace").splitlines():
        if "] warm: " in line:
            print(f"  master {line.split('] warm: ', 1)[1]}")
    return server


def run_demo_start(app_dir: Path, env: dict, label: str) -> None:
    """`hotliner run-demo` from the checkout, timed to its first 200 on /login."""
    port = serve.free_port()
    code = "import sys; sys.path.insert(0, '.'); from app import cli; cli()"
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, "run-demo", "--port", str(port)],
        cwd=app_dir,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - began < 300:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.02)
        print(
            f"start-up run-demo {label}: first 200 (/login) "
            f"{1000 * (time.perf_counter() - began):.0f} ms"
        )
    finally:
        process.terminate()
        process.wait(timeout=15)


def memory(server: serve.Server, tokens: list[str], calls: int) -> None:
    """Play `calls` calls, then print each worker's memory."""
    plays = http_load.transcripts()
    run, stop = http_load.Run(), threading.Event()
    threads = [
        threading.Thread(
            target=http_load._trainee,
            args=(i, server.url, tokens[i], plays, run, stop, False, calls, 0.0),
            daemon=True,
        )
        for i in range(len(tokens))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for pid in server.workers():
        kib = smaps(pid)
        private = kib["Private_Clean"] + kib["Private_Dirty"]
        print(
            f"memory after {run.calls} calls: worker {pid} RSS {kib['Rss'] / 1024:.0f} MiB, "
            f"PSS {kib['Pss'] / 1024:.0f} MiB, private {private / 1024:.0f} MiB"
            f" (errors: {run.errors or 'none'})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--skip-run-demo", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tokens = http_load.make_users(tmp / "app.db", 8)
        env = {
            "HOTLINER_DATABASE": str(tmp / "app.db"),
            "HOTLINER_SECRET_KEY": "bench-secret",
            "HOTLINER_INSTANCE": str(tmp / "instance"),
        }
        print(f"checkout: {args.app_dir}; {os.cpu_count()} cores", flush=True)
        gunicorn_start(args.app_dir, env, tmp / "cold.log", tokens[0], "cold").stop()
        server = gunicorn_start(args.app_dir, env, tmp / "warm.log", tokens[0], "warm")
        try:
            _logged(tmp / "warm.log", "warm: clause parsers", time.perf_counter(), timeout=60)
            time.sleep(1)  # the first workers hand over to the ones forked from the warm master
            memory(server, tokens, args.calls)
        finally:
            server.stop()
        if not args.skip_run_demo:  # the first run creates the demo accounts, a restart does not
            demo = {**env, "HOTLINER_DATABASE": str(tmp / "demo.db")}
            run_demo_start(args.app_dir, demo, "first run")
            run_demo_start(args.app_dir, demo, "restart")


if __name__ == "__main__":
    main()

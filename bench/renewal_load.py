"""Trainees throughout a cold start: the master's warm-up and the renewal of the first workers.

    .venv/bin/python bench/renewal_load.py [--app-dir CHECKOUT] [--after 60]

Starts `gunicorn -w 2 'app:create_app()'` on a new database and instance folder (nothing built),
lets 32 trainees play expert calls from the first answered page on, through the master's warm-up
and the replacement of the first workers, and for `--after` seconds more. Prints the calls played,
the failed requests by status, and how many tracebacks (and "malformed" database errors) the
server logged: a renewal that breaks the workers' database access shows there.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import http_load  # noqa: E402
import serve  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--after", type=float, default=60, help="seconds after the renewal")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="renewal"))
    try:
        tokens = http_load.make_users(tmp / "app.db", 32)
        env = {
            "HOTLINER_DATABASE": str(tmp / "app.db"),
            "HOTLINER_SECRET_KEY": "bench-secret",
            "HOTLINER_INSTANCE": str(tmp / "instance"),
        }
        log = tmp / "app.log"
        server = serve.start(http_load.APP, env, cwd=args.app_dir, log=log, timeout=300)
        plays, found = http_load.transcripts(), {}

        def play() -> None:
            found["run"] = http_load.drive(server, tokens, plays, 10**6, 600, False)

        driver = threading.Thread(target=play, daemon=True)
        try:
            driver.start()
            began = time.perf_counter()
            while "warm: clause parsers" not in log.read_text(errors="replace"):
                if time.perf_counter() - began > 540:
                    break
                time.sleep(1)
            print(f"workers renewed {time.perf_counter() - began:.0f} s after the first page")
            time.sleep(args.after)
        finally:
            server.stop()
            driver.join(timeout=130)
        text, run = log.read_text(errors="replace"), found.get("run")
        print(
            f"calls {run.calls if run else 0}, failed requests {run.errors if run else '?'}, "
            f"tracebacks {text.count('Traceback')}, malformed {text.count('malformed')}"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

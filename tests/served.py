"""The app under gunicorn on 127.0.0.1 for the reliability tests: start, kill, restart, trainees."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from storage.db import connect
from storage.users import add_user, new_api_token

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def trainees(db_path: Path, count: int, prefix: str = "t") -> list[str]:
    """Create `count` trainee accounts and return one API token each."""
    db = connect(db_path)
    try:
        return [
            new_api_token(db, add_user(db, f"{prefix}{i:03d}", f"Trainee {i}", "reliable-2026"))
            for i in range(count)
        ]
    finally:
        db.close()


class Gunicorn:
    """`gunicorn --preload -w N 'app:create_app()'` on a database file, without the warm-up
    config."""

    def __init__(self, db_path: Path, log: Path, workers: int = 2, extra: tuple[str, ...] = ()):
        self.db_path, self.log, self.workers = db_path, log, workers
        self.extra = extra  # more of gunicorn's arguments (a worker class, threads)
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 45) -> Gunicorn:
        """Start it and wait until it answers."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {
            **os.environ,
            "HOTLINER_DATABASE": str(self.db_path),
            "HOTLINER_SECRET_KEY": "reliability",
            "HOTLINER_INSTANCE": str(self.db_path.parent / "instance"),
            # the load tests play far faster than a person: the per-user limits are lifted
            "HOTLINER_STEP_RATE_LIMIT": "100000 per minute",
            "HOTLINER_CALL_RATE_LIMIT": "100000 per minute",
        }
        with open(self.log, "ab") as out:
            self.process = subprocess.Popen(
                [
                    GUNICORN,
                    "-c",
                    "/dev/null",
                    "--preload",
                    "-w",
                    str(self.workers),
                    "-b",
                    f"127.0.0.1:{port}",
                    "--timeout",
                    "30",
                    "--graceful-timeout",
                    "5",
                    *self.extra,
                    "app:create_app()",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=out,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                if httpx.get(self.url + "/login", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"gunicorn did not answer in {timeout} s")

    def worker_pids(self) -> list[int]:
        """The master's current workers."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def kill_worker(self) -> int:
        """SIGKILL one worker (the master starts another); its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def crash(self) -> None:
        """SIGKILL the master and every worker, as a power cut or the OOM killer would."""
        workers = self.worker_pids()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)

    def stop(self) -> None:
        """Stop gracefully if still running."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.crash()

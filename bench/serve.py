"""Start and stop gunicorn on 127.0.0.1 for the benchmarks, and read its workers' memory."""

from __future__ import annotations

import os
import runpy
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    """A TCP port nobody listens on right now (loopback)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running gunicorn: its master process, base URL and start-up time."""

    process: subprocess.Popen
    url: str
    started_in: float = 0.0

    def workers(self) -> list[int]:
        """The pids of the master's worker processes."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def stop(self) -> None:
        """Stop gracefully (SIGTERM), then kill if it lingers."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time used so far by these processes, in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int) -> tuple[int, int]:
    """(resident set size VmRSS, the private part of it) of a process, in KiB.

    Workers forked from a preloaded master share its pages until they write to them: RSS counts
    those shared pages in every worker, the private part is what each worker adds.
    """
    rss = private = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            private += int(line.split()[1])
    return rss, private


def private_by_mapping(pid: int) -> dict[str, int]:
    """A process's private memory in KiB by kind of mapping: the malloc heap, other anonymous
    memory (large allocations, Python's arenas), files mapped in (the matchers' arrays,
    libraries)."""
    kinds: dict[str, int] = {"heap": 0, "anonymous": 0, "files": 0}
    kind = "anonymous"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            name = head[5] if len(head) > 5 else ""
            kind = "heap" if name == "[heap]" else "files" if name.startswith("/") else "anonymous"
        elif line.startswith(("Private_Clean:", "Private_Dirty:")):
            kinds[kind] += int(head[1])
    return kinds


def serving(app_dir: Path, worker_class: str | None = None, threads: int | None = None) -> tuple:
    """gunicorn's arguments for the serving model of a checkout's gunicorn.conf.py (worker class,
    threads, keep-alive), `worker_class` and `threads` overriding it: the baseline is served with
    the same ones as the app, so that both pay the same per connection."""
    conf = app_dir / "gunicorn.conf.py"
    settings = runpy.run_path(str(conf)) if conf.exists() else {}
    kind = worker_class or settings.get("worker_class", "sync")
    args = ["-k", kind]
    if kind != "gthread":  # gunicorn turns a sync worker with threads into a gthread one
        args += ["--threads", "1"]
    else:
        args += ["--threads", str(threads or settings.get("threads", 1))]
        args += ["--keep-alive", str(settings.get("keepalive", 2))]
    return tuple(args)


def start(
    app: str,
    env: dict[str, str],
    cwd: Path = ROOT,
    workers: int = 2,
    probe: str = "/login",
    timeout: float = 120.0,
    log: Path | None = None,
    extra: tuple[str, ...] = (),
) -> Server:
    """Start `gunicorn -w N app` and wait for the first 200 on `probe`; time it from process
    start."""
    port = free_port()
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    began = time.perf_counter()
    process = subprocess.Popen(
        [GUNICORN, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "60", *extra, app],
        cwd=cwd,
        env={**os.environ, **env},
        stdout=out,
        stderr=out,
    )
    server = Server(process, f"http://127.0.0.1:{port}")
    deadline = began + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} (log: {log})")
        try:
            if httpx.get(server.url + probe, timeout=2).status_code == 200:
                server.started_in = time.perf_counter() - began
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    server.stop()
    raise RuntimeError(f"gunicorn did not answer {probe} within {timeout} s")

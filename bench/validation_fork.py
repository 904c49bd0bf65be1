"""What a budgeted validation costs: the forked child of `run_within` against a fork server.

    .venv/bin/python bench/validation_fork.py [--runs 20]

Validates one scenario (the e-mail mailbox one, under another id) in the caller, through
`simulator.work_budget.run_within` (fork), and through a `forkserver` child preloaded with the
validation modules (what would make the child immune to any lock of the caller's threads). Prints
the median and worst milliseconds of each, the fork server's start, and the bytes a fork-server
child must receive (the catalog and the article ids, pickled).
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator import work_budget  # noqa: E402
from simulator.library import load_library  # noqa: E402
from web.authoring.versions import _validated  # noqa: E402


def _milliseconds(runs: int, work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _in_fork_server(context, args: tuple) -> object:
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=work_budget._child, args=(sender, _validated, args))
    child.start()
    sender.close()
    receiver.poll(30)
    answer = receiver.recv()
    receiver.close()
    child.join()
    return answer


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    library = load_library()
    text = (ROOT / "scenarios" / "email-mailbox-full.yaml").read_text(encoding="utf-8")
    args = (text.replace("id: email-mailbox-full", "id: bench-copy"), library.catalog)
    args += (set(library.articles), "bench")
    shipped = len(pickle.dumps(args[1:3]))
    print(f"catalog and article ids pickled for a fork-server child: {shipped / 1024:.0f} KB")
    rows = {
        "in the caller (no budget)": _milliseconds(runs, lambda: _validated(*args)),
        "run_within (fork)": _milliseconds(
            runs, lambda: work_budget.run_within(30, _validated, *args)
        ),
    }
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["web.authoring.versions"])
    first = _milliseconds(1, lambda: _in_fork_server(context, args))[0]
    print(f"fork server started and first validation: {first:.0f} ms")
    rows["forkserver child"] = _milliseconds(runs, lambda: _in_fork_server(context, args))
    for name, times in rows.items():
        print(f"{name}: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms")


if __name__ == "__main__":
    main()

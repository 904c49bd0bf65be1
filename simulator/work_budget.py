"""Run a pure function under a wall-clock and memory budget, in a forked child process.

Validating a scenario is bounded by its size, the alias refusal and the state-search bound, but a
small file can still ask for seconds of work (thousands of triggers over a few facts). A thread
cannot be stopped and a signal only reaches the main thread, so the work runs in a child forked
from the caller (it shares the loaded catalog without pickling it); the caller waits at most
`seconds` for the answer, then kills the child. Only the answer is pickled back.

A fork from a threaded server (`hotliner run-demo`, gunicorn's threads) copies every lock as it
was: a lock another thread held at that moment stays held forever in the child, and a child that
needs it waits until the budget kills it, so the author reads a false "took too long". What the
child takes, traced with `sys.setprofile` on the validation path (tests/test_validation_budget.py
keeps it so):

- `sys.stdin`'s lock: multiprocessing closes the child's stdin before anything else, and a parent
  thread blocked reading stdin holds that lock. Reproduced: every validation "took too long"
  (no thread of today's servers reads stdin; a console or a future command could). The child
  forgets the inherited stdin first (`_forget_stdin`, an at-fork handler that acts only in the
  forks of `run_within`).
- an import lock: a module imported for the first time in the child waits for a parent thread
  that was importing it. The child imported `encodings.ascii` (a text-mode read of
  /proc/self/statm); it now reads bytes, and the validation path imports nothing the caller has
  not imported (the test checks the child's modules against the caller's).
- the logging lock and handler locks are re-created in the child by logging's own at-fork
  handlers, the global import lock and the GIL by CPython; `functools.lru_cache` has no lock; the
  locks of web/ and the parser's (`simulator/clauses.py`) are not on the validation path, and the
  child writes nothing to stdout or stderr before its answer is sent.

Measured (bench/validation_fork.py, 2 shared cores): a validation through `run_within` takes
10-17 ms with `fork`; a child of a `forkserver` preloaded with the validation modules takes about
twice as long (18-33 ms: the catalog, 496 KB, is pickled to it), its server takes 0.5-0.9 s to
start once per process, and it adds two processes per server process (the fork server and
multiprocessing's resource tracker) and `__main__` to preload for each entry point. The fork
server would also be immune to locks not listed above; fork with the two fixes keeps the cost,
and the tests keep the path free of the others.

Where `fork` does not exist (Windows), the function runs in the caller with no budget.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

MEMORY_HEADROOM = 1024 * 1024 * 1024  # bytes the child may allocate beyond what it inherited
_forking = threading.local()  # set in the thread that forks a budgeted child, while it forks


class OverBudget(Exception):
    """The work took longer than its budget (`reason` "time") or more memory ("memory")."""

    def __init__(self, reason: str, seconds: float):
        self.reason = reason
        self.seconds = seconds
        super().__init__(f"{reason} budget exceeded ({seconds:g} s)")


def _forget_stdin() -> None:
    """In a budgeted child only, forget the inherited stdin before multiprocessing closes it: a
    parent thread blocked reading stdin holds its lock, which nobody releases in the child."""
    if getattr(_forking, "budgeted", False):
        sys.stdin = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_stdin)


def _cap_memory() -> None:
    """Limit the child's address space to what it has now plus MEMORY_HEADROOM (Linux)."""
    try:
        with open("/proc/self/statm", "rb") as statm:  # bytes: a text codec is an import
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (size + MEMORY_HEADROOM, resource.RLIM_INFINITY))
    except (OSError, ValueError):
        pass  # no /proc or no such limit: the time budget still holds


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    _cap_memory()
    try:
        answer: tuple[str, Any] = ("ok", fn(*args))
    except MemoryError:
        answer = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - handed to the caller, which raises it
        answer = ("error", exc)
    try:
        conn.send(answer)
    except Exception as exc:  # noqa: BLE001 - an answer that cannot be pickled
        conn.send(("error", RuntimeError(f"unpicklable answer: {exc}")))
    conn.close()


def run_within(seconds: float, fn: Callable[..., T], *args: Any) -> T:
    """`fn(*args)` computed in a child process; OverBudget if it takes longer than `seconds` or
    runs out of memory; an exception `fn` raises is raised here."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return fn(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fn, args), daemon=True)
    _forking.budgeted = True
    try:
        child.start()
    finally:
        _forking.budgeted = False
    sender.close()
    try:
        if not receiver.poll(seconds):
            raise OverBudget("time", seconds)
        try:
            status, value = receiver.recv()
        except EOFError:  # the child died without answering (killed by the system)
            raise OverBudget("memory", seconds) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if status == "memory":
        raise OverBudget("memory", seconds)
    if status == "error":
        raise value
    return value

"""Run a pure function under a wall-clock and memory budget, in a forked child process.

Validating a scenario is bounded by its size, the alias refusal and the state-search bound, but a
small file can still ask for seconds of work (thousands of triggers over a few facts). A thread
cannot be stopped and a signal only reaches the main thread, so the work runs in a child forked
from the caller (it shares the loaded catalog without pickling it); the caller waits at most
`seconds` for the answer, then kills the child. Only the answer is pickled back.

Where `fork` does not exist (Windows), the function runs in the caller with no budget.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

MEMORY_HEADROOM = 1024 * 1024 * 1024  # bytes the child may allocate beyond what it inherited


class OverBudget(Exception):
    """The work took longer than its budget (`reason` "time") or more memory ("memory")."""

    def __init__(self, reason: str, seconds: float):
        self.reason = reason
        self.seconds = seconds
        super().__init__(f"{reason} budget exceeded ({seconds:g} s)")


def _cap_memory() -> None:
    """Limit the child's address space to what it has now plus MEMORY_HEADROOM (Linux)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
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
    child.start()
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

"""Freed memory handed back to the system every so many ended calls (glibc's malloc_trim).

A call's objects are freed when it ends, but the C allocator keeps the freed pages for later use;
in a long-running worker they stay counted as its private memory. After every EVERY ended calls a
worker asks glibc to return its free pages (a few milliseconds; nothing changes for the calls).
HOTLINER_TRIM_EVERY sets how often (0: never); elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import os
import threading
from functools import cache

EVERY = 50

_ended = 0
_lock = threading.Lock()


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where there is none."""
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return None


def call_ended() -> bool:
    """Count an ended call; trim the heap when it is the EVERY-th. Whether it trimmed."""
    global _ended
    every = int(os.environ.get("HOTLINER_TRIM_EVERY", EVERY))
    with _lock:
        _ended += 1
        due = every > 0 and _ended % every == 0
    trim = _malloc_trim() if due else None
    if trim is not None:
        trim(0)
    return trim is not None

"""Modules imported on first use, so that importing the app does not wait for them.

numpy, scipy, scikit-learn, the OpenAI client and wordfreq take seconds to import together; no page
needs them, only understanding a line, a model call or a tone check does. A server's first workers
answer pages while its master imports them (gunicorn.conf.py), and the workers that replace them
are forked with everything loaded.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands for a module; its first attribute read imports it, later reads are plain reads."""

    def __init__(self, name: str):
        self.__dict__["_target"] = name

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self.__dict__["_target"])
        # Copied in, so later reads find the attribute without calling this method again.
        self.__dict__.update(vars(module))
        return getattr(module, attribute)


def lazy(name: str) -> Any:
    """The module `name`, imported when one of its attributes is first read (thread-safe: the
    import system's own lock orders concurrent first reads)."""
    return LazyModule(name)

"""Warm a process before it serves: the library, the engine and every built-in scenario's matchers.

Building a scenario's matcher (TF-IDF and a linear SVM over the catalog plus its own examples)
takes about a second. Built lazily, each gunicorn worker would pay it on the first step of each
scenario and locale, and a cohort starting together would queue behind it for tens of seconds.
`gunicorn.conf.py` preloads the app and calls `warm_up` once in the master: the workers fork with
everything built and share that memory.
"""

from __future__ import annotations

import time

from flask import Flask

from simulator.scenario import LOCALES
from web.shared.runtime import get_engine, get_library


def warm_up(app: Flask) -> dict[str, float]:
    """Load the library and engine and build every built-in scenario's matchers; seconds taken."""
    with app.app_context():
        began = time.perf_counter()
        library = get_library()
        engine = get_engine()
        loaded = time.perf_counter()
        for scenario in library.scenarios.values():
            for locale in LOCALES:
                engine.matcher(scenario, locale)
        engine.hearing.warm()  # the clause parsers (spaCy), shared by the forked workers too
        built = time.perf_counter()
    return {
        "library": loaded - began,
        "matchers": built - loaded,
        "scenarios": len(library.scenarios),
    }

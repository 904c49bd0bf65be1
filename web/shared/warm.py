"""Warm a process before it serves: the library, the engine, every scenario's matchers, the parsers.

Building a scenario's matcher (TF-IDF and a linear SVM over the catalog plus its own examples)
takes about a second, 28 of them most of a minute on a busy machine. They are built once and kept on
disk (storage/matcher_files.py, in the instance folder's `cache/`, safe to delete); later starts map
them back in well under a second. The clause parsers (two spaCy pipelines) take a few seconds more
and no page needs them, nor the libraries the app imports on first use (simulator/lazy_import.py):
`gunicorn.conf.py` lets the first workers answer pages, warms the master meanwhile, then replaces
those first workers with ones forked from the warm master.
`hotliner run-demo` warms in a background thread once the server is up.
"""

from __future__ import annotations

import gc
import importlib
import threading
import time
from collections.abc import Callable, Iterable

from flask import Flask

from simulator.scenario import LOCALES
from storage import matcher_files
from web.shared.runtime import get_engine, get_library, matcher_cache

LAZY_LIBRARIES = (
    "numpy",
    "scipy.sparse",
    "sklearn.feature_extraction.text",
    "sklearn.svm",
    "openai",
    "wordfreq",
)


def warm_up(app: Flask) -> dict[str, float]:
    """Load the library and engine and every built-in scenario's matchers (from the cache when
    it has them, else built and stored for the next start); seconds taken and counts."""
    with app.app_context():
        began = time.perf_counter()
        library = get_library()
        engine = get_engine()  # adopts the stored matchers (web/shared/runtime.py)
        loaded = time.perf_counter()
        before = len(engine.hearing.built_matchers())
        for scenario in library.scenarios.values():
            for locale in LOCALES:
                engine.matcher(scenario, locale)
        built = len(engine.hearing.built_matchers()) - before
        folder = matcher_cache(app)
        if built and folder is not None:
            matcher_files.store(engine.hearing, folder)
        done = time.perf_counter()
    return {
        "library": loaded - began,
        "matchers": done - loaded,
        "scenarios": len(library.scenarios),
        "built": built,
    }


def warm_parsers(app: Flask) -> float:
    """Load the clause parsers (spaCy) now rather than on a trainee's first line; seconds taken."""
    with app.app_context():
        began = time.perf_counter()
        get_engine().hearing.warm()
        return time.perf_counter() - began


def warm_imports() -> float:
    """Import the libraries the app imports on first use (simulator/lazy_import.py) and load
    wordfreq's word lists, so that workers forked afterwards share them; seconds taken."""
    from wordfreq import zipf_frequency

    began = time.perf_counter()
    for name in LAZY_LIBRARIES:
        importlib.import_module(name)
    for locale in LOCALES:
        zipf_frequency("hotline", locale)  # reads the locale's frequency list once
    return time.perf_counter() - began


def freeze() -> None:
    """Move everything loaded so far out of the garbage collector's sight before forking.

    A collection in a forked worker writes to every tracked object's header, copying the master's
    pages into the worker; frozen objects are never scanned, so those pages stay shared.
    """
    gc.collect()
    gc.freeze()


def warm_after_first_request(app: Flask) -> Callable:
    """The app as a WSGI callable that starts warming in the background once its first request is
    answered, so that the warming thread does not compete with the first page for the GIL."""
    started = threading.Event()

    def wsgi(environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            return app(environ, start_response)
        finally:
            if not started.is_set():
                started.set()
                warm_in_background(app)

    return wsgi


def warm_in_background(app: Flask) -> threading.Thread:
    """Warm a single-process server (no fork) without delaying its first page."""

    def work() -> None:
        try:
            warm_up(app)
            warm_imports()
            warm_parsers(app)
        except Exception:  # noqa: BLE001 - warming is an optimisation: the first step builds lazily
            app.logger.exception("warming up in the background failed")

    thread = threading.Thread(target=work, name="hotliner-warm", daemon=True)
    thread.start()
    return thread

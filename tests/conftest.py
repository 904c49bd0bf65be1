"""Shared fixtures: the built-in library and engine (loaded once), an app with a fresh database."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from simulator.engine import Engine
from simulator.library import load_library

# Property-based tests (hypothesis, schemathesis) replay the same examples on every run, so a red
# build is a real fault that the next run reproduces. HOTLINER_FUZZ_EXPLORE=1 draws new examples
# (run it by hand to look for faults before they reach CI).
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("HOTLINER_FUZZ_EXPLORE") == "1" else "ci")


@pytest.fixture(scope="session")
def library():
    """The built-in library: catalog, articles, personas, scenarios."""
    return load_library()


@pytest.fixture(scope="session")
def engine(library):
    """An engine over the built-in library."""
    return Engine(library.catalog, library.personas, library.articles)


@pytest.fixture()
def app(tmp_path):
    """An app on a fresh database file."""
    from app import create_app

    return create_app(
        {"TESTING": True, "DATABASE": str(tmp_path / "test.db"), "SECRET_KEY": "test"}
    )


@pytest.fixture()
def runner(app):
    """The app's CLI runner."""
    return app.test_cli_runner()

"""The app's engine and library, loaded once per process from the configured scenario folder."""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path
from typing import Any

from flask import current_app

from simulator.catalog import CatalogError
from simulator.engine import Engine
from simulator.kb import KnowledgeBaseError
from simulator.library import Library, load_library
from simulator.llm import LLMClient, LLMConfig
from simulator.llm_caller import LLMCaller
from simulator.persona import PersonaError
from simulator.scenario import Scenario
from simulator.validate import ScenarioError
from storage.db import connect
from storage.kb import index_articles, search

LibraryError = (ScenarioError, CatalogError, KnowledgeBaseError, PersonaError)


def get_library() -> Library:
    """The built-in library of the current app (loaded on first use, again when the catalog changed)."""
    ext = current_app.extensions.setdefault("hotliner", {})
    directory = Path(current_app.config["SCENARIO_DIR"])
    stamp = (directory / "catalog.yaml").stat().st_mtime_ns  # an admin's new example, from any worker
    if "library" not in ext or ext.get("catalog_stamp") != stamp:
        ext["library"] = load_library(directory)
        ext["catalog_stamp"] = stamp
        ext.pop("engine", None)
    return ext["library"]


def get_engine() -> Engine:
    """The engine of the current app; its knowledge-base search is the database's FTS5 index."""
    ext = current_app.extensions.setdefault("hotliner", {})
    if "engine" not in ext:
        library = get_library()
        path = current_app.config["DATABASE"]
        with closing(connect(path)) as db:
            index_articles(db, library.articles)

        def kb_search(query: str, locale: str) -> list[dict[str, str]]:
            with closing(connect(path)) as db:
                return search(db, query, locale)

        ext["engine"] = Engine(library.catalog, library.personas, library.articles, kb_search=kb_search,
                               llm=_llm_caller())
    return ext["engine"]


def llm_config() -> LLMConfig | None:
    """The LLM endpoint from the app's config, else the environment; None when not configured."""
    settings = {k: str(v) for k, v in current_app.config.items() if k.startswith(("HOTLINER_LLM_", "OPENAI_"))}
    return LLMConfig.from_env({**os.environ, **settings})


def _llm_caller() -> LLMCaller | None:
    config = llm_config()
    return LLMCaller(LLMClient(config)) if config else None


def grade_call(scenario: Scenario, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The score of a call as a JSON-ready dict (None until grading is available)."""
    try:
        from grading import grade
    except ImportError:
        return None
    return grade(scenario, events).to_dict()

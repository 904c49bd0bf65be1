"""The app's engine and library, loaded once per process from the configured scenario folder."""

from __future__ import annotations

import threading
from contextlib import closing
from pathlib import Path
from typing import Any

from flask import Flask, current_app, g
from sqlite_utils import Database

from grading import grade
from simulator.catalog import CatalogError
from simulator.engine import Engine
from simulator.kb import KnowledgeBaseError
from simulator.library import Library, load_library
from simulator.llm import LLMClient, LLMConfig
from simulator.llm_caller import LLMCaller
from simulator.persona import PersonaError
from simulator.scenario import Scenario
from simulator.validate import ScenarioError
from storage import matcher_files, settings
from storage.db import connect
from storage.kb_index import index_articles, search
from web.shared.database import get_db
from web.shared.llm_settings import config_from

LibraryError = (ScenarioError, CatalogError, KnowledgeBaseError, PersonaError)
PARSED_VERSIONS = (
    "parsed_versions"  # key of the stored versions parsed against the library (web.shared.playable)
)
_loading = threading.RLock()  # a worker's threads load the library and build the engine once


def get_library() -> Library:
    """The built-in library of the current app (loaded on first use, again when the catalog
    changed)."""
    ext = current_app.extensions.setdefault("hotliner", {})
    directory = Path(current_app.config["SCENARIO_DIR"])
    stamp = (
        (directory / "catalog.yaml").stat().st_mtime_ns
    )  # an admin's new example, from any worker
    library = ext.get("library")
    if library is not None and ext.get("catalog_stamp") == stamp:
        return library
    with _loading:  # one thread loads; the others wait for it rather than load it again
        library = ext.get("library")
        if library is None or ext.get("catalog_stamp") != stamp:
            library = ext["library"] = load_library(directory)
            ext["catalog_stamp"] = stamp
            ext.pop("engine", None)
            ext.pop(PARSED_VERSIONS, None)  # parsed against the old catalog and knowledge base
        return library


def get_engine() -> Engine:
    """The engine of the current app; its knowledge-base search is the database's FTS5 index.

    Its language-model caller follows the admin page: a settings stamp (one tiny query) is compared
    once per request, so a change saved in any worker reaches every worker's next request.
    """
    ext = current_app.extensions.setdefault("hotliner", {})
    engine = ext.get("engine")
    if engine is None:
        with _loading:
            engine = _built_engine(ext)
    if not g.get("llm_settings_checked"):  # once per request, however often the engine is asked for
        g.llm_settings_checked = True
        db = get_db()
        stamp = settings.stamp(db)  # read before the settings: a save in between is seen next time
        if ext.get("llm_stamp") != stamp:
            engine.llm = _llm_caller(db)
            ext["llm_stamp"] = stamp
    return engine


def _built_engine(ext: dict[str, Any]) -> Engine:
    """The engine on the library, built unless another thread built it meanwhile."""
    library = get_library()
    if "engine" not in ext:
        path = current_app.config["DATABASE"]
        with closing(connect(path)) as db:
            index_articles(db, library.articles)

        def kb_search(query: str, locale: str) -> list[dict[str, str]]:
            with closing(connect(path, prepare=False)) as db:  # prepared above
                return search(db, query, locale)

        engine = Engine(library.catalog, library.personas, library.articles, kb_search=kb_search)
        _adopt_stored_matchers(engine)
        ext["engine"] = engine
        ext.pop("llm_stamp", None)
    return ext["engine"]


def matcher_cache(app: Flask) -> Path | None:
    """Where built matchers are kept (config MATCHER_CACHE; None or "" switches the cache off)."""
    folder = app.config.get("MATCHER_CACHE", Path(app.instance_path) / "cache")
    return Path(folder) if folder else None


def _adopt_stored_matchers(engine: Engine) -> None:
    """Map in the matchers an earlier start built for this catalog and code (web/shared/warm.py)."""
    folder = matcher_cache(current_app)
    if folder is not None:
        matcher_files.load_into(engine.hearing, folder)


def llm_config() -> LLMConfig | None:
    """The LLM endpoint: the admin page's settings, else the app's config, else the environment
    (key by key); None when not configured."""
    return config_from(get_db())


def _llm_caller(db: Database) -> LLMCaller | None:
    config = config_from(db)
    return LLMCaller(LLMClient(config)) if config else None


def grade_call(scenario: Scenario, events: list[dict[str, Any]]) -> dict[str, Any]:
    """The score of a call as a JSON-ready dict."""
    library = get_library()
    return grade(scenario, events, library.catalog, library.translations).to_dict()

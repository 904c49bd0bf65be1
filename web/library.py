"""The scenarios the app offers: the built-in files plus the trainers' published versions."""

from __future__ import annotations

import logging
from functools import lru_cache

from flask import current_app
from sqlite_utils import Database

from simulator.scenario import Scenario
from simulator.validate import validate_text
from storage import authored
from web.engine import get_library

log = logging.getLogger(__name__)


class StoredVersionError(ValueError):
    """A stored scenario version no longer validates (the catalog or knowledge base changed)."""


def builtin_ids() -> set[str]:
    """Ids of the built-in scenarios (read-only in the editor)."""
    return set(get_library().scenarios)


def parse_stored(text: str) -> Scenario:
    """A stored version's YAML as a scenario (parsed once per text and library)."""
    return _parse(text, id(get_library()))


@lru_cache(maxsize=256)
def _parse(text: str, _library_key: int) -> Scenario:
    library = get_library()
    scenario, problems = validate_text(text, library.catalog, set(library.articles))
    if scenario is None:
        raise StoredVersionError("; ".join(str(p) for p in problems[:3]))
    return scenario


def playable_scenarios(db: Database) -> dict[str, Scenario]:
    """Every scenario a trainee may play: built-in ones and the live version of authored ones."""
    scenarios = dict(get_library().scenarios)
    for row in authored.published(db):
        if row["id"] in scenarios:
            continue
        try:
            scenarios[row["id"]] = parse_stored(row["yaml"])
        except StoredVersionError as exc:
            log.warning("scenario %s version %s is published but invalid: %s", row["id"], row["version"], exc)
    return scenarios


def forget_library() -> None:
    """Drop the app's cached library and engine (after the catalog changed): the next call reloads them."""
    ext = current_app.extensions.setdefault("hotliner", {})
    ext.pop("library", None)
    ext.pop("engine", None)

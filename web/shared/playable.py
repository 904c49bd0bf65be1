"""The scenarios the app offers: the built-in files plus the trainers' published versions, and the
version a stored call was played on."""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app
from sqlite_utils import Database

from simulator.scenario import Scenario
from simulator.validate import validate_text
from storage import authored
from storage.scenarios import version_text
from web.shared.runtime import PARSED_VERSIONS, get_library

log = logging.getLogger(__name__)
STANDARD_PERSONAS = (
    "calm",
    "angry",
    "vague",
    "novice",
    "hurried",
)  # offered by name: dashboard, assignments
PARSED_CAPACITY = 256  # stored versions kept parsed per library; beyond that the cache starts over


class StoredScenarioError(LookupError):
    """The scenario version a call was played on is missing or no longer validates."""


class StoredVersionError(StoredScenarioError, ValueError):
    """A stored scenario version no longer validates (the catalog or knowledge base changed).

    Also a StoredScenarioError, so the callers of `scenario_of` catch it as before."""


def builtin_ids() -> set[str]:
    """Ids of the built-in scenarios (read-only in the editor)."""
    return set(get_library().scenarios)


def parse_stored(text: str) -> Scenario:
    """A stored version's YAML as a scenario (parsed once per text and library).

    The parsed versions are kept beside the library in the app's extensions: reloading the library
    (`get_library` after a catalog change, or `forget_library`) drops them with it.
    """
    library = (
        get_library()
    )  # first: a reload here drops the versions parsed against the old library
    parsed = current_app.extensions["hotliner"].setdefault(PARSED_VERSIONS, {})
    scenario = parsed.get(text)
    if scenario is None:
        scenario, problems = validate_text(text, library.catalog, set(library.articles))
        if scenario is None:
            raise StoredVersionError("; ".join(str(p) for p in problems[:3]))
        if len(parsed) >= PARSED_CAPACITY:
            parsed.clear()
        parsed[text] = scenario
    return scenario


def scenario_of(db: Database, row: dict[str, Any]) -> Scenario:
    """The scenario version a stored call was played on."""
    text = version_text(db, row["scenario_id"], row["scenario_version"])
    if text is None:
        library = get_library()
        current = library.scenarios.get(row["scenario_id"])
        if current and current.version == row["scenario_version"]:
            return current
        raise StoredScenarioError(
            f"scenario {row['scenario_id']} version {row['scenario_version']} is not stored"
        )
    return parse_stored(text)


def playable_scenarios(db: Database) -> dict[str, Scenario]:
    """Every scenario a trainee may play: built-in ones and the live version of authored ones."""
    scenarios = dict(get_library().scenarios)
    for row in authored.published(db):
        if row["id"] in scenarios:
            continue
        try:
            scenarios[row["id"]] = parse_stored(row["yaml"])
        except StoredVersionError as exc:
            log.warning(
                "scenario %s version %s is published but invalid: %s",
                row["id"],
                row["version"],
                exc,
            )
    return scenarios


def forget_library() -> None:
    """Drop the app's cached library and engine (after the catalog changed): the next call reloads
    them."""
    ext = current_app.extensions.setdefault("hotliner", {})
    ext.pop("library", None)
    ext.pop("engine", None)
    ext.pop(PARSED_VERSIONS, None)

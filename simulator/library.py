"""The built-in library: catalog, knowledge base and scenarios, loaded and checked together."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from gettext import NullTranslations
from pathlib import Path

from simulator.catalog import Catalog, load_catalog
from simulator.kb import Article, load_articles
from simulator.persona import PersonaBook, load_personas
from simulator.scenario import Scenario
from simulator.translation import load_translations
from simulator.validate import Problem, ScenarioError, load_scenario
from simulator.work_budget import OverBudget, run_within

NOT_SCENARIOS = ("catalog.yaml", "personas.yaml")
SCENARIO_DIR = Path(__file__).resolve().parent.parent / "scenarios"


@dataclass
class Library:
    """Everything a call needs that is not the call itself."""

    catalog: Catalog
    articles: dict[str, Article]
    personas: PersonaBook
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    translations: Mapping[str, NullTranslations] = field(default_factory=load_translations)

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id; KeyError naming the known ids otherwise."""
        if scenario_id not in self.scenarios:
            known = ", ".join(sorted(self.scenarios))
            raise KeyError(f"unknown scenario '{scenario_id}' (known: {known})")
        return self.scenarios[scenario_id]


def scenario_files(paths: list[Path]) -> list[Path]:
    """Scenario YAML files under the given files or folders (the catalog and kb/ excluded)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += [p for p in sorted(path.glob("*.yaml")) if p.name not in NOT_SCENARIOS]
        else:
            files.append(path)
    return files


def over_budget_problem(file: str, exc: OverBudget) -> Problem:
    """The problem of a validation stopped by its time or memory budget."""
    code = "validation_too_slow" if exc.reason == "time" else "validation_too_big"
    return Problem.of(file, None, "", code, seconds=f"{exc.seconds:g}")


def _checked(path: Path, catalog: Catalog, kb_ids: set[str]) -> tuple[Scenario | None, list]:
    """One file's scenario, or None and its problems (a value, so a child process can send it)."""
    try:
        return load_scenario(path, catalog, kb_ids), []
    except ScenarioError as exc:
        return None, exc.problems


def check_files(
    paths: list[Path], catalog: Catalog, kb_ids: set[str], seconds: float | None = None
):
    """Load every scenario file; return (scenarios by id, every problem, YAML sources by id).
    With `seconds`, each file is checked in a child process stopped after that long."""
    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    sources: dict[str, str] = {}
    for path in scenario_files(paths):
        try:
            if seconds is None:
                scenario, found = _checked(path, catalog, kb_ids)
            else:
                scenario, found = run_within(seconds, _checked, path, catalog, kb_ids)
        except OverBudget as exc:
            scenario, found = None, [over_budget_problem(str(path), exc)]
        except OSError as exc:
            problems.append(Problem.of(str(path), None, "", "cannot_read", reason=exc.strerror))
            continue
        if scenario is None:
            problems += found
            continue
        if scenario.id in scenarios:
            problems.append(
                Problem.of(str(path), 1, "id", "duplicate_scenario_id", value=scenario.id)
            )
        scenarios[scenario.id] = scenario
        sources[scenario.id] = path.read_text(encoding="utf-8")
    return scenarios, problems, sources


def load_library(directory: Path = SCENARIO_DIR) -> Library:
    """Load the catalog, articles, personas and every scenario; raise ScenarioError on a problem."""
    catalog = load_catalog(directory / "catalog.yaml")
    articles = load_articles(directory / "kb")
    scenarios, problems, sources = check_files([directory], catalog, set(articles))
    if problems:
        raise ScenarioError(problems)
    personas = load_personas(directory / "personas.yaml")
    return Library(
        catalog=catalog, articles=articles, personas=personas, scenarios=scenarios, sources=sources
    )

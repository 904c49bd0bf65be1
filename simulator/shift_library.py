"""The built-in shift plans and the priority matrix, loaded and checked against the scenarios."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulator.scenario import Scenario
from simulator.shift_plan import Matrix, PlanError, ShiftPlan, load_matrix, load_plan
from simulator.validate import Problem

SHIFT_DIR = Path(__file__).resolve().parent.parent / "scenarios" / "shifts"
MATRIX_FILE = "matrix.yaml"


@dataclass(frozen=True)
class ShiftLibrary:
    """Every shift plan by id, and the matrix they are triaged with."""

    plans: dict[str, ShiftPlan]
    matrix: Matrix

    def plan(self, shift_id: str) -> ShiftPlan:
        """The plan with this id; KeyError naming the known ids otherwise."""
        if shift_id not in self.plans:
            raise KeyError(f"unknown shift '{shift_id}' (known: {', '.join(sorted(self.plans))})")
        return self.plans[shift_id]


def plan_files(paths: list[Path]) -> list[Path]:
    """Shift plan files under the given files or folders (the matrix excluded)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += [p for p in sorted(path.glob("*.yaml")) if p.name != MATRIX_FILE]
        else:
            files.append(path)
    return files


def check_plan_files(
    paths: list[Path], scenarios: dict[str, Scenario]
) -> tuple[dict[str, ShiftPlan], list[Problem]]:
    """Load every plan file; return the plans by id and every problem."""
    plans: dict[str, ShiftPlan] = {}
    problems: list[Problem] = []
    for path in plan_files(paths):
        try:
            plan = load_plan(path, scenarios)
        except PlanError as exc:
            problems += exc.problems
            continue
        if plan.id in plans:
            problems.append(Problem.of(str(path), 1, "id", "shift_duplicate_id", value=plan.id))
        plans[plan.id] = plan
    return plans, problems


def load_shift_library(scenarios: dict[str, Scenario], directory: Path = SHIFT_DIR) -> ShiftLibrary:
    """The matrix and every plan of `directory`; PlanError listing every problem."""
    matrix = load_matrix(directory / MATRIX_FILE)
    plans, problems = check_plan_files([directory], scenarios)
    if problems:
        raise PlanError(problems)
    return ShiftLibrary(plans, matrix)

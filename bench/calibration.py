"""Calibration: does the grader agree with a team lead on realistic calls?

Run: .venv/bin/python bench/calibration.py   (prints, per call, the score, the fair range and
whether it lands inside; then the share within ±5 of its range — target ≥ 90%, issue 13)

The calls and their ranges are in bench/data/calibration/*.yaml, written as a team lead would
judge them, independently of the rules' code. A call may also give per-skill ranges and
`failed: true` (a critical error must fail it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading import grade  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.replay import parse_transcript, play  # noqa: E402

DATA = ROOT / "bench" / "data" / "calibration"
MARGIN = 5


def load_calls() -> list[dict[str, Any]]:
    """Every calibration call, in file order."""
    calls = []
    for path in sorted(DATA.glob("*.yaml")):
        calls += [{**c, "file": path.name} for c in yaml.safe_load(path.read_text("utf-8"))]
    return calls


def _steps(call: dict[str, Any]):
    if "transcript" in call:
        path = ROOT / call["transcript"]
        return parse_transcript(path.read_text(encoding="utf-8"), str(path))
    return parse_transcript(yaml.safe_dump(call["steps"], allow_unicode=True), call["id"])


def run(verbose: bool = True) -> dict[str, float]:
    """Play and grade every call; print one line each and return the summary figures."""
    library = load_library()
    engine = Engine(library.catalog, library.personas, library.articles)
    inside = near = skill_near = skill_total = failed_right = failed_total = 0
    per_file: dict[str, list[int]] = {}  # file -> [calls, inside, within ±5]
    calls = load_calls()
    for c in calls:
        scenario = library.scenario(c["scenario"])
        played, _ = play(
            engine, scenario, _steps(c), c.get("persona"), c["locale"], c.get("seed", 1)
        )
        score = grade(scenario, played.events, library.catalog, library.translations)
        lo, hi = c["range"]
        ok = lo <= score.overall <= hi
        close = lo - MARGIN <= score.overall <= hi + MARGIN
        inside += ok
        near += close
        tally = per_file.setdefault(c["file"], [0, 0, 0])
        tally[0], tally[1], tally[2] = tally[0] + 1, tally[1] + ok, tally[2] + close
        notes = []
        for skill, (slo, shi) in (c.get("skills") or {}).items():
            got = score.skills[skill]
            skill_total += 1
            skill_near += slo - MARGIN <= got <= shi + MARGIN
            if not slo - MARGIN <= got <= shi + MARGIN:
                notes.append(f"{skill} {got} not in [{slo}, {shi}]")
        if "failed" in c:
            failed_total += 1
            failed_right += bool(getattr(score, "failed", score.critical)) == c["failed"]
            if bool(getattr(score, "failed", score.critical)) != c["failed"]:
                notes.append(f"failed={not c['failed']}")
        if verbose:
            mark = "in " if ok else ("±5 " if close else "OUT")
            skills = " ".join(f"{k[:3]} {v:3d}" for k, v in score.skills.items())
            print(
                f"{mark} {score.overall:3d} [{lo:3d}, {hi:3d}]  {c['id']:34s} {skills}"
                + (f"  ! {'; '.join(notes)}" if notes else "")
            )
    n = len(calls)
    figures = {
        "calls": n,
        "inside": inside / n,
        "within_5": near / n,
        "skills_within_5": skill_near / skill_total if skill_total else 1.0,
        "failed_right": failed_right / failed_total if failed_total else 1.0,
    }
    if verbose:
        print()
        for name, (count, ok_n, near_n) in per_file.items():
            print(f"{name:12s} {count:2d} calls: {ok_n:2d} inside, {near_n:2d} within ±{MARGIN}")
        print(
            f"\n{n} calls: {inside} inside their range ({figures['inside']:.0%}), "
            f"{near} within ±{MARGIN} ({figures['within_5']:.0%}, target ≥ 90%); "
            f"skill ranges within ±{MARGIN}: {skill_near}/{skill_total}; "
            f"failed flag right: {failed_right}/{failed_total}"
        )
    return figures


if __name__ == "__main__":
    run()

"""Grading a call with each trainee line's jargon worked out afresh, then remembered (in process).

    .venv/bin/python bench/grading_jargon.py

Plays every expert transcript once, then grades all those calls five times with the memory of
simulator.tone_signals._terms_in emptied before each call, and five times with it kept; prints
the CPU time of grading one call both ways.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading import grade  # noqa: E402
from simulator import tone_signals  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.replay import parse_transcript, play  # noqa: E402


def main() -> None:
    library = load_library(ROOT / "scenarios")
    engine = Engine(library.catalog, library.personas, library.articles)
    calls = []
    for path in sorted((ROOT / "tests" / "transcripts").glob("*/expert.*.yaml")):
        scenario = library.scenario(path.parent.name)
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        call, _ = play(engine, scenario, steps, None, path.name.split(".")[-2], 1)
        calls.append((scenario, call))

    def per_call(afresh: bool) -> float:
        began = time.process_time()
        for _ in range(5):
            for scenario, call in calls:
                if afresh:
                    tone_signals._terms_in.cache_clear()
                grade(scenario, call.events, library.catalog, library.translations)
        return 1000 * (time.process_time() - began) / (5 * len(calls))

    per_call(False)  # the lazy imports and word lists
    for _ in range(2):
        print(
            f"grading one of {len(calls)} expert calls: jargon afresh {per_call(True):.2f} ms, "
            f"remembered {per_call(False):.2f} ms (CPU)"
        )


if __name__ == "__main__":
    main()

"""Grading at a call's end, in process: CPU per call, and every transcript's grade as JSON.

    .venv/bin/python bench/grading_speed.py [--app-dir CHECKOUT] [--dump FILE] [--profile N]

Plays every transcript of tests/transcripts with each of its scenario's personas (seed 1), then
grades the 40 expert calls (default persona) `--rounds` times and prints the CPU time of one
`grade(...).to_dict()`, as web.shared.runtime.grade_call does at a call's end. `--dump` writes
every call's grade (transcript, persona) as sorted JSON, so that two checkouts' files can be
compared byte for byte (`cmp`); `--profile N` prints cProfile's top N functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--dump", type=Path, help="write every transcript's grade here (JSON)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--profile", type=int, default=0)
    args = parser.parse_args()
    sys.path.insert(0, str(args.app_dir))
    from grading import grade
    from simulator.engine import Engine
    from simulator.library import load_library
    from simulator.replay import parse_transcript, play

    library = load_library(args.app_dir / "scenarios")
    engine = Engine(library.catalog, library.personas, library.articles)
    played, experts = {}, []
    for path in sorted((args.app_dir / "tests" / "transcripts").glob("*/*.yaml")):
        if path.name == "expect.yaml":
            continue
        scenario = library.scenario(path.parent.name)
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        locale = path.name.split(".")[-2]
        if path.name.startswith("expert."):
            call, _ = play(engine, scenario, steps, None, locale, 1)
            experts.append((scenario, call.events))
        if args.dump:
            for persona in scenario.personas:
                call, _ = play(engine, scenario, steps, persona, locale, 1)
                played[f"{path.parent.name}/{path.name}/{persona}"] = (scenario, call.events)

    def graded(scenario, events) -> dict:
        return grade(scenario, events, library.catalog, library.translations).to_dict()

    forget = getattr(sys.modules.get("grading.folded"), "fold", None)

    def per_call(afresh: bool = False) -> float:
        began = time.process_time()
        for _ in range(args.rounds):
            for scenario, events in experts:
                if afresh and forget is not None:
                    forget.cache_clear()
                graded(scenario, events)
        return 1000 * (time.process_time() - began) / (args.rounds * len(experts))

    per_call()  # the lazy imports, word lists and remembered jargon
    print(f"checkout: {args.app_dir}")
    print(
        f"grading one of {len(experts)} expert calls (grade + to_dict, CPU): "
        + ", ".join(f"{per_call():.3f}" for _ in range(3))
        + " ms"
    )
    if forget is not None:  # a call met for the first time: only its own repeated folds remembered
        print(
            "the same, remembered folds forgotten before each call: "
            + ", ".join(f"{per_call(afresh=True):.3f}" for _ in range(3))
            + " ms"
        )
    if args.dump:
        grades = {key: graded(*call) for key, call in sorted(played.items())}
        args.dump.write_text(json.dumps(grades, sort_keys=True, ensure_ascii=False, indent=0))
        print(f"{len(grades)} grades written to {args.dump}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        per_call()
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()

"""In-process speed of a shift replay (run by hand; prints figures).

    .venv/bin/python bench/shift_speed.py [--locale fr] [--runs 5] [--phone-only]

Builds a 30-contact shift over the built-in scenarios (one contact every three simulated minutes,
each handled with its scenario's expert transcript: phone calls, and e-mail threads for the e-mail
scenarios, one of them phoned back), then replays it: play (every step through the
shift engine and the call engine) and the full record (each call graded, the shift report). The
matchers are built once first, as a warmed app does (`web/shared/warm.py`). Target: under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading.shift_record import shift_record  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.shift_engine import ShiftEngine  # noqa: E402
from simulator.shift_library import load_shift_library  # noqa: E402
from simulator.shift_plan import validate_plan_source  # noqa: E402
from simulator.shift_replay import play_shift  # noqa: E402
from simulator.shift_steps import parse_shift_step  # noqa: E402
from simulator.yamlsource import parse  # noqa: E402

CONTACTS = 30
GAP = 180  # simulated seconds between two arrivals


def build(library, locale: str, phone_only: bool = False):
    """A 30-contact plan and the steps that handle every contact in turn."""
    ids = sorted(s for s in library.scenarios if (ROOT / "tests/transcripts" / s).is_dir())
    if phone_only:  # the baseline without e-mail threads, for comparison on the same machine
        ids = [s for s in ids if "phone" in library.scenarios[s].channels]
    contacts, steps = [], []
    for i in range(CONTACTS):
        scenario = library.scenarios[ids[i % len(ids)]]
        persona = scenario.persona_default()
        channel = scenario.channels[0]
        contacts.append(
            {
                "ref": f"c{i:02d}",
                "scenario": scenario.id,
                "channel": channel,
                **({"call_back": True} if channel == "email" else {}),
                "persona": persona,
                "at": i * GAP,
                "triage": {"kind": "incident", "impact": "low", "urgency": "medium"},
            }
        )
        steps.append({"take": f"c{i:02d}"})
        steps.append({"triage": {"impact": "low", "urgency": "medium", "kind": "incident"}})
        path = ROOT / "tests/transcripts" / scenario.id / f"expert.{locale}.yaml"
        steps += yaml.safe_load(path.read_text(encoding="utf-8"))
    plan = {
        "id": "bench-thirty",
        "title": {"en": "Thirty contacts", "fr": "Trente contacts"},
        "description": {"en": "Benchmark", "fr": "Banc d'essai"},
        "length": CONTACTS * GAP + 3600,
        "sla": {"P1": 300, "P2": 900, "P3": 1800, "P4": 3600},
        "patience": {"hang_up_after": 7200},
        "contacts": contacts,
    }
    source = parse(yaml.safe_dump(plan, allow_unicode=True))
    return validate_plan_source(source, "bench", library.scenarios), steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locale", default="en", choices=["en", "fr"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--phone-only", action="store_true", help="leave the e-mail scenarios out")
    args = parser.parse_args()
    library = load_library()
    matrix = load_shift_library(library.scenarios).matrix
    engine = ShiftEngine(
        Engine(library.catalog, library.personas, library.articles), library.scenarios, matrix
    )
    plan, raw = build(library, args.locale, args.phone_only)
    steps = [parse_shift_step(r) for r in raw]
    start = time.perf_counter()
    for scenario in library.scenarios.values():
        engine.engine.matcher(scenario, args.locale)
    warm = time.perf_counter() - start
    plays, records = [], []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        shift = play_shift(engine, plan, steps, args.locale, 1)
        t1 = time.perf_counter()
        shift_record(shift, library.scenarios, matrix, library.catalog, library.translations)
        t2 = time.perf_counter()
        plays.append(t1 - t0)
        records.append(t2 - t0)
    calls = sum(1 for c in shift.contacts if c.call)
    mails = sum(1 for c in shift.contacts if c.call and c.channel == "email")
    print(f"matchers built once ({args.locale}): {warm:.1f} s")
    print(
        f"shift of {CONTACTS} contacts, {len(steps)} steps, {calls} calls "
        f"({mails} of them e-mail threads), {args.runs} runs"
    )
    print(f"  play only          median {statistics.median(plays):.3f} s  max {max(plays):.3f} s")
    print(
        f"  play + record      median {statistics.median(records):.3f} s  max {max(records):.3f} s"
    )
    print(
        f"  target: under 2 s for the replay with its record -> "
        f"{'met' if max(records) < 2 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()

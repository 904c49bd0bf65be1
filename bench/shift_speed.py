"""In-process speed of a shift replay (run by hand; prints figures).

    .venv/bin/python bench/shift_speed.py [--locale fr] [--runs 5] [--phone-only]
        [--cache instance/cache] [--parsers-cold]

Builds a 30-contact shift over the built-in scenarios (one contact every three simulated minutes,
each handled with its scenario's expert transcript: phone calls, and e-mail threads for the e-mail
scenarios, one of them phoned back; each e-mail's reply is waited for and taken back, as the
shift engine now delivers it a minute later), then replays it: play (every step through the
shift engine and the call engine) and the full record (each call graded, the shift report).

Two figures, printed apart: the **cold** replay, the first one in this process, with the matchers
loaded from the instance's matcher cache (built and stored there first if missing, as
`web/shared/warm.py` does) and every lazy cache still empty; and the **warm** replays, the runs
after it. The clause parsers (spaCy) are loaded before the cold run, as a served worker has them
(`--parsers-cold` leaves their loading inside the cold run). Target: under 2 s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading.shift_record import shift_record  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.replay import fill_placeholders  # noqa: E402
from simulator.shift_engine import ShiftEngine  # noqa: E402
from simulator.shift_library import load_shift_library  # noqa: E402
from simulator.shift_plan import validate_plan_source  # noqa: E402
from simulator.shift_replay import play_shift  # noqa: E402
from simulator.shift_steps import SHIFT_STEPS, parse_shift_step, step_input  # noqa: E402
from simulator.yamlsource import parse  # noqa: E402
from storage import matcher_files  # noqa: E402

CONTACTS = 30
GAP = 180  # simulated seconds between two arrivals
REPLY = 60  # simulated seconds before an e-mail's reply comes in


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
        "length": CONTACTS * GAP + 4 * 3600,  # room for the e-mail replies
        "sla": {"P1": 300, "P2": 900, "P3": 1800, "P4": 3600},
        "patience": {"hang_up_after": 7200},
        "reply_delay": {"min": REPLY, "max": REPLY},
        "contacts": contacts,
    }
    source = parse(yaml.safe_dump(plan, allow_unicode=True))
    return validate_plan_source(source, "bench", library.scenarios), steps


def with_replies(engine: ShiftEngine, plan, raw: list, locale: str) -> list:
    """The steps, with a wait and a take after each e-mail that left the trainee's hands."""
    shift, steps = engine.start(plan, locale, 1), []
    for item in raw:
        step = parse_shift_step(item)
        if (step.name not in SHIFT_STEPS or step.name == "email") and shift.active:
            step = fill_placeholders(step, shift.contact(shift.active).call)
        ref = shift.active
        engine.step(shift, step)
        steps.append(step_input(step))
        if step.name == "email" and shift.active is None:
            for more in ({"wait": REPLY}, {"take": ref}):
                engine.step(shift, more)
                steps.append(more)
    return steps


_DRAFT: tuple = ()  # what the forked child drafts with (the parent's engine, left cold)


def _draft_in_child() -> list:
    return with_replies(*_DRAFT)


def drafted(engine: ShiftEngine, plan, raw: list, locale: str) -> list:
    """The steps drafted in a forked child, so this process's caches stay cold for the cold run."""
    global _DRAFT
    _DRAFT = (engine, plan, raw, locale)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return [parse_shift_step(r) for r in pool.apply(_draft_in_child)]


def _matchers(engine: ShiftEngine, library, locale: str, cache: Path) -> tuple[str, int]:
    """Every scenario's matchers from the cache (built and stored there first if missing)."""
    t0 = time.perf_counter()
    loaded = matcher_files.load_into(engine.engine.hearing, cache) if cache.is_dir() else 0
    before = len(engine.engine.hearing.built_matchers())
    for scenario in library.scenarios.values():
        engine.engine.matcher(scenario, locale)
    built = len(engine.engine.hearing.built_matchers()) - before
    if built:
        cache.mkdir(parents=True, exist_ok=True)
        matcher_files.store(engine.engine.hearing, cache)
    took = time.perf_counter() - t0
    return f"{loaded} loaded from {cache}, {built} built and stored: {took:.1f} s", built


def _replay(engine, plan, steps, locale, library, matrix) -> tuple[float, float, object]:
    t0 = time.perf_counter()
    shift = play_shift(engine, plan, steps, locale, 1)
    t1 = time.perf_counter()
    shift_record(shift, library.scenarios, matrix, library.catalog, library.translations)
    return t1 - t0, time.perf_counter() - t0, shift


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locale", default="en", choices=["en", "fr"])
    parser.add_argument("--runs", type=int, default=5, help="warm runs after the cold one")
    parser.add_argument("--phone-only", action="store_true", help="leave the e-mail scenarios out")
    parser.add_argument("--cache", type=Path, default=ROOT / "instance" / "cache")
    parser.add_argument("--parsers-cold", action="store_true", help="load spaCy in the cold run")
    args = parser.parse_args()
    t0 = time.perf_counter()
    library = load_library()
    matrix = load_shift_library(library.scenarios).matrix
    engine = ShiftEngine(
        Engine(library.catalog, library.personas, library.articles), library.scenarios, matrix
    )
    loading = time.perf_counter() - t0
    matchers, built = _matchers(engine, library, args.locale, args.cache)
    parsers = "left to the cold run"
    if not args.parsers_cold:
        t0 = time.perf_counter()
        engine.engine.hearing.warm((args.locale,))
        parsers = f"{time.perf_counter() - t0:.1f} s"
    plan, raw = build(library, args.locale, args.phone_only)
    steps = drafted(engine, plan, raw, args.locale)
    cold_play, cold, shift = _replay(engine, plan, steps, args.locale, library, matrix)
    plays, records = [], []
    for _ in range(args.runs):
        play, record, shift = _replay(engine, plan, steps, args.locale, library, matrix)
        plays.append(play)
        records.append(record)
    calls = sum(1 for c in shift.contacts if c.call)
    mails = sum(1 for c in shift.contacts if c.call and c.channel == "email")
    outcomes = Counter(c.outcome or c.status for c in shift.contacts)
    print(f"setup, not in the figures ({args.locale}): library {loading:.1f} s")
    print(f"  matchers: {matchers}")
    print(f"  clause parsers (spaCy): {parsers}")
    print(
        f"shift of {CONTACTS} contacts, {len(steps)} steps, {calls} calls "
        f"({mails} of them e-mail threads); outcomes {dict(sorted(outcomes.items()))}"
    )
    print(
        f"COLD replay (first in this process, matchers "
        f"{'built just before' if built else 'from the cache'}): "
        f"play {cold_play:.3f} s, play + record {cold:.3f} s"
    )
    print(
        f"WARM replays ({args.runs} runs after it): play median {statistics.median(plays):.3f} s, "
        f"play + record median {statistics.median(records):.3f} s, max {max(records):.3f} s"
    )
    print(
        f"target under 2 s (play + record): cold {'met' if cold < 2 else 'NOT met'}, "
        f"warm {'met' if max(records) < 2 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()

"""In-process speed of the call engine and of grading (run by hand; prints figures).

    .venv/bin/python bench/engine_speed.py

- one scripted step (understanding + rules + phrasing), p50/p99, without and with the SQLite commit;
- grading a 60-turn call;
- library load and matcher index build (what an app start-up pays).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grading import grade  # noqa: E402
from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from storage import calls as store  # noqa: E402
from storage.db import connect  # noqa: E402

TURNS = [
    "Good morning, IT support, Sam speaking. May I have your name please?",
    "I understand, that's annoying. What exactly happens when you print?",
    "Is the printer switched on?",
    "Could you check the cable at the back of the printer?",
    "Is it only you, or your colleagues as well?",
    "Please push the cable back in until it clicks.",
    "Can you try printing again now?",
    "So to sum up, the cable had come loose. Your ticket number is INC0012345.",
    "Is there anything else I can do for you?",
    "Have a good day, goodbye.",
]


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of values, in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    t0 = time.perf_counter()
    library = load_library()
    t1 = time.perf_counter()
    engine = Engine(library.catalog, library.personas, library.articles)
    scenario = library.scenario("printer-offline")
    for locale in ("en", "fr"):
        engine.matcher(scenario, locale)
    t2 = time.perf_counter()
    engine.hearing.warm()  # the clause parsers, loaded before a server forks
    t3 = time.perf_counter()
    print(
        f"library load {1000 * (t1 - t0):.0f} ms; matcher index build (en+fr) "
        f"{1000 * (t2 - t1):.0f} ms; clause parsers load (en+fr) {1000 * (t3 - t2):.0f} ms"
    )

    pure, committed = [], []
    with tempfile.TemporaryDirectory() as tmp:
        db = connect(Path(tmp) / "bench.db")
        for seed in range(60):
            call = engine.start(
                scenario, ["calm", "angry", "vague", "novice", "hurried"][seed % 5], "en", seed
            )
            call_id = store.create_call(db, call.events)
            for text in TURNS:
                if call.ended:
                    break
                s = time.perf_counter()
                events = engine.step(call, {"say": text})
                m = time.perf_counter()
                store.append_events(db, call_id, events)
                e = time.perf_counter()
                pure.append(m - s)
                committed.append(e - s)
    print(
        f"one scripted step, {len(pure)} steps: p50 {pct(pure, 50):.2f} ms, p99 "
        f"{pct(pure, 99):.2f} "
        "ms, "
        f"mean {1000 * statistics.mean(pure):.2f} ms"
    )
    print(
        f"one step + SQLite commit (WAL): p50 {pct(committed, 50):.2f} ms, p99 "
        f"{pct(committed, 99):.2f} "
        "ms"
    )

    call = engine.start(scenario, "calm", "en", 1)
    while call.turn < 60 and not call.ended:
        engine.step(call, {"say": TURNS[call.turn % len(TURNS)]})
    times = []
    for _ in range(200):
        s = time.perf_counter()
        grade(scenario, call.events, library.catalog, library.translations)
        times.append(time.perf_counter() - s)
    print(
        f"grading a {call.turn}-turn call ({len(call.events)} events): p50 {pct(times, 50):.2f} "
        "ms, "
        f"p99 {pct(times, 99):.2f} ms"
    )


if __name__ == "__main__":
    main()

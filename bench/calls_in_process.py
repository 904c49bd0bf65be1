"""Memory and caches over many calls in one process: the API steps of bench/http_load.py.

    .venv/bin/python bench/calls_in_process.py [--calls 5000] [--every 500] [--trace 10]

Plays the expert transcripts through the app's /api/v1 with Flask's test client (a temporary
database, 32 trainees' calls interleaved one step each in turn, as a worker sees them) and prints
every `--every` calls this process's RSS and private memory, the fill and hit rate of its caches
(live calls, remembered readings, the clause parser's) and, with `--trace N`, the N source lines
whose allocations grew most since the previous mark (tracemalloc: slow, and counts only Python's
allocations; with `--trace-from N`, what grew between N calls and each later mark; with
`--sizes`, each bounded memory's fill, hit rate and the memory its values take). `--keys FILE`
writes the sequence of lines the clause parser was asked for, one JSON pair a line, to size its
cache (bench/parse_cache_sizes.py).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import http_load  # noqa: E402
import serve  # noqa: E402

from simulator import clauses, conversation, dialogue  # noqa: E402


def _record_keys(out) -> None:
    """Write every (line, locale) the clause parser is asked for to `out`."""
    analyse = clauses.analyse

    def recorded(text: str, locale: str):
        out.write(json.dumps([text, locale]) + "\n")
        return analyse(text, locale)

    recorded.cache_info = analyse.cache_info  # type: ignore[attr-defined]
    for module in (clauses, conversation, dialogue):
        module.analyse = recorded


def _caches(app) -> str:
    from web.shared.runtime import get_engine

    with app.app_context():
        live = len(app.extensions["hotliner"].get("live", ({},))[0])
        seen = get_engine().hearing.remembered()
    parsed = clauses.analyse.cache_info()
    rate = parsed.hits / max(1, parsed.hits + parsed.misses)
    remembered = seen.hits / max(1, seen.hits + seen.misses)
    return (
        f"live calls {live}; readings {seen.currsize} (hits {remembered:.0%}); "
        f"parses {parsed.currsize} (hits {rate:.0%})"
    )


def _record_readings(app, out) -> None:
    """Write a hash of every reading the engine's memory is asked for, one a line (JSON), so
    that bench/parse_cache_sizes.py can replay them through memories of other sizes."""
    from web.shared.runtime import get_engine

    with app.app_context():
        hearing = get_engine().hearing
    recall = hearing._recall

    def recorded(*args):
        out.write(f"[{hash(args)}]\n")
        return recall(*args)

    recorded.cache_info = recall.cache_info  # type: ignore[attr-defined]
    hearing._recall = recorded
    hearing._remembering.clear()  # matchers made from now on ask through `recorded`


def _bounded(app) -> dict[str, object]:
    """Every bounded memory a worker fills as calls go by, by name: functools' cached functions."""
    from grading import folded, politeness
    from simulator import tone_signals
    from web.shared.runtime import get_engine

    with app.app_context():
        readings = get_engine().hearing._recall
    return {
        "readings (heard_before)": readings,
        "clause analyses (clauses.analyse)": clauses.analyse,
        "spaCy parses (clauses.parse)": clauses.parse,
        "jargon of a line (tone_signals._terms_in)": tone_signals._terms_in,
        "rare words (tone_signals._rare)": tone_signals._rare,
        "politeness strategies (politeness.strategies)": politeness.strategies,
        "grading's folds (grading.folded.fold)": folded.fold,
    }


def _entries(cached) -> list:
    """The argument tuples an lru_cache holds (its dict is among the objects it refers to)."""
    for ref in gc.get_referents(cached):
        if isinstance(ref, dict) and ref and all(isinstance(k, tuple | str) for k in ref):
            return [k if isinstance(k, tuple) else (k,) for k in ref]
    return []


def _sizes(app, done: int, last: dict) -> None:
    """Per bounded memory: entries, hit rate since the previous mark and overall, and the memory
    its values take, measured by computing them again under tracemalloc (the keys are the
    callers' own strings, counted by their size)."""
    for name, cached in _bounded(app).items():
        info = cached.cache_info()
        hits, misses = (
            info.hits - last.get(name, (0, 0))[0],
            info.misses - last.get(name, (0, 0))[1],
        )
        last[name] = (info.hits, info.misses)
        keys = _entries(cached)
        tracemalloc.start(1)
        values = [cached.__wrapped__(*k) for k in keys]
        held, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        held += sum(sys.getsizeof(a) for k in keys for a in k if isinstance(a, str))
        print(
            f"    {done:6d} calls  {name:46s} {info.currsize:5d}/{info.maxsize:<5d} "
            f"hits {hits / max(1, hits + misses):4.0%} since last mark, "
            f"{info.hits / max(1, info.hits + info.misses):4.0%} overall; "
            f"~{held / 1024:7.0f} KiB",
            flush=True,
        )
        del values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--trainees", type=int, default=32)
    parser.add_argument("--trace", type=int, default=0, help="top growing lines per mark")
    parser.add_argument(
        "--trace-from",
        type=int,
        default=0,
        help="start tracing at this many calls and compare every later mark with it (not with "
        "the previous mark): what a long run keeps, at full speed until then",
    )
    parser.add_argument("--keys", type=Path, default=None)
    parser.add_argument(
        "--reading-keys", type=Path, default=None, help="write the readings asked for here"
    )
    parser.add_argument(
        "--sizes", action="store_true", help="each bounded memory's fill, hits and size per mark"
    )
    args = parser.parse_args()
    from app import create_app

    plays = http_load.transcripts()
    with tempfile.TemporaryDirectory() as tmp:
        tokens = http_load.make_users(Path(tmp) / "app.db", args.trainees)
        app = create_app(
            {
                "DATABASE": str(Path(tmp) / "app.db"),
                "SECRET_KEY": "bench",
                "STEP_RATE_LIMIT": "1000000 per minute",
                "CALL_RATE_LIMIT": "1000000 per hour",
            }
        )
        keys = open(args.keys, "w") if args.keys else None  # noqa: SIM115
        if keys:
            _record_keys(keys)
        readings = open(args.reading_keys, "w") if args.reading_keys else None  # noqa: SIM115
        if readings:
            _record_readings(app, readings)
        _play(app, tokens, plays, args)
        if keys:
            keys.close()
        if readings:
            readings.close()


def _play(app, tokens, plays, args) -> None:
    client = app.test_client()
    headers = [{"Authorization": f"Bearer {t}"} for t in tokens]
    state = [None] * len(tokens)  # per trainee: (call id, caller, remaining steps)
    turn = [i for i in range(len(tokens))]
    done, snapshot, last = 0, None, {}
    if args.trace and not args.trace_from:
        tracemalloc.start(1)
        snapshot = tracemalloc.take_snapshot()
    while done < args.calls:
        for i, header in enumerate(headers):
            if state[i] is None:
                play = plays[turn[i] % len(plays)]
                turn[i] += 7
                r = client.post(
                    "/api/v1/calls",
                    json={"scenario": play.scenario, "locale": play.locale, "seed": turn[i]},
                    headers=header,
                )
                state[i] = (r.json["id"], r.json["caller"], list(play.steps))
                continue
            call_id, caller, steps = state[i]
            r = client.post(
                f"/api/v1/calls/{call_id}/steps",
                json={"step": http_load._fill(steps.pop(0), caller)},
                headers=header,
            )
            if r.status_code != 200:
                raise SystemExit(f"step answered {r.status_code}: {r.get_data(as_text=True)}")
            if r.json["ended"] or not steps:
                state[i], done = None, done + 1
                if done % args.every == 0:
                    if args.trace and done == args.trace_from:
                        _mark(app, done, None, 0)
                        tracemalloc.start(1)
                        snapshot = tracemalloc.take_snapshot()
                        continue
                    later = _mark(app, done, snapshot, args.trace if snapshot else 0)
                    if args.sizes:
                        _sizes(app, done, last)
                    snapshot = snapshot if args.trace_from else later


def _mark(app, done: int, snapshot, trace: int):
    gc.collect()
    rss, private = serve.rss_kib(__import__("os").getpid())
    print(
        f"after {done} calls: RSS {rss / 1024:.0f} MiB, private {private / 1024:.0f} MiB; "
        + _caches(app),
        flush=True,
    )
    if not trace:
        return None
    now = tracemalloc.take_snapshot()
    for stat in now.compare_to(snapshot, "lineno")[:trace]:
        print(f"    {stat.size_diff / 1024:+8.0f} KiB {stat.count_diff:+7d}  {stat.traceback[0]}")
    return now


if __name__ == "__main__":
    main()

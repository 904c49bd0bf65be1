"""Miss rate of the clause parser's cache (clauses.analyse) at several sizes, from recorded lines.

    .venv/bin/python bench/calls_in_process.py --calls 5000 --keys keys.jsonl
    .venv/bin/python bench/parse_cache_sizes.py keys.jsonl [--workers 2]

Replays the recorded sequence of (line, locale) through a least-recently-used cache of each size,
the steps dealt at random to `--workers` processes as gunicorn's workers take them, and prints the
share of lookups that miss (each miss is a spaCy parse) beside the misses no size avoids (lines
never seen before by that worker).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import OrderedDict
from pathlib import Path

SIZES = (256, 512, 1024, 2048, 4096, 8192, 16384)


def misses(keys: list, size: int) -> int:
    """Misses of an LRU cache of `size` entries over `keys`."""
    cache: OrderedDict = OrderedDict()
    missed = 0
    for key in keys:
        if key in cache:
            cache.move_to_end(key)
            continue
        missed += 1
        cache[key] = None
        if len(cache) > size:
            cache.popitem(last=False)
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    keys = [tuple(json.loads(line)) for line in args.keys.read_text().splitlines() if line]
    dealt = random.Random(1)
    streams: list[list] = [[] for _ in range(args.workers)]
    for key in keys:  # by lookup, not by step: close enough for the shares below
        streams[dealt.randrange(args.workers)].append(key)
    first = sum(len(set(s)) for s in streams)
    print(
        f"{len(keys)} lookups, {len(set(keys))} distinct lines; per worker, never seen: "
        f"{first / len(keys):.1%} of lookups"
    )
    for size in SIZES:
        missed = sum(misses(s, size) for s in streams)
        print(f"  size {size:6d}: misses {missed / len(keys):6.2%}")


if __name__ == "__main__":
    main()

"""The clause parser read from several threads at once (a gthread worker's) gives what it gives
alone."""

from __future__ import annotations

import threading
from pathlib import Path

import yaml

from simulator.clauses import analyse

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def _lines(locale: str, count: int) -> list[str]:
    lines = []
    for path in sorted(TRANSCRIPTS.glob(f"*/*.{locale}.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in data if isinstance(data, list) else data.get("steps", []):
            if isinstance(step, dict) and isinstance(step.get("say"), str):
                lines.append(step["say"])
    return sorted(set(lines))[:count]


def test_lines_parsed_in_four_threads_at_once_read_as_they_do_alone():
    parse = analyse.__wrapped__  # past the cache: every thread runs the pipeline itself
    lines = {locale: _lines(locale, 120) for locale in ("en", "fr")}
    assert all(len(found) == 120 for found in lines.values())
    alone = {(locale, line): parse(line, locale) for locale in lines for line in lines[locale]}
    differing: list[tuple[str, str]] = []
    start = threading.Barrier(4)

    def reader(locale: str, turn: int) -> None:
        start.wait()
        for line in lines[locale][turn::2] + lines[locale][1 - turn :: 2]:
            if parse(line, locale) != alone[(locale, line)]:
                differing.append((locale, line))

    threads = [threading.Thread(target=reader, args=(loc, t)) for loc in lines for t in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not differing

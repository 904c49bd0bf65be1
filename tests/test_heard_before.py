"""A line read from the engine's memory of readings gives the call it gives when read afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.engine import Engine
from simulator.heard_before import RememberingHearing
from simulator.hearing import Hearing
from simulator.replay import parse_transcript

HERE = Path(__file__).resolve().parent / "transcripts"
TRANSCRIPTS = sorted(HERE.glob("*/*.*.yaml"))


@pytest.fixture(scope="module")
def fresh(library, engine):
    """An engine that reads every line afresh (no memory), sharing the built matchers."""
    plain = Engine(library.catalog, library.personas, library.articles)
    plain.hearing = Hearing(library.catalog)
    plain.hearing.adopt_matchers(engine.hearing.built_matchers())
    return plain


def _play(engine: Engine, scenario, locale: str, steps: list) -> list:
    call = engine.start(scenario, None, locale, seed=5)
    for step in steps:
        if call.ended:
            break
        engine.step(call, step)
    return call.events


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in TRANSCRIPTS]
)
def test_a_call_read_from_memory_is_the_call_read_afresh(engine, fresh, library, path):
    scenario = library.scenario(path.parent.name)
    locale = path.name.split(".")[-2]
    steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
    assert isinstance(engine.hearing, RememberingHearing)
    first = _play(engine, scenario, locale, steps)  # fills the memory (or meets it already full)
    hits = engine.hearing.remembered().hits
    again = _play(engine, scenario, locale, steps)
    assert engine.hearing.remembered().hits > hits, "the second play reads from memory"
    fresh.hearing.adopt_matchers(engine.hearing.built_matchers())
    assert again == first == _play(fresh, scenario, locale, steps)


def test_the_memory_is_bounded(library):
    hearing = RememberingHearing(library.catalog, capacity=3)
    matcher = hearing.matcher(library.scenario("printer-offline"), "en")
    for line in ("hello", "is it plugged in?", "thanks, bye", "can you restart it?"):
        matcher.understand(line)
    assert hearing.remembered().currsize == 3
    assert matcher.understand("hello") == matcher.matcher.understand("hello")


def test_lists_handed_out_are_the_callers_own(library):
    hearing = RememberingHearing(library.catalog)
    matcher = hearing.matcher(library.scenario("printer-offline"), "en")
    first = matcher.classify_many(["is the printer on?"])
    first.append("changed by the caller")
    assert matcher.classify_many(["is the printer on?"]) == first[:1]

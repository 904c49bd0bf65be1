"""The hand-written calls of tests/transcripts_read/ (read as a trainee, verdict in
docs/CALLER.md) replay, and what the caller says in them stays true: no line said twice word for
word, one persona tic at most per reply, a novice never does an unexplained step, a vague caller
reads no tag before being pointed at the label, a pushy caller asked about the CFO never gives her
own username."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from simulator import saying
from tests.helpers import caller_lines, play

FOLDER = Path(__file__).resolve().parent / "transcripts_read"
CALLS = sorted(FOLDER.glob("*.yaml"))


def _call(engine, library, path: Path):
    scenario_id, persona, locale, _ = path.name.split(".")
    steps = yaml.safe_load(path.read_text(encoding="utf-8"))
    return play(
        engine, library.scenario(scenario_id), steps, persona=persona, locale=locale, seed=7
    )


def test_there_are_ten_calls_per_language():
    assert len([p for p in CALLS if p.name.endswith(".en.yaml")]) == 10
    assert len([p for p in CALLS if p.name.endswith(".fr.yaml")]) == 10


@pytest.mark.parametrize("path", CALLS, ids=lambda p: p.name)
def test_the_caller_stays_true_in_a_read_call(engine, library, path):
    call = _call(engine, library, path)
    assert call.ended_by == "trainee"
    lines = caller_lines(call)
    long = [line for line in lines if len(line) >= saying.REPEAT_MIN]
    assert len(long) == len(set(long))
    tics = sorted(saying.tics(call), key=len, reverse=True)
    for line in lines:
        found = 0
        for tic in tics:
            pattern = rf"(?:^|(?<=\s)){re.escape(tic)}(?=\s|$)"
            if re.search(pattern, line):
                found, line = found + 1, re.sub(pattern, " ", line)
        assert found <= 1
    if call.persona.id == "novice":
        asked = [e for e in call.events if e["kind"] == "guidance_asked"]
        assert asked, "each novice call tells a step bare once"
    if call.persona.id == "vague":
        assert call.caller.asset_tag not in lines[2]
    if call.scenario.id == "social-engineering-reset":
        assert call.caller.username not in lines[2]
        assert call.caller.others["executive"].username in lines[2]

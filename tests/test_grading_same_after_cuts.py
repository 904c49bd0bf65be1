"""Grading's speed-ups change no grade: every transcript, every persona, the whole score as JSON is
the same as with the code as it was written before them (each text folded when needed, what the
caller knows folded whole for every trainee line, the whole call folded for every note item,
dataclasses.asdict, a Python test per character for capitals)."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from grading import escalation, folded, grade, meaning, tone
from grading.model import Finding
from simulator import folding, tone_signals
from simulator.replay import parse_transcript, play

TRANSCRIPTS = sorted((Path(__file__).parent / "transcripts").glob("*/*.yaml"))
PLAYED = [p for p in TRANSCRIPTS if p.name != "expect.yaml"]


def _known_folded_whole(screen: str, t):
    return lambda turn: folding.padded(f"{screen} {t.caller_words_before(turn)}")


def _asked_for_whole_call(t):
    def asked_for(item, _spoken: str) -> bool:
        if any("{" in term for term in item.any):
            return True
        return meaning.says(" ".join([*t.said.values(), *(x for _, x in t.heard)]), item.any)

    return asked_for


def _shouting_per_character(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 12:
        return False
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}", text)]
    caps = [w for w in words if w.isupper() and len(w) > 4]
    return sum(c.isupper() for c in letters) / len(letters) > 0.6 or len(caps) >= 3


def _grades(calls, library) -> dict[str, str]:
    return {
        key: json.dumps(
            grade(scenario, events, library.catalog, library.translations).to_dict(),
            sort_keys=True,
        )
        for key, (scenario, events) in calls.items()
    }


def test_every_transcript_grades_the_same_as_before_the_speed_ups(
    engine, library, monkeypatch: pytest.MonkeyPatch
):
    calls = {}
    for path in PLAYED:
        scenario = library.scenario(path.parent.name)
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        for persona in scenario.personas:
            call, _ = play(engine, scenario, steps, persona, path.name.split(".")[-2], 1)
            calls[f"{path.parent.name}/{path.name}/{persona}"] = (scenario, call.events)
    assert len(calls) >= 400
    now = _grades(calls, library)
    assert folded.fold.cache_info().hits > 0
    with monkeypatch.context() as patch:
        for module in list(sys.modules.values()):
            if getattr(module, "fold", None) is folded.fold:
                patch.setattr(module, "fold", folding.fold)
            if getattr(module, "padded", None) is folded.padded:
                patch.setattr(module, "padded", folding.padded)
        patch.setattr(tone, "_known_folded", _known_folded_whole)
        real_note = escalation._note

        def note(scenario, t, *args):
            with monkeypatch.context() as inner:
                inner.setattr(escalation, "_asked_for", _asked_for_whole_call(t))
                return real_note(scenario, t, *args)

        patch.setattr(escalation, "_note", note)
        patch.setattr(tone_signals, "shouting", _shouting_per_character)
        patch.setattr(Finding, "to_dict", asdict)
        before = _grades(calls, library)
    differing = [key for key in now if now[key] != before[key]]
    assert not differing, differing[:5]

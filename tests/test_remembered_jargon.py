"""Grading remembers the jargon each trainee line uses (simulator.tone_signals._terms_in): every
transcript scores exactly as with the jargon worked out afresh, the way it was before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from unidecode import unidecode

from grading import grade
from simulator import tone_signals
from simulator.folding import padded
from simulator.jargon import EXTENDED_JARGON, JARGON
from simulator.replay import parse_transcript, play

TRANSCRIPTS = sorted((Path(__file__).parent / "transcripts").glob("*/*.yaml"))
PLAYED = [p for p in TRANSCRIPTS if p.name != "expect.yaml"]


def _afresh(
    text: str, locale: str, known: str = "", extended: bool = False, folded=None, known_folded=None
):
    """jargon_terms as it was before the memory: everything from the line, every time (folds
    handed in by the caller are ignored: the line and `known` are folded here)."""
    folded = padded(text)
    terms = EXTENDED_JARGON[locale] if extended else JARGON[locale]
    found = [t for t in sorted(terms) if f" {t} " in folded]
    found = [t for t in found if " " in t or tone_signals._rare(t, locale)]
    if extended:
        found += [a for a in tone_signals.rare_acronyms(text, locale) if a not in found]
    found = [t for t in found if not any(t != o and f" {t} " in f" {o} " for o in found)]
    known_folded = padded(known) if known else ""
    found = [t for t in found if f" {t} " not in known_folded]
    found += tone_signals.shortcuts(text) if extended else []
    explained = [
        t
        for t in found
        if tone_signals._explained(folded, t, locale) or f"{t} (" in unidecode(text).lower()
    ]
    return [t for t in found if t not in explained], explained


def _scores(engine, library) -> dict[str, str]:
    scores = {}
    for path in PLAYED:
        scenario = library.scenario(path.parent.name)
        locale = path.name.split(".")[-2]
        steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        for persona in scenario.personas:
            call, _ = play(engine, scenario, steps, persona, locale, 1)
            score = grade(scenario, call.events, library.catalog, library.translations)
            key = f"{path.parent.name}/{path.name}/{persona}"
            scores[key] = json.dumps(score.to_dict(), sort_keys=True)
    return scores


def test_every_transcript_scores_the_same_with_the_remembered_jargon(
    engine, library, monkeypatch: pytest.MonkeyPatch
):
    assert len(PLAYED) >= 100
    remembered = _scores(engine, library)
    assert tone_signals._terms_in.cache_info().hits > 0  # lines a call's grading read before
    with monkeypatch.context() as patch:
        patch.setattr(tone_signals, "jargon_terms", _afresh)
        afresh = _scores(engine, library)
    differing = [key for key in remembered if remembered[key] != afresh[key]]
    assert not differing, differing[:5]

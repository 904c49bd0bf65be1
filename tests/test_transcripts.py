"""Built-in scenarios played by natural-language transcripts (tests/transcripts/<scenario>/).

- `expert.<locale>.yaml` reaches the resolution (or the correct hand-over) for every allowed
  persona and scores at least 80, with no critical error;
- each `poor-*.<locale>.yaml`, described in `expect.yaml`, loses points in the skill it fails,
  with the finding that names the mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from grading import grade
from simulator.replay import parse_transcript, play

HERE = Path(__file__).resolve().parent / "transcripts"
EXPERTS = sorted(HERE.glob("*/expert.*.yaml"))
POOR = sorted(HERE.glob("*/poor-*.yaml"))


def _run(engine, library, path: Path, persona: str | None, seed: int = 1):
    scenario = library.scenario(path.parent.name)
    locale = path.name.split(".")[-2]
    steps = parse_transcript(path.read_text(encoding="utf-8"), str(path))
    call, record = play(engine, scenario, steps, persona, locale, seed)
    return scenario, call, grade(scenario, call.events, library.catalog, library.translations)


def _well_ended(scenario, call) -> bool:
    if scenario.resolution is not None and scenario.escalation.policy != "required":
        return call.resolved
    return call.escalated_to in scenario.escalation.teams


def _expert_cases():
    return [pytest.param(p, id=f"{p.parent.name}/{p.name}") for p in EXPERTS]


@pytest.mark.parametrize("path", _expert_cases())
def test_expert_transcript_ends_well_for_every_persona(engine, library, path):
    scenario = library.scenario(path.parent.name)
    for persona in scenario.personas:
        for seed in (1, 2):
            _, call, score = _run(engine, library, path, persona, seed)
            assert call.ended_by == "trainee", f"{persona}/{seed}: the caller hung up"
            assert _well_ended(scenario, call), f"{persona}/{seed}: not resolved nor handed over"
            assert not score.critical, [f.message for f in score.findings if f.critical]
            assert score.overall >= 80, (
                persona,
                seed,
                score.overall,
                [f"{f.rule} {f.points}/{f.max}" for f in score.findings if f.points < f.max],
            )


def test_every_scenario_has_expert_transcripts_in_both_locales(library):
    for scenario_id in library.scenarios:
        for locale in ("en", "fr"):
            assert (HERE / scenario_id / f"expert.{locale}.yaml").exists(), (
                f"{scenario_id} {locale}"
            )


def _poor_cases():
    cases = []
    for path in POOR:
        expect = yaml.safe_load((path.parent / "expect.yaml").read_text(encoding="utf-8"))
        name = path.name.rsplit(".", 2)[0]
        cases.append(pytest.param(path, expect[name], id=f"{path.parent.name}/{path.name}"))
    return cases


@pytest.mark.parametrize("path, expect", _poor_cases())
def test_poor_transcript_loses_points_where_it_fails(engine, library, path, expect):
    persona = expect.get("persona")
    expert = path.parent / f"expert.{path.name.split('.')[-2]}.yaml"
    _, _, good = _run(engine, library, expert, persona)
    _, _, poor = _run(engine, library, path, persona)
    skill = expect["skill"]
    assert poor.skills[skill] < good.skills[skill], (skill, poor.skills, good.skills)
    named = [
        f
        for f in poor.findings
        if f.rule == expect["rule"] and (f.points < f.max or f.critical or f.max == 0)
    ]
    assert named, [f"{f.rule} {f.points}/{f.max}" for f in poor.findings]
    if expect.get("critical"):
        assert poor.critical and poor.overall <= 40
    assert poor.overall < good.overall

"""The validator on broken scenario files: every error class names its path and its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.validate import ScenarioError, load_scenario, validate_text

REFERENCE = Path(__file__).resolve().parent.parent / "scenarios" / "printer-offline.yaml"


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _broken(old: str, new: str, count: int = 1) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, count)


def _problems(library, text: str):
    _, problems = validate_text(text, library.catalog, set(library.articles), "broken.yaml")
    return problems


CASES = [
    # (what is broken, old text, new text, expected path, words in the message, line marker)
    (
        "unknown intent",
        "intent: check_power",
        "intent: chek_power",
        "probes[4].intent",
        ["unknown intent 'chek_power'", "did you mean 'check_power'"],
        "chek_power",
    ),
    (
        "unknown fact in reveals",
        "reveals: [printer.power, printer.display]",
        "reveals: [printer.powr, printer.display]",
        "probes[4].reveals[0]",
        ["unknown fact 'printer.powr'"],
        "printer.powr",
    ),
    (
        "unknown fact in effects",
        "effects: {printer.cable: connected,",
        "effects: {printer.cabel: connected,",
        "actions[0].effects.printer.cabel",
        ["unknown fact 'printer.cabel'"],
        "printer.cabel",
    ),
    (
        "unknown team",
        "policy: forbidden",
        "policy: required\n  teams: [field_tech]",
        "escalation.teams[0]",
        ["unknown team 'field_tech'", "field_technician"],
        "field_tech",
    ),
    (
        "unknown article",
        "kb: [printer-offline]",
        "kb: [printer-ofline]",
        "kb[0]",
        ["unknown knowledge-base article 'printer-ofline'"],
        "printer-ofline",
    ),
    (
        "unknown key",
        "tier: 2\n    essential: true",
        "tier: 2\n    esential: true",
        "probes[6].esential",
        ["unknown key 'esential'"],
        "esential",
    ),
    (
        "missing translation",
        '  fr: "L\'imprimante est « hors ligne »"\n',
        "",
        "title.fr",
        ["missing French translation"],
        "title:",
    ),
    (
        "unknown placeholder",
        '{asset_tag}."\n',
        '{asset}."\n',
        "probes[9].answers[0].en",
        ["unknown placeholder '{asset}'", "asset_tag"],
        "{asset}",
    ),
    (
        "unreachable resolution",
        "when: {printer.cable: connected}\n  verify",
        "when: {printer.cable: repaired}\n  verify",
        "resolution.when",
        ["unreachable"],
        "repaired",
    ),
    (
        "unknown verify probe",
        "verify: test_print",
        "verify: test_prnt",
        "resolution.verify",
        ["unknown probe 'test_prnt'", "test_print"],
        "test_prnt",
    ),
    (
        "effect of the wrong type",
        "effects: {printer.cable: connected,",
        "effects: {printer.cable: true,",
        "actions[0].effects.printer.cable",
        ["not of the fact's type"],
        "printer.cable: true",
    ),
    (
        "tier out of range",
        "tier: 2\n    essential: true",
        "tier: 7\n    essential: true",
        "probes[6].tier",
        ["less than or equal to 4"],
        "tier: 7",
    ),
    (
        "unknown persona",
        "personas: [calm, angry",
        "personas: [calm, angy",
        "personas[1]",
        ["unknown persona 'angy'", "angry"],
        "angy",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_scenario_names_path_line_and_cause(library, case):
    _, old, new, path, words, marker = case
    text = _broken(old, new)
    problems = _problems(library, text)
    match = [p for p in problems if p.path == path]
    assert match, [str(p) for p in problems]
    for word in words:
        assert word in match[0].message, match[0].message
    assert match[0].line == _line_of(text, marker)
    assert str(match[0]).startswith(f"broken.yaml:{match[0].line} {path}: ")


def test_malformed_yaml_gives_its_line(library):
    text = _broken("  tech_level: low", "  tech_level: [low")
    problems = _problems(library, text)
    assert len(problems) == 1
    assert "malformed YAML" in problems[0].message
    assert problems[0].line is not None and abs(problems[0].line - _line_of(text, "[low")) <= 2


def test_every_cross_reference_error_is_reported_at_once(library):
    text = _broken("intent: check_power", "intent: chek_power")
    text = text.replace("kb: [printer-offline]", "kb: [nope]").replace(
        "verify: test_print", "verify: nope"
    )
    paths = {p.path for p in _problems(library, text)}
    assert {"probes[4].intent", "kb[0]", "resolution.verify"} <= paths


def test_oversized_file_is_refused(library, tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * (260 * 1024), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(big, library.catalog, set(library.articles))
    assert "larger than 256 KiB" in str(err.value)


def test_unsafe_yaml_tags_are_refused(library):
    problems = _problems(library, "!!python/object/apply:os.system ['true']\n")
    assert problems and "malformed YAML" in problems[0].message


def test_reference_scenario_is_valid(library):
    scenario, problems = validate_text(
        REFERENCE.read_text(encoding="utf-8"), library.catalog, set(library.articles)
    )
    assert problems == [] and scenario.id == "printer-offline"

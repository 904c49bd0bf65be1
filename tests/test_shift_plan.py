"""Shift plans and the matrix: the built-in ones load; every error is named with its line."""

from __future__ import annotations

import pytest

from simulator.library import load_library
from simulator.shift_library import SHIFT_DIR, check_plan_files, load_shift_library
from simulator.shift_plan import PlanError, load_matrix, validate_plan_source
from simulator.yamlsource import parse
from tests.shift_helpers import MATRIX, PLAN_HEAD


@pytest.fixture(scope="module")
def scenarios():
    return load_library().scenarios


def _problems(text: str, scenarios) -> list:
    with pytest.raises(PlanError) as caught:
        validate_plan_source(parse(text), "plan.yaml", scenarios)
    return caught.value.problems


def test_built_in_shifts_load_with_their_contacts(scenarios):
    shifts = load_shift_library(scenarios)
    monday, evening = shifts.plan("monday-morning"), shifts.plan("evening-on-call")
    assert 15 <= len(monday.contacts) <= 20
    assert len(evening.contacts) < len(monday.contacts)
    assert monday.title.fr == "Lundi matin" and evening.title.fr == "Astreinte du soir"
    priorities = {MATRIX.priority(c.triage.impact, c.triage.urgency) for c in evening.contacts}
    assert "P1" in priorities


@pytest.mark.parametrize(
    ("impact", "urgency", "priority"),
    [
        ("high", "high", "P1"),
        ("high", "medium", "P2"),
        ("medium", "medium", "P3"),
        ("low", "low", "P4"),
        ("low", "high", "P3"),
    ],
)
def test_matrix_gives_priority_from_impact_and_urgency(impact, urgency, priority):
    assert MATRIX.priority(impact, urgency) == priority


def test_matrix_names_its_levels_in_both_languages():
    assert MATRIX.priorities["P1"].get("fr") == "Critique"
    assert MATRIX.kinds["request"].get("en").startswith("Service request")


def test_unknown_scenario_is_named_with_its_line_and_a_suggestion(scenarios):
    text = PLAN_HEAD + (
        "  - {ref: a, scenario: printer-ofline, triage: {kind: incident, impact: low, "
        "urgency: low}}\n"
    )
    [problem] = _problems(text, scenarios)
    assert problem.line == 9
    assert problem.path == "contacts[0].scenario"
    assert str(problem) == (
        "plan.yaml:9 contacts[0].scenario: unknown scenario 'printer-ofline' "
        "(did you mean 'printer-offline'?)"
    )
    assert "scénario «\u00a0printer-ofline\u00a0» inconnu" in problem.text("fr")


def test_every_cross_reference_error_is_listed_with_its_line(scenarios):
    text = PLAN_HEAD.replace("P4: 3600", "P4: 3600, P3: 1").replace(", P3: 1800", "") + (
        "  - {ref: a, scenario: printer-offline, at: 4000,\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
        "  - {ref: a, scenario: printer-offline, channel: email,\n"
        "     triage: {kind: incident, impact: low, urgency: low}}\n"
        "  - {ref: b, scenario: erp-database-down, persona: pushy,\n"
        "     triage: {kind: incident, impact: high, urgency: high}}\n"
    )
    found = {(p.line, p.code) for p in _problems(text, scenarios)}
    assert found == {
        (9, "shift_arrival_after_end"),
        (11, "shift_duplicate_ref"),
        (11, "shift_channel_unsupported"),
        (13, "shift_persona_not_allowed"),
    }


def test_a_missing_sla_target_is_an_error(scenarios):
    text = PLAN_HEAD.replace(", P4: 3600", "") + (
        "  - {ref: a, scenario: printer-offline, triage: {kind: incident, impact: low, "
        "urgency: low}}\n"
    )
    [problem] = _problems(text, scenarios)
    assert (problem.code, problem.params) == ("shift_sla_missing", {"value": "P4"})


def test_shape_errors_name_their_line(scenarios):
    text = PLAN_HEAD.replace("length: 3600", "length: 60\nspeed: 2") + (
        "  - {ref: a, scenario: printer-offline, channel: fax,\n"
        "     triage: {kind: problem, impact: low, urgency: low}}\n"
    )
    found = {(p.line, p.path, p.code) for p in _problems(text, scenarios)}
    assert (4, "length", "greater_than_equal") in found
    assert (5, "speed", "extra_forbidden") in found
    assert (10, "contacts[0].channel", "literal_error") in found
    assert (11, "contacts[0].triage.kind", "literal_error") in found


def test_validating_a_folder_reports_every_file_problem(tmp_path, scenarios):
    (tmp_path / "good.yaml").write_text(
        (SHIFT_DIR / "evening-on-call.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    plans, problems = check_plan_files([tmp_path], scenarios)
    assert list(plans) == ["evening-on-call"]
    assert [p.code for p in problems] == ["malformed_yaml"]


def test_a_matrix_with_a_gap_is_refused(tmp_path):
    text = (SHIFT_DIR / "matrix.yaml").read_text(encoding="utf-8")
    path = tmp_path / "matrix.yaml"
    path.write_text(text.replace("low: {high: P3, medium: P4, low: P4}", "low: {high: P3}"))
    with pytest.raises(PlanError) as caught:
        load_matrix(path)
    assert {p.params["urgency"] for p in caught.value.problems} == {"medium", "low"}

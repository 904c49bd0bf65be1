"""The validator reports an address shown differently in two places, or a machine outside the
scenario's world (issue 14: erp-database-down's Test-NetConnection said 10.10.2.15 while ping
answered another address)."""

from __future__ import annotations

from pathlib import Path

from simulator.validate import validate_text

ERP = Path(__file__).resolve().parent.parent / "scenarios" / "erp-database-down.yaml"
FACT = 'host.sql-fin01: "10.10.2.15"'


def _problems(library, text: str):
    _, problems = validate_text(text, library.catalog, set(library.articles), "erp.yaml")
    return problems


def test_the_built_in_scenario_agrees_with_itself(library):
    assert _problems(library, ERP.read_text(encoding="utf-8")) == []


def test_an_output_that_disagrees_with_the_host_fact_is_reported(library):
    text = ERP.read_text(encoding="utf-8").replace(FACT, 'host.sql-fin01: "10.23.241.10"')
    problems = _problems(library, text)
    assert problems and all(p.code == "address_disagrees" for p in problems)
    assert "10.10.2.15" in problems[0].text("en") and "10.23.241.10" in problems[0].text("en")
    assert "10.23.241.10" in problems[0].text("fr")


def test_a_machine_missing_from_the_world_is_reported(library):
    text = ERP.read_text(encoding="utf-8").replace(FACT, "")
    problems = _problems(library, text)
    assert {p.code for p in problems} == {"host_outside_world"}
    assert "host.sql-fin01" in problems[0].text("en")

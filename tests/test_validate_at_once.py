"""Every validation error at once: shape errors and unknown names together, CLI and editor."""

from __future__ import annotations

from pathlib import Path

from simulator.validate import validate_text
from tests import test_web
from tests.test_web import client_as

web = test_web.web  # the app fixture with the demo accounts

STARTER = (
    Path(__file__).resolve().parent.parent / "scenarios" / "starters" / "new-scenario.yaml"
).read_text(encoding="utf-8")
THREE_ERRORS = STARTER.replace(
    "category: hardware\ndifficulty: 1", "category: printers\ndifficulty: 9", 1
).replace("personas: [calm, angry,", "personas: [calm, grumpy,", 1)


def test_three_errors_are_all_reported_with_their_lines(library):
    _scenario, problems = validate_text(THREE_ERRORS, library.catalog, set(library.articles))
    assert [p.path for p in problems] == ["category", "difficulty", "personas[1]"]
    assert all(p.line for p in problems)
    assert "printing" in problems[0].text("en")


def test_cli_counts_every_error(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(THREE_ERRORS, encoding="utf-8")
    result = runner.invoke(args=["scenarios", "validate", str(bad)])
    assert result.exit_code != 0
    assert "3 error(s)" in result.output


def test_editor_lists_every_error(web):
    data = (
        client_as(web, "trainer")
        .post("/authoring/validate", data={"yaml": THREE_ERRORS, "mode": "new"})
        .get_json()
    )
    assert [p["path"] for p in data["problems"]] == ["category", "difficulty", "personas[1]"]

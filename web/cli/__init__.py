"""The `hotliner` command line: one module per command group, attached to the app by `register`."""

from __future__ import annotations

from flask import Flask

from web.cli.accounts import run_demo, users_cli
from web.cli.call_commands import (
    grade_command,
    judge_tone_command,
    llm_cli,
    play_command,
    regrade_command,
    replay_command,
)
from web.cli.demo_data import demo_command
from web.cli.report_command import report_command
from web.cli.scenario_commands import scenarios_cli
from web.cli.shift_commands import shift_cli


def register(app: Flask) -> None:
    """Attach these commands to the app's CLI."""
    app.cli.add_command(scenarios_cli)
    app.cli.add_command(shift_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(llm_cli)
    app.cli.add_command(run_demo)
    app.cli.add_command(report_command)
    app.cli.add_command(demo_command)
    for command in (
        play_command,
        replay_command,
        grade_command,
        regrade_command,
        judge_tone_command,
    ):
        app.cli.add_command(command)

"""The `hotliner` command line: validate, list, replay (text and JSON), grade, regrade, play."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.test_library import BUILT_IN

TRANSCRIPT = """\
- say: "Good morning, IT support, Sam speaking. May I have your name, please?"
- say: "Is the printer switched on?"
- say: "Could you check the cable at the back of the printer?"
- say: "Please push the cable back in until it clicks."
- say: "Can you try printing again now?"
- ticket: {category: printing, root_cause: "USB cable unplugged", resolution: "reconnected"}
- close: {summary: "printer reconnected"}
- say: "Hello?"
"""


@pytest.fixture()
def transcript(tmp_path):
    path = tmp_path / "call.yaml"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_validate_built_in_library_exits_zero(runner):
    result = runner.invoke(args=["scenarios", "validate", "scenarios/"])
    assert result.exit_code == 0, result.output
    assert f"{len(BUILT_IN)} scenario(s) valid" in result.output


def test_validate_broken_file_exits_non_zero_with_its_errors(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = Path("scenarios/printer-offline.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("intent: check_power", "intent: chek_power"), encoding="utf-8")
    result = runner.invoke(args=["scenarios", "validate", str(bad)])
    assert result.exit_code != 0
    assert (
        "probes[4].intent: unknown intent 'chek_power' (did you mean 'check_power'?)"
        in result.output
    )


def test_validate_in_french_prints_the_same_problems_in_french(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = Path("scenarios/printer-offline.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("intent: check_power", "intent: chek_power"), encoding="utf-8")
    english = runner.invoke(args=["scenarios", "validate", str(bad)])
    french = runner.invoke(
        args=["scenarios", "validate", "--lang", "fr", str(bad), str(tmp_path / "none.yaml")]
    )
    assert french.exit_code != 0
    where = next(line for line in english.output.splitlines() if "probes[4].intent" in line).split(
        ": "
    )[0]
    nb = "\u00a0"
    assert (
        f"{where}: intention inconnue «{nb}chek_power{nb}» — vouliez-vous dire "
        f"«{nb}check_power{nb}»{nb}?" in french.output
    )
    assert f"none.yaml{nb}: fichier ou dossier introuvable" in french.output
    assert f"2 erreur(s){nb}; 0 scénario(s) valide(s)" in french.output
    assert "did you mean" not in french.output


def test_list_shows_every_scenario_with_both_locales(runner):
    result = runner.invoke(args=["scenarios", "list"])
    assert result.exit_code == 0
    for scenario_id in BUILT_IN:
        line = next(
            line for line in result.output.splitlines() if line.startswith(scenario_id + " ")
        )
        assert "en,fr" in line


def test_replay_json_has_the_contract_shape(runner, transcript):
    result = runner.invoke(
        args=[
            "replay",
            "printer-offline",
            str(transcript),
            "--persona",
            "calm",
            "--locale",
            "en",
            "--seed",
            "4",
            "--json",
        ]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert set(record) >= {
        "scenario",
        "version",
        "persona",
        "locale",
        "seed",
        "steps",
        "outcome",
        "score",
    }
    assert record["scenario"] == "printer-offline" and record["seed"] == 4
    first = record["steps"][0]
    assert set(first) >= {"input", "intents", "caller", "output", "mood"}
    assert first["input"] == {
        "say": "Good morning, IT support, Sam speaking. May I have your name, please?"
    }
    assert "greet" in first["intents"]
    assert record["steps"][-1]["skipped"] is True
    assert record["outcome"] == {
        "resolved": True,
        "escalated_to": None,
        "ended_by": "trainee",
        "identity_verified": False,
    }
    score = record["score"]
    assert set(score["skills"]) == {"diagnosis", "resolution", "escalation", "tone"}
    assert all(
        set(f) >= {"skill", "rule", "points", "turn", "message", "tip"} for f in score["findings"]
    )


def test_replay_twice_gives_the_same_output(runner, transcript):
    args = [
        "replay",
        "printer-offline",
        str(transcript),
        "--persona",
        "angry",
        "--seed",
        "9",
        "--json",
    ]
    assert runner.invoke(args=args).output == runner.invoke(args=args).output


@pytest.mark.parametrize(
    "args, words",
    [
        (["replay", "no-such-scenario", "T"], "unknown scenario 'no-such-scenario'"),
        (
            ["replay", "printer-offline", "T", "--persona", "pushy"],
            "persona 'pushy' is not allowed",
        ),
    ],
)
def test_replay_bad_arguments_give_a_clear_error(runner, transcript, args, words):
    args = [str(transcript) if a == "T" else a for a in args]
    result = runner.invoke(args=args)
    assert result.exit_code != 0 and words in result.output


@pytest.mark.parametrize(
    "text, words",
    [
        ("- say: hi\n- dance: now\n", "step 2: unknown step 'dance'"),
        ("- say: [unclosed\n", "malformed YAML"),
        ("say: hello\n", "a transcript is a non-empty YAML list of steps"),
        ("- escalate: {team: plumbers, note: x}\n", "step 1: unknown team 'plumbers'"),
    ],
)
def test_malformed_transcript_names_the_file_and_step(runner, tmp_path, text, words):
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["replay", "printer-offline", str(path)])
    assert result.exit_code != 0
    assert str(path) in result.output and words in result.output


def test_played_call_is_stored_graded_and_regraded(runner, app):
    keys = "Hello, IT support. Is the printer on?\nplease plug the cable back in\n/close done\n"
    result = runner.invoke(args=["play", "printer-offline", "--seed", "3"], input=keys)
    assert result.exit_code == 0, result.output
    assert "Call 1 stored." in result.output
    graded = runner.invoke(args=["grade", "1"])
    assert graded.exit_code == 0 and "Score:" in graded.output
    again = runner.invoke(args=["regrade", "--all"])
    assert again.exit_code == 0 and "1 call regraded, 0 failed" in again.output
    missing = runner.invoke(args=["grade", "99"])
    assert missing.exit_code != 0 and "no call 99" in missing.output


def test_run_demo_creates_the_demo_data_and_serves(runner, app, monkeypatch):
    served = {}
    import werkzeug.serving

    monkeypatch.setattr(
        werkzeug.serving,
        "run_simple",
        lambda host, port, application, **kw: served.update(host=host, port=port, app=application),
    )
    result = runner.invoke(args=["run-demo", "--port", "5999"])
    assert result.exit_code == 0, result.output
    assert "demo data created" in result.output and "trainee-demo-2026" in result.output
    assert served["port"] == 5999 and served["app"] is app
    again = runner.invoke(args=["run-demo", "--port", "5999"])
    assert "demo data created" not in again.output


def test_readme_port_and_database_variables_are_honoured(tmp_path, free_tcp_port):
    """README: FLASK_RUN_DEMO_PORT moves `make run` (hotliner run-demo), HOTLINER_DATABASE names
    the file, created with its folder."""
    database = tmp_path / "centre" / "hotliner.db"
    env = {
        **os.environ,
        "FLASK_RUN_DEMO_PORT": str(free_tcp_port),
        "HOTLINER_DATABASE": str(database),
    }
    hotliner = Path(sys.executable).parent / "hotliner"
    server = subprocess.Popen(
        [str(hotliner), "run-demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        status = None
        for _ in range(120):  # the first start builds the library: give it a minute
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{free_tcp_port}/login") as page:
                    status = page.status
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200
        assert database.is_file()
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode()
    assert f"Database: {database}" in output

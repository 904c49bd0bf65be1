"""`hotliner shift list | validate | replay | play` in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

TRANSCRIPT = """\
- take: e01
- triage: {impact: low, urgency: high, kind: incident}
- say: "Good morning, IT support, Sam speaking. May I have your name, please?"
- park
- wait: 300
- take: e02
- end_shift
"""


def test_shift_list_names_the_built_in_shifts(runner):
    result = runner.invoke(args=["shift", "list", "--locale", "fr"])
    assert result.exit_code == 0, result.output
    assert "Lundi matin" in result.output and "Astreinte du soir" in result.output


def test_shift_validate_accepts_the_built_in_plans(runner):
    result = runner.invoke(args=["shift", "validate"])
    assert result.exit_code == 0, result.output
    assert "2 shift(s) valid" in result.output


def test_shift_validate_prints_each_error_with_its_line(runner, tmp_path):
    text = Path("scenarios/shifts/evening-on-call.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("scenario: disk-full", "scenario: disk-ful"), encoding="utf-8")
    result = runner.invoke(args=["shift", "validate", str(bad)])
    assert result.exit_code != 0
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "scenario: disk-full" in t)
    assert (
        f"{bad}:{line} contacts[2].scenario: unknown scenario 'disk-ful' "
        "(did you mean 'disk-full'?)" in result.output
    )


def test_shift_replay_json_has_the_contract_fields(runner, tmp_path):
    path = tmp_path / "shift.yaml"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = runner.invoke(
        args=["shift", "replay", "evening-on-call", str(path), "--seed", "4", "--json"]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert set(record) >= {"contacts", "queue", "report"}
    first = record["contacts"][0]
    assert set(first) >= {
        "ref",
        "channel",
        "scenario",
        "arrived_at",
        "taken_at",
        "ended_at",
        "outcome",
        "score",
    }
    assert first["ref"] == "e01" and first["outcome"] == "parked"
    outcomes = {c["ref"]: c["outcome"] for c in record["contacts"]}
    assert outcomes["e02"] == "in_progress" and outcomes["e03"] == "not_taken"
    again = runner.invoke(
        args=["shift", "replay", "evening-on-call", str(path), "--seed", "4", "--json"]
    )
    assert again.output == result.output


def test_shift_replay_refuses_a_contact_not_in_the_queue_with_its_line(runner, tmp_path):
    path = tmp_path / "shift.yaml"
    path.write_text("- wait: 10\n- take: e04\n", encoding="utf-8")
    result = runner.invoke(args=["shift", "replay", "evening-on-call", str(path)])
    assert result.exit_code != 0
    assert f"{path}:2 step 2: contact e04 has not arrived yet" in result.output


def test_shift_replay_of_an_unknown_shift_names_the_known_ones(runner, tmp_path):
    path = tmp_path / "shift.yaml"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = runner.invoke(args=["shift", "replay", "tuesday", str(path)])
    assert result.exit_code != 0
    assert "unknown shift 'tuesday' (known: evening-on-call, monday-morning)" in result.output


def test_shift_play_shows_the_queue_and_writes_the_log(runner, tmp_path):
    log = tmp_path / "log.json"
    lines = "/take e01\n/triage low high incident\nGood morning, IT support.\n/park\n/end\n"
    result = runner.invoke(
        args=["shift", "play", "evening-on-call", "--log", str(log)], input=lines
    )
    assert result.exit_code == 0, result.output
    assert "e01" in result.output and "queue:" in result.output
    assert "CALLER:" in result.output
    saved = json.loads(log.read_text(encoding="utf-8"))
    kinds = [e["kind"] for e in saved["events"]]
    assert kinds[0] == "shift_started" and kinds[-1] == "shift_ended"
    assert saved["calls"]["e01"][0]["kind"] == "call_started"


def test_shift_play_answers_an_email_contact_in_writing(runner):
    lines = (
        "/wait 61\n/take e07\n/email\nHello,\n\nDid you click the link or enter anything?\n"
        "\nKind regards,\nSam\n.\n/wait 600\n/take e07\n/park\n/end\n"
    )
    result = runner.invoke(args=["shift", "play", "evening-on-call"], input=lines)
    assert result.exit_code == 0, result.output
    assert "Fwd: Your parcel is held - customs fees" in result.output
    assert "RE: Fwd: Your parcel is held" in result.output
    # the reply is shown when it comes in and the trainee takes the contact back, not at once
    came = result.output.index("email_reply_received e07")
    assert result.output.index("email_sent e07") < came < result.output.index("RE: Fwd")
    assert "I didn't click anything" in result.output
    assert "IT service desk wrote:\n> Hello," in result.output

"""`hotliner play` and `hotliner replay`: calls in the terminal, through the same engine."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from simulator.call import CallEnded
from simulator.engine import EngineError
from simulator.llm import LLMClient
from simulator.replay import TranscriptError, parse_transcript, play
from simulator.scenario import LOCALES
from simulator.steps import StepError, parse_step
from storage.calls import CallNotFound
from web.shared.call_service import regrade, start_call, step_call
from web.shared.database import get_db
from web.shared.llm_tone import NotEnded, judge_call
from web.shared.playable import StoredScenarioError
from web.shared.runtime import LibraryError, get_engine, get_library, grade_call, llm_config

PLAY_HELP = """Commands: just type to speak to the caller, or
  /remote_connect            ask to take control of the caller's computer
  /remote COMMAND            run a command on the caller's computer
  /dir OP [USER]             account tools: lookup, unlock, reset_password, reset_mfa
  /kb QUERY                  search the knowledge base
  /hold SECONDS   /resume    put the caller on hold, come back
  /ticket FIELD=VALUE ...    category, priority, summary, root_cause, resolution
  /escalate TEAM NOTE        hand over to a level-2 team
  /close SUMMARY             end the call
  /help                      this help"""


def _resolve(scenario_id: str, persona: str | None, locale: str):
    try:
        library = get_library()
    except LibraryError as exc:
        raise click.ClickException(f"the scenario library does not load:\n{exc}") from exc
    try:
        scenario = library.scenario(scenario_id)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc
    if persona and persona not in scenario.personas:
        raise click.ClickException(
            f"persona '{persona}' is not allowed in {scenario_id} "
            f"(allowed: {', '.join(scenario.personas)})"
        )
    return scenario


@click.command("replay")
@click.argument("scenario_id")
@click.argument("transcript", type=click.Path(path_type=Path))
@click.option("--persona", default=None, help="calm, angry, vague, novice, hurried...")
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@click.option("--seed", type=int, default=1)
@click.option("--mode", type=click.Choice(["scripted", "llm"]), default="scripted")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@with_appcontext
def replay_command(scenario_id, transcript, persona, locale, seed, mode, as_json):
    """Play a transcript file (a YAML list of steps) and print the call."""
    scenario = _resolve(scenario_id, persona, locale)
    if mode == "llm" and get_engine().llm is None:
        raise click.ClickException(
            "--mode llm needs an endpoint: set HOTLINER_LLM_BASE_URL and HOTLINER_LLM_MODEL"
        )
    try:
        steps = parse_transcript(transcript.read_text(encoding="utf-8"), str(transcript))
    except OSError as exc:
        raise click.ClickException(f"{transcript}: cannot read ({exc.strerror})") from exc
    except TranscriptError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        call, record = play(get_engine(), scenario, steps, persona, locale, seed, mode)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from exc
    record["score"] = grade_call(scenario, call.events)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(f"CALLER: {record['opening']}")
    for rec in record["steps"]:
        click.echo(f"\n> {json.dumps(rec['input'], ensure_ascii=False)}")
        if rec.get("skipped"):
            click.echo("  (skipped: the call had ended)")
            continue
        if rec["output"]:
            click.echo("\n".join("  | " + line for line in rec["output"].splitlines()))
        if rec["caller"]:
            click.echo(f"CALLER ({rec['mood']}): {rec['caller']}")
    click.echo(f"\nOutcome: {json.dumps(record['outcome'])}")
    if record["score"]:
        s = record["score"]
        failed = "  FAILED (critical error)" if s["critical"] else ""
        click.echo(f"Score: {s['overall']}/100 {s['skills']}{failed}")
        for f in s["findings"]:
            click.echo(f"  [{f['skill']}] {f['points']:+d} turn {f['turn']}: {f['message']}")


def _parse_command(line: str):
    name, _, rest = line[1:].partition(" ")
    rest = rest.strip()
    if name in ("remote_connect", "resume"):
        return name
    if name == "close":
        return {"close": {"summary": rest}}
    if name in ("remote", "kb"):
        return {name: rest}
    if name == "hold":
        return {"hold": int(rest) if rest.isdigit() else rest}
    if name == "dir":
        parts = rest.split()
        return {
            "directory": {
                "op": parts[0] if parts else "",
                **({"user": parts[1]} if len(parts) > 1 else {}),
            }
        }
    if name == "escalate":
        team, _, note = rest.partition(" ")
        return {"escalate": {"team": team, "note": note}}
    if name == "ticket":
        fields = dict(part.split("=", 1) for part in shlex.split(rest) if "=" in part)
        return {"ticket": fields}
    return {name: rest}


@click.command("play")
@click.argument("scenario_id")
@click.option("--persona", default=None)
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@click.option("--seed", type=int, default=1)
@with_appcontext
def play_command(scenario_id, persona, locale, seed):
    """Take a call interactively in the terminal."""
    scenario = _resolve(scenario_id, persona, locale)
    db = get_db()
    call_id, call = start_call(db, scenario, persona, locale, seed)
    who = call.caller
    click.echo(f"Incoming call: {who.caller_name}, {who.role}, {who.department} — {who.phone}")
    click.echo(f"CALLER: {call.events[-1]['data']['text']}\n(/help for commands)")
    while not call.ended:
        try:
            line = input("you> ").strip()
        except EOFError:
            break
        if not line:
            continue
        if line == "/help":
            click.echo(PLAY_HELP)
            continue
        try:
            step = parse_step(_parse_command(line) if line.startswith("/") else {"say": line})
            events = step_call(db, call_id, call, step)
        except (StepError, CallEnded, ValueError) as exc:
            click.echo(f"! {exc}")
            continue
        for event in events:
            if event["kind"] in ("remote_command", "directory_action"):
                click.echo("\n".join("  | " + x for x in event["data"]["output"].splitlines()))
            elif event["kind"] == "kb_search":
                for r in event["data"]["results"]:
                    click.echo(f"  kb {r['id']}: {r['title']}")
            elif event["kind"] == "caller_said":
                click.echo(f"CALLER ({call.mood}): {event['data']['text']}")
    score = grade_call(scenario, call.events)
    click.echo(f"\nCall {call_id} stored.")
    if score:
        click.echo(f"Score: {score['overall']}/100 {score['skills']}")
        for f in score["findings"]:
            click.echo(f"  [{f['skill']}] {f['points']:+d} turn {f['turn']}: {f['message']}")


def _print_score(score: dict) -> None:
    flag = "  FAILED (critical error)" if score["critical"] else ""
    click.echo(f"Score: {score['overall']}/100 {score['skills']}{flag}")
    for f in score["findings"]:
        click.echo(f"  [{f['skill']}] {f['points']:+d} turn {f['turn']}: {f['message']}")


@click.command("grade")
@click.argument("call_id", type=int)
@with_appcontext
def grade_command(call_id):
    """Grade a stored call from its event log (and store the score)."""
    try:
        score = regrade(get_db(), call_id)
    except CallNotFound as exc:
        raise click.ClickException(f"no call {call_id} in the database") from exc
    except StoredScenarioError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_score(score)


@click.command("regrade")
@click.option("--all", "everything", is_flag=True, required=True, help="Every ended call.")
@with_appcontext
def regrade_command(everything):
    """Grade every ended call again with the current grader (after a rubric change)."""
    db = get_db()
    ids = [r["id"] for r in db.query("select id from calls where status = 'ended' order by id")]
    failed, failing = [], 0
    with click.progressbar(ids, label="Regrading", show_pos=True) as bar:
        for call_id in bar:
            try:
                failing += bool(regrade(db, call_id)["critical"])
            except StoredScenarioError as exc:
                failed.append(f"call {call_id}: {exc}")
    done = len(ids) - len(failed)
    click.echo(f"{done} call{'' if done == 1 else 's'} regraded, {failing} failed")
    for line in failed:
        click.echo(line, err=True)
    if failed:
        n = len(failed)
        raise click.ClickException(f"{n} call{'' if n == 1 else 's'} could not be regraded")


llm_cli = AppGroup("llm", help="The optional language-model caller.")


@llm_cli.command("check")
@with_appcontext
def llm_check_command():
    """Say whether the configured endpoint answers and honours JSON-schema output."""
    config = llm_config()
    if config is None:
        raise click.ClickException(
            "no endpoint configured: set HOTLINER_LLM_BASE_URL and HOTLINER_LLM_MODEL, "
            "or save them on the admin page (/admin/)"
        )
    result = LLMClient(config).check()
    click.echo(f"endpoint: {config.base_url}  model: {config.model}")
    click.echo(f"answers: {'yes' if result['reachable'] else 'no'}")
    click.echo(f"JSON-schema output: {'yes' if result['json_schema'] else 'no'}")
    if not result["json_schema"]:
        raise click.ClickException(
            f"not usable: {result['reason']} {result.get('detail', '')}".strip()
        )


@click.command("judge-tone")
@click.argument("call_id", type=int)
@with_appcontext
def judge_tone_command(call_id):
    """Ask the language model to judge an ended call's tone; blend it into the score (capped)."""
    config = llm_config()
    if config is None:
        raise click.ClickException(
            "no endpoint configured: set HOTLINER_LLM_BASE_URL and HOTLINER_LLM_MODEL, "
            "or save them on the admin page (/admin/)"
        )
    try:
        score, failure = judge_call(get_db(), call_id, config)
    except CallNotFound as exc:
        raise click.ClickException(f"no call {call_id} in the database") from exc
    except NotEnded as exc:
        raise click.ClickException(str(exc)) from exc
    except StoredScenarioError as exc:
        raise click.ClickException(str(exc)) from exc
    if failure:
        raise click.ClickException(f"the model did not judge ({failure}); the score is unchanged")
    _print_score(score)

"""`hotliner shift list | validate | play | replay`: shifts in the terminal, through the engines."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from grading.shift_record import shift_record
from simulator.replay import TranscriptError, fill_placeholders
from simulator.scenario import LOCALES
from simulator.shift_engine import ShiftEngine
from simulator.shift_library import SHIFT_DIR, ShiftLibrary, check_plan_files, load_shift_library
from simulator.shift_plan import PlanError
from simulator.shift_replay import parse_shift_transcript, play_shift
from simulator.shift_state import Shift, ShiftRefused
from simulator.shift_steps import SHIFT_STEPS, parse_shift_step
from simulator.steps import StepError
from web.cli.call_commands import _parse_command
from web.shared.runtime import LibraryError, get_engine, get_library

shift_cli = AppGroup("shift", help="Shifts: a queue of contacts over simulated time.")

PLAY_HELP = """Shift commands:
  /queue                       show the queue
  /take REF                    take a contact (a parked one is resumed)
  /triage IMPACT URGENCY KIND  high|medium|low, high|medium|low, incident|request
  /park                        park the contact in hand (call back later)
  /wait SECONDS                let time pass (nothing in hand)
  /email                       write an e-mail to the user in hand (end it with a line ".")
  /end                         end the shift
During a call: type to speak, or the call commands of `hotliner play` (/help there).
An e-mail contact is answered with /email; typing speaks only if the plan allows a call back."""


def _shifts() -> tuple[ShiftLibrary, ShiftEngine]:
    try:
        library = get_library()
        shifts = load_shift_library(library.scenarios)
    except (LibraryError, PlanError) as exc:
        raise click.ClickException(f"the shift library does not load:\n{exc}") from exc
    return shifts, ShiftEngine(get_engine(), library.scenarios, shifts.matrix)


def _plan(shifts: ShiftLibrary, shift_id: str):
    try:
        return shifts.plan(shift_id)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from exc


@shift_cli.command("list")
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@with_appcontext
def list_command(locale):
    """List the built-in shifts."""
    shifts, _ = _shifts()
    for plan in shifts.plans.values():
        minutes = plan.length // 60
        click.echo(
            f"{plan.id:20} {plan.title.get(locale)} — {len(plan.contacts)} contacts, "
            f"{minutes} min ×{plan.time_factor:g}"
        )


@shift_cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@with_appcontext
def validate_command(paths, locale):
    """Validate shift plan files (default: the built-in ones); every error with its line."""
    try:
        scenarios = get_library().scenarios
    except LibraryError as exc:
        raise click.ClickException(f"the scenario library does not load:\n{exc}") from exc
    plans, problems = check_plan_files(list(paths) or [SHIFT_DIR], scenarios)
    for problem in problems:
        click.echo(problem.format(locale))
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s)")
    click.echo(f"{len(plans)} shift(s) valid")


@shift_cli.command("replay")
@click.argument("shift_id")
@click.argument("transcript", type=click.Path(path_type=Path))
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@click.option("--seed", type=int, default=1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@with_appcontext
def replay_command(shift_id, transcript, locale, seed, as_json):
    """Play a shift transcript (a YAML list of shift and call steps) and print the shift."""
    shifts, engine = _shifts()
    plan = _plan(shifts, shift_id)
    try:
        steps, lines = parse_shift_transcript(
            transcript.read_text(encoding="utf-8"), str(transcript)
        )
        shift = play_shift(engine, plan, steps, locale, seed, lines, str(transcript))
    except OSError as exc:
        raise click.ClickException(f"{transcript}: cannot read ({exc.strerror})") from exc
    except TranscriptError as exc:
        raise click.ClickException(str(exc)) from exc
    library = get_library()
    record = shift_record(
        shift, library.scenarios, shifts.matrix, library.catalog, library.translations
    )
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    _print_record(record)


def _print_record(record: dict) -> None:
    for c in record["contacts"]:
        taken = "—" if c["taken_at"] is None else f"{c['taken_at']:.0f}"
        click.echo(
            f"{c['ref']:8} {c['channel']:9} {c['scenario']:26} arrived {c['arrived_at']:6.0f}"
            f"  taken {taken:>6}  {c['outcome']:18} score {c['score']}"
        )
    report = record["report"]
    sla = ", ".join(f"{p} {v['met']}/{v['total']}" for p, v in report["sla"].items() if v["total"])
    click.echo(
        f"\nShift score: {report['overall']}/100 · SLA {sla} · abandoned {report['abandoned']}"
    )
    for f in report["findings"]:
        if f["max"] or f["tip"]:
            click.echo(f"  [{f['rule']}] {f['points']}/{f['max']}: {f['message']}")


def _print_queue(shift: Shift) -> None:
    shot = shift.queue[-1] if shift.queue else {"waiting": []}
    click.echo(f"-- {shift.now / 60:.1f} min of {shift.plan.length // 60} · queue:")
    for item in shot["waiting"]:
        waited = (shift.now - shift.contact(item["ref"]).arrived_at) / 60
        click.echo(
            f"   {item['ref']:8} {item['channel']:9} {item['status']:9} {item['subject']}"
            f" · waiting {waited:.1f} min"
        )
    if not shot["waiting"]:
        click.echo("   (empty)")


def _read_email() -> dict:
    """The lines of an e-mail typed in the terminal, up to a line holding only "."."""
    lines = []
    while True:
        try:
            line = input("  | ")
        except EOFError:
            break
        if line.strip() == ".":
            break
        lines.append(line)
    return {"email": {"body": "\n".join(lines)}}


def _show_said(data: dict) -> None:
    """The user's words: spoken, or an e-mail with its subject."""
    mail = data.get("email")
    if mail:
        click.echo(f"E-MAIL from {mail['from']} · {mail['subject']}\n{mail['text']}\n")
    else:
        click.echo(f"CALLER: {data['text']}")


def _shift_command(line: str):
    name, _, rest = line[1:].partition(" ")
    parts = rest.split()
    if name == "take":
        return {"take": rest.strip()}
    if name == "triage":
        return {"triage": dict(zip(("impact", "urgency", "kind"), parts, strict=False))}
    if name == "wait":
        return {"wait": int(rest) if rest.strip().isdigit() else rest}
    if name == "end":
        return "end_shift"
    if name == "park":
        return "park"
    if name == "email":
        return _read_email()
    return _parse_command(line)


@shift_cli.command("play")
@click.argument("shift_id")
@click.option("--locale", type=click.Choice(LOCALES), default="en")
@click.option("--seed", type=int, default=1)
@click.option("--log", "log_path", type=click.Path(path_type=Path), help="Write the event log.")
@with_appcontext
def play_command(shift_id, locale, seed, log_path):
    """Play a shift interactively in the terminal, the queue shown between contacts."""
    shifts, engine = _shifts()
    shift = engine.start(_plan(shifts, shift_id), locale, seed)
    click.echo(f"{shift.plan.title.get(locale)} (/help for commands)")
    _print_queue(shift)
    while not shift.ended:
        try:
            line = input("you> ").strip()
        except EOFError:
            break
        if line == "/help":
            click.echo(PLAY_HELP)
            continue
        if line == "/queue" or not line:
            _print_queue(shift)
            continue
        try:
            step = parse_shift_step(_shift_command(line) if line.startswith("/") else {"say": line})
            if (step.name not in SHIFT_STEPS or step.name == "email") and shift.active:
                call = shift.contact(shift.active).call
                step = fill_placeholders(step, call) if call else step
            outcome = engine.step(shift, step)
        except (StepError, ShiftRefused, ValueError) as exc:
            click.echo(f"! {exc}")
            continue
        moved = shift.contact(outcome.ref) if outcome.ref else None
        sent = moved is not None and moved.status == "awaiting_reply"  # the reply comes later
        for event in [] if sent else outcome.call_events:
            if event["kind"] == "caller_said":
                _show_said(event["data"])
        for event in outcome.shift_events:
            if event["kind"] in ("contact_taken", "contact_resumed"):
                call = shift.contact(event["data"]["ref"]).call
                opening = [e for e in call.events if e["kind"] == "caller_said"]
                if opening:
                    _show_said(opening[-1]["data"])
            elif event["kind"] not in ("call_step", "contact_triaged"):
                click.echo(
                    f"  · {event['at'] / 60:.1f} min {event['kind']} {event['data'].get('ref', '')}"
                )
        if shift.active is None:
            _print_queue(shift)
    engine.end(shift)
    library = get_library()
    _print_record(
        shift_record(shift, library.scenarios, shifts.matrix, library.catalog, library.translations)
    )
    if log_path:
        log = {
            "shift": shift.plan.id,
            "events": shift.events,
            "calls": {c.ref: c.call.events for c in shift.contacts if c.call},
        }
        log_path.write_text(json.dumps(log, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(f"Event log written to {log_path}")

"""Transcripts: YAML lists of trainee steps, played through the engine into the replay record."""

from __future__ import annotations

from typing import Any

from simulator.call import Call
from simulator.engine import Engine
from simulator.scenario import Scenario
from simulator.steps import Step, StepError, parse_step
from simulator.yamlsource import SourceError, parse

TOOL_OUTPUT_KINDS = ("remote_command", "directory_action")


class TranscriptError(ValueError):
    """A transcript file is malformed; the message names the file and the step."""


def parse_transcript(text: str, filename: str) -> list[Step]:
    """Parse a transcript (a YAML list of steps) or raise TranscriptError naming file and step."""
    try:
        source = parse(text)
    except SourceError as exc:
        where = f"{filename}:{exc.line}" if exc.line else filename
        raise TranscriptError(f"{where}: {exc.message}") from exc
    if not isinstance(source.data, list) or not source.data:
        raise TranscriptError(f"{filename}: a transcript is a non-empty YAML list of steps")
    steps = []
    for index, raw in enumerate(source.data):
        try:
            steps.append(parse_step(raw))
        except StepError as exc:
            line = source.line_of((index,))
            raise TranscriptError(f"{filename}:{line} step {index + 1}: {exc}") from exc
    return steps


def fill_placeholders(step: Step, call: Call) -> Step:
    """Fill `{asset_tag}`-style placeholders in a step's texts from this call's caller."""
    values = _Keep(call.placeholders())
    args = {
        k: v.format_map(values) if isinstance(v, str) and "{" in v else v
        for k, v in step.args.items()
    }
    return Step(step.name, args)


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _step_record(step: Step, events: list[dict[str, Any]], mood: int) -> dict[str, Any]:
    intents: list[str] = []
    clauses: list[dict[str, Any]] | None = None
    caller, output = [], []
    for event in events:
        data = event["data"]
        if event["kind"] == "intent_matched":
            intents = [m["intent"] for m in data["intents"]]
            clauses = data.get("clauses", clauses)
        elif event["kind"] == "unrecognized" and "clauses" in data:
            clauses = data["clauses"]
        elif event["kind"] == "caller_said":
            caller.append(data["text"])
        elif event["kind"] in TOOL_OUTPUT_KINDS:
            output.append(data["output"])
        elif event["kind"] == "kb_search":
            output.append("\n".join(f"{r['id']}: {r['title']}" for r in data["results"]))
    record = {
        "input": step.as_input(),
        "intents": intents,
        "caller": " ".join(caller),
        "output": "\n".join(output),
        "mood": mood,
    }
    if clauses is not None:
        record["clauses"] = clauses
    return record


def play(
    engine: Engine,
    scenario: Scenario,
    steps: list[Step],
    persona: str | None = None,
    locale: str = "en",
    seed: int = 0,
    mode: str = "scripted",
) -> tuple[Call, dict[str, Any]]:
    """Play steps through a new call; return the call and its replay record (score left None)."""
    call = engine.start(scenario, persona, locale, seed, mode)
    opening = next(e["data"]["text"] for e in call.events if e["kind"] == "caller_said")
    records = []
    for step in steps:
        if call.ended:
            records.append(
                {
                    "input": step.as_input(),
                    "intents": [],
                    "caller": "",
                    "output": "",
                    "mood": call.mood,
                    "skipped": True,
                }
            )
            continue
        events = engine.step(call, fill_placeholders(step, call))
        records.append(_step_record(step, events, call.mood))
    record = {
        "scenario": scenario.id,
        "version": scenario.version,
        "persona": call.persona.id,
        "locale": locale,
        "seed": seed,
        "opening": opening,
        "steps": records,
        "outcome": call.outcome(),
        "score": None,
    }
    return call, record

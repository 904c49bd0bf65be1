"""Builders for shift tests: small plans written in YAML, engines over the built-in library."""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from simulator.shift_engine import ShiftEngine
from simulator.shift_library import SHIFT_DIR
from simulator.shift_plan import ShiftPlan, load_matrix, validate_plan_source
from simulator.yamlsource import parse

ROOT = Path(__file__).resolve().parent.parent
MATRIX = load_matrix(SHIFT_DIR / "matrix.yaml")

PLAN_HEAD = """\
id: test-shift
title: {en: "Test shift", fr: "Vacation de test"}
description: {en: "A small shift for tests", fr: "Une petite vacation pour les tests"}
length: 3600
sla: {P1: 300, P2: 900, P3: 1800, P4: 3600}
patience: {drop_per_minute: 5, hang_up_after: 600}
level2_delay: 600
contacts:
"""


def make_plan(contacts: str, head: str = PLAN_HEAD, scenarios=None) -> ShiftPlan:
    """A validated plan from the contacts' YAML (indented list items)."""
    from simulator.library import load_library

    source = parse(head + contacts)
    return validate_plan_source(source, "test.yaml", scenarios or load_library().scenarios)


def expert_steps(scenario: str, locale: str = "en") -> list:
    """The expert transcript of a scenario, as raw steps."""
    path = ROOT / "tests" / "transcripts" / scenario / f"expert.{locale}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def shift_engine(engine, library) -> ShiftEngine:
    """A shift engine over the built-in library and matrix."""
    return ShiftEngine(engine, library.scenarios, MATRIX)


def play_call(shifts: ShiftEngine, shift, scenario: str, locale: str = "en") -> None:
    """Play a scenario's expert call on the contact in hand, placeholders filled."""
    from simulator.replay import fill_placeholders
    from simulator.shift_steps import parse_shift_step

    ref = shift.active
    for raw in expert_steps(scenario, locale):
        if shift.active is None:  # an e-mail went out: wait for the user's reply, take it back
            read_reply(shifts, shift, ref)
        call = shift.contact(ref).call
        shifts.step(shift, fill_placeholders(parse_shift_step(raw), call))


def read_reply(shifts: ShiftEngine, shift, ref: str) -> None:
    """Wait (nothing in hand) until the user's reply to contact `ref` comes in, then take it."""
    contact = shift.contact(ref)
    if contact.status == "awaiting_reply":
        shifts.step(shift, {"wait": max(1, math.ceil(contact.reply_due - shift.now))})
    assert contact.status == "reply_received", contact.status
    shifts.step(shift, {"take": ref})

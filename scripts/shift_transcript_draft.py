"""Draft a shift transcript: take the most urgent contact first and play each scenario's expert
transcript (tests/transcripts/<scenario>/expert.<locale>.yaml: calls, and for e-mail contacts the
`email` replies with any call back); print the YAML. An e-mail leaves the trainee's hands until
the user's reply comes into the queue: the contact's expert steps go on when it is taken back.

    .venv/bin/python scripts/shift_transcript_draft.py SHIFT LOCALE SEED [--skip-follow-ups]
        [--mistriage REF=IMPACT/URGENCY/KIND ...]

The draft is a starting point for a trainer or a test: edit it by hand afterwards.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.engine import Engine  # noqa: E402
from simulator.library import load_library  # noqa: E402
from simulator.replay import fill_placeholders  # noqa: E402
from simulator.shift_engine import ShiftEngine  # noqa: E402
from simulator.shift_library import load_shift_library  # noqa: E402
from simulator.shift_steps import SHIFT_STEPS, parse_shift_step  # noqa: E402


def main(argv: list[str]) -> None:
    if "--help" in argv or len(argv) < 3:
        print(__doc__)
        return
    shift_id, locale, seed = argv[0], argv[1], int(argv[2])
    skip_follow_ups = "--skip-follow-ups" in argv
    wrong = {}
    for arg in argv:
        if "=" in arg and not arg.startswith("--"):
            ref, triage = arg.split("=")
            impact, urgency, kind = triage.split("/")
            wrong[ref] = {"impact": impact, "urgency": urgency, "kind": kind}
    library = load_library()
    shifts = load_shift_library(library.scenarios)
    plan = shifts.plan(shift_id)
    engine = ShiftEngine(
        Engine(library.catalog, library.personas, library.articles),
        library.scenarios,
        shifts.matrix,
    )
    shift = engine.start(plan, locale, seed)
    out: list = []
    left: dict[str, list] = {}  # each contact's expert steps not played yet

    def play(raw):
        step = parse_shift_step(raw)
        if step.name not in SHIFT_STEPS or step.name == "email":  # an e-mail has {ticket} too
            step = fill_placeholders(step, shift.contact(shift.active).call)
        engine.step(shift, step)
        out.append(raw)

    while not shift.ended:
        queued = [
            c
            for c in shift.contacts
            if c.queued and not (skip_follow_ups and c.status == "follow_up")
        ]
        if not queued:
            pending = [
                c
                for c in shift.contacts
                if c.status in ("scheduled", "with_level2", "awaiting_reply")
            ]
            if skip_follow_ups:
                pending = [c for c in pending if c.status != "with_level2"]
            if not pending:
                play("end_shift")
                break
            due = min(_due(c) for c in pending)
            play({"wait": max(1, min(3600, int(due - shift.now) + 1))})
            continue
        truth = {c.ref: c.plan.triage for c in queued}
        pick = min(
            queued,
            key=lambda c: (
                shifts.matrix.priority(truth[c.ref].impact, truth[c.ref].urgency),
                c.arrived_at,
            ),
        )
        play({"take": pick.ref})
        if pick.status == "closed":  # a follow-up is done on taking it
            continue
        if pick.ref not in left:  # taken for the first time (not a reply come in)
            t = pick.plan.triage
            play(
                {
                    "triage": wrong.get(
                        pick.ref, {"impact": t.impact, "urgency": t.urgency, "kind": t.kind}
                    )
                }
            )
            expert = ROOT / "tests" / "transcripts" / pick.plan.scenario / f"expert.{locale}.yaml"
            left[pick.ref] = yaml.safe_load(expert.read_text(encoding="utf-8"))
        while left[pick.ref] and shift.active is not None:
            play(left[pick.ref].pop(0))
    print(f"# {shift_id}, {locale}, seed {seed}: drafted by scripts/shift_transcript_draft.py")
    print(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=100), end="")


def _due(contact) -> float:
    """When a contact not in the queue comes into it: arrival, level-2 answer or reply."""
    if contact.status == "scheduled":
        return contact.arrived_at
    return contact.level2_due if contact.status == "with_level2" else contact.reply_due


if __name__ == "__main__":
    main(sys.argv[1:])

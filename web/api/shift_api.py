"""The shift API (/api/v1/shifts): start a shift, read its state, take a contact, send a step, end.

Same authentication and CSRF rules as the call API (the blueprint's before_request in
endpoints.py). A step the shift refuses (a contact that left the queue, a shift that ended) is a
409 with the reason, and nothing is written. Hidden facts and the plan's right triage never leave
the server while the shift is in progress.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import abort, jsonify
from flask_login import current_user

from grading.shift_record import shift_record
from simulator.scenario import LOCALES
from simulator.shift_queue import Contact, snapshot
from simulator.shift_replay import contact_rows
from simulator.shift_state import Shift, ShiftRefused
from simulator.shift_steps import parse_shift_step
from simulator.steps import StepError
from storage import shifts as shift_store
from web.api import bp
from web.api.endpoints import _body, _error
from web.shared.access import can_review, owns
from web.shared.database import get_db
from web.shared.live_shifts import (
    StaleShift,
    apply_shift_step,
    call_ids,
    get_shift,
    shift_library,
    start_shift,
)
from web.shared.mail_thread import phoned_back, thread_entries
from web.shared.rate_limits import limited
from web.shared.runtime import get_library
from web.shared.transcript import entries


def _seed(data: dict[str, Any]) -> int | None:
    seed = data.get("seed", secrets.randbelow(2**31))
    if isinstance(seed, float) and seed.is_integer():
        seed = int(seed)
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        return None
    return seed


@bp.post("/shifts")
@limited("call")
def create_shift():
    """Start a built-in shift."""
    data = _body()
    plan = shift_library().plans.get(str(data.get("shift", "")))
    if plan is None:
        known = ", ".join(sorted(shift_library().plans))
        return _error(422, "unknown_shift", f"unknown shift '{data.get('shift')}' (known: {known})")
    locale = data.get("locale", "en")
    if locale not in LOCALES:
        return _error(422, "bad_locale", f"locale must be one of {', '.join(LOCALES)}")
    seed = _seed(data)
    if seed is None:
        return _error(422, "bad_seed", "seed must be a whole number ≥ 0")
    pk = start_shift(get_db(), plan, locale, seed, current_user.id)
    row, shift = get_shift(get_db(), pk)
    return jsonify(_state(row, shift)), 201


def _shift(shift_id: int, write: bool) -> tuple[dict[str, Any], Shift]:
    try:
        row, shift = get_shift(get_db(), shift_id)
    except shift_store.ShiftNotFound:
        abort(_error(404, "not_found", f"no shift {shift_id}"))
    if not can_review(get_db(), current_user, row):
        abort(_error(404, "not_found", f"no shift {shift_id}"))
    if write and not owns(current_user, row):
        abort(_error(403, "forbidden", "only the trainee playing the shift can send steps"))
    return row, shift


@bp.get("/shifts/<int:shift_id>")
def read_shift(shift_id: int):
    """A shift as the trainee sees it: clock, queue, contacts, the call in hand."""
    row, shift = _shift(shift_id, write=False)
    return jsonify(_state(row, shift))


def _apply(shift_id: int, raw: Any):
    row, shift = _shift(shift_id, write=True)
    try:
        step = parse_shift_step(raw)
        shift, outcome = apply_shift_step(get_db(), shift_id, step, current_user.id)
    except StepError as exc:
        return _error(422, "bad_step", str(exc))
    except ShiftRefused as exc:
        error = "shift_ended" if shift.ended else "refused"
        return _error(409, error, f"{exc}; nothing was changed")
    except StaleShift as exc:
        return _error(409, "conflict", str(exc))
    contact = shift.contact(outcome.ref) if outcome.ref else None
    answer = _state(get_shift(get_db(), shift_id)[0], shift)
    answer["events"] = [{"kind": e["kind"], "at": e["at"]} for e in outcome.shift_events]
    answer["entries"] = (
        _entries(contact, outcome.call_events[0]["seq"] - 1)
        if contact and contact.call and outcome.call_events
        else []
    )
    return jsonify(answer)


@bp.post("/shifts/<int:shift_id>/take")
@limited("step")
def take_contact(shift_id: int):
    """Take a contact from the queue (a parked one is resumed, a level-2 answer passed on)."""
    ref = _body().get("ref")
    if not isinstance(ref, str) or not ref.strip():
        return _error(422, "bad_step", 'send {"ref": "<contact ref>"}')
    return _apply(shift_id, {"take": ref})


@bp.post("/shifts/<int:shift_id>/steps")
@limited("step")
def send_shift_step(shift_id: int):
    """Apply one step: a shift step (triage, park, wait, email, end_shift) or a call step."""
    data = _body()
    if "step" not in data:
        return _error(422, "bad_step", 'send {"step": ...}, e.g. {"step": "park"}')
    return _apply(shift_id, data["step"])


@bp.post("/shifts/<int:shift_id>/end")
@limited("step")
def end_shift(shift_id: int):
    """End the shift; the answer carries the shift report."""
    return _apply(shift_id, "end_shift")


def _state(row: dict[str, Any], shift: Shift) -> dict[str, Any]:
    contact = shift.contact(shift.active) if shift.active else None
    call = contact.call if contact else None
    state = {
        "id": row["id"],
        "shift": shift.plan.id,
        "locale": shift.locale,
        "status": "ended" if shift.ended else "active",
        "now": round(shift.now, 1),
        "length": shift.plan.length,
        "queue": snapshot(shift.contacts, shift.plan, shift.now, shift.subjects)["waiting"],
        # the scenario id can name the cause ("vpn-caps-lock"): shown once the shift has ended
        "contacts": [{k: v for k, v in c.items() if k != "scenario"} for c in contact_rows(shift)],
        "calls": call_ids(get_db(), row["id"]),
        "active": None
        if contact is None
        else {
            "ref": contact.ref,
            "channel": contact.channel,
            "subject": shift.subjects.get(contact.ref, ""),
            "triage": contact.triage,
            "mood": call.mood if call else None,
            "entries": _entries(contact) if call else [],
            "email": _email_head(contact) if contact.channel == "email" else None,
        },
        "report": None,
    }
    if shift.ended:
        library = get_library()
        record = shift_record(
            shift, library.scenarios, shift_library().matrix, library.catalog, library.translations
        )
        state["contacts"], state["report"] = record["contacts"], record["report"]
    return state


def _entries(contact: Contact, after_seq: int = 0) -> list[dict[str, Any]]:
    """A contact's transcript entries; an e-mail contact's e-mails carry `email`, the parts the
    browser's thread shows (a call back is its own `phoned_back` entry; a reply not yet come in
    is left out)."""
    assert contact.call is not None
    events = contact.call.events
    if contact.channel != "email":
        return entries(events, after_seq)
    if contact.status == "awaiting_reply":  # the user's reply is written but not in yet
        sent = max(e["seq"] for e in events if e["kind"] == "trainee_said")
        events = [e for e in events if e["seq"] <= sent]
    at = {e["seq"]: e["at"] for e in events}
    shown = []
    for entry in thread_entries(events, after_seq):
        mail = entry.pop("mail", None)
        if entry["kind"] == "phoned_back":
            entry = {**entry, "who": "system", "at": at[entry["seq"]]}
        elif mail is not None:
            entry["email"] = _email_part(mail, entry["who"])
        shown.append(entry)
    return shown


def _email_part(mail: dict[str, Any], who: str) -> dict[str, Any]:
    """One e-mail of the thread: the user's first message, a reply of theirs (its own text above,
    the quoted e-mail apart), or the trainee's."""
    part = {"direction": "to_user" if who == "trainee" else "from_user", "first": False}
    part |= {"from": None, "signature": None, "screenshot": None, "quoted": None}
    if who == "trainee":
        return {**part, "subject": mail["subject"], "body": mail["message"]}
    if mail.get("first"):
        keep = ("from", "subject", "body", "signature", "screenshot")
        return {**part, **{k: mail[k] for k in keep}, "first": True}
    reply = {"from": mail["from"], "subject": mail["subject"], "body": mail["message"]}
    return {**part, **reply, "quoted": mail["quote"] or None}


def _email_head(contact: Contact) -> dict[str, Any]:
    """The thread's subject and sender, and whether the user may be (or was) phoned back."""
    events = contact.call.events if contact.call else []
    opening = next(
        (e["data"]["email"] for e in events if e["kind"] == "caller_said" and "email" in e["data"]),
        {},
    )
    return {
        "subject": opening.get("subject", ""),
        "from": opening.get("from", ""),
        "call_back": bool(contact.plan.call_back),
        "phoned_back": phoned_back(events),
    }

"""The JSON API (/api/v1): start a call, send steps, read a call and its score.

Authenticated by the session cookie (with the CSRF token in `X-CSRFToken` for writes) or by a
per-user token (`Authorization: Bearer ...`). Errors are JSON `{"error", "message"}`; bad input is
400/422, never a 500. Hidden facts never leave the server.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask import abort, current_app, g, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from simulator.call import CallEnded
from simulator.conversation import SET_ASIDE
from simulator.engine import EngineError
from simulator.scenario import LOCALES
from simulator.steps import StepError, parse_step
from storage import calls as store
from storage.assignment_rules import open_exam_scenarios
from storage.scores import load_score
from web.api import bp
from web.api.openapi import spec
from web.shared.access import can_review, owns
from web.shared.call_service import start_call
from web.shared.database import get_db
from web.shared.json_input import BadJSON
from web.shared.live_calls import StaleCall, apply_step, keep_started
from web.shared.playable import StoredScenarioError, playable_scenarios
from web.shared.rate_limits import limited
from web.shared.security import csrf
from web.shared.transcript import entries


def _error(status: int, error: str, message: str):
    response = jsonify(error=error, message=message)
    response.status_code = status
    return response


@bp.before_request
def _authenticate():
    if request.endpoint == "api.openapi":
        return None
    authenticated = current_user.is_authenticated  # loads the user: sets g.bad_token
    if not authenticated and g.get("bad_token"):
        return _error(
            401,
            "invalid_token",
            _(
                "This API token is not valid: it was replaced or revoked (a logout, a new "
                "password, a change of role or a disabled account revoke it). Create a new one "
                "on your settings page."
            ),
        )
    if not authenticated:
        return _error(401, "unauthorized", "log in or send 'Authorization: Bearer <token>'")
    bearer = request.headers.get("Authorization", "").startswith("Bearer ")
    if request.method == "POST" and not bearer and current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()
    return None


def _body() -> dict[str, Any]:
    try:
        data = request.get_json()
    except HTTPException as exc:
        cause = exc.__cause__
        while cause is not None and not isinstance(cause, BadJSON):
            cause = cause.__cause__ or cause.__context__
        if cause is not None:  # too deep, or a lone surrogate: say which
            abort(_error(400, "bad_json", str(cause)))
        data = None
    if not isinstance(data, dict):
        abort(_error(400, "bad_json", "the body must be a JSON object"))
    return data


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI 3.1 description of this API."""
    if not current_user.is_authenticated:  # anonymous: the API's shape, no scenario ids
        return jsonify(spec())
    scenarios = playable_scenarios(get_db()).values()
    return jsonify(spec({s.id: list(s.personas) for s in scenarios}))


@bp.get("/scenarios")
def scenarios():
    """The scenarios a trainee can practise."""
    library = playable_scenarios(get_db())
    locale = request.args.get("locale", "en") if request.args.get("locale") in LOCALES else "en"
    return jsonify(
        [
            {
                "id": s.id,
                "version": s.version,
                "title": s.title.get(locale),
                "category": s.category,
                "difficulty": s.difficulty,
                "personas": s.personas,
            }
            for s in sorted(library.values(), key=lambda s: s.id)
        ]
    )


@bp.post("/calls")
@limited("call")
def create_call():
    """Start a call."""
    data = _body()
    scenario = playable_scenarios(get_db()).get(str(data.get("scenario", "")))
    if scenario is None:
        return _error(422, "unknown_scenario", f"unknown scenario '{data.get('scenario')}'")
    if scenario.id in open_exam_scenarios(get_db(), current_user.id):
        return _error(422, "exam_open", "an open exam of your cohort covers this scenario")
    seed = data.get("seed", secrets.randbelow(2**31))
    if isinstance(seed, float) and seed.is_integer():
        seed = int(seed)  # JSON has one number type: 7.0 is the whole number 7
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        return _error(422, "bad_seed", "seed must be a whole number ≥ 0")
    persona = data.get("persona")
    locale = data.get("locale", "en")
    if persona is not None and not isinstance(persona, str):
        return _error(422, "bad_persona", "persona must be text")
    try:
        call_id, call = start_call(
            get_db(), scenario, persona, str(locale), seed, user_id=current_user.id
        )
    except EngineError as exc:
        return _error(422, "bad_call", str(exc))
    keep_started(call_id, call)
    return jsonify(_call_json(store.get_call(get_db(), call_id), call.events)), 201


def _owned(call_id: int, user=None) -> dict[str, Any]:
    """The call's row if `user` (the current user unless given) may read it; else a 404."""
    try:
        row = store.get_call(get_db(), call_id)
    except store.CallNotFound:
        abort(_error(404, "not_found", f"no call {call_id}"))
    if not can_review(get_db(), current_user if user is None else user, row):
        abort(_error(404, "not_found", f"no call {call_id}"))
    return row


@bp.post("/calls/<int:call_id>/steps")
@limited("step")
def send_step(call_id: int):
    """Apply one step (the same steps as `hotliner replay`)."""
    user = current_user._get_current_object()  # resolved once, not at each use
    row = _owned(call_id, user)
    if not owns(user, row):
        return _error(403, "forbidden", "only the trainee taking the call can send steps")
    data = _body()
    if "step" not in data:
        return _error(422, "bad_step", 'send {"step": ...}, e.g. {"step": {"say": "Hello"}}')
    if row["status"] != "active":
        return _error(409, "call_ended", "this call has ended; nothing was changed")
    try:
        step = parse_step(data["step"])
        call, events = apply_step(get_db(), call_id, step, row=row)
    except StepError as exc:
        return _error(422, "bad_step", str(exc))
    except CallEnded:
        return _error(409, "call_ended", "this call has ended; nothing was changed")
    except StaleCall as exc:
        return _error(409, "conflict", str(exc))
    except StoredScenarioError as exc:
        return _error(410, "gone", str(exc))
    before = events[0]["seq"] - 1 if events else len(call.events)
    intents = next((e["data"]["intents"] for e in events if e["kind"] == "intent_matched"), [])
    return jsonify(
        {
            "entries": entries(call.events, before),
            "intents": [i["intent"] for i in intents if not any(i.get(flag) for flag in SET_ASIDE)],
            "mood": None if row["exam"] else call.mood,
            "ended": call.ended,
            "outcome": call.outcome() if call.ended else None,
        }
    )


@bp.get("/calls/<int:call_id>")
def read_call(call_id: int):
    """A call as the trainee sees it: transcript, status, outcome (no hidden facts)."""
    row = _owned(call_id)
    return jsonify(_call_json(row, store.load_events(get_db(), call_id)))


@bp.get("/calls/<int:call_id>/score")
def read_score(call_id: int):
    """The call's score and findings (once it has ended)."""
    row = _owned(call_id)
    score = load_score(get_db(), call_id)
    if score is None:
        return (
            _error(409, "not_graded", "the call is still in progress")
            if row["status"] == "active"
            else _error(404, "not_graded", "this call has no score")
        )
    return jsonify(score)


def _call_json(row: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any]:
    started = next(e["data"] for e in events if e["kind"] == "call_started")
    who = started["caller"]
    return {
        "id": row["id"],
        "scenario": row["scenario_id"],
        "version": row["scenario_version"],
        "persona": row["persona"],
        "locale": row["locale"],
        "status": row["status"],
        "exam": bool(row["exam"]),
        "caller": {
            "name": who["caller_name"],
            "phone": who["phone"],
            "department": who["department"],
            "role": who["role"],
        },
        "entries": entries(events),
        "outcome": None if row["outcome"] is None else __import__("json").loads(row["outcome"]),
    }

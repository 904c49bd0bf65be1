"""The shift operations of the OpenAPI document (/api/v1/shifts), merged by openapi.spec()."""

from __future__ import annotations

from typing import Any

from simulator.scenario import LOCALES
from simulator.shift_library import SHIFT_DIR, plan_files
from simulator.shift_plan import KINDS, LEVELS
from simulator.shift_steps import MAX_WAIT

MAX_ID = 2**63 - 1
SHIFT = {"$ref": "#/components/schemas/Shift"}


def _errors(*codes: int) -> dict[str, Any]:
    error = {"$ref": "#/components/schemas/Error"}
    return {
        str(c): {"description": "error", "content": {"application/json": {"schema": error}}}
        for c in codes
    }


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _ok(status: str = "200") -> dict[str, Any]:
    return {status: {"description": "ok", "content": {"application/json": {"schema": SHIFT}}}}


def shift_step_schema(call_step: dict[str, Any]) -> dict[str, Any]:
    """A shift step: take, triage, park, wait, email, end_shift, or a call step."""
    level = {"type": "string", "enum": list(LEVELS)}

    def one(name: str, value: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [name],
            "properties": {name: value},
        }

    triage = {
        "type": "object",
        "additionalProperties": False,
        "required": ["impact", "urgency", "kind"],
        "properties": {"impact": level, "urgency": level, "kind": {"enum": list(KINDS)}},
    }
    body = {
        "type": "object",
        "additionalProperties": False,
        "required": ["body"],
        "properties": {"body": {"type": "string", "minLength": 1, "maxLength": 4000}},
    }
    return {
        "oneOf": [
            {"type": "string", "enum": ["park", "end_shift"]},
            one("take", {"type": "string", "minLength": 1, "maxLength": 40}),
            one("triage", triage),
            one("wait", {"type": "integer", "minimum": 1, "maximum": MAX_WAIT}),
            one("email", body),
            *call_step["oneOf"],
        ]
    }


def shift_paths(call_step: dict[str, Any]) -> dict[str, Any]:
    """The /api/v1/shifts paths."""
    shift_id = [
        {
            "name": "shift_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        }
    ]
    start = {
        "type": "object",
        "required": ["shift"],
        "properties": {
            "shift": {"type": "string", "enum": [p.stem for p in plan_files([SHIFT_DIR])]},
            "locale": {"type": "string", "enum": list(LOCALES)},
            "seed": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
        },
    }
    step = {
        "type": "object",
        "required": ["step"],
        "properties": {"step": shift_step_schema(call_step)},
    }
    take = {
        "type": "object",
        "required": ["ref"],
        "properties": {"ref": {"type": "string", "minLength": 1}},
    }
    writes = _errors(400, 401, 403, 404, 409, 422)
    return {
        "/api/v1/shifts": {
            "post": {
                "summary": "Start a built-in shift",
                "operationId": "startShift",
                "requestBody": _body(start),
                "responses": {**_ok("201"), **_errors(400, 401, 422)},
            }
        },
        "/api/v1/shifts/{shift_id}": {
            "get": {
                "summary": "Read a shift: clock, queue, contacts, the contact in hand",
                "operationId": "readShift",
                "parameters": shift_id,
                "responses": {**_ok(), **_errors(401, 404)},
            }
        },
        "/api/v1/shifts/{shift_id}/take": {
            "post": {
                "summary": "Take a contact from the queue",
                "operationId": "takeContact",
                "parameters": shift_id,
                "requestBody": _body(take),
                "responses": {**_ok(), **writes},
            }
        },
        "/api/v1/shifts/{shift_id}/steps": {
            "post": {
                "summary": "Send a shift step or a call step for the contact in hand",
                "operationId": "sendShiftStep",
                "parameters": shift_id,
                "requestBody": _body(step),
                "responses": {**_ok(), **writes},
            }
        },
        "/api/v1/shifts/{shift_id}/end": {
            "post": {
                "summary": "End the shift (the answer carries its report)",
                "operationId": "endShift",
                "parameters": shift_id,
                "responses": {**_ok(), **_errors(401, 403, 404, 409)},
            }
        },
    }


NULLABLE_TEXT = {"type": ["string", "null"]}
# One e-mail of an e-mail contact's thread, as the browser shows it.
EMAIL_PART = {
    "type": "object",
    "required": ["direction", "first", "from", "subject", "body", "quoted"],
    "properties": {
        "direction": {
            "type": "string",
            "enum": ["from_user", "to_user"],
            "description": "from_user: the user's e-mail; to_user: one the trainee sent",
        },
        "first": {"type": "boolean", "description": "the user's message that opened the contact"},
        "from": {**NULLABLE_TEXT, "description": "the sender's address (null: the trainee's)"},
        "subject": {"type": "string", "description": "the subject; a reply's starts with RE:"},
        "body": {
            "type": "string",
            "description": "the e-mail as written: the first message's body, a reply's "
            "greeting, words, sign-off and name, or the trainee's e-mail as typed",
        },
        "signature": {**NULLABLE_TEXT, "description": "the first message's signature block"},
        "screenshot": {
            **NULLABLE_TEXT,
            "description": "the description of a screenshot attached to the first message",
        },
        "quoted": {
            **NULLABLE_TEXT,
            "description": "a reply's quoted text: the trainee's e-mail it answers, with its "
            "'… wrote:' line and '> ' marks",
        },
    },
}
# One entry of a contact's transcript (a line, a tool's output, an e-mail, a call back).
ENTRY = {
    "type": "object",
    "required": ["seq", "turn", "kind", "who"],
    "properties": {
        "seq": {"type": "integer"},
        "turn": {"type": "integer"},
        "at": {"type": ["number", "null"]},
        "kind": {
            "type": "string",
            "description": "the event's kind (trainee_said, caller_said, …); phoned_back: the "
            "trainee phoned an e-mail contact's user back, later caller lines are spoken",
        },
        "who": {"type": "string", "enum": ["trainee", "caller", "tool", "system"]},
        "text": {"type": "string", "description": "the plain words (a reply's words only)"},
        "email": {
            **EMAIL_PART,
            "description": "e-mail contacts only: the e-mail this entry is (absent on spoken "
            "lines after a call back and on tools)",
        },
    },
}
ACTIVE = {
    "type": ["object", "null"],
    "description": "the contact in hand (null: none)",
    "required": ["ref", "channel", "subject", "entries"],
    "properties": {
        "ref": {"type": "string"},
        "channel": {"type": "string", "enum": ["phone", "voicemail", "email"]},
        "subject": {"type": "string"},
        "triage": {"type": ["object", "null"]},
        "mood": {"type": ["integer", "null"]},
        "entries": {"type": "array", "items": ENTRY},
        "email": {
            "type": ["object", "null"],
            "description": "an e-mail contact's thread: its subject, the user's address, whether "
            "the plan allows a call back and whether the trainee phoned back (null: not e-mail)",
            "required": ["subject", "from", "call_back", "phoned_back"],
            "properties": {
                "subject": {"type": "string"},
                "from": {"type": "string"},
                "call_back": {"type": "boolean"},
                "phoned_back": {"type": "boolean"},
            },
        },
    },
}

SHIFT_SCHEMA = {
    "type": "object",
    "required": ["id", "shift", "locale", "status", "now", "queue", "contacts"],
    "properties": {
        "id": {"type": "integer"},
        "shift": {"type": "string"},
        "locale": {"type": "string"},
        "status": {"type": "string", "enum": ["active", "ended"]},
        "now": {"type": "number"},
        "length": {"type": "integer"},
        "queue": {"type": "array"},
        "contacts": {"type": "array"},
        "calls": {"type": "object"},
        "active": ACTIVE,
        "report": {"type": ["object", "null"]},
        "events": {"type": "array"},
        "entries": {
            "type": "array",
            "items": ENTRY,
            "description": "what the step added to the contact's transcript",
        },
    },
}

"""The OpenAPI 3.1 document of /api/v1."""

from __future__ import annotations

from typing import Any

from simulator.scenario import CATEGORIES, LOCALES, TEAMS
from simulator.steps import PRIORITIES
from web.api.shift_openapi import SHIFT_SCHEMA, shift_paths

ERROR = {"$ref": "#/components/schemas/Error"}
MAX_ID = 2**63 - 1  # SQLite's largest integer


def _errors(*codes: int) -> dict[str, Any]:
    return {
        str(c): {"description": "error", "content": {"application/json": {"schema": ERROR}}}
        for c in codes
    }


def _step_schema() -> dict[str, Any]:
    text = {"type": "string", "minLength": 1, "maxLength": 2000}

    def obj(props: dict[str, Any], req: list[str]) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": props,
            "required": req,
        }

    return {
        "oneOf": [
            {"type": "string", "enum": ["remote_connect", "resume", "close"]},
            obj({"say": text}, ["say"]),
            obj({"remote": {"type": "string", "minLength": 1, "maxLength": 500}}, ["remote"]),
            obj({"kb": {"type": "string", "minLength": 1, "maxLength": 200}}, ["kb"]),
            obj({"hold": {"type": "integer", "minimum": 1, "maximum": 3600}}, ["hold"]),
            obj(
                {
                    "directory": obj(
                        {
                            "op": {
                                "type": "string",
                                "enum": ["lookup", "unlock", "reset_password", "reset_mfa"],
                            },
                            "user": {"type": "string", "maxLength": 64},
                            "must_change": {"type": "boolean"},
                        },
                        ["op"],
                    )
                },
                ["directory"],
            ),
            obj(
                {
                    "ticket": obj(
                        {
                            "category": {"type": "string", "enum": list(CATEGORIES)},
                            "priority": {"type": "string", "enum": list(PRIORITIES)},
                            "summary": {"type": "string", "maxLength": 2000},
                            "root_cause": {"type": "string", "maxLength": 2000},
                            "resolution": {"type": "string", "maxLength": 2000},
                        },
                        [],
                    )
                },
                ["ticket"],
            ),
            obj(
                {
                    "escalate": obj(
                        {"team": {"type": "string", "enum": list(TEAMS)}, "note": text},
                        ["team", "note"],
                    )
                },
                ["escalate"],
            ),
            obj({"close": obj({"summary": {"type": "string", "maxLength": 2000}}, [])}, ["close"]),
        ]
    }


def _start_schema(personas_by_scenario: dict[str, list[str]] | None) -> dict[str, Any]:
    """A call's start: the scenario, and a persona that scenario allows (one branch per
    scenario)."""
    common = {
        "locale": {"type": "string", "enum": list(LOCALES)},
        "seed": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
    }
    if not personas_by_scenario:
        return {
            "type": "object",
            "required": ["scenario"],
            "properties": {"scenario": {"type": "string"}, "persona": {"type": "string"}, **common},
        }
    return {
        "oneOf": [
            {
                "type": "object",
                "required": ["scenario"],
                "properties": {
                    "scenario": {"const": scenario_id},
                    "persona": {"type": "string", "enum": personas},
                    **common,
                },
            }
            for scenario_id, personas in sorted(personas_by_scenario.items())
        ]
    }


def spec(personas_by_scenario: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The whole document; given the scenarios (id → allowed personas), it lists them."""

    def json_body(schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }

    ok = lambda ref: {"description": "ok", "content": {"application/json": {"schema": ref}}}  # noqa: E731
    call_id = [
        {
            "name": "call_id",
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        }
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Hotliner API",
            "version": "1.0.0",
            "description": (
                "Simulated hotline calls: start a call, send the trainee's steps, read the "
                "transcript and the score. Same steps as `hotliner replay`."
            ),
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"cookie": []}],
        "paths": {
            "/api/v1/scenarios": {
                "get": {
                    "summary": "List scenarios",
                    "operationId": "listScenarios",
                    "responses": {"200": ok({"type": "array"}), **_errors(401)},
                }
            },
            "/api/v1/calls": {
                "post": {
                    "summary": "Start a call",
                    "operationId": "startCall",
                    "requestBody": json_body(_start_schema(personas_by_scenario)),
                    "responses": {
                        "201": ok({"$ref": "#/components/schemas/Call"}),
                        **_errors(400, 401, 422),
                    },
                }
            },
            "/api/v1/calls/{call_id}": {
                "get": {
                    "summary": "Read a call",
                    "operationId": "readCall",
                    "parameters": call_id,
                    "responses": {
                        "200": ok({"$ref": "#/components/schemas/Call"}),
                        **_errors(401, 404),
                    },
                }
            },
            "/api/v1/calls/{call_id}/steps": {
                "post": {
                    "summary": "Send a step",
                    "operationId": "sendStep",
                    "parameters": call_id,
                    "requestBody": json_body(
                        {
                            "type": "object",
                            "required": ["step"],
                            "properties": {"step": _step_schema()},
                        }
                    ),
                    "responses": {
                        "200": ok({"type": "object"}),
                        **_errors(400, 401, 403, 404, 409, 410, 422),
                    },
                }
            },
            "/api/v1/calls/{call_id}/score": {
                "get": {
                    "summary": "Read a call's score",
                    "operationId": "readScore",
                    "parameters": call_id,
                    "responses": {
                        "200": ok({"$ref": "#/components/schemas/Score"}),
                        **_errors(401, 404, 409),
                    },
                }
            },
            **shift_paths(_step_schema()),
        },
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                },
                "Call": {
                    "type": "object",
                    "required": ["id", "scenario", "status", "entries"],
                    "properties": {
                        "id": {"type": "integer"},
                        "scenario": {"type": "string"},
                        "version": {"type": "integer"},
                        "persona": {"type": "string"},
                        "locale": {"type": "string"},
                        "status": {"type": "string"},
                        "exam": {"type": "boolean"},
                        "caller": {"type": "object"},
                        "entries": {"type": "array"},
                        "outcome": {"type": ["object", "null"]},
                    },
                },
                "Shift": SHIFT_SCHEMA,
                "Score": {
                    "type": "object",
                    "required": ["overall", "critical", "skills", "findings"],
                    "properties": {
                        "overall": {"type": "integer"},
                        "critical": {"type": "boolean"},
                        "failed": {"type": "boolean"},
                        "failed_reasons": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "why the call failed (its critical findings)",
                        },
                        "cap": {
                            "type": ["integer", "null"],
                            "description": "the overall's ceiling when failed",
                        },
                        "skills": {"type": "object"},
                        "findings": {"type": "array"},
                        "grader_version": {"type": "integer"},
                    },
                },
            },
        },
    }

"""The JSON API against its own OpenAPI document (schemathesis): no 500, every error a clear 4xx.

Schemathesis generates valid and invalid requests for every operation of /api/v1/openapi.json and
sends them to the WSGI app with a trainee's bearer token; about half of them aim at a real call of
that trainee, so steps are really applied. Each response must match the document (status, content
type, body schema) and no request may get a server error.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from app import create_app
from storage.users import add_user, new_api_token
from web.api.openapi import spec
from web.shared.database import get_db


@pytest.fixture(scope="module")
def api_app(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path_factory.mktemp("api") / "api.db"),
            "SECRET_KEY": "test",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        user_id = add_user(get_db(), "fuzzer", "Fuzzer", "fuzz-password-1")
        app.config["TEST_TOKEN"] = new_api_token(get_db(), user_id)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {app.config['TEST_TOKEN']}"}
    calls = [
        client.post("/api/v1/calls", json={"scenario": s, "seed": 1}, headers=auth).json["id"]
        for s in ("printer-offline", "password-expired", "wifi-airplane-mode")
    ]
    app.config["TEST_CALLS"] = calls
    return app


@pytest.fixture(scope="module")
def api_schema(api_app):
    # signed in: the document then lists the scenarios (an anonymous reader gets none)
    auth = {"Authorization": f"Bearer {api_app.config['TEST_TOKEN']}"}
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", api_app, headers=auth)


OPERATIONS = [(method.upper(), path) for path, item in spec()["paths"].items() for method in item]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_api_answers_every_request_as_documented(api_app, api_schema, method, path, mode):
    operation = api_schema[path][method]
    auth = {"Authorization": f"Bearer {api_app.config['TEST_TOKEN']}"}
    calls = api_app.config["TEST_CALLS"]

    @given(case=operation.as_strategy(generation_mode=mode), aim=st.integers(0, 5))
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def check(case, aim):
        positive = mode == GenerationMode.POSITIVE
        if positive and "call_id" in (case.path_parameters or {}) and aim < len(calls):
            case.path_parameters["call_id"] = calls[aim]
        # a negative case may be about the Authorization header itself: then send it as generated
        response = case.call_and_validate(
            headers=None if "Authorization" in (case.headers or {}) else auth
        )
        assert response.status_code < 500
        if response.status_code >= 400:
            body = response.json()
            assert body["error"] and body["message"]

    check()

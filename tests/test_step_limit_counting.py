"""The step limit counts every step a user sends: written with the step, or on its own when the
step was refused (a refused step must not be a free retry)."""

from __future__ import annotations

from tests.test_web import client_as


def _app(tmp_path, steps: str):
    from app import create_app
    from web.cli.accounts import ensure_demo
    from web.shared.database import get_db

    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "limits.db"),
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "STEP_RATE_LIMIT": steps,
        }
    )
    with app.app_context():
        ensure_demo(get_db())
    return app


def _hits(app) -> int:
    from web.shared.database import get_db

    with app.app_context():
        return (
            get_db().execute("select count(*) from rate_hits where key like 'step:%'").fetchone()[0]
        )


def test_refused_steps_count_against_the_step_limit(tmp_path):
    app = _app(tmp_path, "3 per minute")
    alice = client_as(app, "alice")
    call_id = alice.post("/api/v1/calls", json={"scenario": "printer-offline", "seed": 1}).json[
        "id"
    ]
    url = f"/api/v1/calls/{call_id}/steps"
    statuses = [
        alice.post(url, json={"step": {"say": ""}}).status_code,  # refused: empty line
        alice.post(url, json={"step": {"say": "Hello, IT support"}}).status_code,
        alice.post(url, json={"step": {"bogus": 1}}).status_code,  # refused: no such step
        alice.post(url, json={"step": {"say": "Is the printer on?"}}).status_code,
    ]
    assert statuses == [422, 200, 422, 429]
    assert _hits(app) == 3  # the 429 itself is not counted


def test_a_step_and_its_hit_are_written_together(tmp_path):
    app = _app(tmp_path, "100 per minute")
    alice = client_as(app, "alice")
    call_id = alice.post("/api/v1/calls", json={"scenario": "printer-offline", "seed": 1}).json[
        "id"
    ]
    for line in ("Hello, IT support", "Is the printer on?"):
        assert alice.post(f"/api/v1/calls/{call_id}/steps", json={"step": {"say": line}}).json[
            "entries"
        ]
    assert _hits(app) == 2

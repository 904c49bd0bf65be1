"""An API token does not survive what ends a person's sessions (issue 15): their logout, a new
password (their own, or one a trainer, an admin or the terminal gave), a disabled account or a
change of role. The API then answers 401 with a message that says why, in the reader's language.
"""

from __future__ import annotations

import pytest

from storage.users import get_by_username, new_api_token
from tests.test_web import PASSWORDS, client_as, web  # noqa: F401  (the app with demo accounts)
from web.shared.database import get_db


def _alice_id(app) -> int:
    with app.app_context():
        return get_by_username(get_db(), "alice")["id"]


def _cohort_of_alice(app) -> int:
    with app.app_context():
        rows = get_db().query(
            "select cohort_id from memberships where user_id = ?", [_alice_id(app)]
        )
        return next(iter(rows))["cohort_id"]


def logout(app):
    client_as(app, "alice").post("/logout")


def change_own_password(app):
    new = "a sentence of my own"
    data = {"current": PASSWORDS["alice"], "new": new, "again": new}
    assert client_as(app, "alice").post("/password", data=data).status_code == 302


def trainer_reset(app):
    url = f"/cohorts/{_cohort_of_alice(app)}/members/{_alice_id(app)}/reset-password"
    assert client_as(app, "trainer").post(url).status_code == 200


def admin_reset(app):
    url = f"/admin/accounts/{_alice_id(app)}/reset"
    assert client_as(app, "admin").post(url).status_code == 200


def admin_disable(app):
    url = f"/admin/accounts/{_alice_id(app)}/active"
    assert client_as(app, "admin").post(url, data={"active": "0"}).status_code == 302


def admin_role_change(app):
    url = f"/admin/accounts/{_alice_id(app)}/role"
    assert client_as(app, "admin").post(url, data={"role": "trainer"}).status_code == 302


def cli_reset(app):
    result = app.test_cli_runner().invoke(args=["users", "reset-password", "alice"])
    assert result.exit_code == 0, result.output


def cli_reset_from_stdin(app):
    result = app.test_cli_runner().invoke(
        args=["users", "reset-password", "alice", "--stdin"], input="given by the admin\n"
    )
    assert result.exit_code == 0, result.output


def cli_disable(app):
    assert app.test_cli_runner().invoke(args=["users", "disable", "alice"]).exit_code == 0


def cli_role_change(app):
    result = app.test_cli_runner().invoke(args=["users", "set-role", "alice", "trainer"])
    assert result.exit_code == 0, result.output


ENDINGS = [
    logout,
    change_own_password,
    trainer_reset,
    admin_reset,
    admin_disable,
    admin_role_change,
    cli_reset,
    cli_reset_from_stdin,
    cli_disable,
    cli_role_change,
]


@pytest.mark.parametrize("ending", ENDINGS, ids=[e.__name__ for e in ENDINGS])
def test_an_api_token_dies_with_what_ends_the_sessions(web, ending):  # noqa: F811
    with web.app_context():
        token = new_api_token(get_db(), _alice_id(web))
    api = web.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/scenarios", headers=auth).status_code == 200
    ending(web)
    refused = api.get("/api/v1/scenarios", headers=auth)
    assert refused.status_code == 401
    body = refused.get_json()
    assert body["error"] == "invalid_token"
    assert "not valid" in body["message"] and "settings page" in body["message"]


def test_the_refusal_of_a_revoked_token_speaks_french(web):  # noqa: F811
    with web.app_context():
        token = new_api_token(get_db(), _alice_id(web))
    logout(web)
    refused = web.test_client().get(
        "/api/v1/scenarios",
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "fr"},
    )
    assert refused.status_code == 401
    assert "n'est pas valable" in refused.get_json()["message"]


def test_someone_elses_logout_or_a_role_left_unchanged_keeps_the_token(web):  # noqa: F811
    with web.app_context():
        token = new_api_token(get_db(), _alice_id(web))
    client_as(web, "bruno").post("/logout")
    result = web.test_cli_runner().invoke(args=["users", "set-role", "alice", "trainee"])
    assert result.exit_code == 0
    auth = {"Authorization": f"Bearer {token}"}
    assert web.test_client().get("/api/v1/scenarios", headers=auth).status_code == 200

"""Accounts people manage themselves (issue 15): their own password, a forced change after a
password someone else chose, resets by a trainer or an admin, the admin's accounts page, sessions
that end on logout and on a new password, and login limits shared through the database."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from app import create_app
from storage.users import get_by_username
from tests.test_web import PASSWORDS, client_as, web  # noqa: F401  (the app with demo accounts)
from web.cli.accounts import ensure_demo
from web.shared.database import get_db


def _flash(response) -> str:
    found = BeautifulSoup(response.data, "html.parser").select_one(".flash-error, .flash-success")
    return found.text.strip() if found else ""


def _one_time(response) -> str:
    code = BeautifulSoup(response.data, "html.parser").select_one("#one-time-password code.token")
    return code.text.strip()


def _login(app, username: str, password: str):
    client = app.test_client()
    response = client.post("/login", data={"username": username, "password": password})
    return client, response


def test_a_copied_session_cookie_dies_with_the_logout(web):  # noqa: F811
    client = client_as(web, "alice")
    copy = web.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    assert copy.get("/history").status_code == 200
    client.post("/logout")
    assert copy.get("/history").status_code == 302  # sent to the login page


def test_changing_my_password_needs_the_current_one_and_ends_other_sessions(web):  # noqa: F811
    client, other = client_as(web, "alice"), client_as(web, "alice")
    client.post("/language/en")
    wrong = client.post(
        "/password", data={"current": "nope", "new": "a long sentence", "again": "a long sentence"}
    )
    assert wrong.status_code == 422 and "current password is not right" in _flash(wrong)
    short = client.post(
        "/password", data={"current": PASSWORDS["alice"], "new": "short", "again": "short"}
    )
    assert short.status_code == 422 and "at least 10 characters" in _flash(short)
    done = client.post(
        "/password",
        data={"current": PASSWORDS["alice"], "new": "my own sentence", "again": "my own sentence"},
    )
    assert done.status_code == 302
    assert client.get("/history").status_code == 200  # this session goes on
    assert other.get("/history").status_code == 302  # the other one ended
    assert _login(web, "alice", PASSWORDS["alice"])[1].status_code == 200  # old one refused
    assert _login(web, "alice", "my own sentence")[1].status_code == 302


def test_the_password_page_speaks_french(web):  # noqa: F811
    client = client_as(web, "alice")
    client.post("/language/fr")
    page = client.post("/password", data={"current": "x", "new": "y", "again": "y"})
    assert "Votre mot de passe actuel n'est pas le bon" in _flash(page)


def test_a_trainer_resets_a_trainees_password_which_must_then_be_changed(web):  # noqa: F811
    alice = client_as(web, "alice")
    trainer = client_as(web, "trainer")
    with web.app_context():
        alice_id = get_by_username(get_db(), "alice")["id"]
    answer = trainer.post(f"/cohorts/1/members/{alice_id}/reset-password")
    assert answer.status_code == 200
    given = _one_time(answer)
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", given)
    assert given not in trainer.get("/cohorts/1/members").get_data(as_text=True)  # shown once
    assert alice.get("/history").status_code == 302  # her open session ended
    client, response = _login(web, "alice", given)
    assert response.status_code == 302
    assert client.get("/history").headers["Location"].endswith("/password")  # forced change
    client.post(
        "/password", data={"current": given, "new": "chosen by me", "again": "chosen by me"}
    )
    assert client.get("/history").status_code == 200


def test_a_trainer_cannot_reset_someone_outside_their_cohorts(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    with web.app_context():
        admin_id = get_by_username(get_db(), "admin")["id"]
    assert trainer.post(f"/cohorts/1/members/{admin_id}/reset-password").status_code == 404
    assert _login(web, "admin", PASSWORDS["admin"])[1].status_code == 302


def test_imported_trainees_must_change_the_password_the_trainer_saw(web):  # noqa: F811
    trainer = client_as(web, "trainer")
    page = trainer.post(
        "/cohorts/1/members/add",
        data={"kind": "new", "name": "Nina Simone", "email": "nina@example.org", "locale": "en"},
    )
    soup = BeautifulSoup(page.data, "html.parser")
    text = soup.get_text(" ")
    username = "nina.simone" if "nina.simone" in text else "nina"
    password = next(
        code.text.strip()
        for code in soup.select("code")
        if re.fullmatch(r"\S{8,}", code.text.strip()) and code.text.strip() != username
    )
    client, response = _login(web, username, password)
    assert response.status_code == 302
    assert client.get("/").headers["Location"].endswith("/password")


def test_the_admin_creates_disables_and_resets_accounts(web):  # noqa: F811
    admin = client_as(web, "admin")
    created = admin.post(
        "/admin/accounts", data={"username": "zoe", "name": "Zoé", "role": "trainer"}
    )
    assert created.status_code == 200
    first = _one_time(created)
    zoe, response = _login(web, "zoe", first)
    assert response.status_code == 302
    assert zoe.get("/").headers["Location"].endswith("/password")
    with web.app_context():
        zoe_id = get_by_username(get_db(), "zoe")["id"]
    assert admin.post(f"/admin/accounts/{zoe_id}/role", data={"role": "admin"}).status_code == 302
    with web.app_context():
        assert get_by_username(get_db(), "zoe")["role"] == "admin"
    admin.post(f"/admin/accounts/{zoe_id}/active", data={"active": "0"})
    assert zoe.get("/password").status_code == 302  # disabled: the session is gone
    assert _login(web, "zoe", first)[1].status_code == 200
    admin.post(f"/admin/accounts/{zoe_id}/active", data={"active": "1"})
    second = _one_time(admin.post(f"/admin/accounts/{zoe_id}/reset"))
    again, response = _login(web, "zoe", second)
    assert second != first and response.status_code == 302
    assert again.get("/").headers["Location"].endswith("/password")  # an admin's reset: forced
    listing = admin.get("/admin/accounts").get_data(as_text=True)
    assert "zoe" in listing and second not in listing and first not in listing


def test_an_admin_cannot_demote_or_disable_themselves(web):  # noqa: F811
    admin = client_as(web, "admin")
    with web.app_context():
        me = get_by_username(get_db(), "admin")["id"]
    admin.post(f"/admin/accounts/{me}/role", data={"role": "trainee"})
    admin.post(f"/admin/accounts/{me}/active", data={"active": "0"})
    assert admin.get("/admin/accounts").status_code == 200


@pytest.mark.parametrize("user_id", ["99999999999999999999", "٣", "0", "-1"])
def test_an_account_id_out_of_range_is_a_404(web, user_id):  # noqa: F811
    admin = client_as(web, "admin")
    assert admin.post(f"/admin/accounts/{user_id}/reset").status_code == 404


def test_wrong_passwords_lock_the_account_name_across_workers_with_an_alert(tmp_path):
    config = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "lock.db"),
        "SECRET_KEY": "t",
        "WTF_CSRF_ENABLED": False,
        "LOGIN_RATE_LIMIT": "1000 per minute",
    }
    one, two = create_app(config), create_app(config)  # two workers, one database
    with one.app_context():
        ensure_demo(get_db())
    codes = [
        (one if i % 2 else two)
        .test_client()
        .post("/login", data={"username": "alice", "password": f"guess-{i}"})
        .status_code
        for i in range(6)
    ]
    assert codes[:4] == [200] * 4 and codes[-1] == 429
    # locked now, even with the right password, whichever worker answers
    right = two.test_client().post(
        "/login", data={"username": "alice", "password": PASSWORDS["alice"]}
    )
    assert right.status_code == 429
    # an unknown name gets the very same treatment: nothing tells which names exist
    ghost = [
        one.test_client().post("/login", data={"username": "ghost", "password": "x"}).status_code
        for _ in range(6)
    ]
    assert ghost == codes
    admin = one.test_client()
    admin.post("/login", data={"username": "admin", "password": PASSWORDS["admin"]})
    alerts = BeautifulSoup(admin.get("/admin/accounts").data, "html.parser").select_one(
        "#login-alerts"
    )
    assert alerts is not None and "alice" in alerts.text and "ghost" in alerts.text


def test_the_address_limit_holds_across_workers(tmp_path):
    config = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "addr.db"),
        "SECRET_KEY": "t",
        "WTF_CSRF_ENABLED": False,
        "LOGIN_RATE_LIMIT": "4 per minute",
    }
    one, two = create_app(config), create_app(config)
    codes = [
        (one if i % 2 else two)
        .test_client()
        .post("/login", data={"username": f"user{i}", "password": "x"})
        .status_code
        for i in range(6)
    ]
    assert codes == [200] * 4 + [429] * 2

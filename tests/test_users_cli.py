"""`hotliner users` gives an admin at the terminal what the accounts page gives (issue 15): reset a
password (a one-time password printed, or one read from standard input) that must be changed at
the next login, disable and enable an account, list accounts with their last login."""

from __future__ import annotations

import re

from storage import limits
from storage.users import get_by_username
from tests.test_web import PASSWORDS, client_as, web  # noqa: F401  (the app with demo accounts)
from web.shared.database import get_db


def _login(app, username: str, password: str):
    client = app.test_client()
    return client, client.post("/login", data={"username": username, "password": password})


def test_a_one_time_password_from_the_terminal_must_be_changed_at_the_next_login(web):  # noqa: F811
    with web.app_context():
        for _ in range(6):
            limits.record_failure(get_db(), "alice")
        assert limits.locked_for(get_db(), "alice") > 0
    old_session = client_as(web, "bruno")  # another account's session is left alone
    result = web.test_cli_runner().invoke(args=["users", "reset-password", "alice"])
    assert result.exit_code == 0, result.output
    password = re.search(r"one-time password of alice: (\S+)", result.output).group(1)
    assert len(password) >= 12 and "must be changed at the next login" in result.output
    assert _login(web, "alice", PASSWORDS["alice"])[1].status_code == 200  # the old one is gone
    client, answer = _login(web, "alice", password)  # and the lock on the name was lifted
    assert answer.status_code == 302
    assert client.get("/history").headers["Location"].endswith("/password")  # forced change
    assert old_session.get("/history").status_code == 200


def test_a_password_read_from_stdin_is_also_a_given_one(web):  # noqa: F811
    runner = web.test_cli_runner()
    result = runner.invoke(
        args=["users", "reset-password", "sam", "--stdin"], input="typed by the admin\n"
    )
    assert result.exit_code == 0 and "typed by the admin" not in result.output
    client, answer = _login(web, "sam", "typed by the admin")
    assert answer.status_code == 302
    assert client.get("/history").headers["Location"].endswith("/password")
    short = runner.invoke(args=["users", "reset-password", "sam", "--stdin"], input="short\n")
    assert short.exit_code != 0 and "at least 8 characters" in short.output
    unknown = runner.invoke(args=["users", "reset-password", "nobody"])
    assert unknown.exit_code != 0 and "no user 'nobody'" in unknown.output


def test_disable_and_enable_from_the_terminal(web):  # noqa: F811
    runner = web.test_cli_runner()
    session = client_as(web, "bruno")
    assert runner.invoke(args=["users", "disable", "bruno"]).exit_code == 0
    assert session.get("/history").status_code == 302  # the open session ended
    assert _login(web, "bruno", PASSWORDS["bruno"])[1].status_code == 200  # refused
    listed = runner.invoke(args=["users", "list"]).output
    assert "(disabled)" in next(line for line in listed.splitlines() if line.startswith("bruno "))
    assert runner.invoke(args=["users", "enable", "bruno"]).exit_code == 0
    assert _login(web, "bruno", PASSWORDS["bruno"])[1].status_code == 302


def test_the_list_shows_each_accounts_last_login(web):  # noqa: F811
    client_as(web, "alice")
    with web.app_context():
        when = get_by_username(get_db(), "alice")["last_login_at"]
    listed = web.test_cli_runner().invoke(args=["users", "list"]).output.splitlines()
    alice = next(line for line in listed if line.startswith("alice "))
    sam = next(line for line in listed if line.startswith("sam "))
    assert when[:16].replace("T", " ") in alice and "trainee" in alice
    assert "never" in sam
    page = client_as(web, "admin").get("/admin/accounts").get_data(as_text=True)
    assert "never" in page or "jamais" in page

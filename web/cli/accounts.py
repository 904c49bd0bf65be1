"""Demo data for the embedded default, the `users` commands and `run-demo` (the quick start)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlite_utils import Database

from storage import limits, passwords, users
from storage.db import immediate
from web.shared.database import get_db
from web.shared.warm import warm_after_first_request

DEMO_ACCOUNTS = [
    # username, name, role, password, locale
    ("admin", "Alex Admin", "admin", "admin-demo-2026", "en"),
    ("trainer", "Claire Formatrice", "trainer", "trainer-demo-2026", "fr"),
    ("alice", "Alice Martin", "trainee", "trainee-demo-2026", "fr"),
    ("bruno", "Bruno Lefèvre", "trainee", "trainee-demo-2026", "fr"),
    ("sam", "Sam Taylor", "trainee", "trainee-demo-2026", "en"),
]


def ensure_demo(db: Database) -> bool:
    """Create the demo accounts, cohort and assignments if the database has no user; True if
    created."""
    if db["users"].count:
        return False
    ids = {}
    with immediate(db):
        for username, name, role, password, locale in DEMO_ACCOUNTS:
            ids[username] = users.add_user(
                db, username, name, password, role, f"{username}@example.com", locale
            )
        cohort = users.add_cohort(db, "Promo 2026 — Lyon", ids["trainer"])
        for name in ("alice", "bruno", "sam"):
            users.add_member(db, cohort, ids[name])
        soon = datetime.now(UTC) + timedelta(days=7)
        users.assign(db, cohort, "printer-offline", due_at=soon.date().isoformat())
        users.assign(
            db, cohort, "wifi-airplane-mode", persona="angry", due_at=soon.date().isoformat()
        )
        users.assign(
            db,
            cohort,
            "password-expired",
            exam=True,
            attempts=2,
            due_at=(soon + timedelta(days=7)).date().isoformat(),
        )
    return True


def print_accounts() -> None:
    """Show the demo accounts and passwords."""
    click.echo("Demo accounts (user name / password):")
    for username, _name, role, password, _locale in DEMO_ACCOUNTS:
        click.echo(f"  {role:8s} {username:8s} {password}")


@click.command("run-demo")
@click.option("--host", default="127.0.0.1")
@click.option("--port", default=5000, type=int)
@with_appcontext
def run_demo(host: str, port: int) -> None:
    """Set up the embedded database (demo data on first run) and serve the app."""
    db = get_db()
    created = ensure_demo(db)
    click.echo(
        f"Database: {current_app.config['DATABASE']}" + (" (demo data created)" if created else "")
    )
    if any(users.get_by_username(db, u) for u, *_ in DEMO_ACCOUNTS):
        print_accounts()
    click.echo(f"Open http://{host}:{port}/ in a browser. Ctrl+C stops the server.")
    # Flask ignores app.run() inside a CLI command. Imported here, when the command runs, on
    # purpose:
    # tests replace werkzeug.serving.run_simple, which a top-level import would have bound already.
    from werkzeug.serving import run_simple

    app = current_app._get_current_object()
    if not app.testing:  # matchers and parsers load once the first page is answered
        app = warm_after_first_request(app)
    run_simple(host, port, app, threaded=True, use_reloader=False)


users_cli = AppGroup("users", help="Manage accounts (admins).")


@users_cli.command("add")
@click.argument("username")
@click.option("--name", default="", help="Full name shown in the app.")
@click.option("--role", type=click.Choice(users.ROLES), default="trainee")
@click.option("--email", default="")
@click.option("--locale", type=click.Choice(["en", "fr", ""]), default="")
@click.password_option(help="At least 8 characters (asked if not given).")
@with_appcontext
def add_command(username, name, role, email, locale, password):
    """Create an account."""
    try:
        users.add_user(get_db(), username, name or username, password, role, email, locale)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {username.lower()} created ({role})")


@users_cli.command("list")
@with_appcontext
def list_command():
    """Show every account: user name, role, name, last login, and whether it is disabled or must
    change its password."""
    for row in users.list_users(get_db()):
        last = (row["last_login_at"] or "never")[:16].replace("T", " ")
        state = "" if row["active"] else " (disabled)"
        state += " (must change password)" if row["must_change_password"] else ""
        click.echo(f"{row['username']:16s} {row['role']:8s} {row['name']:24s} {last:16s}{state}")


def _user(username: str) -> dict:
    row = users.get_by_username(get_db(), username)
    if row is None:
        raise click.ClickException(f"no user '{username}'")
    return row


@users_cli.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice(users.ROLES))
@with_appcontext
def set_role_command(username, role):
    """Change an account's role (its API token is revoked)."""
    try:
        users.set_role(get_db(), username, role)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{username} is now {role}")


@users_cli.command("reset-password")
@click.argument("username")
@click.option(
    "--stdin", "from_stdin", is_flag=True, help="Read the new password from standard input."
)
@click.option("--password", default=None, help="The new password (visible in the shell history).")
@with_appcontext
def reset_password_command(username, from_stdin, password):
    """Give an account a new password: a one-time password printed here unless one is given
    (--stdin or --password). The person must choose their own at the next login; their sessions
    and API token end, and a login lock on the name is lifted."""
    row = _user(username)
    db = get_db()
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    if password is None:
        password = passwords.reset(db, row["id"])
        click.echo(f"one-time password of {row['username']}: {password}")
    else:
        try:
            users.set_password(db, row["username"], password)
        except users.UserError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"password of {row['username']} changed")
    limits.record_success(db, row["username"])
    click.echo("it must be changed at the next login; sessions and API token ended")


@users_cli.command("disable")
@click.argument("username")
@with_appcontext
def disable_command(username):
    """Disable an account: it can no longer log in; its sessions and API token end."""
    row = _user(username)
    users.set_active(get_db(), row["id"], False)
    click.echo(f"{row['username']} disabled")


@users_cli.command("enable")
@click.argument("username")
@with_appcontext
def enable_command(username):
    """Enable a disabled account again."""
    row = _user(username)
    users.set_active(get_db(), row["id"], True)
    click.echo(f"{row['username']} enabled")

"""Hotliner's application factory and its `hotliner` command line."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask
from flask.cli import FlaskGroup

from web import auth, own_password  # noqa: F401  (own_password: a route of auth.bp)

# A feature package's __init__ only defines its blueprint; the route modules below add their routes
# to it when they are imported, so they are imported here, before the blueprints are registered.
from web.admin import account_admin, admin_page  # noqa: F401  (routes of admin_bp)
from web.admin import bp as admin_bp
from web.api import bp as api_bp
from web.api import endpoints, shift_api  # noqa: F401  (routes of api_bp)
from web.authoring import bp as authoring_bp
from web.authoring import (  # noqa: F401  (routes of authoring_bp)
    bundles,
    library_page,
    model_drafts,
    phrases,
    playtest,
    starter,  # noqa: F401  (routes of authoring_bp; starter: the guided start)
)
from web.calls import bp as calls_bp
from web.calls import call_screen, streaming  # noqa: F401  (call_screen: routes of calls_bp)
from web.cli import register as register_commands
from web.cohorts import (  # noqa: F401  (routes of cohorts_bp)
    assignment_edit,
    cohort_pages,
    members,
    review,
    shift_results,
    trainee_password,  # noqa: F401  (routes of cohorts_bp)
)
from web.cohorts import bp as cohorts_bp
from web.notices import bp as notices_bp
from web.notices import notice_list  # noqa: F401  (routes of notices_bp)
from web.shared import (
    database,
    errors,
    formats,
    i18n,
    json_input,
    labels,
    numbers,
    rate_limits,
    security,
)
from web.shifts import bp as shifts_bp
from web.shifts import plan_pages, shift_pages  # noqa: F401  (routes of shifts_bp)
from web.trainer_home import bp as trainer_home_bp
from web.trainer_home import home_page  # noqa: F401  (routes of trainer_home_bp)

ROOT = Path(__file__).resolve().parent


def _secret_key(instance: Path) -> str:
    """HOTLINER_SECRET_KEY, else a random key generated once and kept in instance/secret_key."""
    if os.environ.get("HOTLINER_SECRET_KEY"):
        return os.environ["HOTLINER_SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        # Created 0600 from the start: a chmod after writing would leave a window.
        with os.fdopen(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as out:
            out.write(secrets.token_hex(32))
    return path.read_text(encoding="ascii").strip()


def create_app(config: dict | None = None) -> Flask:
    """Build the app; `config` overrides the defaults (tests pass a temporary database)."""
    app = Flask(
        __name__,
        instance_path=str(Path(os.environ.get("HOTLINER_INSTANCE", ROOT / "instance"))),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        DATABASE=os.environ.get("HOTLINER_DATABASE", str(Path(app.instance_path) / "hotliner.db")),
        SCENARIO_DIR=str(ROOT / "scenarios"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        BABEL_DEFAULT_LOCALE="en",
        BABEL_TRANSLATION_DIRECTORIES=str(ROOT / "translations"),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        WTF_CSRF_TIME_LIMIT=None,
    )
    app.json = json_input.BoundedJSONProvider(app)
    app.url_map.converters["int"] = numbers.AsciiIdConverter  # ASCII ids in SQLite's range
    if config:
        app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(Path(app.instance_path))

    database.init_app(app)
    i18n.init_app(app)
    labels.init_app(app)
    formats.init_app(app)
    auth.init_app(app)
    security.init_app(app)
    rate_limits.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(calls_bp)
    app.register_blueprint(streaming.bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(authoring_bp)
    app.register_blueprint(cohorts_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(notices_bp)
    app.register_blueprint(trainer_home_bp)
    app.register_blueprint(shifts_bp)
    register_commands(app)
    return app


cli = FlaskGroup(create_app=create_app, help="Hotliner: a training simulator for IT hotline staff.")

if __name__ == "__main__":
    cli()

"""Hotliner's application factory and its `hotliner` command line."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask
from flask.cli import FlaskGroup

ROOT = Path(__file__).resolve().parent


def create_app(config: dict | None = None) -> Flask:
    """Build the app; `config` overrides the defaults (tests pass a temporary database)."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(
        DATABASE=str(Path(app.instance_path) / "hotliner.db"),
        SCENARIO_DIR=str(ROOT / "scenarios"),
        SECRET_KEY=os.environ.get("HOTLINER_SECRET_KEY") or secrets.token_hex(32),
    )
    if config:
        app.config.update(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from web import commands, db

    db.init_app(app)
    commands.register(app)
    return app


cli = FlaskGroup(create_app=create_app, help="Hotliner: a training simulator for IT hotline staff.")

if __name__ == "__main__":
    cli()

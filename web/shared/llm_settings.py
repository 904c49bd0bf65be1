"""The language-model endpoint: the admin page's settings win over the app's config and the
environment.

Key by key: a value saved on the page (table `settings`, keys `llm.<field>`) wins; a field left
empty
on the page falls back to the app's config, then to the process environment. The API key is stored
in the SQLite file like the other settings; it is never rendered, logged nor put in a message.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _
from sqlite_utils import Database

from simulator.llm import LLMConfig
from storage import settings

PREFIX = "llm."
FIELDS = {  # field of the page → the environment variable it overrides
    "base_url": "HOTLINER_LLM_BASE_URL",
    "model": "HOTLINER_LLM_MODEL",
    "api_key": "HOTLINER_LLM_API_KEY",
    "timeout": "HOTLINER_LLM_TIMEOUT",
    "retries": "HOTLINER_LLM_RETRIES",
}
DEFAULTS = {"timeout": "20", "retries": "1"}
KEY_FALLBACK = "OPENAI_API_KEY"
ENVIRONMENT_ONLY = ("HOTLINER_LLM_STREAM",)  # no field on the page: set where the server is set up


def environment() -> dict[str, str]:
    """The LLM variables of the process environment, overridden by the app's config."""
    names = {*FIELDS.values(), KEY_FALLBACK, *ENVIRONMENT_ONLY}
    env = {name: value for name, value in os.environ.items() if name in names}
    env.update({name: str(value) for name, value in current_app.config.items() if name in names})
    return env


def stored(db: Database) -> dict[str, str]:
    """The fields saved on the admin page (the API key included: never show it)."""
    saved = settings.get_many(db, PREFIX)
    return {
        key[len(PREFIX) :]: value for key, value in saved.items() if key[len(PREFIX) :] in FIELDS
    }


def effective(db: Database) -> dict[str, str]:
    """The variables the endpoint is built from: the page's fields over config and environment."""
    env = environment()
    for field, value in stored(db).items():
        env[FIELDS[field]] = value
    return env


def config_from(db: Database) -> LLMConfig | None:
    """The endpoint as configured now; None when there is no base URL or model."""
    return LLMConfig.from_env(effective(db))


@dataclass(frozen=True)
class Origin:
    """Where a field's value comes from, and what may be shown of it (never the key)."""

    page: str  # the value saved on the page ('' if none; '' for the key too)
    environment: str  # the environment's or config's value ('' if none; '' for the key too)
    key_on_page: bool = False
    key_in_environment: bool = False


def origins(db: Database) -> dict[str, Origin]:
    """Per field, the page's value and the environment's, for the form's hints."""
    env, saved = environment(), stored(db)
    result = {}
    for field, name in FIELDS.items():
        if field == "api_key":
            result[field] = Origin(
                "",
                "",
                key_on_page=bool(saved.get("api_key")),
                key_in_environment=bool(env.get(name) or env.get(KEY_FALLBACK)),
            )
        else:
            result[field] = Origin(saved.get(field, ""), env.get(name, ""))
    return result


class SettingsInvalid(ValueError):
    """The form has errors: `errors` maps each field to a message in the user's language."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(", ".join(sorted(errors)))  # field names only: never a value
        self.errors = errors


def _check_url(text: str) -> str:
    if len(text) > 500 or any(c.isspace() for c in text):
        return _("Enter an address without spaces, such as http://127.0.0.1:11434/v1.")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return _("This address is not valid. Enter one such as http://127.0.0.1:11434/v1.")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return _(
            "The address must start with http:// or https:// and name a server, such as http://127.0.0.1:11434/v1."
        )
    if parts.username or parts.password:
        return _("Do not put a user name or key in the address: type the key in the API key field.")
    return ""


def _number(text: str, low: float, high: float, whole: bool) -> tuple[str, str]:
    try:
        value = float(text.replace(",", ".")) if not whole else int(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or not low <= value <= high:
        if whole:
            return "", _("Enter a whole number from %(low)d to %(high)d.", low=low, high=high)
        return "", _("Enter a number of seconds from %(low)d to %(high)d.", low=low, high=high)
    return (str(value) if whole else f"{value:g}"), ""


def check_form(form: Mapping[str, str]) -> dict[str, str | None]:
    """The values to store (None removes a field, the key is absent when kept); SettingsInvalid if
    wrong."""
    errors: dict[str, str] = {}
    values: dict[str, str | None] = {}
    base_url = form.get("base_url", "").strip()
    if base_url and (problem := _check_url(base_url)):
        errors["base_url"] = problem
    values["base_url"] = base_url or None
    model = form.get("model", "").strip()
    if len(model) > 200 or any(not c.isprintable() for c in model):
        errors["model"] = _("Enter a model name of at most 200 characters, such as llama3.1:8b.")
    values["model"] = model or None
    key = form.get("api_key", "").strip()
    if key and form.get("remove_key"):
        errors["api_key"] = _("Either type a new key or tick “remove the stored key”, not both.")
    elif len(key) > 500 or any(not c.isprintable() or c.isspace() for c in key):
        errors["api_key"] = _("This key is not valid: at most 500 characters, without spaces.")
    elif key:
        values["api_key"] = key
    elif form.get("remove_key"):
        values["api_key"] = None
    for field, low, high, whole in (("timeout", 1, 300, False), ("retries", 0, 10, True)):
        text = form.get(field, "").strip()
        values[field] = None
        if text:
            values[field], problem = _number(text, low, high, whole)
            if problem:
                errors[field] = problem
    if errors:
        raise SettingsInvalid(errors)
    return values


def save(db: Database, values: Mapping[str, str | None], user_id: int | None) -> bool:
    """Store the checked values in one transaction; True when the stored key was removed because
    the base URL changed and no key was typed (a key only ever goes where it was given for)."""
    values = dict(values)
    saved = stored(db)
    url_changed = "base_url" in values and values["base_url"] != saved.get("base_url")
    cleared = url_changed and "api_key" not in values and bool(saved.get("api_key"))
    if cleared:
        values["api_key"] = None
    settings.set_many(db, {PREFIX + field: value for field, value in values.items()}, user_id)
    return cleared

"""Limits that hold across every worker (kept in the database by storage.limits), the client
address as the trusted proxies report it, and the HTTPS-only cookie settings."""

from __future__ import annotations

import os
import time
from functools import lru_cache, wraps

from flask import Flask, abort, current_app, g, has_app_context, request
from flask_login import current_user
from limits import parse
from werkzeug.middleware.proxy_fix import ProxyFix

from storage.limits import Window, has_room, hit
from web.shared.database import get_db

DEFAULTS = {
    "LOGIN_RATE_LIMIT": "10 per minute",  # per client address, every worker counted together
    "STEP_RATE_LIMIT": "60 per minute",  # per user: says, clicks and API steps
    "CALL_RATE_LIMIT": "30 per hour",  # per user: calls started
    "VALIDATE_RATE_LIMIT": "60 per minute",  # per user: the editor's live validation
}


def window(config_key: str) -> Window:
    """A limit of the app's config ("10 per minute") as a window."""
    return _window(current_app.config[config_key])


@lru_cache(maxsize=64)
def _window(text: str) -> Window:
    """A limit's text read once per process (the `limits` parser takes longer than the check)."""
    item = parse(text)
    return Window(item.amount, float(item.get_expiry()))


def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def address_may_try_login() -> bool:
    """Count a login attempt from this address; False once the address used up its window."""
    return not _enabled() or hit(
        get_db(), f"login:{request.remote_addr}", window("LOGIN_RATE_LIMIT")
    )


def limit_user(action: str) -> None:
    """Count one `action` ("step", "call", "validate") of the current user; 429 past its limit.

    The check is a read; the hit itself is counted by the request's own write transaction
    (count_pending_hit, a step's or a call start's) or, when the request wrote nothing (a refused
    step, another view), by settle_hit at its end: one write transaction per step, not two.
    """
    if not _enabled():
        return
    user = current_user._get_current_object()  # resolved once
    if not user.is_authenticated:
        return
    key, limit = f"{action}:{user.id}", window(f"{action.upper()}_RATE_LIMIT")
    at = time.time()
    if not has_room(get_db(), key, limit, at):
        abort(429)
    g.pending_hit = (key, limit, at)


def count_pending_hit(db) -> None:
    """Count the request's pending hit inside the write transaction the caller has open; 429
    (raised, so that transaction rolls back) if other workers filled the window meanwhile."""
    pending = g.pop("pending_hit", None) if has_app_context() else None
    if pending is not None and not hit(db, *pending):
        abort(429)


def settle_hit() -> None:
    """Count a pending hit that no write transaction of the request took (in one of its own)."""
    pending = g.pop("pending_hit", None)
    if pending is not None:
        hit(get_db(), *pending)


def init_app(app: Flask) -> None:
    """Limit defaults; trusted proxy hops (HOTLINER_PROXY_HOPS); HOTLINER_HTTPS=1: Secure, HSTS."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, os.environ.get(f"HOTLINER_{key}", value))
    # Wall-clock budget of one scenario validation (editor, save, import, CLI), in seconds.
    app.config.setdefault(
        "VALIDATE_SECONDS", float(os.environ.get("HOTLINER_VALIDATE_SECONDS", "2"))
    )
    hops = int(os.environ.get("HOTLINER_PROXY_HOPS", app.config.get("PROXY_HOPS", 0)) or 0)
    if hops > 0:
        # Only then is X-Forwarded-For believed: the address is the one the nearest trusted
        # proxy saw, so one client behind the proxy does not block everyone.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    https = os.environ.get("HOTLINER_HTTPS", "1" if app.config.get("HTTPS") else "") == "1"
    if https:
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)

        @app.after_request
        def _hsts(response):
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
            return response


def limited(action: str):
    """Decorate a view: each request counts one `action` of the current user (429 past it)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            limit_user(action)
            try:
                return view(*args, **kwargs)
            finally:
                settle_hit()

        return wrapped

    return decorator

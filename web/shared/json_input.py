"""JSON bodies read with bounds: nesting at most MAX_DEPTH deep and no lone surrogates
("\\ud800" is valid JSON but no valid text: SQLite's driver fails on it). Either is refused as bad
JSON (a 400 with a message), never a 500."""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider

MAX_DEPTH = 32


class BadJSON(ValueError):
    """The body parsed but is refused; `args[0]` says why (English, technical)."""


def check(value: Any) -> Any:
    """`value` unchanged if its depth and its strings are acceptable; else BadJSON."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadJSON(f"JSON nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                _check_text(key)
                stack.append((inner, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, depth + 1) for inner in item)
    return value


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadJSON("text contains a lone surrogate (\\ud800-\\udfff): not text") from exc


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON with the bounds above on everything it loads."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            value = super().loads(s, **kwargs)
        except RecursionError as exc:
            raise BadJSON(f"JSON nested deeper than {MAX_DEPTH} levels") from exc
        return check(value)

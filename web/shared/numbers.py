"""The one parser of numbers typed in forms, query strings and URLs: ASCII digits only, within a
range. Python's `isdigit()` accepts "²" (which `int()` refuses) and `int()` takes "٣" or "𝟑" as
3; ids beyond SQLite's 64-bit integers overflow the driver. Both gave a 500; here they are None
(the caller answers 400/422 with its message) or a 404 for ids."""

from __future__ import annotations

import re

from flask import abort, request
from werkzeug.routing import IntegerConverter

SQLITE_MAX = 2**63 - 1
_ASCII_INT = re.compile(r"-?[0-9]{1,19}")
_ASCII_NUMBER = re.compile(r"-?[0-9]{1,12}([.,][0-9]{1,6})?")


def parse_int(text: str | None, low: int, high: int) -> int | None:
    """`text` as a whole number in [low, high] (surrounding spaces allowed), else None."""
    text = (text or "").strip()
    if not _ASCII_INT.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def parse_number(text: str | None, low: float, high: float) -> float | None:
    """`text` as a decimal number ("2.5" or "2,5") in [low, high], else None."""
    text = (text or "").strip()
    if not _ASCII_NUMBER.fullmatch(text):
        return None
    value = float(text.replace(",", "."))
    return value if low <= value <= high else None


def parse_id(text: str | int | None) -> int:
    """A database id from a URL or a form: 404 unless it is a positive 64-bit integer."""
    value = parse_int(str(text) if text is not None else "", 1, SQLITE_MAX)
    if value is None:
        abort(404)
    return value


class AsciiIdConverter(IntegerConverter):
    """`<int:...>` in routes: ASCII digits only, at most SQLite's largest integer (else 404)."""

    regex = r"[0-9]{1,19}"

    def __init__(self, url_map, fixed_digits: int = 0, min: int | None = None, max=None):  # noqa: A002
        super().__init__(url_map, fixed_digits, min, SQLITE_MAX if max is None else max)


def id_arg(name: str) -> int | None:
    """An optional id in the query string (`?version=3`): None when absent, 404 when not an id."""
    raw = request.args.get(name)
    return None if raw is None or raw == "" else parse_id(raw)

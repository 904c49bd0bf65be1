"""Dates, times and numbers as the reader's language writes them (template filters)."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal
from flask_babel import lazy_gettext as _l

# One colour per skill, the same in every chart and legend (colour-blind safe, Okabe-Ito).
SKILL_COLOURS = {
    "diagnosis": "#0072B2",
    "resolution": "#009E73",
    "escalation": "#E69F00",
    "tone": "#CC79A7",
    "written": "#56B4E9",
    "overall": "#555555",
}

# The language of a call, as a sentence names it ("This call is in French").
LANGUAGE_NAMES = {"en": _l("English"), "fr": _l("French")}


def _parse(value: str | date | datetime | None) -> date | datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, date | datetime):
        return value
    text = str(value)
    try:
        return datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        return None


def day(value: str | date | datetime | None) -> str:
    """A date in the reader's language (« 5 déc. 2026 », "Dec 5, 2026"); "—" when empty."""
    parsed = _parse(value)
    if parsed is None:
        return "—"
    return format_date(parsed.date() if isinstance(parsed, datetime) else parsed, "medium")


def moment(value: str | datetime | None) -> str:
    """A date and time in the reader's language, to the minute; "—" when empty."""
    parsed = _parse(value)
    if not isinstance(parsed, datetime):
        return day(value)
    return format_datetime(parsed.replace(tzinfo=None), "short")


def number(value: float | int | None, digits: int = 1) -> str:
    """A number rounded to `digits` decimals in the reader's language: a whole one without any
    (« 85 », "85"), others with all `digits` (« 85,7 », "-0.30"); "—" if missing."""
    if value is None:
        return "—"
    rounded = round(float(value), digits) + 0.0  # + 0.0: no "-0"
    if rounded.is_integer():
        return format_decimal(int(rounded), format="#,##0")
    return format_decimal(rounded, format="#,##0." + "0" * digits)


def short(value: float | int | None) -> str:
    """A number as briefly as it reads, in the reader's language (« 1,5 », « 2,25 », « 3 »)."""
    if value is None:
        return "—"
    return format_decimal(value, format="#,##0.###")


def init_app(app: Flask) -> None:
    """Register the filters and the skill colours for every template."""
    app.add_template_filter(day, "day")
    app.add_template_filter(moment, "moment")
    app.add_template_filter(number, "number")
    app.add_template_filter(short, "short")
    app.context_processor(
        lambda: {"SKILL_COLOURS": SKILL_COLOURS, "LANGUAGE_NAMES": LANGUAGE_NAMES}
    )

"""The call screen's forms turned into engine steps, with errors in the user's language."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from simulator.scenario import CATEGORIES, TEAMS
from simulator.steps import MAX_TEXT, StepError, parse_step
from web.shared.numbers import parse_int


def _text(
    form: MultiDict, name: str, what: str, limit: int = MAX_TEXT, required: bool = True
) -> str:
    value = (form.get(name) or "").strip()
    if required and not value:
        raise StepError(_("%(what)s is empty.", what=what))
    if len(value) > limit:
        raise StepError(_("%(what)s is longer than %(limit)d characters.", what=what, limit=limit))
    return value


def step_from_form(form: MultiDict) -> Any:
    """The raw step the form describes; StepError (translated) when something is wrong."""
    kind = form.get("step", "")
    if kind == "say":
        raw: Any = {"say": _text(form, "text", _("What you say"))}
    elif kind in ("remote_connect", "resume"):
        raw = kind
    elif kind == "remote":
        raw = {"remote": _text(form, "command", _("The command"), 500)}
    elif kind == "kb":
        raw = {"kb": _text(form, "query", _("The search"), 200)}
    elif kind == "hold":
        seconds = form.get("seconds", "")
        held = parse_int(seconds, 1, 3600)
        if held is None:
            raise StepError(_("A hold lasts from 1 to 3600 seconds."))
        raw = {"hold": held}
    elif kind == "directory":
        raw = {
            "directory": {
                "op": form.get("op", ""),
                "user": (form.get("user") or "").strip(),
                "must_change": form.get("must_change") == "on",
            }
        }
    elif kind == "ticket":
        category = form.get("category", "")
        if category and category not in CATEGORIES:
            raise StepError(_("Choose a category from the list."))
        raw = {
            "ticket": {
                k: _text(form, k, k, required=False)
                for k in ("category", "priority", "summary", "root_cause", "resolution")
            }
        }
    elif kind == "escalate":
        if form.get("team") not in TEAMS:
            raise StepError(_("Choose the team to hand over to."))
        raw = {
            "escalate": {"team": form["team"], "note": _text(form, "note", _("The hand-over note"))}
        }
    elif kind == "close":
        raw = {"close": {"summary": _text(form, "summary", _("The summary"), required=False)}}
    else:
        raise StepError(_("Unknown action."))
    return parse_step(raw)

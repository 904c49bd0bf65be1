"""A scenario drafted by the language model from a trainer's brief, opened in the editor unsaved.

The model writes YAML (simulator/drafting.py: validated, asked once more with the errors); the
editor
shows it with the problems that remain. Nothing is stored until the trainer saves it like any new
scenario, as a draft: a drafted scenario is never published without a trainer.
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from simulator.drafting import LLMFailure, draft_scenario
from simulator.llm import LLMClient
from web.authoring import bp
from web.authoring.library_page import editor, render_library
from web.authoring.versions import check
from web.shared.database import get_db
from web.shared.runtime import get_library, llm_config

BRIEF_MIN, BRIEF_MAX = 10, 2000
FAILURES = {
    "timeout": lambda: _("The language model did not answer in time."),
    "connection": lambda: _("The language model's server could not be reached."),
    "rate_limited": lambda: _("The language model's server is busy (too many requests)."),
    "http_error": lambda: _("The language model's server answered with an error."),
}


@bp.post("/draft")
def draft():
    """Ask the model for a scenario matching the brief; open it in the editor, not saved."""
    config = llm_config()
    if config is None:
        flash(
            _(
                "Drafting with the language model needs an endpoint: ask an administrator "
                "to configure one."
            ),
            "error",
        )
        return redirect(url_for("authoring.library"))
    typed = request.form.get("brief", "")
    brief = " ".join(typed.split())
    if not BRIEF_MIN <= len(brief) <= BRIEF_MAX:
        flash(
            _(
                "Describe the scenario in %(low)d to %(high)d characters.",
                low=BRIEF_MIN,
                high=BRIEF_MAX,
            ),
            "error",
        )
        return render_library(status=422, brief=typed)
    library = get_library()
    try:
        result = draft_scenario(LLMClient(config), brief, library.catalog, set(library.articles))
    except LLMFailure as exc:
        reason = FAILURES.get(
            exc.reason, lambda: _("The language model's answer could not be used.")
        )()
        flash(
            _(
                "No draft: %(reason)s Your brief is kept below; try again in a moment.",
                reason=reason,
            ),
            "error",
        )
        return render_library(status=502, brief=typed)
    problems = check(get_db(), result.yaml, "new", current_user)[1]
    if problems:
        flash(
            _(
                "Draft written by the language model; problems left: %(n)d. Fix them (listed "
                "beside the editor), "
                "then create the scenario. Nothing is saved yet.",
                n=len(problems),
            ),
            "info",
        )
    else:
        flash(
            _(
                "Draft written by the language model: review it, then create the scenario "
                "(saved as a draft). "
                "Nothing is saved yet."
            ),
            "info",
        )
    return editor(result.yaml, problems=problems)

"""The guided start for authors (/authoring/new/guided): a form in the author's words that writes
a valid scenario and opens it in the editor, unsaved, to read and create."""

from __future__ import annotations

from pathlib import Path

import yaml
from flask import current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from simulator.scenario import CATEGORIES, PERSONAS
from web.authoring import bp
from web.authoring.library_page import editor
from web.authoring.starter_yaml import (
    PROBE_ROWS,
    TECH_LEVELS,
    GuidedForm,
    check_form,
    probe_intents,
    read_form,
    scenario_data,
    scenario_yaml,
)
from web.authoring.versions import check
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.runtime import get_library


def _parts() -> dict:
    path = Path(current_app.config["SCENARIO_DIR"]) / "starters" / "guided-parts.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _render(form: GuidedForm, problems=(), status: int = 200):
    catalog = get_library().catalog
    locale = select_locale()

    def choices(ids: list[str]) -> list[tuple[str, str]]:
        return sorted(
            ((i, catalog.intents[i].meaning.get(locale)) for i in ids), key=lambda c: c[1]
        )

    return render_template(
        "authoring/guided.html",
        form=form,
        problems=problems,
        categories=CATEGORIES,
        personas=PERSONAS,
        tech_levels=TECH_LEVELS,
        probe_choices=choices(probe_intents(catalog)),
        fix_choices=choices(catalog.ids("action")),
        rows=range(1, PROBE_ROWS + 1),
    ), status


@bp.get("/new/guided")
def guided():
    """The guided form: category, fault, callers, first questions."""
    start = MultiDict({"difficulty": "1", "tech_level": "low", "reveals": "1"})
    start.setlist("personas", ["calm", "novice"])
    return _render(read_form(start))


@bp.post("/new/guided")
def guided_write():
    """Write the scenario the form describes and open it in the editor; else the form again,
    every value kept and each problem beside its field."""
    form = read_form(request.form)
    catalog = get_library().catalog
    check_form(form, catalog)
    if form.errors:
        return _render(form, status=422)
    text = scenario_yaml(scenario_data(form, catalog, _parts()))
    scenario, problems = check(get_db(), text, "new", current_user)
    if scenario is None:
        for p in problems:
            if p.path == "id":
                form.errors["id"] = p.text(select_locale())
        rest = [p for p in problems if p.path != "id"]
        return _render(form, rest, status=422)
    flash(
        _(
            "Your scenario is written and valid. Read it, change what you like, then create it: "
            "nothing is saved before."
        ),
        "success",
    )
    return editor(text)

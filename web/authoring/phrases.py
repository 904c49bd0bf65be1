"""Unrecognised phrases: what trainees typed on a scenario that the simulator did not understand.

One click adds a phrase as an example of an intent: into the scenario (a new version with
`intent_examples` when the current one was played) or, for admins, into the shared catalog. The
next calls use it: a new version has its own matcher, and a catalog change drops the app's
cached library and engine.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

from flask import (
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from simulator.catalog import CatalogError, load_catalog
from simulator.scenario import LOCALES, Scenario
from storage import authored
from web.authoring import bp
from web.authoring.playtest import scenario_version
from web.authoring.versions import DraftRejected, can_edit, save
from web.authoring.yaml_text import append_to_list
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.playable import forget_library
from web.shared.runtime import get_engine, get_library

MAX_PHRASE = 300
CATALOG_LIMIT = 4 * 1024 * 1024
_catalog_lock = threading.Lock()


def intent_choices(scenario: Scenario, locale: str) -> list[dict[str, str]]:
    """Intents a phrase can be added to: the scenario's bound ones first, then the catalog's."""
    catalog = get_library().catalog
    bound = scenario.bound_intents()
    choices = []
    for intent_id, spec in [*scenario.intents.items(), *catalog.intents.items()]:
        choices.append(
            {
                "id": intent_id,
                "meaning": spec.meaning.get(locale),
                "kind": spec.kind,
                "bound": intent_id in bound or intent_id in scenario.intents,
            }
        )
    return sorted(choices, key=lambda c: (not c["bound"], c["kind"], c["id"]))


def add_to_catalog(intent_id: str, locale: str, phrase: str) -> None:
    """Append an example to an intent of scenarios/catalog.yaml (checked before it replaces the
    file)."""
    path = Path(current_app.config["SCENARIO_DIR"]) / "catalog.yaml"
    with _catalog_lock:
        text = path.read_text(encoding="utf-8")
        new_text = append_to_list(
            text, ("intents", intent_id, "examples", locale), phrase, limit=CATALOG_LIMIT
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".yaml")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(new_text)
            if phrase not in load_catalog(Path(tmp)).examples(intent_id, locale):
                raise CatalogError("the phrase did not reach the catalog")
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    forget_library()


def _page(scenario_id: str, status: int = 200):
    db = get_db()
    scenario = scenario_version(db, scenario_id)
    head = authored.head(db, scenario_id)
    engine = get_engine()
    rows = authored.unrecognized(
        db, scenario_id, None if current_user.role == "admin" else current_user.id
    )
    for row in rows:
        understanding = engine.matcher(scenario, row["locale"]).understand(row["text"])
        row["now"] = [m.intent for m in understanding.matches] if understanding.understood else []
    return make_response(
        render_template(
            "authoring/phrases.html",
            scenario=scenario,
            rows=rows,
            head=head,
            builtin=head is None,
            editable=can_edit(current_user, head),
            intents=intent_choices(scenario, select_locale()),
            max_phrase=MAX_PHRASE,
        ),
        status,
    )


@bp.get("/<scenario_id>/phrases")
def phrases(scenario_id: str):
    """What trainees typed on this scenario that was not understood, grouped, with counts."""
    return _page(scenario_id)


def _refuse(scenario_id: str, message: str, status: int):
    flash(message, "error")
    return _page(scenario_id, status)


@bp.post("/<scenario_id>/phrases")
def add_phrase(scenario_id: str):
    """Add a phrase as an example of the chosen intent, in the scenario or the shared catalog."""
    db = get_db()
    scenario = scenario_version(db, scenario_id)
    phrase = " ".join(request.form.get("text", "").split())
    locale, intent, target = (
        request.form.get("locale"),
        request.form.get("intent", ""),
        request.form.get("target"),
    )
    if not phrase or len(phrase) > MAX_PHRASE:
        return _refuse(scenario_id, _("A phrase has 1 to %(n)d characters.", n=MAX_PHRASE), 422)
    if locale not in LOCALES:
        return _refuse(scenario_id, _("Choose the language of the phrase."), 422)
    if intent not in get_library().catalog and intent not in scenario.intents:
        return _refuse(scenario_id, _("Choose the intent this phrase means."), 422)
    if target == "catalog":
        if current_user.role != "admin":
            return _refuse(scenario_id, _("Only an admin can change the shared catalog."), 403)
        if intent not in get_library().catalog:
            return _refuse(
                scenario_id,
                _("This intent belongs to the scenario: add the phrase to the scenario."),
                422,
            )
        add_to_catalog(intent, locale, phrase)
        flash(
            _(
                "“%(p)s” is now an example of %(i)s in the shared catalog: the next calls "
                "understand it.",
                p=phrase,
                i=intent,
            ),
            "success",
        )
        return redirect(url_for("authoring.phrases", scenario_id=scenario_id))
    return _add_to_scenario(scenario_id, intent, locale, phrase)


def _add_to_scenario(scenario_id: str, intent: str, locale: str, phrase: str):
    db = get_db()
    head = authored.head(db, scenario_id)
    if head is None:
        return _refuse(
            scenario_id,
            _(
                "Built-in scenarios are read-only: add the phrase to the shared catalog, "
                "or duplicate the scenario."
            ),
            403,
        )
    if not can_edit(current_user, head):
        return _refuse(
            scenario_id, _("Only the author of this scenario or an admin can change it."), 403
        )
    text = append_to_list(head["yaml"], ("intent_examples", intent, locale), phrase)
    status = "draft" if head["status"] == "archived" else head["status"]
    try:
        saved = save(db, text, current_user, "edit", scenario_id, status=status)
    except DraftRejected as exc:
        return _refuse(scenario_id, "; ".join(p.text(select_locale()) for p in exc.problems), 422)
    if status == "published":
        flash(
            _(
                "“%(p)s” added to %(i)s in version %(v)d: the next calls understand it.",
                p=phrase,
                i=intent,
                v=saved.version,
            ),
            "success",
        )
    else:
        flash(
            _(
                "“%(p)s” added to %(i)s in version %(v)d, a draft: publish it for trainees "
                "to benefit.",
                p=phrase,
                i=intent,
                v=saved.version,
            ),
            "success",
        )
    return redirect(url_for("authoring.phrases", scenario_id=scenario_id))

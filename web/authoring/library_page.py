"""Scenario authoring for trainers and admins: the library, the YAML editor, versions and statuses.

Import and export (`bundles`), drafts by the language model (`model_drafts`), play-tests
(`playtest`) and unrecognised phrases (`phrases`) add their routes to this blueprint; the
trainers-only guard below covers all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from simulator.folding import fold
from simulator.scenario import CATEGORIES
from simulator.translation import lang
from storage import authored
from web.authoring import bp
from web.authoring.versions import DraftRejected, can_edit, check, save, source_text
from web.authoring.yaml_text import set_top_level
from web.shared.database import get_db
from web.shared.i18n import select_locale
from web.shared.numbers import id_arg
from web.shared.rate_limits import limited
from web.shared.runtime import get_library, llm_config

SCENARIO_STATUSES = ("draft", "published", "archived")
STATUS_ACTIONS = ("publish", "unpublish", "archive", "restore")


@bp.context_processor
def _labels() -> dict:
    return {
        "STATUS_LABELS": {
            "draft": _l("Draft"),
            "published": _l("Published"),
            "archived": _l("Archived"),
        }
    }


@bp.app_template_filter("fact_value")
def fact_value(value: Any) -> str:
    """A fact's value as written in YAML (true/false, a list as [a, b])."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(fact_value(v) for v in value) + "]"
    return str(value)


@bp.before_request
def _trainers_only():
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.can("trainer"):
        abort(403)
    return None


def library_rows(db, locale: str) -> list[dict[str, Any]]:
    """Every scenario of the library (built-in and authored) with its status and how it was
    played."""
    stats = authored.play_stats(db)
    rows = []
    for s in get_library().scenarios.values():
        rows.append(
            {
                "id": s.id,
                "version": s.version,
                "status": "published",
                "live_version": s.version,
                "title": s.title.get(locale),
                "category": s.category,
                "difficulty": s.difficulty,
                "personas": list(s.personas),
                "author": None,
                "builtin": True,
                "updated_at": None,
                "search": " ".join(
                    [s.id, s.title.en, s.title.fr, s.summary.en, s.summary.fr, *s.tags]
                ),
            }
        )
    for h in authored.heads(db):
        status = (
            "archived"
            if h["status"] == "archived"
            else ("published" if h["live_version"] else "draft")
        )
        rows.append(
            {
                "id": h["id"],
                "version": h["version"],
                "status": status,
                "live_version": h["live_version"],
                "title": h[f"title_{lang(locale)}"],
                "category": h["category"],
                "difficulty": h["difficulty"],
                "personas": (h["personas"] or "").split(","),
                "author": h["author_name"] or h["author"],
                "builtin": False,
                "updated_at": h["updated_at"],
                "search": " ".join(
                    [h["id"], h["title_en"] or "", h["title_fr"] or "", h["tags"] or ""]
                ),
            }
        )
    for row in rows:
        row.update(
            plays=stats.get(row["id"], {}).get("plays", 0),
            average=stats.get(row["id"], {}).get("average"),
        )
    return sorted(rows, key=lambda r: (r["builtin"], r["difficulty"], r["id"]))


def filter_rows(rows: list[dict[str, Any]], args) -> list[dict[str, Any]]:
    """The rows the library's filters and search keep (archived ones only when asked for)."""
    status, category = args.get("status", ""), args.get("category", "")
    # each typed term folded like the text it searches ("printer-offline" stays one term)
    difficulty = args.get("difficulty", "")
    words = [fold(term) for term in args.get("q", "").split() if fold(term)]
    out = []
    for r in rows:
        if (status and status != r["status"]) or (not status and r["status"] == "archived"):
            continue
        if (category and category != r["category"]) or (
            difficulty and difficulty != str(r["difficulty"])
        ):
            continue
        if words and not all(w in fold(r["search"]) for w in words):
            continue
        out.append(r)
    return out


def render_library(report: dict | None = None, status: int = 200, brief: str | None = None):
    """The library page (with an import report, or the brief of a failed draft, when there is
    one)."""
    rows = library_rows(get_db(), select_locale())
    shown = filter_rows(rows, request.args)
    return render_template(
        "authoring/library.html",
        rows=shown,
        total=len(rows),
        args=request.args,
        categories=CATEGORIES,
        statuses=SCENARIO_STATUSES,
        report=report,
        draft_available=llm_config() is not None,
        brief=brief,
    ), status


@bp.get("/")
def library():
    """Every scenario with its version, status, author and how trainees did; filters and search."""
    return render_library()


def _starter() -> str:
    return (Path(current_app.config["SCENARIO_DIR"]) / "starters" / "new-scenario.yaml").read_text(
        encoding="utf-8"
    )


def _duplicate(db, scenario_id: str) -> str:
    text = source_text(db, scenario_id)
    if text is None:
        abort(404)
    taken = {r["id"] for r in library_rows(db, "en")}
    new_id = f"{scenario_id}-copy"
    n = 2
    while new_id in taken:
        new_id, n = f"{scenario_id}-copy-{n}", n + 1
    return set_top_level(set_top_level(text, "id", new_id), "version", 1)


def editor(
    text: str,
    scenario_id: str | None = None,
    problems=None,
    status: int = 200,
    version: int | None = None,
):
    """The editor page: a new scenario (no id) or a stored one, with the problems to show beside
    it."""
    db = get_db()
    head = authored.head(db, scenario_id) if scenario_id else None
    builtin = scenario_id is not None and head is None
    editable = scenario_id is None or (
        not builtin
        and can_edit(current_user, head)
        and (version is None or version == head["version"])
    )
    scenario = get_library().scenarios.get(scenario_id) if builtin else None
    return render_template(
        "authoring/editor.html",
        text=text,
        scenario_id=scenario_id,
        head=head,
        builtin=builtin,
        editable=editable,
        problems=problems or [],
        builtin_scenario=scenario,
        versions=authored.versions(db, scenario_id) if scenario_id else [],
        viewing=version,
        stats=authored.play_stats(db).get(scenario_id, {}) if scenario_id else {},
    ), status


@bp.get("/new")
def new():
    """The editor with a starting scenario, or a copy of an existing one (`?from=ID`)."""
    source = request.args.get("from")
    return editor(_duplicate(get_db(), source) if source else _starter())


@bp.post("/new")
def create():
    """Store a new scenario (version 1, draft) if it validates; else show every problem."""
    text = request.form.get("yaml", "")
    try:
        saved = save(get_db(), text, current_user, "new")
    except DraftRejected as exc:
        flash(_("Nothing was saved: fix the problems listed beside the editor."), "error")
        return editor(text, problems=exc.problems, status=422)
    flash(
        _(
            "Scenario created as a draft (version %(v)d). Play-test it, then publish it.",
            v=saved.version,
        ),
        "success",
    )
    return redirect(url_for("authoring.scenario", scenario_id=saved.scenario_id))


@bp.get("/<scenario_id>")
def scenario(scenario_id: str):
    """A scenario in the editor (read-only when built-in or not yours), its versions and actions."""
    version = id_arg("version")
    text = source_text(get_db(), scenario_id, version)
    if text is None:
        abort(404)
    return editor(text, scenario_id, version=version)


def _editable_head(scenario_id: str) -> dict[str, Any]:
    """The newest version of a scenario this user may change; else a 403 page saying why (404 if
    unknown)."""
    db = get_db()
    head = authored.head(db, scenario_id)
    if head is None:
        text = source_text(db, scenario_id)
        if text is None:
            abort(404)
        flash(_("Built-in scenarios are read-only: duplicate this one to change it."), "error")
        abort(make_response(editor(text, scenario_id)[0], 403))
    if not can_edit(current_user, head):
        flash(
            _(
                "Only the author of this scenario or an admin can change it: duplicate it "
                "to make your own."
            ),
            "error",
        )
        abort(make_response(editor(head["yaml"], scenario_id)[0], 403))
    return head


@bp.post("/<scenario_id>/save")
def save_scenario(scenario_id: str):
    """Save the editor's YAML: a new version if the current one was played, else in place."""
    _editable_head(scenario_id)
    text = request.form.get("yaml", "")
    try:
        saved = save(get_db(), text, current_user, "edit", scenario_id)
    except DraftRejected as exc:
        flash(_("Nothing was saved: fix the problems listed beside the editor."), "error")
        return editor(text, scenario_id, problems=exc.problems, status=422)
    if not saved.changed:
        flash(_("No change to save."), "info")
    elif saved.new_version:
        flash(
            _(
                "Saved as version %(v)d, a draft: the previous version was played and stays "
                "as it was. "
                "Publish this one when it is ready.",
                v=saved.version,
            ),
            "success",
        )
    else:
        flash(_("Saved (version %(v)d).", v=saved.version), "success")
    return redirect(url_for("authoring.scenario", scenario_id=scenario_id))


@bp.post("/validate")
@limited("validate")
def validate():
    """Live validation for the editor: the problems of the YAML sent, each with its line (JSON)."""
    mode = request.form.get("mode") if request.form.get("mode") in ("new", "edit") else "new"
    scenario_id = request.form.get("scenario") or None
    result, problems = check(
        get_db(), request.form.get("yaml", ""), mode, current_user, scenario_id
    )
    locale = select_locale()
    return jsonify(
        ok=result is not None,
        problems=[
            {"line": p.line, "path": p.path, "code": p.code, "message": p.text(locale)}
            for p in problems
        ],
    )


@bp.post("/<scenario_id>/status")
def set_status(scenario_id: str):
    """Publish (the newest version), unpublish, archive or restore a scenario."""
    head = _editable_head(scenario_id)
    action = request.form.get("action", "")
    if action not in STATUS_ACTIONS:
        abort(400)
    authored.set_status(get_db(), scenario_id, action)
    messages = {
        "publish": _("Version %(v)d is published: trainees can play it now.", v=head["version"]),
        "unpublish": _("Unpublished: trainees can no longer start this scenario."),
        "archive": _("Archived: hidden from the library and from trainees."),
        "restore": _("Restored as a draft."),
    }
    flash(messages[action], "success")
    return redirect(url_for("authoring.scenario", scenario_id=scenario_id))

"""Import and export of scenario YAML: one file or a zip of many, every file checked before any is
stored."""

from __future__ import annotations

import io
import zipfile

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from web.authoring import bp
from web.authoring.library_page import filter_rows, library_rows, render_library
from web.authoring.versions import BundleError, import_files, source_text, unpack
from web.shared.database import get_db
from web.shared.numbers import id_arg


@bp.post("/import")
def import_scenarios():
    """Import a .yaml or a .zip: all files stored as drafts, or none with a report of every
    problem."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        flash(_("Choose a .yaml file or a .zip of .yaml files to import."), "error")
        return render_library(status=400)
    try:
        files = unpack(upload.filename, upload.read())
    except BundleError as exc:
        flash(str(exc), "error")
        return render_library(status=400)
    saved, report = import_files(get_db(), files, current_user)
    if report:
        flash(
            ngettext(
                "Nothing was imported: %(num)d file has problems (listed below).",
                "Nothing was imported: %(num)d files have problems (listed below).",
                len(report),
            ),
            "error",
        )
        return render_library(report=report, status=422)
    changed = [s for s in saved if s.changed]
    flash(
        ngettext(
            "Imported %(num)d scenario: %(ids)s.",
            "Imported %(num)d scenarios: %(ids)s.",
            len(changed),
            ids=", ".join(f"{s.scenario_id} v{s.version}" for s in changed) or "—",
        ),
        "success",
    )
    return redirect(url_for("authoring.library"))


def _attachment(body: bytes | str, mimetype: str, filename: str) -> Response:
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.get("/<scenario_id>/export")
def export_one(scenario_id: str):
    """One scenario's YAML (its newest version, or `?version=N`) as a file."""
    version = id_arg("version")
    text = source_text(get_db(), scenario_id, version)
    if text is None:
        abort(404)
    name = f"{scenario_id}-v{version}.yaml" if version else f"{scenario_id}.yaml"
    return _attachment(text.encode("utf-8"), "application/yaml", name)


@bp.get("/export.zip")
def export_all():
    """Every scenario the library's filters show, one YAML file each, in a zip."""
    db = get_db()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in filter_rows(library_rows(db, "en"), request.args):
            archive.writestr(f"{row['id']}.yaml", source_text(db, row["id"]) or "")
    return _attachment(buffer.getvalue(), "application/zip", "hotliner-scenarios.zip")

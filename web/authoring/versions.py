"""Authoring a scenario: check its YAML with the CLI's validator, then store it as a version.

A version that was played is never changed: saving it stores the next version, with the version
number in the YAML raised to match. A version nobody played yet is overwritten. Built-in
scenarios are read-only; their ids cannot be reused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from flask import current_app, g
from flask_babel import gettext as _
from sqlite_utils import Database

from simulator.catalog import Catalog
from simulator.library import over_budget_problem
from simulator.scenario import Scenario
from simulator.validate import Problem, validate_source
from simulator.work_budget import OverBudget, run_within
from simulator.yamlsource import MAX_BYTES, SourceError, parse
from storage import authored
from storage.db import immediate
from storage.scenarios import version_text
from web.authoring.yaml_text import set_top_level
from web.shared.playable import builtin_ids
from web.shared.runtime import get_library

MODES = ("new", "edit", "import")
RESERVED_IDS = ("new", "validate", "import", "playtest")  # words of the authoring pages' addresses
MAX_FILES = 100
MAX_UNPACKED = 16 * 1024 * 1024


@dataclass(frozen=True)
class Saved:
    """What a save did: the scenario and version stored, whether it is a new version, whether
    anything changed."""

    scenario_id: str
    version: int
    new_version: bool
    changed: bool


class DraftRejected(Exception):
    """The YAML did not validate; nothing was stored. `problems` lists every error."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class BundleError(ValueError):
    """An uploaded file cannot be read at all (not YAML, not a zip, too big)."""


def can_edit(user: Any, head: dict[str, Any] | None) -> bool:
    """Whether this user may change an authored scenario: its author or an admin."""
    return head is not None and (user.role == "admin" or head["author_id"] == user.id)


def source_text(db: Database, scenario_id: str, version: int | None = None) -> str | None:
    """The YAML of a scenario (its newest version unless `version` is given), or None."""
    library = get_library()
    if scenario_id in library.sources and version in (None, library.scenarios[scenario_id].version):
        return library.sources[scenario_id]
    if version is None:
        head = authored.head(db, scenario_id)
        return head["yaml"] if head else None
    return version_text(db, scenario_id, version)


def check(
    db: Database,
    text: str,
    mode: str,
    user: Any = None,
    scenario_id: str | None = None,
    file: str = "editor",
) -> tuple[Scenario | None, list[Problem]]:
    """Validate YAML as `hotliner scenarios validate` does, then the library's own rules.

    The validation runs in a child process stopped after VALIDATE_SECONDS; once one was stopped,
    the other files of the same request (an import) are not checked at all."""
    library = get_library()
    if g.get("validation_stopped"):
        return None, [Problem(file, None, "", _("Not checked: another file took too long."))]
    try:
        scenario, problems, line = run_within(
            current_app.config["VALIDATE_SECONDS"],
            _validated,
            text,
            library.catalog,
            set(library.articles),
            file,
        )
    except OverBudget as exc:
        g.validation_stopped = True
        return None, [over_budget_problem(file, exc)]
    if scenario is None:
        return None, problems
    problem = _id_problem(db, scenario.id, mode, user, scenario_id)
    if problem:
        return None, [Problem(file, line, "id", problem)]
    return scenario, []


def _validated(
    text: str, catalog: Catalog, kb_ids: set[str], file: str
) -> tuple[Scenario | None, list[Problem], int | None]:
    """Parse and validate (in the budgeted child): the scenario, its problems, the line of `id`."""
    try:
        source = parse(text)
    except SourceError as exc:
        return None, [Problem.from_source(file, exc)], None
    scenario, problems = validate_source(source, catalog, kb_ids, file)
    return scenario, problems, source.line_of(("id",))


def _id_problem(
    db: Database, new_id: str, mode: str, user: Any, scenario_id: str | None
) -> str | None:
    if new_id in RESERVED_IDS:
        return _("'%(id)s' is a reserved word: choose another id.", id=new_id)
    if new_id in builtin_ids() or authored.is_builtin_id(db, new_id):
        return _(
            "'%(id)s' is a built-in scenario, which is read-only: choose another id.", id=new_id
        )
    if mode == "edit" and new_id != scenario_id:
        return _(
            "This is scenario '%(id)s': keep its id, or duplicate it to make another scenario.",
            id=scenario_id,
        )
    head = authored.head(db, new_id)
    if mode == "new" and head:
        return _("A scenario with the id '%(id)s' already exists: choose another id.", id=new_id)
    if mode == "import" and head and user is not None and not can_edit(user, head):
        return _(
            "Scenario '%(id)s' belongs to %(author)s: only its author or an admin can add "
            "a version.",
            id=new_id,
            author=head["author_name"] or head["author"],
        )
    return None


def save(
    db: Database,
    text: str,
    user: Any,
    mode: str,
    scenario_id: str | None = None,
    status: str | None = None,
    file: str = "editor",
) -> Saved:
    """Validate and store: a new scenario, a new version of a played one, or an unplayed version
    overwritten."""
    scenario, problems = check(db, text, mode, user, scenario_id, file)
    if scenario is None:
        raise DraftRejected(problems)
    head = authored.head(db, scenario.id)
    if head is None:
        version = 1
    elif authored.played(db, head["id"], head["version"]):
        version = head["version"] + 1
    else:
        version = head["version"]
    text = text if scenario.version == version else set_top_level(text, "version", version)
    scenario = scenario.model_copy(update={"version": version})
    if head is not None and _same(text, head["yaml"], head["version"]):
        return Saved(scenario.id, head["version"], False, False)
    author = {"id": user.id, "username": user.username}
    if head is not None and version == head["version"]:
        authored.overwrite_version(db, scenario, text)
        return Saved(scenario.id, version, False, True)
    authored.add_version(db, scenario, text, author, status or "draft")
    return Saved(scenario.id, version, head is not None, True)


def _same(text: str, stored: str, stored_version: int) -> bool:
    if text == stored:
        return True
    try:
        return set_top_level(text, "version", stored_version) == stored
    except SourceError:
        return False


def unpack(filename: str, data: bytes) -> list[tuple[str, bytes]]:
    """The YAML files of an upload: one .yaml, or every .yaml of a .zip; BundleError if
    unreadable."""
    name = filename.lower()
    if name.endswith((".yaml", ".yml")):
        return [(filename, data)]
    if not name.endswith(".zip"):
        raise BundleError(_("Choose a .yaml file or a .zip of .yaml files."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)]
    except (zipfile.BadZipFile, OSError) as exc:
        raise BundleError(_("This .zip file cannot be opened.")) from exc
    if not members:
        raise BundleError(_("This .zip file holds no file."))
    if len(members) > MAX_FILES or sum(i.file_size for i in members) > MAX_UNPACKED:
        raise BundleError(
            _(
                "This .zip file is too big: at most %(n)d files, %(mb)d MB unpacked.",
                n=MAX_FILES,
                mb=MAX_UNPACKED // (1024 * 1024),
            )
        )
    files = []
    for info in members:
        if info.file_size > MAX_BYTES:
            files.append((info.filename, b""))  # reported as too big by the check, never read
            continue
        files.append((info.filename, archive.read(info)))
    return files


def _hidden(name: str) -> bool:
    path = PurePosixPath(name)
    return path.parts[0] == "__MACOSX" or path.name.startswith(".")


def import_files(
    db: Database, files: list[tuple[str, bytes]], user: Any
) -> tuple[list[Saved], dict[str, list[Problem]]]:
    """Check every file first; store them all (in one transaction) only if all are valid."""
    report: dict[str, list[Problem]] = {}
    checked: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for name, data in files:
        problems = _file_problems(name, data)
        if not problems:
            text = data.decode("utf-8")
            scenario, problems = check(db, text, "import", user, file=name)
            if scenario is not None and scenario.id in seen:
                problems = [
                    Problem(
                        name,
                        parse(text).line_of(("id",)),
                        "id",
                        _(
                            "The id '%(id)s' is also used by %(other)s.",
                            id=scenario.id,
                            other=seen[scenario.id],
                        ),
                    )
                ]
            elif scenario is not None:
                seen[scenario.id] = name
                checked.append((name, text))
        if problems:
            report[name] = problems
    if report:
        return [], report
    with immediate(db):
        saved = [save(db, text, user, "import", file=name) for name, text in checked]
    return saved, {}


def _file_problems(name: str, data: bytes) -> list[Problem]:
    if not name.lower().endswith((".yaml", ".yml")):
        return [Problem(name, None, "", _("Not a .yaml file."))]
    if not data or len(data) > MAX_BYTES:
        return [
            Problem(name, None, "", _("Empty, or larger than %(kb)d KB.", kb=MAX_BYTES // 1024))
        ]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(name, None, "", _("Not UTF-8 text."))]
    return []

"""`hotliner scenarios`: validate, list and draft scenario files from the terminal."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from simulator.catalog import CatalogError, load_catalog
from simulator.drafting import LLMFailure, draft_scenario
from simulator.kb import KnowledgeBaseError, load_articles
from simulator.library import check_files, load_library
from simulator.llm import LLMClient
from simulator.validate import ScenarioError
from web.shared.runtime import llm_config

scenarios_cli = AppGroup("scenarios", help="Validate and list scenarios.")


def _scenario_dir() -> Path:
    return Path(current_app.config["SCENARIO_DIR"])


# The lines of `scenarios validate` around the problems, per --lang (the problems have their own
# table).
VALIDATE_LINES = {
    "en": (
        "{path}: no such file or folder",
        "{count} error(s); {valid} scenario(s) valid",
        "{valid} scenario(s) valid",
    ),
    "fr": (
        "{path}\u00a0: fichier ou dossier introuvable",
        "{count} erreur(s)\u00a0; {valid} scénario(s) valide(s)",
        "{valid} scénario(s) valide(s)",
    ),
}


@scenarios_cli.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(sorted(VALIDATE_LINES)),
    default="en",
    show_default=True,
    help="Language of the messages.",
)
def validate_command(paths: tuple[Path, ...], lang: str) -> None:
    """Check scenario files (default: the built-in library); list every error with its line."""
    no_such, failed, passed = VALIDATE_LINES[lang]
    base = _scenario_dir()
    try:
        catalog = load_catalog(base / "catalog.yaml")
        articles = load_articles(base / "kb")
    except (CatalogError, KnowledgeBaseError) as exc:
        raise click.ClickException(str(exc)) from exc
    targets = list(paths) or [base]
    missing = [p for p in targets if not p.exists()]
    for path in missing:
        click.echo(no_such.format(path=path), err=True)
    scenarios, problems, _ = check_files(
        [p for p in targets if p.exists()],
        catalog,
        set(articles),
        seconds=current_app.config["VALIDATE_SECONDS"],
    )
    for problem in problems:
        click.echo(problem.format(lang), err=True)
    if problems or missing:
        count = len(problems) + len(missing)
        raise click.ClickException(failed.format(count=count, valid=len(scenarios)))
    click.echo(passed.format(valid=len(scenarios)))


@scenarios_cli.command("list")
def list_command() -> None:
    """Show every built-in scenario: id, title, category, difficulty, locales, personas."""
    try:
        library = load_library(_scenario_dir())
    except (ScenarioError, CatalogError, KnowledgeBaseError) as exc:
        raise click.ClickException(str(exc)) from exc
    rows = [("id", "title", "category", "difficulty", "locales", "personas")]
    for s in sorted(library.scenarios.values(), key=lambda s: (s.difficulty, s.id)):
        rows.append(
            (s.id, s.title.en, s.category, str(s.difficulty), "en,fr", ",".join(s.personas))
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())


@scenarios_cli.command("draft")
@click.argument("brief")
@click.option(
    "--out", "out", type=click.Path(path_type=Path), required=True, help="Where to write the YAML."
)
def draft_command(brief: str, out: Path) -> None:
    """Draft a scenario with the language model from a short brief (always a draft to review)."""
    config = llm_config()
    if config is None:
        raise click.ClickException(
            "no endpoint configured: set HOTLINER_LLM_BASE_URL and HOTLINER_LLM_MODEL, "
            "or save them on the admin page (/admin/)"
        )
    base = _scenario_dir()
    catalog, articles = load_catalog(base / "catalog.yaml"), load_articles(base / "kb")
    try:
        draft = draft_scenario(LLMClient(config), brief, catalog, set(articles))
    except LLMFailure as exc:
        raise click.ClickException(
            f"the model did not answer usefully ({exc.reason}); nothing written"
        ) from exc
    out.write_text(draft.yaml, encoding="utf-8")
    if draft.valid:
        click.echo(
            f"{out}: valid draft after {draft.attempts} attempt(s); review it before publishing"
        )
        return
    for problem in draft.problems:
        click.echo(str(problem).replace("draft.yaml", str(out)), err=True)
    raise click.ClickException(
        f"{out}: written, but {len(draft.problems)} error(s) remain after 2 attempts"
    )

"""`hotliner demo`: cohorts of Faker-made trainees whose calls are transcripts played through the
engine.

A pool of calls is played first: the expert and poor transcripts of tests/transcripts/, with
various callers and seeds, some expert ones with a few lines left out (a trainee forgetting
a question). Every stored call is one of these real plays, scored by the grader. Each trainee
has a starting level and improves with practice, so cohorts show spread and progress.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
from faker import Faker
from flask import current_app
from flask.cli import with_appcontext
from sqlite_utils import Database
from unidecode import unidecode
from werkzeug.security import generate_password_hash

from simulator.replay import parse_transcript, play
from simulator.steps import parse_step
from storage import cohorts as cohort_store
from storage.bulk import insert_played_calls
from storage.scenarios import remember_version
from storage.users import assign, get_by_username
from web.cli.accounts import DEMO_ACCOUNTS, ensure_demo
from web.shared.database import get_db
from web.shared.runtime import get_engine, get_library, grade_call

DEMO_PASSWORD = next(p for u, _n, _r, p, _l in DEMO_ACCOUNTS if u == "alice")
CITIES = (
    "Lyon",
    "Nantes",
    "Lille",
    "Bordeaux",
    "Toulouse",
    "Rennes",
    "Grenoble",
    "Montpellier",
    "Strasbourg",
)


def _transcripts(folder: Path, library) -> dict[tuple[str, str], list[Path]]:
    """(scenario, locale) → transcript files, for scenarios of the library."""
    found: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in sorted(folder.glob("*/*.*.yaml")):
        locale = path.name.split(".")[-2]
        if path.parent.name in library.scenarios and locale in ("en", "fr"):
            found[(path.parent.name, locale)].append(path)
    return found


def _variant(rng: random.Random, paths: list[Path], steps_of) -> list:
    """A transcript's steps as one trainee plays them: some lines forgotten, sometimes cut short."""
    experts = [p for p in paths if p.name.startswith("expert.")]
    poor = [p for p in paths if not p.name.startswith("expert.")]
    path = (
        rng.choice(experts) if experts and (not poor or rng.random() < 0.45) else rng.choice(poor)
    )
    steps = steps_of(path)
    sloppiness = rng.choice((0.0, 0.0, 0.1, 0.2, 0.35, 0.5))
    kept = [s for s in steps[:-1] if s.name != "say" or rng.random() >= sloppiness]
    if rng.random() < 0.12 and len(kept) > 4:  # gives up halfway and ends the call
        kept = kept[: rng.randrange(2, len(kept) - 1)]
    return kept + steps[-1:]


def play_pool(
    rng: random.Random, transcripts: dict[tuple[str, str], list[Path]], size: int, report=None
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Play about `size` calls through the engine; per (scenario, locale), sorted by overall
    score."""
    library, engine = get_library(), get_engine()
    per_key = max(3, size // max(1, len(transcripts)))
    parsed: dict[Path, list] = {}

    def steps_of(path: Path) -> list:
        if path not in parsed:
            parsed[path] = parse_transcript(path.read_text(encoding="utf-8"), str(path))
        return parsed[path]

    pool: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for (scenario_id, locale), paths in sorted(transcripts.items()):
        scenario = library.scenarios[scenario_id]
        played = []
        for _ in range(per_key):
            steps = _variant(rng, paths, steps_of)
            call, _record = play(
                engine,
                scenario,
                steps,
                rng.choice(scenario.personas),
                locale,
                rng.randrange(1, 10**6),
            )
            if not call.ended:
                engine.step(call, parse_step("close"))
            score = grade_call(scenario, call.events)
            if score:
                played.append({"events": call.events, "score": score})
            if report:
                report(1)
        pool[(scenario_id, locale)] = sorted(played, key=lambda p: p["score"]["overall"])
    return pool


def _cohort_name(db: Database, fake: Faker, trainer_id: int, n: int) -> str:
    base = f"{CITIES[fake.random_int(0, len(CITIES) - 1)]} — promo {datetime.now(UTC).year} #{n}"
    name, k = base, 1
    while any(c["name"] == name for c in cohort_store.list_cohorts(db, trainer_id)):
        k += 1
        name = f"{base} ({k})"
    return name


def _people(rng: random.Random, fake: Faker, count: int, seen: set[str]) -> list[dict[str, str]]:
    people = []
    for _ in range(count):
        first, last = fake.first_name(), fake.last_name()
        slug = unidecode(f"{first}.{last}".lower()).replace(" ", "-").replace("'", "")
        email, n = f"{slug}@example.org", 1
        while email in seen:
            n += 1
            email = f"{slug}{n}@example.org"
        seen.add(email)
        people.append(
            {
                "name": f"{first} {last}",
                "email": email,
                "locale": "fr" if rng.random() < 0.6 else "en",
            }
        )
    return people


def _calls_of(
    rng: random.Random,
    trainee: dict,
    count: int,
    pool,
    tasks: list[dict],
    start: datetime,
    span: timedelta,
) -> list[dict[str, Any]]:
    """A trainee's calls: picked from the pool at their level, which rises with practice."""
    keys = [k for k in pool if k[1] == trainee["locale"] and pool[k]] or [
        k for k in pool if pool[k]
    ]
    level, slope = rng.uniform(0.1, 0.7), rng.uniform(0.05, 0.45)
    out = []
    for j in range(count):
        task = rng.choice(tasks) if tasks and rng.random() < 0.35 else None
        options = [k for k in keys if task and k[0] == task["scenario_id"]] or keys
        plays = pool[rng.choice(options)]
        at = min(1.0, max(0.0, level + slope * j / max(1, count - 1) + rng.gauss(0, 0.18)))
        chosen = plays[round(at * (len(plays) - 1))]
        started = (
            start + span * ((j + rng.random()) / count) + timedelta(minutes=rng.randrange(0, 600))
        )
        ended = started + timedelta(seconds=int(chosen["events"][-1]["at"]) + 1)
        out.append(
            {
                "user_id": trainee["id"],
                "events": chosen["events"],
                "score": chosen["score"],
                "started_at": started.isoformat(timespec="seconds"),
                "ended_at": ended.isoformat(timespec="seconds"),
                "assignment_id": task["id"] if task else None,
                "exam": task["exam"] if task else 0,
            }
        )
    return out


def generate(
    db: Database,
    trainees: int,
    calls: int,
    cohort_size: int = 20,
    seed: int = 2026,
    pool_size: int = 300,
    weeks: int = 10,
    folder: Path | None = None,
    report=None,
) -> dict[str, int]:
    """Fill the database with cohorts run by the demo trainer; returns what was created."""
    ensure_demo(db)
    rng, fake = random.Random(seed), Faker(["fr_FR", "en_GB"])
    fake.seed_instance(seed)
    library = get_library()
    transcripts = _transcripts(
        folder or Path(current_app.root_path) / "tests" / "transcripts", library
    )
    if not transcripts:
        raise click.ClickException(
            "no transcripts found to play (tests/transcripts/<scenario>/*.yaml)"
        )
    for scenario_id, _locale in transcripts:
        scenario = library.scenarios[scenario_id]
        if scenario_id in library.sources:
            remember_version(db, scenario_id, scenario.version, library.sources[scenario_id])
    pool = play_pool(rng, transcripts, pool_size, report)
    trainer_id = get_by_username(db, "trainer")["id"]
    now = datetime.now(UTC).replace(microsecond=0)
    start, span = now - timedelta(weeks=weeks), timedelta(weeks=weeks) - timedelta(hours=12)
    password_hash = generate_password_hash(DEMO_PASSWORD)
    seen: set[str] = set()
    made = {"cohorts": 0, "trainees": 0, "calls": 0}
    for n in range(0, trainees, cohort_size):
        cohort_id = cohort_store.create_cohort(
            db, _cohort_name(db, fake, trainer_id, n // cohort_size + 1), trainer_id
        )
        tasks = []
        for k, scenario_id in enumerate(
            rng.sample(sorted({s for s, _ in pool}), min(4, len({s for s, _ in pool})))
        ):
            due = (start + span * (k + 1) / 5).date().isoformat()
            tasks.append(
                {
                    "id": assign(db, cohort_id, scenario_id, exam=k == 3, due_at=due),
                    "scenario_id": scenario_id,
                    "exam": int(k == 3),
                }
            )
        people = cohort_store.add_trainees(
            db,
            cohort_id,
            _people(rng, fake, min(cohort_size, trainees - n), seen),
            password_hash=password_hash,
        )
        for person in people:
            insert_played_calls(db, _calls_of(rng, person, calls, pool, tasks, start, span))
        made["cohorts"] += 1
        made["trainees"] += len(people)
        made["calls"] += len(people) * calls
    return made


@click.command("demo")
@click.option("--trainees", default=40, show_default=True, help="Trainees to create.")
@click.option("--calls", default=20, show_default=True, help="Scored calls per trainee.")
@click.option("--cohort-size", default=20, show_default=True, help="Trainees per cohort.")
@click.option(
    "--pool", "pool_size", default=300, show_default=True, help="Calls played through the engine."
)
@click.option(
    "--weeks", default=10, show_default=True, help="The calls spread over the past weeks."
)
@click.option("--seed", default=2026, show_default=True, help="Same seed, same data.")
@with_appcontext
def demo_command(trainees, calls, cohort_size, pool_size, weeks, seed):
    """Fill the database with realistic cohorts (run by the demo trainer) whose calls were really
    played."""
    if trainees < 1 or calls < 0 or cohort_size < 1:
        raise click.ClickException(
            "--trainees and --cohort-size must be at least 1, --calls at least 0"
        )
    db = get_db()
    with click.progressbar(length=pool_size, label="Playing transcripts") as bar:
        made = generate(db, trainees, calls, cohort_size, seed, pool_size, weeks, report=bar.update)
    click.echo(
        f"{made['cohorts']} cohort(s), {made['trainees']} trainee(s), {made['calls']} call(s) "
        "stored "
        f"in {current_app.config['DATABASE']}"
    )
    trainer_password = next(p for u, _n, _r, p, _l in DEMO_ACCOUNTS if u == "trainer")
    click.echo(
        f"Log in as trainer / {trainer_password} to read the reports; "
        f"every generated trainee's password is {DEMO_PASSWORD}"
    )

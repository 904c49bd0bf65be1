"""Where one API step's time goes, in process: a table of phases (own time, each phase's nested
phases taken out).

    .venv/bin/python bench/step_phases.py [--app-dir CHECKOUT] [--passes 2] [--profile N]

Two app instances on one database stand for gunicorn's two workers: each request of a call goes
to one of them at random (seeded), as under bench/http_load.py, so a step often meets a call its
instance last saw a step or more earlier. The requests are http_load's: POST /api/v1/calls, then
POST /api/v1/calls/<id>/steps with a bearer token, per-user limits on and out of reach, the
connection kept open. `--warm-passes` over every expert transcript fill the caches (clause parses,
remembered readings, matchers) as in a long run; the next `--passes` are measured. Each phase is
timed by wrapping the function that does it, in CPU time of the thread (steadier than the wall
clock on a shared machine; one process: no other writer, so BEGIN IMMEDIATE never waits here,
under load it does). `--profile N` also prints cProfile's top N
functions (cumulative) over the measured steps.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Phases:
    """Own time per phase: a wrapped function's time minus that of the wrapped ones it called."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.stack: list[float] = []
        self.on = False

    def _enter(self) -> float:
        self.stack.append(0.0)
        return time.thread_time()

    def _leave(self, label: str, began: float) -> None:
        took = time.thread_time() - began
        nested = self.stack.pop()
        if self.on:
            self.own[label] += took - nested
            self.calls[label] += 1
        if self.stack:
            self.stack[-1] += took

    def wrap(self, label: str, fn):
        """`fn`, its time counted under `label`."""

        def timed(*args, **kwargs):
            began = self._enter()
            try:
                return fn(*args, **kwargs)
            finally:
                self._leave(label, began)

        timed.__wrapped__ = fn
        return timed

    def wrap_context(self, label: str, fn):
        """A context manager factory `fn`, the time from entering to leaving counted under
        `label`."""

        @contextlib.contextmanager
        def timed(*args, **kwargs):
            began = self._enter()
            try:
                with fn(*args, **kwargs) as value:
                    yield value
            finally:
                self._leave(label, began)

        return timed

    def patch(self, module, name: str, label: str, context: bool = False) -> None:
        """Replace `module.name` with its timed self."""
        fn = getattr(module, name)
        setattr(module, name, (self.wrap_context if context else self.wrap)(label, fn))


def instrument(phases: Phases, apps: list) -> None:
    """Wrap the functions that make up a step request (the app's modules, as imported)."""
    import flask_login

    from simulator import clauses, conversation, dialogue, hearing
    from simulator.engine import Engine
    from simulator.heard_before import RememberingMatcher
    from storage import snapshots
    from web.api import endpoints
    from web.shared import call_service, live_calls, rate_limits

    p = phases.patch
    for name in ("understand", "classify_many", "resemblance", "decision"):
        p(RememberingMatcher, name, "understanding: the matchers' readings (remembered or made)")
    for module in (clauses, conversation, dialogue):
        p(module, "analyse", "understanding: the clause parser (clauses.analyse)")
    p(dialogue, "parse", "understanding: the clause parser (clauses.analyse)")
    hearing.clauses = clauses  # hearing reads clauses.analyse through the module: already wrapped
    p(Engine, "step", "simulation: the engine's rules and reply (Engine.step, own)")
    p(call_service, "grade_call", "grading at a call's end (grade_call)")
    p(call_service, "snapshot_of", "the snapshot taken (snapshot_of)")
    p(call_service, "immediate", "transaction: BEGIN IMMEDIATE + COMMIT (own)", context=True)
    p(call_service, "count_pending_hit", "transaction: the limit's hit counted")
    p(call_service.store, "append_events", "transaction: the events written")
    p(call_service, "write_snapshot", "transaction: the snapshot written")
    p(call_service, "save_score", "transaction: the score written")
    p(live_calls, "get_live", "call load/resume: cache check, catch-up (get_live, own)")
    p(live_calls, "load_call", "call load/resume: rebuilt from the log (load_call)")
    p(snapshots, "catch_up", "call load/resume: catch-up from the snapshot (catch_up)")
    p(live_calls, "check_model_budget", "call load/resume: the model budget check")
    p(live_calls, "get_engine", "engine + settings stamp (get_engine)")
    p(call_service, "get_engine", "engine + settings stamp (get_engine)")
    p(rate_limits, "limit_user", "rate limit: the read before the view")
    p(rate_limits, "settle_hit", "rate limit: settled after the view")
    p(endpoints, "_owned", "the call's row and access check (_owned)")
    p(endpoints, "_body", "request body: JSON parsed (_body)")
    p(endpoints, "parse_step", "the step parsed (parse_step)")
    p(endpoints, "entries", "response: transcript entries (entries)")
    p(endpoints, "jsonify", "response: JSON serialised (jsonify)")
    for manager in {id(app.login_manager): app.login_manager for app in apps}.values():
        manager._request_callback = phases.wrap(
            "auth: bearer token checked (request_loader)", manager._request_callback
        )
    for app in apps:
        for key, funcs in app.before_request_funcs.items():
            where = key or "app"
            funcs[:] = [phases.wrap(f"before_request ({where}): {f.__name__}", f) for f in funcs]
        for funcs in app.after_request_funcs.values():
            funcs[:] = [phases.wrap("after_request: headers etc.", f) for f in funcs]
        app.teardown_appcontext_funcs[:] = [
            phases.wrap("teardown: connection released", f) for f in app.teardown_appcontext_funcs
        ]
        app.wsgi_app = phases.wrap("request total (WSGI app)", app.wsgi_app)
    flask_login.utils._get_user = phases.wrap(
        "auth: current_user resolved (flask_login)", flask_login.utils._get_user
    )


def play(clients, plays, token: str, fill, rng: random.Random, phases=None, profile=None):
    """Every transcript once, each request to a random instance, its steps timed by `phases`
    (when given); (steps, calls, failed)."""
    auth = {"Authorization": f"Bearer {token}"}
    steps = calls = failed = 0
    for n, transcript in enumerate(plays):
        created = rng.choice(clients).post(
            "/api/v1/calls",
            json={"scenario": transcript.scenario, "locale": transcript.locale, "seed": n},
            headers=auth,
        )
        calls += 1
        call_id, caller = created.json["id"], created.json["caller"]
        for step in transcript.steps:
            client = rng.choice(clients)
            body = {"step": fill(step, caller)}
            url = f"/api/v1/calls/{call_id}/steps"
            if phases:
                phases.on = True
            if profile:
                profile.enable()
            answer = client.post(url, json=body, headers=auth)
            if profile:
                profile.disable()
            if phases:
                phases.on = False
            steps += 1
            failed += answer.status_code != 200
            if answer.status_code == 200 and answer.json["ended"]:
                break
    return steps, calls, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument(
        "--passes", type=int, default=2, help="measured passes over the transcripts"
    )
    parser.add_argument("--warm-passes", type=int, default=3, help="unmeasured passes first")
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's top N functions")
    args = parser.parse_args()
    sys.path.insert(0, str(args.app_dir))
    os.chdir(args.app_dir)
    from app import create_app  # first: the app's packages come from --app-dir
    from web.shared import warm

    sys.path.insert(1, str(ROOT / "bench"))
    import http_load

    plays = http_load.transcripts()
    phases = Phases()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "app.db"
        (token,) = http_load.make_users(path, 1)
        config = {
            "DATABASE": str(path),
            "SECRET_KEY": "bench",
            "STEP_RATE_LIMIT": "1000000 per minute",
            "CALL_RATE_LIMIT": "1000000 per hour",
        }
        apps = [create_app(config), create_app(config)]
        for app in apps:
            warm.warm_up(app)
            warm.warm_parsers(app)
        instrument(phases, apps)
        clients = [a.test_client() for a in apps]
        rng = random.Random(18)
        for _ in range(args.warm_passes):  # caches filled as in a long run, not measured
            play(clients, plays, token, http_load._fill, rng)
        profile = cProfile.Profile() if args.profile else None
        steps = calls = failed = 0
        began_cpu = time.process_time()  # starts and steps, instrumented: a little above served
        for _ in range(args.passes):
            s, c, f = play(clients, plays, token, http_load._fill, rng, phases, profile)
            steps, calls, failed = steps + s, calls + c, failed + f
        cpu = time.process_time() - began_cpu
    print(f"checkout: {Path(sys.modules['app'].__file__).parent}")
    report(phases, steps, calls, failed, cpu)
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)


def report(phases: Phases, steps: int, calls: int, failed: int, cpu: float) -> None:
    """The table: own time per step request, by phase, largest first."""
    total = sum(phases.own.values())
    print(
        f"{steps} step requests measured ({failed} refused), {calls} calls started between them; "
        f"process CPU {1000 * cpu / (steps + calls):.2f} ms per request (steps and starts)"
    )
    print(f"{'phase (own CPU time)':72s}{'ms/step':>9s}{'share':>8s}{'calls/step':>12s}")
    for label, own in sorted(phases.own.items(), key=lambda kv: -kv[1]):
        name = (
            "rest: Flask/Werkzeug dispatch, request and response objects"
            if (label == "request total (WSGI app)")
            else label
        )
        print(
            f"{name[:72]:72s}{1000 * own / steps:9.3f}{own / total:8.1%}"
            f"{phases.calls[label] / steps:12.2f}"
        )
    print(f"{'whole step request (CPU)':72s}{1000 * total / steps:9.3f}{1:8.0%}")


if __name__ == "__main__":
    main()

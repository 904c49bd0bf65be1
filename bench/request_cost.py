"""CPU per API step request, in process: two app instances on one database, as two workers.

    .venv/bin/python bench/request_cost.py [--app-dir CHECKOUT] [--calls 56] [--profile]

Plays the expert transcripts of every built-in scenario (both locales) through /api/v1 with
Flask's test client, each call's consecutive steps going to alternate app instances, as gunicorn's
workers take them: every step meets a call its instance last saw one step earlier. Prints the
process CPU time per request (less sensitive to a busy machine than wall-clock figures) and, with
`--profile`, the functions that took the most of it (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-dir", type=Path, default=ROOT)
    parser.add_argument("--calls", type=int, default=56)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(args.app_dir))
    sys.path.insert(1, str(ROOT / "bench"))
    os.chdir(args.app_dir)
    import http_load

    from app import create_app
    from storage.users import add_user, new_api_token
    from web.shared.database import get_db

    plays = http_load.transcripts()
    with tempfile.TemporaryDirectory() as tmp:
        config = {"DATABASE": str(Path(tmp) / "b.db"), "SECRET_KEY": "b", "TESTING": True}
        config["RATELIMIT_ENABLED"] = False
        config["DATABASE_KEEP_OPEN"] = True  # as served (TESTING would switch it off)
        apps = [create_app(config), create_app(config)]
        with apps[0].app_context():
            token = new_api_token(get_db(), add_user(get_db(), "bench", "Bench", "bench-2026-pw"))
        from web.shared import warm

        for app in apps:
            warm.warm_up(app)  # every scenario's matchers (and, on older commits, the parsers)
            if hasattr(warm, "warm_parsers"):
                warm.warm_parsers(app)
        clients = [a.test_client() for a in apps]
        auth = {"Authorization": f"Bearer {token}"}
        for client in clients:  # warm both: library, engine, matchers, parsers
            created = client.post(
                "/api/v1/calls", json={"scenario": "printer-offline"}, headers=auth
            )
            client.post(
                f"/api/v1/calls/{created.json['id']}/steps",
                json={"step": {"say": "hi"}},
                headers=auth,
            )
        profile = cProfile.Profile() if args.profile else None
        requests, failed = 0, 0
        began_cpu, began = time.process_time(), time.perf_counter()
        if profile:
            profile.enable()
        for n in range(args.calls):
            play = plays[n % len(plays)]
            created = clients[n % 2].post(
                "/api/v1/calls",
                json={"scenario": play.scenario, "locale": play.locale, "seed": n},
                headers=auth,
            )
            call_id, caller = created.json["id"], created.json["caller"]
            requests += 1
            for index, step in enumerate(play.steps):
                answer = clients[(n + index + 1) % 2].post(
                    f"/api/v1/calls/{call_id}/steps",
                    json={"step": http_load._fill(step, caller)},
                    headers=auth,
                )
                requests += 1
                failed += answer.status_code != 200
                if answer.status_code == 200 and answer.json["ended"]:
                    break
        if profile:
            profile.disable()
        cpu, wall = time.process_time() - began_cpu, time.perf_counter() - began
    print(
        f"{args.app_dir.name}: {requests} requests ({failed} refused), "
        f"CPU {1000 * cpu / requests:.2f} ms per request, wall {1000 * wall / requests:.2f} ms"
    )
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()

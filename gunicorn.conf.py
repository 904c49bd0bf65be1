"""gunicorn settings, read from the project folder: `gunicorn 'app:create_app()'`.

The app is loaded once in the master and warmed there (library, engine, every scenario's matcher:
web/shared/warm.py), then the workers fork from it. The first trainees of a cohort do not wait for
matchers to be built, each worker does not build its own copy, and a worker that is restarted
after a crash comes back warm at once.
"""

import multiprocessing

workers = multiprocessing.cpu_count()  # one per core; `-w N` on the command line wins
preload_app = True
timeout = 60


def when_ready(server):
    """Warm the preloaded app before the first worker forks."""
    from web.shared.warm import warm_up

    took = warm_up(server.app.wsgi())
    server.log.info(
        "warm: library %.1f s, %d scenarios' matchers %.1f s",
        took["library"],
        took["scenarios"],
        took["matchers"],
    )

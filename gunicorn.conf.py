"""gunicorn settings, read from the project folder: `gunicorn 'app:create_app()'`.

The app is loaded once in the master and warmed there (library, engine, every scenario's matchers,
mapped from the instance folder's cache after the first start: web/shared/warm.py), then the
workers fork from it and share that memory. The clause parsers (spaCy) are not needed for a page:
the first workers are forked before they load, so pages answer at once, while the master loads them;
those first workers are then replaced, gracefully, by workers forked from the fully warm master.
A step that reaches a first worker before that loads the parsers itself (it waits, nothing fails).
"""

import multiprocessing
import signal

workers = multiprocessing.cpu_count()  # one per core; `-w N` on the command line wins
preload_app = True
timeout = 60


def when_ready(server):
    """Warm the preloaded app, fork the first workers, load the parsers, then renew the workers."""
    from web.shared.warm import freeze, warm_parsers, warm_up

    app = server.app.wsgi()
    took = warm_up(app)
    server.log.info(
        "warm: library %.1f s, %d scenarios' matchers %.1f s (%d built, the rest from the cache)",
        took["library"],
        took["scenarios"],
        took["matchers"],
        took["built"],
    )
    freeze()
    server.manage_workers()  # pages are answered from here on
    first = list(server.WORKERS)
    server.log.info("warm: clause parsers %.1f s", warm_parsers(app))
    freeze()
    for pid in first:  # replaced by the arbiter's loop with workers forked from the warm master
        server.kill_worker(pid, signal.SIGTERM)

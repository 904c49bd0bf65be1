"""gunicorn settings, read from the project folder: `gunicorn 'app:create_app()'`.

The app is loaded once in the master, without its slow libraries (numpy's, scipy's, sklearn's,
the OpenAI client's and wordfreq's imports wait for first use: simulator/lazy_import.py), and the
first workers fork from it at once: they answer pages within a second or two of the start. Then the
master warms up (library, engine, every scenario's matchers, mapped from the instance folder's
cache after the first start, the slow libraries, the clause parsers: web/shared/warm.py), and those
first workers are replaced, gracefully, by workers forked from the warm master, which share that
memory. A step that reaches a first worker before that loads what it needs itself (it waits,
nothing fails).

Workers are gunicorn's sync ones, a request at a time. gthread (threads, connections kept alive)
was measured against them on the same code in the same script (docs/PERFORMANCE.md, "fourth
round"): 9% fewer steps a second, 10% more CPU per step, a p99 of 424 against 264 ms. The app is
thread-safe (a database connection per thread, a lock per live call), so `--threads N` on the
command line, which makes gunicorn use gthread, serves correctly where streamed model turns must
not hold a whole worker.
"""

import multiprocessing
import signal

workers = multiprocessing.cpu_count()  # one per core; `-w N` on the command line wins
preload_app = True
timeout = 60


def when_ready(server):
    """Fork the first workers, warm the master meanwhile, then renew the workers from it."""
    from web.shared.database import close_kept
    from web.shared.warm import freeze, warm_imports, warm_parsers, warm_up

    app = server.app.wsgi()
    freeze()
    server.manage_workers()  # pages are answered from here on
    first = list(server.WORKERS)
    took = warm_up(app)
    server.log.info(
        "warm: library %.1f s, %d scenarios' matchers %.1f s (%d built, the rest from the cache)",
        took["library"],
        took["scenarios"],
        took["matchers"],
        took["built"],
    )
    server.log.info("warm: libraries %.1f s", warm_imports())
    server.log.info("warm: clause parsers %.1f s", warm_parsers(app))
    close_kept(app)  # the master's own connection never reaches a worker
    freeze()
    for pid in first:  # replaced by the arbiter's loop with workers forked from the warm master
        server.kill_worker(pid, signal.SIGTERM)

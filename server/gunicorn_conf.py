"""Production settings for gunicorn (``vesko serve --production``, ``gunicorn -c gunicorn.conf.py``).

Sizing: the checker is CPU-bound Python, so processes, not threads, give throughput: one worker per core plus
one, two threads each to cover the time a request waits on PostgreSQL or LanguageTool. ``preload_app`` loads
the dictionaries once in the master; workers share those pages copy-on-write.
Every value comes from Vesko's configuration (VESKO_HOST, VESKO_PORT, VESKO_WORKERS, VESKO_THREADS,
VESKO_FORWARDED_ALLOW_IPS, VESKO_METRICS; see the README's table).
"""
import multiprocessing
import os
import shutil
import tempfile

from server.config import from_env

_settings = from_env()
bind = f"{_settings['HOST']}:{_settings['PORT']}"
workers = _settings["WORKERS"] or multiprocessing.cpu_count() + 1
threads = _settings["THREADS"]
wsgi_app = "server:create_app()"
preload_app = True
timeout = 30  # a check answers in milliseconds; 30 s only catches a stuck worker
graceful_timeout = 30  # SIGHUP / SIGTERM: finish what is in flight
keepalive = 5
max_requests = 20000  # recycle workers now and then, with jitter so they do not restart together
max_requests_jitter = 2000
# The app writes its own JSON access line (method, path without query, status, time, request id: no body, no
# address), so gunicorn's own access log stays off; errors still go to stderr.
accesslog = None
errorlog = "-"
forwarded_allow_ips = _settings["FORWARDED_ALLOW_IPS"]

# Prometheus counts across workers through files in a private folder (only when metrics are on).
if _settings["METRICS"] and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="vesko-metrics-")


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:  # stale files from a previous run would add old counts
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


def post_fork(server, worker):
    # A connection pool made in the master (preload) must not be shared by the forked workers:
    # each worker starts with an empty pool of its own (close=False leaves the master's sockets alone).
    engine = server.app.wsgi().extensions.get("vesko.db")
    if engine is not None:
        engine.dispose(close=False)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

"""Production gunicorn settings (STACK-NOTES 6): `gunicorn app:server` reads this file by default."""

import gc
import os

bind = os.environ.get("ATLAS_BIND", "127.0.0.1:8050")
preload_app = True  # load and validate the data once, share it copy-on-write across workers
workers = int(os.environ.get("ATLAS_WORKERS", "3"))  # 2 cores: 2n-1 sync workers behind a buffering proxy
worker_class = "sync"
threads = 1
timeout = 30
graceful_timeout = 20
keepalive = 2
# Leak guard only: memory is flat in benchmarks.soak. Replayed callbacks (callback_cache.py) run at ~1,000 requests/s
# per worker, so a lower limit would restart workers every few seconds of a traffic spike.
max_requests = 200_000
max_requests_jitter = 20_000
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
control_socket_disable = True  # gunicorn 27 opens ~/.gunicorn/gunicorn.ctl otherwise (STACK-NOTES 6.4)
accesslog = "-"
errorlog = "-"
loglevel = "info"


def pre_fork(server, worker):
    """Move the preloaded app's objects out of the collector's reach before forking.

    A full collection writes to every tracked object's header, which copies each shared page into the worker
    that collects (copy-on-write): frozen objects are skipped, so workers keep sharing the data and the app.
    """
    gc.freeze()

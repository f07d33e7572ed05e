"""gunicorn settings for production: `gunicorn masis.wsgi` reads this file from the working dir.

Every value can be overridden by the environment (GUNICORN_* or gunicorn's own CLI flags).
"""

import multiprocessing
import os

# Loopback only: gunicorn's synchronous workers must sit behind a buffering proxy (nginx, Varnish),
# which alone may reach them. A direct client could hold a worker with a slow request, or forge
# the X-Forwarded-For that TRUSTED_PROXY_COUNT trusts. GUNICORN_BIND names another address
# (the one the proxy reaches on a private network).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# No gunicornc control socket: by default every gunicorn of a user shares one path in its home
# (or XDG_RUNTIME_DIR) folder, so one master would take another's. systemctl is the control.
# GUNICORN_CONTROL_SOCKET names a socket of this instance's own if one is wanted.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
# Synchronous workers: pages are rendered from the cache or in a few milliseconds of CPU.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# The app is loaded once, in the master, and workers are forked from it: a worker starts in
# milliseconds and shares the loaded code's memory. (A code change needs a restart, not a HUP.)
preload_app = True
# Recycle workers now and then so that a slow leak can never grow without bound. Not too
# often: a cached page takes about a millisecond, and 2,000 requests (measured) made both
# workers restart together every few seconds under load, holding every request meanwhile.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 4
# Behind a reverse proxy on the same host or network.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# ...but never the SCRIPT_NAME and PATH_INFO headers gunicorn takes from such a peer by default:
# the site lives at the root, and a SCRIPT_NAME a client slipped through would put its prefix in
# the links of the lists each process keeps, then of every visitor's pages.
forwarder_headers = ""
# No access log by default: the reverse proxy in front keeps one.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The workers' heartbeat touches a file often; on a disk-backed /tmp that call can block a
# worker (gunicorn's documentation advises a memory-backed directory).
worker_tmp_dir = os.environ.get(
    "GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None
)
limit_request_line = 8190
limit_request_fields = 100


def pre_fork(server, worker):
    """Move what the app loaded at start out of the garbage collector's reach.

    Django, Wagtail and the models make a few hundred thousand long-lived objects; without
    this, every full collection scans all of them in the middle of some visitor's request,
    and writes to the memory pages that the workers otherwise share with the master.
    """
    import gc

    gc.collect()
    gc.freeze()

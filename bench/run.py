#!/usr/bin/env python3
"""Benchmark of the Masis site on this machine; prints throughput, latency and ratios.

    .venv/bin/python bench/run.py [--duration 10] [--connections 8] [--soak 60]

Builds a database of its own on PostgreSQL (DATABASE_URL, default masis_bench on the local
server): migrations, the seed, 300 more events and 100 more partners (bench/synthetic.py), and a
minimal page. Serves it with gunicorn (2 workers, production settings, Redis cache) and drives
load with wrk (Debian's `wrk`) from a separate process, against each page type with and without
the page cache and against a static file of the home page's size served by whitenoise in the
same server; each line is the median of --rounds runs that alternate with the baseline.
"Uncached" means the page cache is off: every page is built for every visit. With --soak N,
also runs an N-second mixed load on 50 connections and samples the workers' memory through it.
Not a test: it prints numbers, it asserts nothing.
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/masis_bench"

PAGES = {
    "home": "/fr/",
    "profile": "/fr/masis/",
    "timeline": "/fr/cooperation/",
    "timeline filtered": "/fr/cooperation/?year=2024&theme=culture",
    "partner": "/fr/partenaires/pnud/",
    "search": "/fr/recherche/",
    "search query": "/fr/recherche/?q=jeunesse",
}
MINIMAL = "/fr/page-minimale/"
DRAIN_SECONDS = 1.5


def run(*args, env, quiet=True):
    subprocess.run(
        [str(a) for a in args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def manage(env, *args):
    run(PYTHON, "manage.py", *args, env=env)


def recreate_database(url):
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def build_site(env):
    print("Building the site: migrate, seed, synthetic content, static files…", flush=True)
    recreate_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "load_masis_content")
    run(
        PYTHON,
        "manage.py",
        "shell",
        "--no-imports",
        "-c",
        "import bench.synthetic as s; s.main()",
        env=env,
    )
    # Fresh planner statistics, as autovacuum would gather them on a live server (it may be
    # off on a test server): without them PostgreSQL picks nested loops over 300 events.
    run(PYTHON, "manage.py", "dbshell", "--", "-c", "ANALYZE", env=env)
    manage(env, "collectstatic", "--noinput")


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env, port, page_cache):
        self.env = {**env, "PAGE_CACHE_ENABLED": "1" if page_cache else "0"}
        self.base = f"http://127.0.0.1:{port}"
        self.port = port

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "masis.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers=HEADERS)
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()

    def worker_rss_kib(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        total = 0
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        return total


# Requests arrive through the TLS-terminating proxy of production settings.
HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def wrk(url, duration, connections, script=None, headers=("X-Forwarded-Proto: https",)):
    args = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{duration}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    if script:
        args += ["-s", script]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(label):
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = 0
    for pattern in (
        r"Non-2xx or 3xx responses: (\d+)",
        r"Socket errors: connect (\d+), "
        r"read (\d+), write (\d+), timeout (\d+)",
    ):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(n) for n in match.groups())
    return {"rps": rate, "p50": percentile("50"), "p99": percentile("99"), "errors": errors}


def median_result(runs):
    """The median rate and latencies of several runs of one target; every run's errors."""
    return {
        "rps": statistics.median(run["rps"] for run in runs),
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": statistics.median(run["p99"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }


def row(name, result, extra=""):
    print(
        f"{name:<44} {result['rps']:>9.0f} {result['p50']:>8.2f} {result['p99']:>8.2f} "
        f"{result['errors']:>6} {extra}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="runs per target (median kept)")
    parser.add_argument("--soak", type=int, default=0, help="seconds of mixed load (50 conns)")
    parser.add_argument("--reuse", action="store_true", help="keep the existing bench database")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")

    workdir = Path(tempfile.mkdtemp(prefix="masis-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masis.settings.production",
        "DATABASE_URL": os.environ.get("DATABASE_URL", DEFAULT_DATABASE),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://127.0.0.1",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(ROOT / "media"),
        "PYTHONPATH": str(ROOT),
    }
    if not options.reuse:
        build_site(env)
    else:
        manage(env, "collectstatic", "--noinput")

    with Server(env, free_port(), page_cache=False) as server:
        _status, home = server.get(PAGES["home"])
    # A static file of the home page's size, served by whitenoise in the same server.
    static_name = "bench-same-size.html"
    (workdir / "static" / static_name).write_bytes(b"x" * len(home))
    static_path = f"/static/{static_name}"

    print(
        f"\n{len(home)} bytes of home page HTML; median of {options.rounds} runs of "
        f"{options.duration}s per line, {options.connections} connections, 2 gunicorn workers, "
        "2 cores shared with wrk\n"
    )
    print(f"{'target':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    results = {}
    for cached in (True, False):
        baseline = ("static", static_path) if cached else ("minimal", MINIMAL)
        targets = [baseline, *(((name, cached), path) for name, path in PAGES.items())]
        runs = {key: [] for key, _path in targets}
        with Server(env, free_port(), page_cache=cached) as server:
            for _key, path in targets:
                server.get(path)  # warm up (and fill the cache)
            # Rounds alternate the baseline and the pages, and each line is the median of its
            # rounds: on a shared machine, one slow second should not decide a ratio.
            for _round in range(options.rounds):
                for key, path in targets:
                    runs[key].append(wrk(server.base + path, options.duration, options.connections))
                    # wrk stops with requests still queued in the server (up to a second's
                    # worth for slow pages): let them finish before the next target starts.
                    time.sleep(DRAIN_SECONDS)
        for key, _path in targets:
            results[key] = median_result(runs[key])
            if key == "static":
                label = "static file (whitenoise)"
            elif key == "minimal":
                label = "minimal page, uncached"
            else:
                label = f"{key[0]}, {'cached' if cached else 'uncached'}"
            row(label, results[key])

    static, minimal = results["static"], results["minimal"]
    print(
        "\nRatios (targets: cached ≥ 0.7 × static rps and p99 ≤ 2 × static p99; "
        "uncached ≥ 0.6 × minimal page rps)"
    )
    print(
        f"{'page':<20} {'cached/static rps':>18} {'cached/static p99':>18} "
        f"{'uncached/static':>16} {'uncached/minimal':>17}"
    )
    for name in PAGES:
        cached, uncached = results[(name, True)], results[(name, False)]
        print(
            f"{name:<20} {cached['rps'] / static['rps']:>18.2f} "
            f"{cached['p99'] / static['p99']:>18.2f} "
            f"{uncached['rps'] / static['rps']:>16.2f} "
            f"{uncached['rps'] / minimal['rps']:>17.2f}"
        )
    print(f"minimal page / static rps: {minimal['rps'] / static['rps']:.2f}")
    total_errors = sum(r["errors"] for r in results.values())
    print(f"errors: {total_errors}")

    if options.soak:
        soak(env, options.soak, static_path)
    shutil.rmtree(workdir, ignore_errors=True)


def soak(env, duration, static_path):
    paths = [*PAGES.values(), MINIMAL, static_path, "/en/masis/", "/hy/", "/fr/cooperation/feed/"]
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    quoted = ", ".join(f'"{p}"' for p in paths)
    script.write_text(
        f"paths = {{{quoted}}}\n"
        "counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  return wrk.format('GET', paths[(counter % #paths) + 1])\n"
        "end\n"
    )
    with Server(env, free_port(), page_cache=True) as server:
        for path in paths:
            server.get(path)
        samples = [server.worker_rss_kib()]
        with ThreadPoolExecutor(max_workers=1) as pool:
            load = pool.submit(wrk, server.base, duration, 50, script=str(script))
            # The workers' memory every tenth of the run: stable means a plateau, not a slope.
            while not load.done():
                time.sleep(duration / 10)
                if not load.done():
                    samples.append(server.worker_rss_kib())
            result = load.result()
        samples.append(server.worker_rss_kib())
    print(
        f"\nMixed load, {duration}s, 50 connections: {result['rps']:.0f} req/s, "
        f"p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, errors {result['errors']}"
    )
    series = " → ".join(f"{kib / 1024:.0f}" for kib in samples)
    print(f"gunicorn workers' RSS (MiB), before, every {duration / 10:.0f}s, after: {series}")
    script.unlink()


if __name__ == "__main__":
    main()

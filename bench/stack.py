#!/usr/bin/env python3
"""Throughput and latency through the deployed stack: cached pages vs a static file.

    .venv/bin/python bench/stack.py [--duration 8] [--rounds 3] [--connections 8]

Starts the stack of deploy/stack.py (nginx with TLS → Varnish → two gunicorn app servers) and
drives it over HTTPS with wrk: pages kept by Varnish against a static file that nginx serves
itself, the home page's own HTML saved under STATIC_ROOT (same bytes, same compression work).
Each line is the median of --rounds runs, the targets alternating. Compressed (Accept-Encoding:
gzip, as every browser asks) unless --identity. It also reads the CPU time nginx's, Varnish's
and wrk's processes spent on each target (user + system, from /proc): what one request costs
each of them, and so the best ratio the two targets could reach on cores they share.
Not a test: it prints numbers.
"""

import argparse
import gzip
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import DRAIN_SECONDS, median_result, row, wrk  # noqa: E402
from deploy.stack import running_stack  # noqa: E402

PAGES = {
    "home": "/fr/",
    "town profile": "/fr/masis/",
    "timeline": "/fr/cooperation/",
    "partner": "/fr/partenaires/pnud/",
}
STATIC_NAME = "bench-home-copy.html"
MEASURED_PROCESSES = ("nginx", "varnish")


def session_cpu_seconds(session_id):
    """User + system CPU time of the live processes of one session (a server and its workers)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # After "pid (command)": state ppid pgrp session … utime stime (proc(5) fields
            # 3, 4, 5, 6, …, 14, 15).
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[3]) == session_id:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_seconds(stack):
    """CPU time so far of nginx, Varnish (each started in a session of its own) and wrk."""
    spent = {name: session_cpu_seconds(stack.processes.pid(name)) for name in MEASURED_PROCESSES}
    children = os.times()
    spent["wrk"] = children.children_user + children.children_system
    return spent


def measure(stack, path, options, headers):
    """One wrk run; its result with the microseconds of CPU per request of each process."""
    before = cpu_seconds(stack)
    result = wrk(stack.url(path), options.duration, options.connections, headers=headers)
    after = cpu_seconds(stack)
    requests = result["rps"] * options.duration
    result["cpu_us"] = {name: (after[name] - before[name]) * 1e6 / requests for name in after}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=8, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="runs per target (median kept)")
    parser.add_argument("--identity", action="store_true", help="no Accept-Encoding: gzip")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install -y wrk")
    headers = () if options.identity else ("Accept-Encoding: gzip",)

    with running_stack() as stack:
        home = stack.get(PAGES["home"])
        static_copy = stack.workdir / "static" / STATIC_NAME
        static_copy.write_bytes(home.body)
        # Beside it, the compressed copy collectstatic makes of every static file.
        static_copy.with_name(STATIC_NAME + ".gz").write_bytes(gzip.compress(home.body, 9))
        targets = {"static file (nginx)": f"/static/{STATIC_NAME}"}
        for name, path in PAGES.items():
            for _ in range(2):
                response = stack.get(path)
            if response.header("X-Cache") != "hit":
                sys.exit(f"{path} is not kept by Varnish ({response.header('X-Cache')})")
            targets[f"{name}, cached by Varnish"] = path

        print(
            f"\n{len(home.body)} bytes of home page HTML; HTTPS through nginx, "
            f"{'gzip' if headers else 'uncompressed'}; median of {options.rounds} runs of "
            f"{options.duration}s, {options.connections} connections, wrk on the same 2 cores\n"
        )
        print(f"{'target':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
        runs = {name: [] for name in targets}
        for _round in range(options.rounds):
            for name, path in targets.items():
                runs[name].append(measure(stack, path, options, headers))
                time.sleep(DRAIN_SECONDS)
        results = {name: median_result(found) for name, found in runs.items()}
        for name, result in results.items():
            row(name, result)
        cpu = {
            name: {
                process: statistics.median(run["cpu_us"][process] for run in found)
                for process in (*MEASURED_PROCESSES, "wrk")
            }
            for name, found in runs.items()
        }

        static = results["static file (nginx)"]
        print("\nRatios to the static file (targets: ≥ 0.9 × its req/s, p99 ≤ 1.5 × its p99)")
        for name, result in results.items():
            if name != "static file (nginx)":
                print(
                    f"{name:<44} req/s {result['rps'] / static['rps']:.2f} ×, "
                    f"p99 {result['p99'] / static['p99']:.2f} ×"
                )

        # On shared cores a target's rate is bounded by the CPU one request costs in all.
        static_cpu = sum(cpu["static file (nginx)"].values())
        print(
            "\nCPU per request, µs (median), and the ratio those costs allow on the same cores"
            f"\n{'target':<44} {'nginx':>7} {'Varnish':>8} {'wrk':>7} {'total':>7} {'allows':>7}"
        )
        for name, spent in cpu.items():
            total = sum(spent.values())
            print(
                f"{name:<44} {spent['nginx']:>7.1f} {spent['varnish']:>8.1f} {spent['wrk']:>7.1f}"
                f" {total:>7.1f} {static_cpu / total:>6.2f}×"
            )


if __name__ == "__main__":
    main()

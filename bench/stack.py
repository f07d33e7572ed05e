#!/usr/bin/env python3
"""Throughput and latency through the deployed stack: cached pages vs a static file.

    .venv/bin/python bench/stack.py [--duration 8] [--rounds 3] [--connections 8]

Starts the stack of deploy/stack.py (nginx with TLS → Varnish → two gunicorn app servers) and
drives it over HTTPS with wrk: pages kept by Varnish against a static file that nginx serves
itself, the home page's own HTML saved under STATIC_ROOT (same bytes, same compression work).
Each line is the median of --rounds runs, the targets alternating. Compressed (Accept-Encoding:
gzip, as every browser asks) unless --identity. Not a test: it prints numbers.
"""

import argparse
import gzip
import shutil
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
                runs[name].append(
                    wrk(stack.url(path), options.duration, options.connections, headers=headers)
                )
                time.sleep(DRAIN_SECONDS)
        results = {name: median_result(found) for name, found in runs.items()}
        for name, result in results.items():
            row(name, result)

        static = results["static file (nginx)"]
        print("\nRatios to the static file (targets: ≥ 0.9 × its req/s, p99 ≤ 1.5 × its p99)")
        for name, result in results.items():
            if name != "static file (nginx)":
                print(
                    f"{name:<44} req/s {result['rps'] / static['rps']:.2f} ×, "
                    f"p99 {result['p99'] / static['p99']:.2f} ×"
                )


if __name__ == "__main__":
    main()

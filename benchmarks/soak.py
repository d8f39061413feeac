"""Reliability run: cold starts and sustained load against the production gunicorn config, bounded and self-stopping.

    .venv/bin/python -m benchmarks.soak            # 10 restarts; 200 clients for 60 s (issue 7)
    .venv/bin/python -m benchmarks.soak --quick    # 2 restarts; 50 clients for 3 s (run by the tests)

Exits 1 if any request after a start fails (5xx, "Callback function not found"), if the load run has errors,
or if memory grows by 10 % or more.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor

from benchmarks.__main__ import JSON_HEADERS, OURS_BODY
from benchmarks.load import run_load
from benchmarks.servers import gunicorn, memory


def cold_start_errors(first_requests: int) -> int:
    """Start the production server, fire `first_requests` mixed requests at once, count failures."""
    import urllib.error
    import urllib.request

    with gunicorn("app:server", "--config", "gunicorn.conf.py", probe="/healthz") as (url, _pid):
        def hit(i: int) -> int:
            data = OURS_BODY if i % 2 else None
            request = urllib.request.Request(url + ("/_dash-update-component" if data else "/"), data=data,
                                             headers=JSON_HEADERS if data else {})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(hit, range(first_requests)))
    return sum(status != 200 for status in statuses)


def soak(restarts: int, clients: int, seconds: float) -> dict:
    """Run the restarts, then the load; return the findings."""
    failures = [cold_start_errors(40) for _ in range(restarts)]
    with gunicorn("app:server", "--config", "gunicorn.conf.py", probe="/healthz") as (url, pid):
        warm = run_load(url + "/_dash-update-component", clients=clients, seconds=min(seconds, 5), method="POST",
                        body=OURS_BODY, headers=JSON_HEADERS)
        before = memory(pid)
        load = run_load(url + "/_dash-update-component", clients=clients, seconds=seconds, method="POST",
                        body=OURS_BODY, headers=JSON_HEADERS)
        after = memory(pid)
    growth = round(100 * (after["total_mb"] - before["total_mb"]) / before["total_mb"], 1)
    return {"restarts": restarts, "cold_start_failures": failures, "warm_up": warm, "load": load,
            "memory_before": before, "memory_after": after, "memory_growth_pct": growth,
            "ok": sum(failures) == 0 and load["errors"] == 0 and warm["errors"] == 0 and growth < 10}


def main() -> int:
    """Parse arguments, run, print JSON; exit 1 on any failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    findings = soak(2, 50, 3) if args.quick else soak(10, 200, 60)
    print(json.dumps(findings, indent=1))
    return 0 if findings["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""A bounded, self-stopping HTTP load generator for loopback (keep-alive connections, one thread each)."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from urllib.parse import urlsplit


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of values, or 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def run_load(url: str, *, clients: int, seconds: float, method: str = "GET", body: bytes | None = None,
             headers: dict[str, str] | None = None) -> dict:
    """Hammer `url` from `clients` threads for `seconds`; return rps, latency percentiles (ms) and errors."""
    target = urlsplit(url)
    assert target.hostname in ("127.0.0.1", "localhost"), "load only ever goes to loopback"
    path = target.path + (f"?{target.query}" if target.query else "")
    deadline = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def worker(i: int) -> None:
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers or {})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[i] += 1
                latencies[i].append((time.perf_counter() - start) * 1000)
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    every = [v for chunk in latencies for v in chunk]
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(every),
            "rps": round(len(every) / elapsed, 1), "p50_ms": round(percentile(every, 50), 1),
            "p95_ms": round(percentile(every, 95), 1), "p99_ms": round(percentile(every, 99), 1),
            "mean_ms": round(statistics.fmean(every), 1) if every else 0.0, "errors": sum(errors)}

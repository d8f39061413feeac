"""Bounded, self-stopping HTTP load on loopback: wrk when installed, else Python threads (keep-alive each).

wrk (Debian package `wrk`; scripts/test.sh installs it) is written in C and needs far less CPU than the Python
generator, which matters when the generator and the server share the same two cores. Results say which ran.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

# Sets the request and prints one JSON line of results when wrk finishes (latencies are in microseconds).
WRK_SCRIPT = """
wrk.method = "{method}"
wrk.body = {body}
{headers}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"mean_us": %d, "errors": %d}}\\n', summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.mean, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of values, or 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def lua_string(data: bytes) -> str:
    """A Lua long-bracket string literal holding `data` exactly."""
    text = data.decode("utf-8")
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


def run_wrk(url: str, *, clients: int, seconds: float, method: str, body: bytes | None,
            headers: dict[str, str]) -> dict:
    """Run wrk with 2 threads and `clients` connections; the same result keys as the Python generator."""
    script = WRK_SCRIPT.format(method=method, body=lua_string(body or b""), headers="\n".join(
        f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "request.lua"
        path.write_text(script, encoding="utf-8")
        result = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
                                 "-s", str(path), url], capture_output=True, text=True, timeout=seconds + 90)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("{")), None)
    if result.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed: {result.stderr.strip() or result.stdout.strip()}")
    raw = json.loads(line)
    elapsed = raw["duration_us"] / 1e6
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": raw["requests"],
            "rps": round(raw["requests"] / elapsed, 1), "p50_ms": round(raw["p50_us"] / 1000, 1),
            "p95_ms": round(raw["p95_us"] / 1000, 1), "p99_ms": round(raw["p99_us"] / 1000, 1),
            "mean_ms": round(raw["mean_us"] / 1000, 1), "errors": raw["errors"], "generator": "wrk"}


def run_load(url: str, *, clients: int, seconds: float, method: str = "GET", body: bytes | None = None,
             headers: dict[str, str] | None = None, generator: str = "auto") -> dict:
    """Load `url` with `clients` connections for `seconds`; return rps, latency percentiles (ms) and errors."""
    target = urlsplit(url)
    assert target.hostname in ("127.0.0.1", "localhost"), "load only ever goes to loopback"
    if generator == "wrk" or (generator == "auto" and shutil.which("wrk")):
        return run_wrk(url, clients=clients, seconds=seconds, method=method, body=body, headers=headers or {})
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
            "mean_ms": round(statistics.fmean(every), 1) if every else 0.0, "errors": sum(errors),
            "generator": "python"}

"""Start and stop the servers under test (real gunicorn on loopback) and read their memory."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float = 90) -> None:
    """Poll until `url` answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


@contextmanager
def gunicorn(app_spec: str, *extra: str, probe: str = "/", env: dict[str, str] | None = None):
    """Run `gunicorn app_spec` on a free loopback port; yield (base_url, master pid); always stop it."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app_spec, "--bind", f"127.0.0.1:{port}", "--no-control-socket",
               *extra]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=os.environ | {"PYTHONPATH": str(ROOT)} | (env or {}))
    try:
        wait_until_up(f"http://127.0.0.1:{port}{probe}")
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def pss_mb(pid: int) -> float:
    """Proportional set size of one process in MB.

    Shared copy-on-write pages are split between the processes sharing them, so master + workers add up to the
    real footprint (RSS would count them once per process).
    """
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def memory(master_pid: int) -> dict:
    """PSS of the master and each worker (MB)."""
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    workers = [pss_mb(int(pid)) for pid in children]
    master = pss_mb(master_pid)
    return {"master_mb": round(master, 1), "worker_mb_max": round(max(workers, default=0), 1),
            "total_mb": round(master + sum(workers), 1), "workers": len(workers)}

"""The benchmark command keeps working (quick mode); it asserts what is deterministic, never wall-clock times."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.browser


def test_quick_benchmark_runs_and_reports_every_measure(tmp_path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "first page, compressed (KB)" in result.stdout and "stock Dash" in result.stdout
    results = json.loads(out.read_text())
    ours, stock = results["ours"], results["stock"]
    assert ours["page"]["third_party"] == 0 and stock["page"]["third_party"] == 0
    assert 0 < ours["page"]["first_kb"] < stock["page"]["first_kb"]  # partial bundle + compression
    assert ours["page"]["first_kb"] <= 900  # the budget: transfer sizes are deterministic, unlike times
    assert not any("ag_grid" in path or "ag-grid" in path for path in ours["page"]["first_kb_by_path"])
    assert ours["callback_response_kb"] < 30
    assert ours["map_phone"]["runs"] == 1 and "390 px phone" in result.stdout  # a slow phone at a phone width
    for load in (ours["load_50"], ours["load_50_uncached"], ours["load_200"], stock["load_50"]):
        assert load["requests"] > 0 and load["errors"] == 0
    assert ours["memory"]["rest"]["workers"] >= 1


def test_quick_soak_has_no_cold_start_errors_and_flat_memory():
    result = subprocess.run([sys.executable, "-m", "benchmarks.soak", "--quick"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    findings = json.loads(result.stdout)
    assert findings["cold_start_failures"] == [0, 0]
    assert findings["load"]["errors"] == 0 and findings["load"]["requests"] > 0
    assert findings["memory_growth_pct"] < 10
    assert result.returncode == 0


def test_wrk_request_body_survives_lua_quoting():
    from benchmarks.load import lua_string

    body = b'{"a": "]]", "b": "]=]", "c": "\\"quoted\\""}'
    literal = lua_string(body)
    assert literal.startswith("[==[") and literal.endswith("]==]") and body.decode() in literal
    assert lua_string(b"plain") == "[[plain]]"

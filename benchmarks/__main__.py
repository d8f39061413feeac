"""Benchmark the real gunicorn server beside a stock Dash map page; print a table and write JSON.

    .venv/bin/python -m benchmarks            # full run (about 4 minutes on 2 cores)
    .venv/bin/python -m benchmarks --quick    # smoke run used by the test suite (under a minute)

Everything runs on loopback and stops by itself. Results: benchmarks/results/latest.json; see
docs/performance.md for the budget and the last full run.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.browser import CHROMIUM_FLAGS, STATIC_MAP_SHOWN, filter_to_map, page_weight, time_to_map
from benchmarks.load import run_load
from benchmarks.servers import ROOT, gunicorn, memory

OURS_READY = "#home-map .choroplethlocation"
STOCK_READY = "#map .choroplethlocation"
PHONE = {"width": 390, "height": 844}  # a common phone screen, in CSS pixels
BUDGET = {"first_kb": 900, "third_party": 0, "map_p50_ms": 1000, "map_throttled_ms": 6000, "filter_p95_ms": 150,
          "callback_rps_50": 1000, "callback_p95_ms_50": 100, "callback_errors_200": 0, "callback_kb": 30,
          "worker_mb": 150, "total_mb": 400, "memory_growth_pct": 10}


def callback_body(outputs: list[str], inputs: dict, state: dict | None = None) -> bytes:
    """A real /_dash-update-component body (as the browser sends it)."""
    return json.dumps({
        "output": ".." + "...".join(outputs) + ".." if len(outputs) > 1 else outputs[0],
        "outputs": [dict(zip(("id", "property"), o.split("."), strict=True)) for o in outputs]
        if len(outputs) > 1 else dict(zip(("id", "property"), outputs[0].split("."), strict=True)),
        "inputs": [{"id": k, "property": "value", "value": v} for k, v in inputs.items()],
        "changedPropIds": [f"{next(iter(inputs))}.value"],
        "state": [{"id": k.split(".")[0], "property": k.split(".")[1], "value": v} for k, v in (state or {}).items()],
    }).encode()


OURS_BODY = callback_body(
    ["home-map.figure", "home-summary.children", "home-search.data", "home-panel.children",
     "home-table-wrap.children", "home-map-wrap.hidden", "home-table-wrap.hidden", "home-empty.children",
     "home-off-map.children", "home-export-name.data"],
    {"home-datasets": ["agreements"], "home-companies": [], "home-years": [2000, 2030], "home-regions": [],
     "home-regimes": [], "home-bri": "", "home-tags": [], "home-confidences": [], "home-view": "map",
     "home-overlay": "none", "home-country": None}, {"home-search.data": ""})
STOCK_BODY = callback_body(["map.figure"], {"dataset": ["agreements"]})
JSON_HEADERS = {"Content-Type": "application/json", "Accept-Encoding": "gzip"}


def measure(quick: bool) -> dict:
    """Run every measurement; return the results dict."""
    runs, load_seconds = (2, 2) if quick else (10, 15)
    results: dict = {"mode": "quick" if quick else "full", "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        with gunicorn("app:server", "--config", "gunicorn.conf.py", probe="/healthz") as (url, pid):
            ours = {"page": page_weight(browser, url + "/", OURS_READY),
                    "map": time_to_map(browser, url + "/", OURS_READY, runs, first_view=STATIC_MAP_SHOWN),
                    "map_throttled": time_to_map(browser, url + "/", OURS_READY, 1 if quick else 3, throttled=True,
                                                 first_view=STATIC_MAP_SHOWN),
                    # A slow phone has a phone's screen: its narrow layout and picture (figures/narrow.py).
                    "map_phone": time_to_map(browser, url + "/", OURS_READY, 1 if quick else 3, throttled=True,
                                             first_view=STATIC_MAP_SHOWN, viewport=PHONE),
                    "filter": filter_to_map(browser, url + "/", OURS_READY,
                                            ["Safe/smart-city agreements", "Covid-era donations"],
                                            4 if quick else 60)}
            import urllib.request

            request = urllib.request.Request(url + "/_dash-update-component", data=OURS_BODY, headers=JSON_HEADERS)
            with urllib.request.urlopen(request) as response:
                ours["callback_response_kb"] = round(len(response.read()) / 1024, 1)
            # Warm every worker with load first: the first burst dirties copy-on-write pages shared with the master
            # (a one-off rise in PSS); growth after that would be a leak.
            run_load(url + "/_dash-update-component", clients=20, seconds=2, method="POST", body=OURS_BODY,
                     headers=JSON_HEADERS)
            rest = memory(pid)
            ours["load_50"] = run_load(url + "/_dash-update-component", clients=50, seconds=load_seconds,
                                       method="POST", body=OURS_BODY, headers=JSON_HEADERS)
            ours["load_200"] = run_load(url + "/_dash-update-component", clients=200, seconds=load_seconds,
                                        method="POST", body=OURS_BODY, headers=JSON_HEADERS)
            ours["static"] = run_load(url + "/_dash-component-suites/plotly/package_data/plotly.min.js", clients=10,
                                      seconds=load_seconds, headers={"Accept-Encoding": "gzip"})
            after = memory(pid)
            ours["memory"] = {"rest": rest, "after_load": after,
                              "growth_pct": round(100 * (after["total_mb"] - rest["total_mb"]) / rest["total_mb"], 1)}
        # The same load with the callback response cache off: what a stream of distinct filter requests gets.
        with gunicorn("app:server", "--config", "gunicorn.conf.py", probe="/healthz",
                      env={"ATLAS_CALLBACK_CACHE_ENTRIES": "0"}) as (url, _pid):
            ours["load_50_uncached"] = run_load(url + "/_dash-update-component", clients=50, seconds=load_seconds,
                                                method="POST", body=OURS_BODY, headers=JSON_HEADERS)
        results["ours"] = ours
        with gunicorn("benchmarks.stock_app:server") as (url, pid):
            results["stock"] = {
                "page": page_weight(browser, url + "/", STOCK_READY),
                "map": time_to_map(browser, url + "/", STOCK_READY, runs),
                "load_50": run_load(url + "/_dash-update-component", clients=50, seconds=load_seconds,
                                    method="POST", body=STOCK_BODY, headers=JSON_HEADERS),
                "memory": memory(pid)}
        browser.close()
    return results


def table(results: dict) -> str:
    """The results as a plain-text table with the budget beside each measure."""
    ours, stock = results["ours"], results["stock"]
    ratio = ours["map"]["first_p50_ms"] / max(stock["map"]["p50_ms"], 1)
    interactive_ratio = ours["map"]["p50_ms"] / max(stock["map"]["p50_ms"], 1)
    rows = [
        ("first page, compressed (KB)", ours["page"]["first_kb"], stock["page"]["first_kb"], "<= 900"),
        ("requests / third-party", f"{ours['page']['requests']} / {ours['page']['third_party']}",
         f"{stock['page']['requests']} / {stock['page']['third_party']}", "third-party 0"),
        ("repeat visit (KB)", ours["page"]["repeat_kb"], stock["page"]["repeat_kb"], ""),
        ("map on screen p50 / p95 (ms)", f"{ours['map']['first_p50_ms']} / {ours['map']['first_p95_ms']}",
         f"{stock['map']['p50_ms']} / {stock['map']['p95_ms']}", "p50 <= 1000 and <= 0.8x stock"),
        ("  ratio to stock", f"{ratio:.2f}x", "1.00x", "<= 0.80x"),
        ("  interactive (plotly) map drawn p50 / p95", f"{ours['map']['p50_ms']} / {ours['map']['p95_ms']}",
         f"{stock['map']['p50_ms']} / {stock['map']['p95_ms']}", f"ratio {interactive_ratio:.2f}x"),
        ("map on screen, CPU x4 + slow 4G (ms)", ours["map_throttled"]["first_p50_ms"], "", "<= 6000"),
        ("  interactive map drawn, CPU x4 + slow 4G", ours["map_throttled"]["p50_ms"], "", ""),
        ("map on screen, 390 px phone, CPU x4 + slow 4G (ms)", ours["map_phone"]["first_p50_ms"], "", "<= 6000"),
        ("  interactive map drawn, same phone", ours["map_phone"]["p50_ms"], "", ""),
        ("filter -> map p50 / p95 (ms)", f"{ours['filter']['p50_ms']} / {ours['filter']['p95_ms']}", "", "p95 <= 150"),
        ("callback response (KB, gzip)", ours["callback_response_kb"], "", "<= 30"),
        ("callback, 50 clients: rps / p95 / errors",
         f"{ours['load_50']['rps']} / {ours['load_50']['p95_ms']} / {ours['load_50']['errors']}",
         f"{stock['load_50']['rps']} / {stock['load_50']['p95_ms']} / {stock['load_50']['errors']}",
         ">= 1000 / <= 100 / 0"),
        ("  same, response cache off: rps / p95 / errors",
         f"{ours['load_50_uncached']['rps']} / {ours['load_50_uncached']['p95_ms']} / "
         f"{ours['load_50_uncached']['errors']}", "", ""),
        ("callback, 200 clients: rps / p99 / errors",
         f"{ours['load_200']['rps']} / {ours['load_200']['p99_ms']} / {ours['load_200']['errors']}", "", "errors 0"),
        ("largest static asset (gzip), 10 clients: rps", ours["static"]["rps"], "", ""),
        ("memory: worker max / total (MB)",
         f"{ours['memory']['after_load']['worker_mb_max']} / {ours['memory']['after_load']['total_mb']}",
         f"{stock['memory']['worker_mb_max']} / {stock['memory']['total_mb']}", "<= 150 / <= 400"),
        ("memory growth after load (%)", ours["memory"]["growth_pct"], "", "< 10"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'measure':<{width}}  {'atlas':>22}  {'stock Dash':>22}  budget",
             "-" * (width + 60)]
    lines += [f"{name:<{width}}  {str(a):>22}  {str(b):>22}  {budget}" for name, a, b, budget in rows]
    lines.append("(the load generator shares the 2 cores with the server: request rates are a lower bound)")
    return "\n".join(lines)


def main() -> None:
    """Parse arguments, measure, print and save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short smoke run (used by the tests)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json")
    args = parser.parse_args()
    results = measure(args.quick)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(table(results))
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()

"""Browser measurements with Debian's chromium: page weight, time to map painted, filter to map updated."""

from __future__ import annotations

from urllib.parse import urlsplit

from benchmarks.load import percentile

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def _record_transfer(context, page) -> dict:
    """Sum encoded bytes per response through CDP (what went over the wire, compressed)."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    stats = {"bytes": 0, "requests": 0, "urls": [], "by_url": {}}
    url_of: dict[str, str] = {}

    def sent(event):
        url_of[event["requestId"]] = event["request"]["url"]
        stats["urls"].append(event["request"]["url"])

    def finished(event):
        stats["bytes"] += event.get("encodedDataLength", 0)
        stats["requests"] += 1
        path = urlsplit(url_of.get(event["requestId"], "?")).path
        stats["by_url"][path] = stats["by_url"].get(path, 0) + event.get("encodedDataLength", 0)

    session.on("Network.loadingFinished", finished)
    session.on("Network.requestWillBeSent", sent)
    return {"session": session, "stats": stats}


def page_weight(browser, url: str, ready: str) -> dict:
    """First and repeat visit transfer sizes, request count and third-party requests."""
    context = browser.new_context()
    page = context.new_page()
    probe = _record_transfer(context, page)
    page.goto(url)
    page.wait_for_selector(ready, timeout=60_000)
    page.wait_for_timeout(1000)
    first = dict(probe["stats"])
    host = urlsplit(url).hostname
    third_party = [u for u in first["urls"] if urlsplit(u).hostname not in (host, None) and not u.startswith("data:")]
    probe["stats"].update(bytes=0, requests=0, urls=[], by_url={})
    page.goto(url)
    page.wait_for_selector(ready, timeout=60_000)
    page.wait_for_timeout(1000)
    repeat = probe["stats"]["bytes"]
    context.close()
    return {"first_kb": round(first["bytes"] / 1024, 1), "requests": first["requests"],
            "third_party": len(third_party), "repeat_kb": round(repeat / 1024, 1),
            "first_kb_by_path": {path: round(size / 1024, 1) for path, size in
                                 sorted(first["by_url"].items(), key=lambda item: -item[1])}}


# The server-drawn picture of the map (figures/static_map.py) has loaded and is shown, or plotly's map is there.
# Returns the page clock at that moment (polled every animation frame).
STATIC_MAP_SHOWN = """() => {
  const img = document.querySelector("img.map-placeholder");
  const shown = img && img.complete && img.naturalWidth > 0 && getComputedStyle(img).display !== "none";
  return (shown || document.querySelector("#home-map .choroplethlocation")) ? performance.now() : false;
}"""


def time_to_map(browser, url: str, ready: str, runs: int, *, throttled: bool = False,
                first_view: str | None = None, viewport: dict | None = None) -> dict:
    """Navigation start -> first choropleth path in the DOM, over fresh contexts (ms).

    With `first_view` (a JS predicate returning the page clock when met), also the time until it held: here, the
    server-drawn map on screen before plotly's. `viewport`: the screen size (Playwright's default 1280 x 720).
    """
    times, first_times = [], []
    for _ in range(runs):
        context = browser.new_context(**({"viewport": viewport} if viewport else {}))
        page = context.new_page()
        if throttled:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", SLOW_4G)
            session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="commit")
        if first_view:
            first_times.append(page.wait_for_function(first_view, polling="raf", timeout=120_000).json_value())
        page.wait_for_selector(ready, timeout=120_000, state="attached")
        times.append(page.evaluate("performance.now()"))
        context.close()
    result = {"runs": runs, "p50_ms": round(percentile(times, 50)), "p95_ms": round(percentile(times, 95))}
    if first_view:
        result |= {"first_p50_ms": round(percentile(first_times, 50)),
                   "first_p95_ms": round(percentile(first_times, 95))}
    return result


# Armed before each click: the click's time (capture phase, before Dash sees it) and the time plotly reports the
# redrawn map (plotly_afterplot), both on the page's own clock, so Playwright's round trips are not counted.
ARM_FILTER_PROBE = """(graphSelector) => {
  const gd = document.querySelector(graphSelector);
  const probe = window.__atlasProbe = {click: null, drawn: null};
  document.addEventListener("click", () => { probe.click = performance.now(); }, {capture: true, once: true});
  const drawn = () => { if (probe.click !== null && probe.drawn === null) { probe.drawn = performance.now(); } };
  gd.on("plotly_afterplot", drawn);
}"""


def filter_to_map(browser, url: str, ready: str, labels: list[str], runs: int,
                  graph: str = "#home-map .js-plotly-plot") -> dict:
    """Tick a dataset box; ms from the click to plotly's afterplot of the redrawn map, measured in the page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(ready, timeout=60_000)
    page.wait_for_timeout(500)
    times = []
    for i in range(runs):
        page.evaluate(ARM_FILTER_PROBE, graph)
        page.get_by_label(labels[i % len(labels)], exact=True).click()
        page.wait_for_function("() => window.__atlasProbe.drawn !== null", timeout=30_000)
        probe = page.evaluate("window.__atlasProbe")
        times.append(probe["drawn"] - probe["click"])
    context.close()
    return {"runs": runs, "p50_ms": round(percentile(times, 50)), "p95_ms": round(percentile(times, 95))}

"""Shared fixtures: the shipped data, a small valid package to break, the app, a real server and browser."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from benchmarks.servers import free_port, wait_until_up
from dashboard.config import read_settings
from dashboard.data import load_atlas
from dashboard.data.manifest import write_manifest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The data package the app serves (data/, or ATLAS_DATA_DIR)."""
    return read_settings().data_dir


@pytest.fixture(scope="session")
def atlas(data_dir):
    """The shipped data package, loaded and validated once."""
    return load_atlas(data_dir)


@pytest.fixture
def mini_package(tmp_path, data_dir) -> Path:
    """A small valid copy of the package (first records of each dataset) for tests that break one thing."""
    target = tmp_path / "data"
    target.mkdir()
    for name in ("datapackage.json", "countries.csv", "regime_history.csv", "companies.csv", "aggregates.csv",
                 "changelog.csv"):
        shutil.copy(data_dir / name, target / name)
    keep = {}
    for dataset in ("agreements", "courses", "entity_list", "donations"):
        records = pd.read_csv(data_dir / f"{dataset}.csv", dtype=str, keep_default_na=False).head(3)
        keep[dataset] = set(records["record_id"])
        records.to_csv(target / f"{dataset}.csv", index=False)
        sources = pd.read_csv(data_dir / f"{dataset}_sources.csv", dtype=str, keep_default_na=False)
        sources[sources["record_id"].isin(keep[dataset])].to_csv(target / f"{dataset}_sources.csv", index=False)
    participants = pd.read_csv(data_dir / "course_participants.csv", dtype=str, keep_default_na=False)
    participants[participants["record_id"].isin(keep["courses"])].to_csv(target / "course_participants.csv",
                                                                         index=False)
    write_manifest(target)
    return target


@pytest.fixture(scope="session")
def dash_app():
    """The app exactly as gunicorn imports it (app.py)."""
    import app as app_module

    return app_module.app


@pytest.fixture
def client(dash_app):
    """Flask test client of the real app."""
    return dash_app.server.test_client()


@pytest.fixture(scope="session")
def base_url(dash_app):
    """A real threaded HTTP server on loopback serving the app for the browser tests."""
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def gunicorn_url(tmp_path_factory):
    """The production server: gunicorn with the checked-in config, on a free loopback port."""
    port = free_port()
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}", log
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh browser context that fails the test on any non-loopback request, page error or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside, errors = [], []

    def only_loopback(route):
        if urlsplit(route.request.url).hostname in LOOPBACK:
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", only_loopback)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.base_url = base_url
    yield page
    context.close()
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"page errors: {errors}"

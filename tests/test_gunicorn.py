"""The production server: gunicorn with the checked-in config answers at once, with no cold-start 500s."""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from tests.test_pages import home_update_body


def fetch(url, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None,
                                     headers={"Content-Type": "application/json"} if body else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_first_requests_after_start_all_succeed(gunicorn_url):
    url, log = gunicorn_url
    body = home_update_body(**{"home-datasets": ["agreements"]})
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda i: fetch(f"{url}/_dash-update-component", body) if i % 2 else
                                 fetch(f"{url}/"), range(40)))
    assert statuses == [200] * 40
    text = log.read_text()
    assert "Callback function not found" not in text and "Traceback" not in text


def test_health_and_no_debug(gunicorn_url):
    url, _ = gunicorn_url
    with urllib.request.urlopen(f"{url}/healthz") as response:
        assert json.load(response)["status"] == "ok"
    assert fetch(f"{url}/console") == 404  # no Werkzeug debugger: the friendly not-found page, with a 404

"""The callback response cache: replays only complete 200 answers to identical requests, bounded, dated."""

import datetime as dt
import json

from werkzeug.test import Client

from dashboard.callback_cache import CALLBACK_PATH, LAYOUT_PATH, CallbackResponseCache
from dashboard.config import read_settings
from tests.test_pages import home_update_body


def counting_app(status="200 OK", headers=(("Content-Type", "application/json"),)):
    """A WSGI app that answers with its call number, so a replay is visible."""
    calls = []

    def app(environ, start_response):
        calls.append(environ["wsgi.input"].read())
        start_response(status, list(headers))
        return [json.dumps({"call": len(calls)}).encode()]

    return app, calls


def post(client, body=b'{"a": 1}', **kwargs):
    return client.post(CALLBACK_PATH, data=body, content_type="application/json", **kwargs)


def test_identical_bodies_are_answered_once_and_replayed():
    app, calls = counting_app()
    cache = CallbackResponseCache(app)
    client = Client(cache)
    first, second = post(client), post(client)
    assert first.get_json() == second.get_json() == {"call": 1}
    assert calls == [b'{"a": 1}']  # the app still saw the full body on the miss
    assert post(client, b'{"a": 2}').get_json() == {"call": 2}
    assert (cache.hits, cache.misses, len(cache)) == (1, 2, 2)


def test_only_callback_posts_are_cached():
    app, calls = counting_app()
    client = Client(CallbackResponseCache(app))
    client.get(CALLBACK_PATH)
    client.get(CALLBACK_PATH)
    client.post("/other", data=b"x")
    client.post("/other", data=b"x")
    assert len(calls) == 4


def test_layouts_are_replayed_per_asking_page_and_host():
    app, calls = counting_app()
    cache = CallbackResponseCache(app)
    client = Client(cache)

    def layout(referer, host="atlas.example"):
        return client.get(LAYOUT_PATH, headers={"Referer": referer, "Host": host}).get_json()["call"]

    assert layout("https://atlas.example/company/huawei") == layout("https://atlas.example/company/huawei") == 1
    assert layout("https://atlas.example/company/zte") == 2  # another page: built by the app
    assert layout("https://atlas.example/company/huawei", host="other.example") == 3  # first_render checks the host
    assert layout("https://atlas.example/company/" + "x" * 20_000) == 4  # too long to key: not stored
    assert layout("https://atlas.example/company/" + "x" * 20_000) == 5
    assert (cache.hits, len(cache)) == (1, 3)


def test_errors_and_cookies_are_never_replayed():
    for status, headers in (("400 BAD REQUEST", [("Content-Type", "application/json")]),
                            ("200 OK", [("Content-Type", "application/json"), ("Set-Cookie", "s=1")])):
        app, calls = counting_app(status, headers)
        client = Client(CallbackResponseCache(app))
        post(client)
        post(client)
        assert len(calls) == 2, status


def test_content_type_encoding_and_date_are_part_of_the_key():
    app, calls = counting_app()
    today = [dt.date(2026, 11, 29)]
    client = Client(CallbackResponseCache(app, today=lambda: today[0]))
    post(client)
    client.post(CALLBACK_PATH, data=b'{"a": 1}', content_type="text/plain")
    post(client, headers={"Accept-Encoding": "gzip"})
    today[0] = dt.date(2026, 11, 30)  # citations carry the access date: a new day builds new answers
    post(client)
    assert len(calls) == 4


def test_entries_and_bytes_are_bounded():
    app, _ = counting_app()
    cache = CallbackResponseCache(app, max_entries=3)
    client = Client(cache)
    for n in range(10):
        post(client, json.dumps({"n": n}).encode())
    assert len(cache) == 3
    small = CallbackResponseCache(app, max_bytes=60)
    for n in range(10):
        post(Client(small), json.dumps({"n": n}).encode())
    assert 0 < len(small) < 10 and small._bytes <= 60  # each entry ~19 bytes: three fit


def test_large_or_empty_bodies_go_to_the_app_uncached():
    app, calls = counting_app()
    cache = CallbackResponseCache(app, max_body_bytes=10)
    client = Client(cache)
    post(client, b"x" * 20)
    post(client, b"x" * 20)
    post(client, b"")
    assert len(calls) == 3 and len(cache) == 0


def test_the_app_replays_real_callbacks_and_still_refuses_bad_ones(dash_app, client):
    cache = dash_app.server.wsgi_app
    assert isinstance(cache, CallbackResponseCache)
    client.get("/")
    body = json.dumps(home_update_body(**{"home-datasets": ["donations"], "home-regions": ["Asia"]}))
    hits = cache.hits
    first = client.post(CALLBACK_PATH, data=body, content_type="application/json")
    second = client.post(CALLBACK_PATH, data=body, content_type="application/json")
    assert first.status_code == second.status_code == 200 and first.data == second.data
    assert cache.hits == hits + 1
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    for _ in range(2):
        assert client.post(CALLBACK_PATH, data="{not json", content_type="application/json").status_code == 400
    assert cache.hits == hits + 1


def test_the_app_replays_a_page_layout_built_for_its_referer(dash_app, client):
    cache = dash_app.server.wsgi_app
    hits = cache.hits
    huawei = {"Referer": "http://localhost/company/huawei"}
    first, second = client.get(LAYOUT_PATH, headers=huawei), client.get(LAYOUT_PATH, headers=huawei)
    assert first.status_code == second.status_code == 200 and first.data == second.data
    assert cache.hits == hits + 1 and b"company-page" in first.data
    other = client.get(LAYOUT_PATH, headers={"Referer": "http://localhost/country/KEN"})
    assert other.status_code == 200 and other.data != first.data


def test_the_cache_can_be_switched_off():
    assert read_settings({"ATLAS_CALLBACK_CACHE_ENTRIES": "0"}).callback_cache_entries == 0
    assert read_settings({"ATLAS_CALLBACK_CACHE_ENTRIES": "many"}).callback_cache_entries == 512
    assert read_settings({}).callback_cache_entries == 512

"""Deterministic performance properties: bundle size, compression, caching (issue 6)."""

import gzip
import re

import plotly.offline

from dashboard.assets_serving import PLOTLY_BUNDLE, PLOTLY_PATH

GZIP = {"Accept-Encoding": "gzip"}


def test_partial_plotly_bundle_matches_the_plotly_version_and_is_small(client):
    assert (PLOTLY_BUNDLE.parent / "PLOTLY_VERSION").read_text().strip() == plotly.offline.get_plotlyjs_version()
    response = client.get(PLOTLY_PATH, headers=GZIP)
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    assert len(response.data) < 500_000
    assert gzip.decompress(response.data) == PLOTLY_BUNDLE.read_bytes()
    body = PLOTLY_BUNDLE.read_text()
    assert "choropleth" in body and "scattergeo" in body and '"bar"' in body
    assert "https://cdn.plot.ly" not in body and '"/assets/topojson/"' in body  # no CDN even as a default


def test_static_files_are_compressed_once_and_cached_by_fingerprint(client):
    index = client.get("/", headers=GZIP)
    scripts = re.findall(r'src="(/_dash-component-suites/[^"]+)"', index.data.decode("utf-8", "replace")
                         if index.headers.get("Content-Encoding") != "gzip" else gzip.decompress(index.data).decode())
    assert scripts
    for src in scripts:
        response = client.get(src, headers=GZIP)
        assert response.status_code == 200
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "max-age=31536000" in response.headers["Cache-Control"]  # fingerprinted: cache a year
    first = client.get(scripts[0], headers=GZIP).data
    assert client.get(scripts[0], headers=GZIP).data == first


def test_first_page_html_is_small(client):
    index = client.get("/", headers=GZIP)
    assert index.headers["Content-Encoding"] == "gzip" and len(index.data) < 20_000


def test_clients_without_gzip_get_identity(client):
    response = client.get(PLOTLY_PATH, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers and response.data == PLOTLY_BUNDLE.read_bytes()


def test_topojson_revalidates_instead_of_refetching(client):
    with client.get("/assets/topojson/world_110m.json") as first:
        etag = first.headers["ETag"]
    with client.get("/assets/topojson/world_110m.json", headers={"If-None-Match": etag}) as second:
        assert second.status_code == 304


def test_only_fingerprinted_files_get_long_cache_lifetimes(client):
    cache_control = client.get(PLOTLY_PATH).headers["Cache-Control"]
    assert "no-cache" in cache_control and "max-age=31536000" not in cache_control
    with client.get("/assets/style.css") as style:
        assert "max-age=31536000" not in style.headers.get("Cache-Control", "")

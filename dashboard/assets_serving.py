"""How the browser gets its code: a smaller plotly.js bundle, and static files compressed once, not per request."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import flask

COMPRESSIBLE = ("application/javascript", "text/javascript", "text/css", "application/json", "image/svg+xml",
                "text/html", "text/csv")
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
MIN_BYTES = 1024
PLOTLY_PATH = "/_dash-component-suites/plotly/package_data/plotly.min.js"
PLOTLY_BUNDLE = Path(__file__).with_name("static") / "plotly-atlas.min.js"


def serve_partial_plotly_bundle(server: flask.Flask) -> None:
    """Answer the renderer's plotly.js request with our bundle (choropleth, scattergeo, bar only).

    dash-renderer 4.4.1 hard-codes `_dash-component-suites/plotly/package_data/plotly.min.js` when serving locally
    (4.8 MB, 1.47 MB gzip). A static route outranks Dash's `<package>/<path>` rule, so this exact path serves
    dashboard/static/plotly-atlas.min.js (1.4 MB, 0.48 MB gzip). Rebuild it with scripts/build_plotly_bundle.sh
    after a plotly upgrade; a test checks the versions match.
    """
    body = PLOTLY_BUNDLE.read_bytes()  # read once: every page load asks for it
    etag = hashlib.sha256(body).hexdigest()[:32]

    @server.get(PLOTLY_PATH)
    def plotly_bundle():
        response = flask.Response(body, mimetype="application/javascript")
        response.set_etag(etag)
        response.cache_control.no_cache = True  # the URL carries no fingerprint: always revalidate (304)
        return response.make_conditional(flask.request)


def install_compression(server: flask.Flask) -> None:
    """Gzip responses for clients that accept it; static files are compressed once per process and reused."""
    compressed_static: dict[tuple[str, str], bytes] = {}  # (path, etag) -> gzip bytes; a bounded set of files

    @server.after_request
    def compress(response: flask.Response) -> flask.Response:
        if ("gzip" not in flask.request.headers.get("Accept-Encoding", "") or response.status_code != 200
                or response.mimetype not in COMPRESSIBLE or "Content-Encoding" in response.headers):
            return response
        response.direct_passthrough = False
        body = response.get_data()
        if len(body) < MIN_BYTES:
            return response
        path = flask.request.path
        if path.startswith(STATIC_PREFIXES):
            key = (path, response.headers.get("ETag", str(len(body))))
            if key not in compressed_static:
                compressed_static[key] = gzip.compress(body, compresslevel=9)
            packed = compressed_static[key]
        else:
            packed = gzip.compress(body, compresslevel=5)  # small dynamic bodies (callbacks, pages): cheap
        response.set_data(packed)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(packed))
        response.vary.add("Accept-Encoding")
        return response

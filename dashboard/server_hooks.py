"""Flask-level guards around the Dash app: callback envelopes, security headers, 404 status, generic errors."""

from __future__ import annotations

import logging
import re
import uuid

import dash
import flask
from dash.exceptions import DependencyException, InvalidResourceError
from werkzeug.exceptions import HTTPException

from dashboard.components.site import Site
from dashboard.first_render import LAYOUT_PATH

log = logging.getLogger("safe_city_atlas")

DASH_INTERNAL = ("/_dash-", "/_reload-hash", "/_favicon.ico", "/assets/", "/healthz", "/api/", "/download/", "/export/")
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def content_security_policy(app: dash.Dash, frame_ancestors: str = "'self'") -> str:
    """script-src 'self' plus the hashes of Dash's inline scripts; no unsafe-eval (STACK-NOTES 7.6)."""
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *app.csp_hashes()]),
        "style-src": "'self' 'unsafe-inline'",  # Dash components set inline styles
        "img-src": "'self' data: blob:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{key} {value}" for key, value in directives.items())


def page_exists(path: str, site: Site) -> bool:
    """Whether a GET path is a page we serve (unknown codes on profile pages count as missing)."""
    if path in {p["path"] for p in dash.page_registry.values() if not p.get("path_template")}:
        return path != "/404"
    if match := re.fullmatch(r"/country/([^/]+)", path):
        return match.group(1).upper() in site.country_names
    if match := re.fullmatch(r"/company/([^/]+)", path):
        return match.group(1) in site.company_names
    return re.fullmatch(r"/embed/(map|timeline)", path) is not None


def refuse_malformed_callback(app: dash.Dash) -> tuple[dict, int] | None:
    """400 for a callback POST whose envelope Dash would answer with a 500 (STACK-NOTES 7.2)."""
    body = flask.request.get_json(silent=True)
    if not (isinstance(body, dict) and isinstance(body.get("output"), str)
            and isinstance(body.get("inputs"), list) and isinstance(body.get("state", []), list)):
        return {"error": "malformed callback request"}, 400
    spec = app.callback_map.get(body["output"])
    if spec is None:
        return {"error": "unknown callback output"}, 400
    for part in ("inputs", "state"):  # Dash indexes these by position: a short list is a KeyError (a 500)
        values = body.get(part, [])
        if len(values) != len(spec[part]) or not all(isinstance(v, dict | list) for v in values):
            return {"error": f"callback {part} do not match the callback's {part}"}, 400
    n_outputs = body["output"].count("...") + 1 if body["output"].startswith("..") else 1
    outputs = body.get("outputs")
    expected_shape = (isinstance(outputs, list) and len(outputs) == n_outputs
                      and all(isinstance(o, dict) for o in outputs)) if n_outputs > 1 else isinstance(outputs, dict)
    if not expected_shape:
        return {"error": "callback outputs do not match the output spec"}, 400
    return None


def install_hooks(app: dash.Dash, site: Site) -> None:
    """Register the before/after-request hooks and the error handler."""
    server = app.server
    policies: dict[str, str] = {}  # built on first response: Dash adds inline scripts during its first request

    @server.before_request
    def check_callback_envelope():
        flask.g.request_id = uuid.uuid4().hex[:12]
        if flask.request.method == "POST" and flask.request.path.endswith("/_dash-update-component"):
            return refuse_malformed_callback(app)
        return None

    @server.before_request
    def redirect_merged_company():
        # A company id found to duplicate another stays a valid link: it moves permanently to the id that stays.
        if flask.request.method == "GET" and (match := re.fullmatch(r"/company/([^/]+)", flask.request.path)):
            target = site.company_redirects.get(match.group(1))
            if target:
                query = flask.request.query_string.decode("latin-1")
                return flask.redirect(f"/company/{target}" + (f"?{query}" if query else ""), code=301)
        return None

    @server.after_request
    def add_security_headers(response: flask.Response) -> flask.Response:
        if not policies:
            policies["default"] = content_security_policy(app)
            policies["embed"] = content_security_policy(
                app, " ".join(["'self'", *site.settings.embed_allowed_origins]))
        path = flask.request.path
        if path.startswith("/embed/"):  # framing is allowed here, and only here
            response.headers["Content-Security-Policy"] = policies["embed"]
        else:
            response.headers["Content-Security-Policy"] = policies["default"]
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        if path == LAYOUT_PATH:  # the layout holds the referring page (first_render.py): never reuse it for another
            response.vary.add("Referer")
            response.cache_control.no_store = True
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        if (flask.request.method == "GET" and response.status_code == 200 and response.mimetype == "text/html"
                and not path.startswith(DASH_INTERNAL) and not page_exists(path, site)):
            response.status_code = 404  # Dash renders the friendly not-found page; crawlers see the status
        return response

    @server.errorhandler(Exception)
    def generic_error(error: Exception):
        if isinstance(error, HTTPException):
            return error
        if isinstance(error, DependencyException | InvalidResourceError):  # unknown /_dash-component-suites/ file
            return "Not found.", 404, {"Content-Type": "text/plain; charset=utf-8"}
        request_id = getattr(flask.g, "request_id", "-")
        log.exception("request %s failed: %s %s", request_id, flask.request.method, flask.request.path)
        return (f"Something went wrong on our side. Please try again; if it persists, quote request id "
                f"{request_id}.", 500, {"Content-Type": "text/plain; charset=utf-8"})

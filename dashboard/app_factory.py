"""create_app(): load and validate the data once, then build the Dash app and its Flask server."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

import dash
from dash import html

from dashboard.assets_serving import install_compression, serve_partial_plotly_bundle
from dashboard.callback_cache import CallbackResponseCache
from dashboard.components.layout import site_footer, site_header
from dashboard.components.search import search_box
from dashboard.components.site import EXTENSION_KEY, Site, build_site
from dashboard.config import Settings, read_settings
from dashboard.data import DataPackageError, load_atlas
from dashboard.first_render import AtlasDash, first_page_container
from dashboard.image_export import ImageExporter
from dashboard.routes import register_routes
from dashboard.server_hooks import install_hooks

log = logging.getLogger("safe_city_atlas")


def root_layout(site: Site) -> Callable[[], html.Div]:
    """The frame every page sits in, as the function Dash calls for each `/_dash-layout` request.

    Header (with the search options) and footer are built once; only the page container depends on the request
    (it holds the requested page when the request allows it, see first_render.py).
    """
    header, footer = site_header(search_box(site)), site_footer(site)
    return lambda: html.Div(className="page", children=[
        header, html.Main(first_page_container(), id="main", tabIndex="-1"), footer])


def load_site(settings: Settings) -> Site:
    """Load the data package, or stop the process with one line naming file, row, column and value."""
    try:
        atlas = load_atlas(settings.data_dir)
    except DataPackageError as exc:
        # One clear line instead of a traceback wall: the deploy fails before any reader sees a wrong number.
        print(f"Safe City Atlas cannot start: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    return build_site(atlas, settings)


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the app. Debug is never on here; `python -m dashboard.dev` is the only debug entry point."""
    settings = settings or read_settings()
    site = load_site(settings)
    app = AtlasDash(
        __name__, use_pages=True, pages_folder="pages", assets_folder=str(settings.assets_dir),
        title="Safe City Atlas", update_title=None, serve_locally=True, compress=False,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description", "content": "Chinese smart-city and safe-city technology exports: "
                    "agreements, training courses, Entity List listings and Covid-era donations, with sources."}],
    )
    server = app.server
    server.debug = False  # FLASK_DEBUG in the environment would otherwise switch Flask's debug mode on
    server.secret_key = settings.secret_key
    server.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    server.extensions[EXTENSION_KEY] = site
    app.layout = root_layout(site)

    install_hooks(app, site)
    install_compression(server)
    serve_partial_plotly_bundle(server)
    register_routes(server, site, ImageExporter(settings.assets_dir / "topojson"))

    @server.get("/healthz")
    def healthz():
        return {"status": "ok", "data_version": site.atlas.version, "data_last_updated": site.atlas.last_updated}

    warm_up(app)
    if settings.callback_cache_entries:  # outermost: a replayed response skips Flask and Dash entirely
        server.wsgi_app = CallbackResponseCache(server.wsgi_app, max_entries=settings.callback_cache_entries)
    return app


def bare_components(component) -> list:
    """Every component with an id, as a bare instance of its type carrying only that id."""
    found = []
    if isinstance(component, list | tuple):
        for child in component:
            found += bare_components(child)
    elif hasattr(component, "to_plotly_json"):
        component_id = getattr(component, "id", None)
        if component_id is not None:
            found.append(type(component)(id=component_id))
        found += bare_components(getattr(component, "children", None))
    return found


def warm_up(app: dash.Dash) -> None:
    """Finish Dash's first-request setup now, then slim the validation layout it embeds in every page.

    With threaded workers a request racing the setup can get "Callback function not found" (STACK-NOTES 6.2),
    so the setup runs before gunicorn forks. Dash 4 then sends `validation_layout` (every page's full default
    layout, about 400 KB) inside each index page; callback validation needs only the ids and component types.
    """
    with app.server.test_client() as client:
        client.get("/")
    app.validation_layout = html.Div(bare_components(app.validation_layout))

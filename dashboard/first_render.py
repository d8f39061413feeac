"""The first layout response already holds the page, so a cold load skips the Pages router's round trip.

Dash Pages serves an empty page container: dcc.Location then reports the address, a router callback renders the
page, and only then do its graphs mount and fetch plotly.js. The renderer fetches `/_dash-layout` from the page it
is on, so that request's Referer names the page (our Referrer-Policy sends the full URL to our own origin). The
container comes back holding the page's layout, with the Location already set to that address: it reports no
change, and the router callback does not run on load (it still runs on every later navigation). Without a usable
Referer (privacy tools, another origin, a failing layout) the empty container is served and the router renders
the page exactly as before.
"""

from __future__ import annotations

import logging
import re
from html import escape as html_escape
from urllib.parse import parse_qs, urlsplit

import dash
import flask
from dash import dcc, html

from dashboard.assets_serving import PLOTLY_PATH
from dashboard.components.home_view import HOME_HEADING, home_view, static_map_href
from dashboard.components.site import current_site
from dashboard.figures.narrow import NARROW_MEDIA, WIDE_MEDIA
from dashboard.viewstate import ViewState, parse_view_state

log = logging.getLogger("safe_city_atlas")

# Dash's own ids for the page container (dash/dash.py): the router callback and title store use them.
LOCATION, CONTENT, STORE, DUMMY = "_pages_location", "_pages_content", "_pages_store", "_pages_dummy"
LAYOUT_PATH = "/_dash-layout"
TOPOJSON = "/assets/topojson/world_110m.json"  # components/graph.py points plotly's topojsonURL here
RENDERER_FETCHES = (LAYOUT_PATH, "/_dash-dependencies")
DCC_CHUNKS = "/_dash-component-suites/dash/dcc/"  # lazy chunks: unfingerprinted names (dcc's webpack config)


def page_container(location: dict | None = None, content=None, title: str | None = None) -> html.Div:
    """The page container Dash Pages expects; optionally pre-filled for one address."""
    return html.Div([
        dcc.Location(id=LOCATION, refresh="callback-nav", **(location or {})),
        html.Div(content, id=CONTENT, disable_n_clicks=True),
        dcc.Store(id=STORE, data={"title": title} if title else None),
        html.Div(id=DUMMY, disable_n_clicks=True),
    ])


def title_of(page: dict, variables: dict) -> str:
    """A registered page's title for its path variables (country and company pages name their subject)."""
    return page["title"](**variables) if callable(page["title"]) else page["title"]


def not_found_page() -> dict | None:
    """The registered 404 page, which Dash Pages shows for any path no page matches."""
    return next((p for p in dash.page_registry.values() if p["module"].endswith("not_found_404")), None)


def page_for(path: str) -> tuple[dict | None, dict]:
    """The page Dash Pages shows for a path and its path variables: the matching page, else the 404 page."""
    page, variables = match_page(path)
    return (page, variables) if page is not None else (not_found_page(), {})


def match_page(path: str) -> tuple[dict | None, dict]:
    """The registered page for a path and its path variables; (None, {}) if none matches."""
    for page in dash.page_registry.values():
        template = page.get("path_template")
        if template:
            pattern = re.sub(r"<([^>/]+)>", r"(?P<\1>[^/]+)", re.escape(template))  # "<" and ">" stay as they are
            if found := re.fullmatch(pattern, path):
                return page, found.groupdict()
        elif path == page["path"]:
            return page, {}
    return None, {}


def query_arguments(query: str) -> dict[str, str | list[str]]:
    """Query parameters as Dash Pages passes them to a layout: one value as a string, repeats as a list."""
    parsed = parse_qs(query, keep_blank_values=True)
    return {key: values[0] if len(values) == 1 else values for key, values in parsed.items()}


def referring_page() -> tuple[str, str, str] | None:
    """(href, path, query) of the same-origin page that asked for the layout, else None."""
    if not flask.has_request_context() or flask.request.path != LAYOUT_PATH:
        return None  # Dash also calls the layout at start-up and when it builds the validation layout
    referer = flask.request.headers.get("Referer", "")
    parts = urlsplit(referer)
    if parts.scheme not in ("http", "https") or parts.netloc != flask.request.host:
        return None
    return referer.split("#", 1)[0], parts.path or "/", parts.query


def first_page_container() -> html.Div:
    """The container for this request: pre-rendered for the referring page when possible, else empty."""
    referred = referring_page()
    if referred is None:
        return page_container()
    href, path, query = referred
    page, variables = page_for(path)
    if page is None:
        return page_container()
    try:
        layout = page["layout"]
        content = layout(**variables, **query_arguments(query)) if callable(layout) else layout
        title = title_of(page, variables)
    except Exception:  # a page that cannot render here is left to the router, which reports it the usual way
        log.exception("pre-rendering %s failed; the router will render it", path)
        return page_container()
    location = {"pathname": path, "search": f"?{query}" if query else "", "href": href, "hash": ""}
    return page_container(location, content, title)


def preload_links(path: str, map_view: ViewState | None = None) -> str:
    """`<link rel=preload>` tags for what the page fetches late: layout, callbacks, lazy chunks, plotly.js, topojson.

    dcc.Graph asks for plotly.js only once it mounts, and plotly asks for the topojson only after plotly.js has
    run; on a slow connection those two downloads then start seconds late. Preloading starts them with the page.
    Only pages that draw a chart preload (the data and search pages would waste the bytes).
    """
    # The renderer asks for its layout and callbacks only after all its scripts have run, and for the lazy
    # component chunks only once the layout renders: each is a round trip after the last (150 ms each on slow 4G).
    links = [f'<link rel="preload" href="{url}" as="fetch" crossorigin="anonymous">' for url in RENDERER_FETCHES]
    charts = path == "/" or path.startswith(("/timeline", "/country/", "/company/", "/embed/"))
    links += [f'<link rel="preload" href="{DCC_CHUNKS}{chunk}" as="script">'
              for chunk in ("async-dropdown.js", *(("async-slider.js", "async-graph.js") if charts else ()))]
    if charts:
        links.append(f'<link rel="preload" href="{PLOTLY_PATH}" as="script" fetchpriority="low">')
    if map_view:  # the map page's server-drawn picture, for the screen's width: on screen as soon as it renders
        links += [f'<link rel="preload" href="{html_escape(static_map_href(map_view, narrow))}" as="image"'
                  f' media="{media}">' for narrow, media in ((False, WIDE_MEDIA), (True, NARROW_MEDIA))]
    if path == "/" or path.startswith(("/company/", "/embed/map")):
        links.append(f'<link rel="preload" href="{TOPOJSON}" as="fetch" crossorigin="anonymous" fetchpriority="low">')
    return "\n".join(links)


def pictured_map_view(path: str) -> ViewState | None:
    """The view whose server-drawn map this request shows.

    None when the page will not show a map: the table, an empty view, another page.
    """
    if path != "/":
        return None
    site = current_site()
    state = parse_view_state(flask.request.args.to_dict(), site.options)
    if state.view != "map" or home_view(site, state).empty is not None:
        return None
    return state


def boot_shell(map_view: ViewState) -> str:
    """The map page's first screen as plain HTML: the site bar, the heading and the server-drawn map.

    The browser paints it before any script has run (on a slow phone, seconds before the renderer can); React
    replaces it with the real layout, which holds the same picture at about the same place until plotly draws.
    """
    return ('<div id="react-entry-point"><div class="page boot-shell" aria-busy="true">'
            '<header class="site-header"><span class="site-title">Safe City Atlas</span></header>'
            f'<main><h1>{html_escape(HOME_HEADING)}</h1><div class="layout-with-sidebar"><div></div>'
            '<div class="content"><div class="boot-spacer"></div><div class="map-frame"><picture>'
            f'<source srcset="{html_escape(static_map_href(map_view, narrow=True))}" media="{NARROW_MEDIA}">'
            f'<img src="{html_escape(static_map_href(map_view))}" alt="" class="map-placeholder"></picture></div>'
            '</div><div></div></div></main></div></div>')


# Scripts Dash adds to every page that this site does not need:
# - @babel/polyfill (core-js 2 + regenerator): 34 KB gzip and ~250 ms of main-thread work on a cold load here;
#   every browser we support has what core-js adds. Dash's lazy loaders still call the global
#   `regeneratorRuntime`, so assets/vendor/regenerator-runtime.js (MIT, 7 KB) provides just that.
# - the dash_table bundle: no page uses DataTable.
UNNEEDED_SCRIPTS = re.compile(r'<script src="[^"]*/_dash-component-suites/dash/(deps/polyfill@|dash_table/)[^"]*">'
                              r"</script>\s*")


class AtlasDash(dash.Dash):
    """Dash with the page's preloads in its index HTML and without scripts the site does not use."""

    def interpolate_index(self, **kwargs) -> str:
        """The index page, with preload links after the stylesheets."""
        if flask.has_request_context():
            path = flask.request.path
            map_view = pictured_map_view(path)
            kwargs["css"] = kwargs.get("css", "") + preload_links(path, map_view)
            if map_view:
                kwargs["app_entry"] = boot_shell(map_view)
            page, variables = page_for(path)
            if page is not None:  # the tab names the page before any script runs (and for readers without them)
                kwargs["title"] = html_escape(title_of(page, variables))
        kwargs["scripts"] = UNNEEDED_SCRIPTS.sub("", kwargs.get("scripts", ""))
        return super().interpolate_index(**kwargs)

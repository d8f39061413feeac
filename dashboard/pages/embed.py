"""Embeds (/embed/map, /embed/timeline): one chart with minimal chrome, for an iframe; framing is allowed here."""

from __future__ import annotations

import dash
from dash import html

from dashboard.components.graph import graph
from dashboard.components.home_view import export_name, home_view, map_frame
from dashboard.components.site import current_site
from dashboard.components.timeline_view import timeline_view
from dashboard.components.urls import home_href, timeline_href
from dashboard.viewstate import parse_view_state

dash.register_page(__name__, path_template="/embed/<view>", title="Safe City Atlas (embed)", name="Embed")


class ids:
    """Component IDs of this page."""

    GRAPH = "embed-graph"


def layout(view: str | None = None, **query) -> html.Div:
    """The chosen chart for the view state in the query string."""
    site = current_site()
    state = parse_view_state(query, site.options)
    if view == "timeline":
        figure, href = timeline_view(site, state)[0], timeline_href(state)
    elif view == "map":
        figure, href = home_view(site, state).figure, home_href(state)
    else:
        return html.Div("Unknown embed: use /embed/map or /embed/timeline.", className="embed-page not-found")
    chart = graph(ids.GRAPH, figure, filename=export_name(state, view), label="Safe City Atlas chart")
    if view == "map":  # the server-drawn picture until plotly has drawn (as on the map page)
        chart = map_frame(chart, state)
    return html.Div(className="embed-page", children=[
        chart,
        html.A("Open this view in Safe City Atlas \u2197", href=href, target="_top", className="embed-link"),
    ])

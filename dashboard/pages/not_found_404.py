"""Friendly 404 page with a way back (Dash Pages uses the module named not_found_404)."""

from __future__ import annotations

import dash
from dash import dcc, html

dash.register_page(__name__, path="/404", title="Page not found - Safe City Atlas")


def layout(**_query) -> html.Div:
    """Not-found page."""
    return html.Div(className="not-found", children=[
        html.H1("Page not found"),
        html.P("There is no page at this address. It may have been mistyped or moved."),
        html.P([dcc.Link("Go to the map", href="/"), " or ", dcc.Link("browse all data and sources", href="/data"),
                "."]),
    ])

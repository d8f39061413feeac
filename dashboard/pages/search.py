"""Search results (/search?q=...) and the header search box's navigation."""

from __future__ import annotations

import dash
from dash import Input, Output, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.components.search import SEARCH_BOX, SEARCH_LOCATION, match_entries, search_entries
from dashboard.components.site import Site, current_site

dash.register_page(__name__, path="/search", title="Search - Safe City Atlas", name="Search")


def entries_of(site: Site) -> list[dict]:
    """The search entries, built once per process."""
    return site.views.get_or_build(("search-entries",), lambda: search_entries(site))


def layout(q: str | None = None, **_query) -> html.Div:
    """Results for ?q=..., matching English and Chinese names and aliases."""
    query = q if isinstance(q, str) else ""
    matches = match_entries(entries_of(current_site()), query[:100])
    results = ([html.Li(dcc.Link(m["label"], href=m["value"])) for m in matches] if matches else
               [html.Li(f"Nothing matches {query[:100]!r}." if query else "Type a country or company name.")])
    return html.Div([
        html.H1("Search"),
        html.Form(action="/search", method="get", role="search", children=[
            html.Label(["Country or company ", dcc.Input(name="q", value=query, type="search")]),
            html.Button("Search", type="submit"),
        ]),
        html.Ul(results, className="search-results"),
    ])


@callback(Output(SEARCH_LOCATION, "href"), Input(SEARCH_BOX, "value"), prevent_initial_call=True)
def open_search_result(href):
    """Go to the chosen country or company page (only hrefs the site itself offered)."""
    allowed = {e["value"] for e in entries_of(current_site())}
    if not isinstance(href, str) or href not in allowed:
        raise PreventUpdate
    return href

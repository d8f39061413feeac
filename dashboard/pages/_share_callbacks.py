"""Callbacks of the share bar, registered by each page that shows one (a page-level helper, not a page)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback

from dashboard.components.share import ShareIds, share_values
from dashboard.components.site import current_site
from dashboard.viewstate import parse_search


def register_share_callbacks(ids: ShareIds, search_store: str, graph_id: str, page_path: str) -> None:
    """Keep the share bar in step with the page's query string; wire the image buttons (call from a page)."""
    @callback(Output(ids.csv, "href"), Output(ids.xlsx, "href"), Output(ids.link, "children"),
              Output(ids.citation, "children"), Input(search_store, "data"), prevent_initial_call=True)
    def update_share_bar(search):
        site = current_site()
        return share_values(site, parse_search(search if isinstance(search, str) else "", site.options), page_path)

    for button, function in ((ids.slide, "slide"), (ids.svg, "svg")):
        clientside_callback(ClientsideFunction("atlas", function), Output(ids.sink, "data", allow_duplicate=True),
                            Input(button, "n_clicks"), State(graph_id, "id"), prevent_initial_call=True)

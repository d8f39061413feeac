"""Callbacks that map and timeline share: URL sync, filter reset, share bar (page-level helpers, not a page)."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard.components.filters import default_filter_values
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


def register_url_sync(search_store: str, sink: str) -> None:
    """Keep the address bar equal to the page's view state.

    replaceState: filter tweaks don't flood the history; reload, a pasted link and back/forward across pages
    reproduce the view.
    """
    clientside_callback(ClientsideFunction("atlas", "replaceSearch"), Output(sink, "data"), Input(search_store, "data"))


def register_reset(reset_button: str, controls: list[Input], extra_defaults: list) -> None:
    """One click on `reset_button` puts every filter (then the page's own `controls`) back to the default view."""

    @callback([Output(i.component_id, i.component_property, allow_duplicate=True) for i in controls],
              Input(reset_button, "n_clicks"), prevent_initial_call=True)
    def reset_filters(n_clicks):
        if not isinstance(n_clicks, int) or n_clicks < 1:
            raise PreventUpdate
        return [*default_filter_values(current_site()), *extra_defaults]

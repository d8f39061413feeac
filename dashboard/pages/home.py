"""Map (home): records per country for the selected filters, a side panel and a table view."""

from __future__ import annotations

import dash
from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.components.filters import FilterIds, filter_inputs, filter_panel, filters_link
from dashboard.components.graph import graph
from dashboard.components.home_view import (
    COUNT_LEGEND,
    HOME_HEADING,
    TABLE_COLUMNS,
    export_name,
    home_view,
    map_frame,
)
from dashboard.components.layout import notice
from dashboard.components.memo import only_if_changed
from dashboard.components.share import ShareIds, share_bar
from dashboard.components.site import current_site
from dashboard.components.tables import records_table, sortable
from dashboard.pages._page_callbacks import register_reset, register_share_callbacks, register_url_sync
from dashboard.tablestate import TableState, parse_table_search, parse_table_state, with_table_query
from dashboard.viewstate import ViewState, parse_search, parse_view_state, state_from_controls, view_state_search

dash.register_page(__name__, path="/", title="Map - Safe City Atlas", name="Map")


class ids:
    """Component IDs of this page."""

    FILTERS = FilterIds("home")
    NOTICE = "home-notice"
    VIEW = "home-view"
    OVERLAY = "home-overlay"
    COUNTRY = "home-country"
    SUMMARY = "home-summary"
    MAP = "home-map"
    MAP_WRAP = "home-map-wrap"
    OFF_MAP = "home-off-map"
    TABLE = "home-table"
    TABLE_WRAP = "home-table-wrap"
    EMPTY = "home-empty"
    PANEL = "home-panel"
    SEARCH = "home-search"
    SEARCH_SINK = "home-search-sink"
    EXPORT_NAME = "home-export-name"
    SHARE = ShareIds("home")


def home_table(state: ViewState, table: TableState, rows: list[dict]) -> html.Div:
    """The table view: one page of rows; headers and pager link to the same view re-sorted or paged."""
    def href(next_table: TableState) -> str:
        return "/" + with_table_query(view_state_search(state), next_table)

    return records_table(ids.TABLE, rows, TABLE_COLUMNS, table, href)


def layout(**query) -> html.Div:
    """The map page for the view state in the query string."""
    site = current_site()
    state = parse_view_state(query, site.options)
    table = parse_table_state(query, sortable(TABLE_COLUMNS))
    view = home_view(site, state)
    with_records = sorted(set(site.atlas.records["iso3"].dropna()), key=lambda c: site.country_names.get(c, c))
    return html.Div(className="home", children=[
        html.H1(HOME_HEADING),
        notice(state.notices + table.notices, ids.NOTICE),
        html.Div(className="layout-with-sidebar", children=[
            filter_panel(ids.FILTERS, state, site),
            html.Div(className="content", children=[
                filters_link(ids.FILTERS),
                html.Div(className="view-controls", children=[
                    html.Fieldset([html.Legend("Show as"), dcc.RadioItems(
                        id=ids.VIEW, value=state.view, className="radio inline",
                        options=[{"label": "Map", "value": "map"}, {"label": "Table", "value": "table"}])]),
                    html.Fieldset([html.Legend("Context overlay"), dcc.RadioItems(
                        id=ids.OVERLAY, value=state.overlay, className="radio inline",
                        options=[{"label": "None", "value": "none"}, {"label": "Regime type", "value": "regime"},
                                 {"label": "BRI MoU", "value": "bri"}])]),
                    html.Label(["Country", dcc.Dropdown(
                        id=ids.COUNTRY, value=state.country, placeholder="Select a country",
                        options=[{"label": site.country_names.get(c, c), "value": c} for c in with_records])]),
                ]),
                html.P(view.summary, id=ids.SUMMARY, className="summary", **{"aria-live": "polite"}),
                share_bar(ids.SHARE, site, state, "/"),
                html.Div(view.empty, id=ids.EMPTY),
                html.Div(id=ids.MAP_WRAP, hidden=state.view != "map" or view.empty is not None, children=[
                    map_frame(graph(ids.MAP, view.figure, filename=export_name(state), label="World map of records"),
                              state),
                    html.P(COUNT_LEGEND, className="legend-note"),
                    html.P(view.off_map, id=ids.OFF_MAP, className="legend-note"),
                ]),
                html.Div(home_table(state, table, view.table_rows) if state.view == "table" else [],
                         id=ids.TABLE_WRAP, hidden=state.view != "table"),
                dcc.Store(id=ids.SEARCH, data=with_table_query(view.search, table)),
                dcc.Store(id=ids.EXPORT_NAME, data=export_name(state)),
                dcc.Store(id=ids.SEARCH_SINK),
            ]),
            html.Aside(view.panel, id=ids.PANEL, className="side-panel", **{"aria-label": "Selected country"}),
        ]),
    ])


CONTROL_INPUTS = filter_inputs(ids.FILTERS) | {
    "view": Input(ids.VIEW, "value"), "overlay": Input(ids.OVERLAY, "value"), "country": Input(ids.COUNTRY, "value"),
}


@callback(
    Output(ids.MAP, "figure"), Output(ids.SUMMARY, "children"), Output(ids.SEARCH, "data"),
    Output(ids.PANEL, "children"), Output(ids.TABLE_WRAP, "children"), Output(ids.MAP_WRAP, "hidden"),
    Output(ids.TABLE_WRAP, "hidden"), Output(ids.EMPTY, "children"), Output(ids.OFF_MAP, "children"),
    Output(ids.EXPORT_NAME, "data"), inputs=CONTROL_INPUTS, state={"search": State(ids.SEARCH, "data")},
    prevent_initial_call=True,
)
def update_view(search=None, **controls):
    """Redraw the map page for the (validated) filter values; the table keeps its sort, back on page 1."""
    site = current_site()
    state = state_from_controls(site.options, **controls)
    view = home_view(site, state)
    # The page's own store holds the view it shows: parts that stay the same are not resent (no re-render).
    shown_state = parse_search(search if isinstance(search, str) else "", site.options)
    shown = home_view(site, shown_state)
    table = parse_table_search(search, sortable(TABLE_COLUMNS)).with_changes(page=1)
    if state.view == "table":
        grid = home_table(state, table, view.table_rows)
    else:  # the table is only built while shown; empty it when leaving the table view
        grid = [] if shown_state.view == "table" else no_update
    return (view.figure, view.summary, with_table_query(view.search, table), only_if_changed(view.panel, shown.panel),
            grid, state.view != "map" or view.empty is not None,
            state.view != "table", only_if_changed(view.empty, shown.empty),
            only_if_changed(view.off_map, shown.off_map), export_name(state))


@callback(Output(ids.COUNTRY, "value"), Input(ids.MAP, "clickData"), prevent_initial_call=True)
def select_clicked_country(click):
    """A click on a country selects it (the dropdown is the keyboard route to the same state)."""
    try:
        location = click["points"][0]["location"]
    except (TypeError, KeyError, IndexError):
        raise PreventUpdate from None
    return location if location in current_site().options.countries else no_update


register_reset(ids.FILTERS.reset, list(CONTROL_INPUTS.values()), ["map", "none", None])
register_url_sync(ids.SEARCH, ids.SEARCH_SINK)

# The image file name follows the filters without a new graph config (a config change redraws the whole map).
clientside_callback(ClientsideFunction("atlas", "setFilename"), Output(ids.SEARCH_SINK, "data", allow_duplicate=True),
                    Input(ids.EXPORT_NAME, "data"), State(ids.MAP, "id"), prevent_initial_call=True)

register_share_callbacks(ids.SHARE, ids.SEARCH, ids.MAP, "/")

"""Timeline: records per year stacked by dataset, with Entity List listing dates of the chosen companies."""

from __future__ import annotations

import dash
from dash import ClientsideFunction, Output, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard.components.filters import FilterIds, default_filter_values, filter_inputs, filter_panel
from dashboard.components.graph import export_filename, graph
from dashboard.components.layout import empty_result, notice
from dashboard.components.share import ShareIds, share_bar
from dashboard.components.site import Site, current_site
from dashboard.components.urls import absolute, timeline_href
from dashboard.figures.timeline import make_timeline
from dashboard.pages._share_callbacks import register_share_callbacks
from dashboard.transforms import count_by_year, describe_view, filter_records, listing_dates
from dashboard.viewstate import ViewState, parse_view_state, state_from_controls, view_state_search

dash.register_page(__name__, path="/timeline", title="Timeline - Safe City Atlas", name="Timeline")


class ids:
    """Component IDs of this page."""

    FILTERS = FilterIds("timeline")
    NOTICE = "timeline-notice"
    SUMMARY = "timeline-summary"
    CHART = "timeline-chart"
    EMPTY = "timeline-empty"
    SEARCH = "timeline-search"
    SEARCH_SINK = "timeline-search-sink"
    SHARE = ShareIds("timeline")


def timeline_view(site: Site, state: ViewState) -> tuple[dict, str, str, html.Div | None]:
    """Figure, summary, query string and empty-result notice for a state."""
    records = filter_records(site.atlas.records, state)
    summary = describe_view(state, records, dict(site.company_names), site.options)
    listings = listing_dates(site.atlas.tables["entity_list"], state.companies, dict(site.company_names))
    figure = make_timeline(count_by_year(records, state.datasets or site.options.datasets),
                           title="Records per year", summary=summary, source_line=site.source_line,
                           url=absolute(site.settings.site_url, timeline_href(state)), listings=listings)
    empty = empty_result("Try fewer filters: widen the year range or clear the company.") if not len(records) else None
    return figure, summary, view_state_search(state), empty


def layout(**query) -> html.Div:
    """The timeline for the view state in the query string."""
    site = current_site()
    state = parse_view_state(query, site.options)
    figure, summary, search, empty = timeline_view(site, state)
    return html.Div(className="timeline", children=[
        html.H1("Timeline"),
        notice(state.notices, ids.NOTICE),
        html.Div(className="layout-with-sidebar two-columns", children=[
            filter_panel(ids.FILTERS, state, site),
            html.Div(className="content", children=[
                html.P(summary, id=ids.SUMMARY, className="summary", **{"aria-live": "polite"}),
                share_bar(ids.SHARE, site, state, "/timeline"),
                html.Div(empty, id=ids.EMPTY),
                dcc.Loading(graph(ids.CHART, figure, filename=export_filename("timeline", *state.datasets,
                                                                               *state.companies),
                                  label="Records per year, stacked by dataset"), delay_show=300),
                html.P("Dotted lines mark when a selected company was added to the US Entity List. Choose a "
                       "company in the filters to see its listing dates.", className="legend-note"),
                dcc.Store(id=ids.SEARCH, data=search),
                dcc.Store(id=ids.SEARCH_SINK),
            ]),
        ]),
    ])


@callback(Output(ids.CHART, "figure"), Output(ids.SUMMARY, "children"), Output(ids.SEARCH, "data"),
          Output(ids.EMPTY, "children"), inputs=filter_inputs(ids.FILTERS), prevent_initial_call=True)
def update_timeline(**controls):
    """Redraw the timeline for the (validated) filter values."""
    site = current_site()
    return timeline_view(site, state_from_controls(site.options, **controls))


@callback([Output(i.component_id, i.component_property, allow_duplicate=True)
           for i in filter_inputs(ids.FILTERS).values()],
          dash.Input(ids.FILTERS.reset, "n_clicks"), prevent_initial_call=True)
def reset_filters(n_clicks):
    """One click back to the default view."""
    if not isinstance(n_clicks, int) or n_clicks < 1:
        raise PreventUpdate
    return default_filter_values(current_site())


clientside_callback(ClientsideFunction("atlas", "replaceSearch"), Output(ids.SEARCH_SINK, "data"),
                    dash.Input(ids.SEARCH, "data"))

register_share_callbacks(ids.SHARE, ids.SEARCH, ids.CHART, "/timeline")

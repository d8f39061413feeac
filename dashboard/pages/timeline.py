"""Timeline: records per year stacked by dataset, with Entity List listing dates of the chosen companies."""

from __future__ import annotations

import dash
from dash import Output, callback, dcc, html

from dashboard.components.filters import FilterIds, filter_inputs, filter_panel, filters_link
from dashboard.components.graph import export_filename, graph
from dashboard.components.layout import notice
from dashboard.components.share import ShareIds, share_bar
from dashboard.components.site import current_site
from dashboard.components.timeline_view import timeline_view
from dashboard.pages._page_callbacks import register_reset, register_share_callbacks, register_url_sync
from dashboard.viewstate import parse_view_state, state_from_controls

dash.register_page(__name__, path="/timeline", title="Timeline - Safe City Atlas", name="Timeline")


class ids:
    """Component IDs of this page."""

    FILTERS = FilterIds("timeline")
    NOTICE = "timeline-notice"
    SUMMARY = "timeline-summary"
    CHART = "timeline-chart"
    CHART_WRAP = "timeline-chart-wrap"
    STACK = "timeline-stack"
    EMPTY = "timeline-empty"
    SEARCH = "timeline-search"
    SEARCH_SINK = "timeline-search-sink"
    SHARE = ShareIds("timeline")


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
                filters_link(ids.FILTERS),
                html.P(summary, id=ids.SUMMARY, className="summary", **{"aria-live": "polite"}),
                share_bar(ids.SHARE, site, state, "/timeline"),
                html.Fieldset([html.Legend("Stack by"), dcc.RadioItems(
                    id=ids.STACK, value=state.stack, className="radio inline",
                    options=[{"label": "Dataset", "value": "dataset"},
                             {"label": "Company (per-vendor view)", "value": "company"}])]),
                html.Div(empty, id=ids.EMPTY),
                html.Div(graph(ids.CHART, figure, filename=export_filename("timeline", *state.datasets,
                                                                            *state.companies),
                               label="Records per year"), id=ids.CHART_WRAP, hidden=empty is not None),
                html.P("Dotted lines mark when a selected company was added to the US Entity List. Choose a "
                       "company in the filters to see its listing dates.", className="legend-note"),
                dcc.Store(id=ids.SEARCH, data=search),
                dcc.Store(id=ids.SEARCH_SINK),
            ]),
        ]),
    ])


@callback(Output(ids.CHART, "figure"), Output(ids.SUMMARY, "children"), Output(ids.SEARCH, "data"),
          Output(ids.EMPTY, "children"), Output(ids.CHART_WRAP, "hidden"),
          inputs=filter_inputs(ids.FILTERS) | {"stack": dash.Input(ids.STACK, "value")}, prevent_initial_call=True)
def update_timeline(**controls):
    """Redraw the timeline for the (validated) filter values."""
    site = current_site()
    figure, summary, search, empty = timeline_view(site, state_from_controls(site.options, **controls))
    return figure, summary, search, empty, empty is not None


register_reset(ids.FILTERS.reset, list(filter_inputs(ids.FILTERS).values()), [])
register_url_sync(ids.SEARCH, ids.SEARCH_SINK)
register_share_callbacks(ids.SHARE, ids.SEARCH, ids.CHART, "/timeline")

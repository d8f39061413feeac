"""What the timeline page shows for a view state (also used by image export)."""

from __future__ import annotations

from dash import html

from dashboard.components.layout import empty_result
from dashboard.components.site import Site
from dashboard.components.urls import absolute, timeline_href
from dashboard.figures.timeline import make_timeline
from dashboard.transforms import (
    count_by_year,
    count_by_year_and_company,
    describe_view,
    filter_records,
    listing_dates,
)
from dashboard.viewstate import ViewState, view_state_search


def timeline_view(site: Site, state: ViewState) -> tuple[dict, str, str, html.Div | None]:
    """Figure, summary, query string and empty-result notice for a state."""
    records = filter_records(site.atlas.records, state)
    summary = describe_view(state, records, dict(site.company_names), site.options)
    listings = listing_dates(site.atlas.tables["entity_list"], state.companies, dict(site.company_names))
    if state.stack == "company":
        by_year, title = count_by_year_and_company(records, dict(site.company_names)), "Records per year by company"
    else:
        by_year, title = count_by_year(records, state.datasets or site.options.datasets), "Records per year"
    figure = make_timeline(by_year, title=title, summary=summary, source_line=site.source_line,
                           url=absolute(site.settings.site_url, timeline_href(state)), listings=listings)
    empty = empty_result("Try fewer filters: widen the year range or clear the company.") if not len(records) else None
    return figure, summary, view_state_search(state), empty

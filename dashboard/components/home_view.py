"""What the map page shows for a view state: figure, summary, side panel and table rows."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import dcc, html

from dashboard.components.graph import export_filename
from dashboard.components.layout import empty_result
from dashboard.components.records import record_list
from dashboard.components.site import Site
from dashboard.components.tables import Column, first_sources, source_cells
from dashboard.components.urls import absolute, company_href, country_href, home_href
from dashboard.figures.narrow import NARROW_MEDIA
from dashboard.figures.world_map import make_world_map
from dashboard.transforms import count_by_country, describe_view, filter_records, records_for_country
from dashboard.viewstate import DATASET_LABELS, ViewState, view_state_search

ORIGIN = "CHN"
RELAX_HINT = "Try fewer filters: widen the year range, clear the company or technology, or add datasets."
COUNT_LEGEND = ("Counted: one per record and country (a training course counts once in each participant "
                "country its sources name, or in its host country, else China, when none is named).")


@dataclass(frozen=True)
class HomeView:
    """Everything the map page's callback returns."""

    figure: dict
    summary: str
    search: str
    panel: html.Div
    table_rows: list[dict]
    empty: html.Div | None
    off_map: list


def map_title(state: ViewState) -> str:
    """The figure title."""
    if len(state.datasets) == 1:
        return f"{DATASET_LABELS[state.datasets[0]]} by country"
    return "Chinese smart-city and safe-city technology records by country"


def export_name(state: ViewState, view: str = "map") -> str:
    """The image file name for this view."""
    years = f"{state.years[0]}-{state.years[1]}" if state.years else ""
    return export_filename(view, *state.datasets, *state.companies, years, *state.regions)


TABLE_COLUMNS = (
    Column("record_id", "Record"), Column("dataset", "Dataset"), Column("country", "Country"),
    Column("year", "Year", numeric=True), Column("title", "Title"), Column("company", "Company"),
    Column("status", "Status"), Column("confidence", "Confidence"), Column("source", "Source"),
)


def table_rows(records, site: Site) -> list[dict]:
    """Rows for the table view: one per record and country, linking country, company and first source."""
    first = first_sources(site)
    rows = []
    for record in records.itertuples():
        company = record.company_id if isinstance(record.company_id, str) else None
        rows.append({
            "record_id": record.record_id, "dataset": DATASET_LABELS[record.dataset],
            "country": record.country_name, "country_href": country_href(record.iso3),
            "year": None if pd.isna(record.year) else int(record.year), "title": record.title,
            "company": site.company_names.get(company, "") if company else "",
            "company_href": company_href(company) if company else None,
            "status": record.status if isinstance(record.status, str) else "", "confidence": record.confidence,
            **source_cells(first, record.dataset, record.record_id),
        })
    return rows


def country_panel(state: ViewState, records, site: Site) -> html.Div:
    """The side panel: the selected country's records (within the filters) with their sources."""
    if not state.country:
        return html.Div(className="panel-empty", children=[
            html.P("Select a country on the map, or choose one from the list above, to see its records and "
                   "sources here.")])
    name = site.country_names.get(state.country, state.country)
    in_country = records_for_country(records, state.country)
    header = [html.H3(name), dcc.Link(f"Open the {name} page with all datasets \u2192",
                                      href=country_href(state.country), className="panel-link")]
    if not len(in_country):
        return html.Div(header + [html.P("No records for this country match the current filters.")])
    n_records = in_country["record_id"].nunique()
    return html.Div(header + [html.P(f"{n_records} record{'s' if n_records != 1 else ''} match the filters."),
                              record_list(in_country, site)])


HOME_HEADING = "Chinese smart-city and safe-city technology abroad"


def home_view(site: Site, state: ViewState) -> HomeView:
    """The map page's computed view for a state, built once per process and state."""
    return site.views.get_or_build(("home", state), lambda: build_home_view(site, state))


def static_map_href(state: ViewState, narrow: bool = False) -> str:
    """The server-drawn picture of the map for a view state, shown until plotly.js has drawn the map.

    `narrow`: the picture as a phone draws the map (figures/narrow.py).
    """
    return ("/map-narrow.svg" if narrow else "/map.svg") + view_state_search(state)


def map_frame(chart: html.Div, state: ViewState) -> html.Div:
    """A map graph with the server-drawn picture of the same view over it until plotly has drawn it.

    style.css hides the picture once the graph holds country paths (`.map-frame:has(.choroplethlocation)`).
    """
    return html.Div(className="map-frame", children=[chart, html.Picture([
        html.Source(srcSet=static_map_href(state, narrow=True), media=NARROW_MEDIA),
        html.Img(src=static_map_href(state), alt="", className="map-placeholder")])])


def build_home_view(site: Site, state: ViewState) -> HomeView:
    """Compute the map page for `state`."""
    records = filter_records(site.atlas.records, state)
    summary = describe_view(state, records, dict(site.company_names), site.options)
    search = view_state_search(state)
    counts = count_by_country(records)
    # China is where the records come from (its Entity List entries sit there); colouring it would swamp the
    # scale for the countries abroad, so it is listed beside the map instead.
    is_origin = counts["iso3"] == ORIGIN
    figure = make_world_map(counts[~is_origin], base_map=site.base_map_codes, title=map_title(state),
                            summary=summary, source_line=site.source_line,
                            url=absolute(site.settings.site_url, home_href(state)), overlay=state.overlay,
                            countries=site.atlas.countries, selected=state.country)
    off_map = counts[is_origin | ~counts["on_base_map"].fillna(False).astype(bool)]
    off_map_items = [html.Span([dcc.Link(f"{row.country_name} ({row.count})", href=country_href(row.iso3)), " "])
                     for row in off_map.itertuples()]
    return HomeView(
        figure=figure, summary=summary, search=search, panel=country_panel(state, records, site),
        table_rows=table_rows(records, site) if state.view == "table" else [],
        empty=empty_result(RELAX_HINT) if not len(records) else None,
        off_map=(["Not coloured on the map (China, the origin, and places too small at this scale): "]
                 + off_map_items) if off_map_items else [],
    )

"""Data & sources: every record in a searchable table, per-dataset documentation, aggregates and changelog."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, callback, dcc, html

from dashboard.components.site import Site, current_site
from dashboard.components.tables import grid_rows, records_grid
from dashboard.data.store import DATASETS

dash.register_page(__name__, path="/data", title="Data & sources - Safe City Atlas", name="Data & sources")


class ids:
    """Component IDs of this page."""

    QUICK_FILTER = "data-quick-filter"
    GRID = "data-grid"


METHOD = ("Records are curated by hand from public reports, Federal Register rules, government and vendor "
          "releases and reputable news. Each record cites at least one public source with its publisher, "
          "publication date and a verbatim evidence quote of at most 300 characters; confidence is high for "
          "official or vendor documents, medium for reputable media or research, low for a single aggregator, "
          "re-post or state-media source. What could not be sourced is left out, not guessed. Aggregate "
          "findings (such as Freedom House's 36 countries) are listed as aggregates, not expanded into rows.")


def dataset_card(site: Site, dataset: str) -> html.Article:
    """Description, coverage, last updated and licence of one dataset."""
    resource = site.atlas.resource(dataset)
    records = site.atlas.records[site.atlas.records["dataset"] == dataset]
    years = records["year"].dropna()
    span = f"{int(years.min())}\u2013{int(years.max())}" if len(years) else "undated"
    return html.Article(className="stat", children=[
        html.H3(resource.get("title", dataset)),
        html.P(resource.get("description", "")),
        html.P(f"{records['record_id'].nunique()} records, {records['iso3'].nunique()} countries, {span}. "
               f"Last updated {site.atlas.last_updated}. File: data/{resource['path']} with sources in "
               f"data/{dataset}_sources.csv."),
    ])


def simple_table(frame: pd.DataFrame, columns: list[str]) -> html.Div:
    """A plain HTML table (text only)."""
    return html.Div(className="data-table-wrap", children=html.Table(className="plain", children=[
        html.Thead(html.Tr([html.Th(c.replace("_", " ").capitalize()) for c in columns])),
        html.Tbody([html.Tr([html.Td("" if pd.isna(v) else str(v)) for v in row])
                    for row in frame[columns].itertuples(index=False)]),
    ]))


def layout(**_query) -> html.Div:
    """The data and sources page."""
    site = current_site()
    licence = (site.atlas.descriptor.get("licenses") or [{}])[0]
    aggregates = site.atlas.tables["aggregates"]
    return html.Div(className="data-page", children=[
        html.H1("Data & sources"),
        html.P(METHOD),
        html.P([f"Data package version {site.atlas.version}, last updated {site.atlas.last_updated}. Licence: ",
                html.A(licence.get("title", licence.get("name", "")), href=licence.get("path"), rel="license"), "."]),
        html.Div([dataset_card(site, d) for d in DATASETS], className="stat-row"),
        html.H2("All records"),
        html.Label(["Search the table ", dcc.Input(id=ids.QUICK_FILTER, type="search", debounce=True,
                                                   placeholder="e.g. Nairobi, Hikvision, 2019")]),
        records_grid(ids.GRID, grid_rows(site)),
        html.H2("Documented aggregates"),
        html.P("Published totals that are cited as such rather than expanded into records."),
        simple_table(aggregates, ["aggregate_id", "statement", "value", "unit", "publisher", "published", "url"]),
        html.H2("Changelog"),
        simple_table(site.atlas.tables["changelog"].iloc[::-1].head(300), ["date", "record_id", "change",
                                                                          "description"]),
    ])


@callback(Output(ids.GRID, "dashGridOptions"), Input(ids.QUICK_FILTER, "value"), prevent_initial_call=True)
def filter_table(text):
    """Quick filter over every column."""
    text = text[:100] if isinstance(text, str) else ""
    return {"pagination": True, "paginationPageSize": 20, "enableCellTextSelection": True, "quickFilterText": text}

"""Data & sources: every record in a searchable table, per-dataset documentation, aggregates and changelog."""

from __future__ import annotations

import dash
import pandas as pd
from dash import Input, Output, State, callback, dcc, html

from dashboard.components.layout import notice
from dashboard.components.site import Site, current_site
from dashboard.components.tables import RECORD_COLUMNS, grid_rows, records_table, sortable
from dashboard.data.store import DATASETS
from dashboard.pages._page_callbacks import register_url_sync
from dashboard.tablestate import MAX_TEXT, TableState, parse_table_search, parse_table_state, with_table_query

dash.register_page(__name__, path="/data", title="Data & sources - Safe City Atlas", name="Data & sources")


class ids:
    """Component IDs of this page."""

    NOTICE = "data-notice"
    QUICK_FILTER = "data-quick-filter"
    GRID = "data-grid"
    GRID_WRAP = "data-grid-wrap"
    SEARCH = "data-search"
    SEARCH_SINK = "data-search-sink"


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


def all_records_table(site: Site, table: TableState) -> html.Div:
    """Every record, one page at a time; sort and page links keep the text filter."""
    rows = site.views.get_or_build(("data-grid-rows",), lambda: grid_rows(site))  # the filter callback reuses them
    return records_table(ids.GRID, rows, RECORD_COLUMNS, table,
                         lambda next_table: "/data" + with_table_query("", next_table))


def layout(**query) -> html.Div:
    """The data and sources page (?q= filters the records table, ?sort= and ?page= sort and page it)."""
    site = current_site()
    table = parse_table_state(query, sortable(RECORD_COLUMNS))
    licence = (site.atlas.descriptor.get("licenses") or [{}])[0]
    aggregates = site.atlas.tables["aggregates"]
    return html.Div(className="data-page", children=[
        html.H1("Data & sources"),
        notice(table.notices, ids.NOTICE),
        html.P(METHOD),
        html.P([f"Data package version {site.atlas.version}, last updated {site.atlas.last_updated}. Licence: ",
                html.A(licence.get("title", licence.get("name", "")), href=licence.get("path"), rel="license"), "."]),
        html.Div([dataset_card(site, d) for d in DATASETS], className="stat-row"),
        html.H2("All records"),
        html.Label(["Search the table ", dcc.Input(id=ids.QUICK_FILTER, type="search", debounce=True,
                                                   value=table.text, maxLength=MAX_TEXT,
                                                   placeholder="e.g. Nairobi, Hikvision, 2019")]),
        html.Div(all_records_table(site, table), id=ids.GRID_WRAP),
        dcc.Store(id=ids.SEARCH, data=with_table_query("", table)),
        dcc.Store(id=ids.SEARCH_SINK),
        html.H2("Documented aggregates"),
        html.P("Published totals that are cited as such rather than expanded into records."),
        simple_table(aggregates, ["aggregate_id", "statement", "value", "unit", "publisher", "published", "url"]),
        html.H2("Changelog"),
        simple_table(site.atlas.tables["changelog"].iloc[::-1].head(300), ["date", "record_id", "change",
                                                                          "description"]),
    ])


@callback(Output(ids.GRID_WRAP, "children"), Output(ids.SEARCH, "data"), Input(ids.QUICK_FILTER, "value"),
          State(ids.SEARCH, "data"), prevent_initial_call=True)
def filter_table(text, search):
    """Text filter over every column; keeps the sort, back to page 1, and puts `q` in the address."""
    table = parse_table_search(search, sortable(RECORD_COLUMNS))
    table = table.with_changes(text=text.strip()[:MAX_TEXT] if isinstance(text, str) else "", page=1)
    return all_records_table(current_site(), table), with_table_query("", table)


register_url_sync(ids.SEARCH, ids.SEARCH_SINK)
